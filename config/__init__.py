"""The Django project: settings, URLs and the WSGI/ASGI entry points."""

import os

ENVIRONMENTS = ("development", "production")


def use_settings() -> None:
    """Point Django at the settings module for ``PORTAL_ENV`` (development unless it says
    production), unless DJANGO_SETTINGS_MODULE already names one (the tests use ``test``)."""
    environment = os.environ.get("PORTAL_ENV", "development").strip().lower()
    if environment not in ENVIRONMENTS:
        raise SystemExit("PORTAL_ENV must be 'development' or 'production'.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"config.settings.{environment}")
