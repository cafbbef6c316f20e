"""sitemap.xml: every live public page of the site in every language, with hreflang alternates.

Wagtail's own sitemap lists the descendants of the site's root page only, that is the Swedish
tree. Here each locale's tree is listed, but only pages that really exist in that language: an
alias of an untranslated Swedish page shows Swedish content under another language's URL and
names the Swedish page as canonical, so it is left out (the Swedish page is listed once, in its
own tree). A page translated into other languages lists each real translation (itself included)
as an ``hreflang`` alternate plus ``x-default`` (Swedish); a page in one language only has none.
Locations are absolute on the host the sitemap was asked from, as the pages' canonical links.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal import page_directory


class PortalSitemap(Sitemap):
    def site_roots(self) -> list[Page]:
        """The site's root page in every locale (each locale has its own tree)."""
        root = self.get_wagtail_site().root_page
        return list(Page.objects.filter(translation_key=root.translation_key))

    def pages(self):
        """Live public pages that exist in their own language, in any locale's tree."""
        in_site = Q()
        for root in self.site_roots():
            in_site |= Page.objects.descendant_of_q(root, inclusive=True)
        pages = (
            Page.objects.live()
            .public()
            .filter(in_site, alias_of__isnull=True)
            .select_related("locale")
        )
        # A translation started but not published still holds the Swedish text.
        untranslated = page_directory.directory().untranslated()
        return pages.exclude(pk__in=untranslated)

    def items(self):
        return self.pages().order_by("path")

    def location(self, obj: Page) -> str | None:
        url = obj.get_url(self.request)
        if not url:
            return None
        return self.request.build_absolute_uri(url) if self.request else url

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        for version in self.pages().filter(
            translation_key__in={item.translation_key for item in items}
        ):
            versions[version.translation_key].append(version)

        urls = []
        last_mods = []
        for item in items:
            location = self.location(item)
            if location is None:
                continue
            lastmod = self.lastmod(item)
            last_mods.append(lastmod)
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "alternates": self.alternates(versions[item.translation_key]),
                }
            )
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates(self, versions: list[Page]) -> list[dict]:
        """hreflang links for a page that exists in more than one language."""
        located = [(version.locale.language_code, self.location(version)) for version in versions]
        order = [code for code, _name in settings.LANGUAGES]
        located = sorted(
            ((code, url) for code, url in located if url),
            key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order),
        )
        if len(located) < 2:
            return []
        alternates = [{"lang_code": code, "location": url} for code, url in located]
        default = dict(located).get(settings.LANGUAGE_CODE)
        if default:
            alternates.append({"lang_code": "x-default", "location": default})
        return alternates
