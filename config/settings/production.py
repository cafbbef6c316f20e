"""Production (``PORTAL_ENV=production``): refuses to start with a weak or missing secret key,
without ALLOWED_HOSTS or with DEBUG on; TLS behind a proxy, compressed hashed static files,
the database task queue and a cache shared by every app server."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES, MIDDLEWARE, SECRET_KEY, env_bool

PRODUCTION = True
DEBUG = env_bool("DEBUG", default=False)
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when PORTAL_ENV=production.")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "PORTAL_ENV=production needs a real SECRET_KEY: at least 50 random characters, "
        "for example from: python -c 'import secrets; print(secrets.token_urlsafe(64))'"
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("PORTAL_ENV=production needs ALLOWED_HOSTS (comma-separated).")

# A password sign-in (the break-glass account) needs its second factor.
STAFF_PASSWORD_REQUIRES_OTP = env_bool("STAFF_PASSWORD_REQUIRES_OTP", default=True)

# Mail goes to a mail server, never to the console (the log): receipts carry addresses and
# lookup codes. Without EMAIL_HOST that is the host's own MTA on localhost:25.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))

# Compressed, hashed static files straight from the app server.
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# The cache behind the rate limits, shared by every app server: Redis when REDIS_URL is set,
# else a database table (`manage.py setup_site` creates it).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
        "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES},  # noqa: F405
    }
}
# The health endpoints answer the local probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
if env_bool("TRUST_X_FORWARDED_PROTO", default=True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
LOGGING["loggers"]["django.server"]["level"] = "WARNING"  # noqa: F405
# Sessions in the shared cache, backed by the database: any app server can serve any request.
SESSION_ENGINE = "config.sessions.cached_db"
