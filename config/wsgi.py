"""The WSGI entry point for gunicorn or any WSGI server: ``config.wsgi:application``."""

from django.core.wsgi import get_wsgi_application

from config import use_settings

use_settings()
application = get_wsgi_application()
