from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

urlpatterns = [
    # Outside the language prefixes: crawlers and browsers ask for these at the root.
    path("favicon.ico", views.favicon, name="favicon"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix (/sv/…, /en/…); the bare root redirects
# to the language the browser asks for, or Swedish.
urlpatterns += i18n_patterns(
    # Before Wagtail's catch-all, so no page can hide it (a page with the slug "sok" under the
    # home page would be unreachable).
    path("sok/", views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
