"""The ASGI entry point, for servers that speak ASGI: ``config.asgi:application``."""

from django.core.asgi import get_asgi_application

from config import use_settings

use_settings()
application = get_asgi_application()
