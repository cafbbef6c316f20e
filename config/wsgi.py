"""The WSGI entry point for gunicorn or any WSGI server: ``config.wsgi:application``."""

from django.core.wsgi import get_wsgi_application

from config import use_settings

use_settings()
application = get_wsgi_application()

# A started app server may run a new release (templates, catalogues): the pages the one before
# kept are made stale. Imported once Django is set up.
from portal import content_generation  # noqa: E402

content_generation.bump()
