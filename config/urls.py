from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import errors, health
from portal import appeal_page, second_factor, staff_sign_in, views

urlpatterns = [
    # For the load balancer and monitoring (see config/health.py).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Outside the language prefixes: crawlers and browsers ask for these at the root.
    path("favicon.ico", views.favicon, name="favicon"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    # Staff sign-in (portal/staff_sign_in.py), before the Wagtail admin's own views.
    path("admin/login/", staff_sign_in.StaffLoginView.as_view()),
    path("admin/logout/", staff_sign_in.StaffLogoutView.as_view()),
    path("admin/second-factor/", second_factor.verify, name="staff_second_factor"),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

# Uploaded files from runserver while DEBUG is on (static() adds nothing otherwise); in
# production nginx serves /media/ (deploy/nginx/portal.conf).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix (/sv/…, /en/…); the bare root redirects
# to the language the browser asks for, or Swedish.
urlpatterns += i18n_patterns(
    # Before Wagtail's catch-all, so no page can hide them (a page with the slug "sok" under
    # the home page would be unreachable).
    path("sok/", views.search, name="search"),
    path("sista-dagen-att-overklaga/", appeal_page.last_day_view, name="last_day_to_appeal"),
    # Wagtail's front-end URLs; its page view routed through the page directory, its sign-in
    # form replaced by the staff sign-in.
    path("_util/login/", staff_sign_in.public_sign_in, name="wagtailcore_login"),
    *[
        pattern
        for pattern in wagtail_urls.urlpatterns
        if pattern.name not in ("wagtail_serve", "wagtailcore_login")
    ],
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

# Too large, too many fields or malformed: a page in the reader's language.
handler400 = errors.bad_request
