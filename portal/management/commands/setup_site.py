"""Set up (or bring up to date) a production site in one idempotent step; see deploy/README.md."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from portal.site_setup import ensure_essential_site

# What development runs with; a production site that still has one of these is not set up.
DEVELOPMENT_DEFAULTS = {
    "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000",
    "DEFAULT_FROM_EMAIL": "noreply@example.org",
    "ALLOWED_HOSTS": ["localhost", "127.0.0.1", "[::1]"],
}


class Command(BaseCommand):
    help = (
        "Create the cache table, migrate, compile the catalogues, collect static files, make "
        "sure the site and its essential pages exist and set its host name. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="e.g. portal.example.se")
        parser.add_argument("--port", type=int, default=443)

    def handle(self, *args, hostname, port, **options):
        self.refuse_development_defaults()
        call_command("createcachetable", verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        self.compile_catalogues()
        call_command("collectstatic", interactive=False, verbosity=0)
        home = ensure_essential_site()
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port, site.root_page = hostname, port, home
        site.save()
        self.stdout.write(f"The site answers as {hostname}:{port}.")

    def refuse_development_defaults(self):
        found = [
            name
            for name, default in DEVELOPMENT_DEFAULTS.items()
            if getattr(settings, name) == default
        ]
        if settings.SECRET_KEY.startswith("django-insecure"):
            found.append("SECRET_KEY")
        if not settings.EMAIL_BACKEND.endswith("smtp.EmailBackend"):
            found.append("EMAIL_BACKEND (e-mail would not leave the server)")
        if found:
            raise CommandError(
                "These settings still hold development defaults: "
                + ", ".join(found)
                + ". Set them in the environment (see deploy/portal.env.example)."
            )

    def compile_catalogues(self):
        """Compile every .po that has no .mo or a newer one (Babel: no system gettext)."""
        for po_path in Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file)
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalog)
