"""The site a fresh database needs before anyone can use it: the Swedish home page as the
default site's root, the pages other apps provide (hook ``essential_pages``, e.g. the feedback
form) and every locale's tree. Used by ``setup_site`` and by the demo content."""

from wagtail import hooks
from wagtail.models import Locale, Page, Site

from portal.locale_setup import synchronise_trees
from portal.models import HomePage

HOME_SLUG = "hem"
UNIT_NAME = "Försörjningsstödsenheten"


def ensure_home(intro: str = "") -> HomePage:
    """The Swedish home page, made the default site's root (Wagtail's welcome page goes)."""
    root = Page.get_first_root_node()
    locale = Locale.get_default()
    home = HomePage.objects.filter(slug=HOME_SLUG, depth=2, locale=locale).first()
    if home is None:
        home = HomePage(slug=HOME_SLUG, title=UNIT_NAME, locale=locale, intro=intro)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=UNIT_NAME
        )
    elif site.root_page_id != home.pk:
        previous = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" placeholder (and its aliases in the
        # other locales) has served its purpose.
        if previous.content_type.model == "page" and not previous.get_children().exists():
            for alias in Page.objects.filter(alias_of=previous):
                alias.delete()
            previous.delete()
    return home


def ensure_essential_site() -> HomePage:
    home = ensure_home()
    for add_pages in hooks.get_hooks("essential_pages"):
        add_pages(home)
    synchronise_trees()
    return home
