"""Settings shared by every environment, read from the environment once (12-factor).

``development`` (the default: SQLite under ``var/``, mail to the console) and ``production``
(``PORTAL_ENV=production``: strict guards, WhiteNoise, the database task queue) set what differs;
``test`` is development with what keeps the suite quick. See the README for every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from portal import languages

BASE_DIR = Path(__file__).resolve().parents[2]


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_map(name: str) -> dict[str, str]:
    """``"a=A,b=B"`` as ``{"a": "A", "b": "B"}``."""
    pairs = [item.partition("=") for item in env_list(name)]
    if any(not key.strip() or not value.strip() for key, _, value in pairs):
        raise ImproperlyConfigured(f"{name} takes comma-separated pairs: claim value=group name")
    return {key.strip(): value.strip() for key, _, value in pairs}


# True only in production.py: the demo commands refuse to run there.
PRODUCTION = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"
# Django's database sessions without the lookup before a new one is inserted (config/sessions).
SESSION_ENGINE = "config.sessions.db"

INSTALLED_APPS = [
    "portal",
    "feedback",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Not used by us: Wagtail's admin uses its naturaltime ("3 minutes ago"), whose Swedish is
    # in this app's catalogue, loaded only when the app is installed.
    "django.contrib.humanize",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mozilla_django_oidc",
]

MIDDLEWARE = [
    "config.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "config.middleware.SiteCSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The admin in Swedish unless the staff member chose otherwise (portal/admin_language.py).
    "portal.admin_language.AdminLanguageMiddleware",
    # Anonymous GETs of CMS pages from the cache (portal/page_cache.py): what follows is skipped.
    "portal.page_cache.PageCacheMiddleware",
    "config.middleware.BodySizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sessions (only under /admin/: public pages get no session from them).
    "portal.staff_sessions.StaffIdleTimeoutMiddleware",
    "portal.staff_sessions.ProviderSessionRefresh",
    "portal.second_factor.SecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Sign-in throttling (django-axes): after five wrong passwords a user name, and separately an
# address, is locked out for an hour; every attempt and lockout is recorded in the database.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "portal.staff_sign_in.PasswordBackend",
    "portal.staff_sign_in.ProviderBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_WHITELIST_CALLABLE = "portal.staff_sign_in.is_provider_callback"

# Staff sign in through the municipality's OpenID Connect provider (mozilla-django-oidc) once
# OIDC_RP_CLIENT_ID is set; until then (development, the demo) with a local password. Groups
# come from the provider's groups claim through OIDC_GROUP_MAP; passwords then work only for
# the break-glass accounts. See portal/staff_sign_in.py and the README's staff section.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_USERNAME_CLAIM = os.environ.get("OIDC_USERNAME_CLAIM", "sub")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_GROUP_MAP = env_map("OIDC_GROUP_MAP")
# The provider is asked again (silently) this often: a user removed there loses access then.
OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = int(
    os.environ.get("OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS", "900")
)
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True  # the hint for the provider's end-session endpoint
OIDC_TIMEOUT = 10
OIDC_CALLBACK_CLASS = "portal.staff_sign_in.ProviderCallbackView"
OIDC_AUTHENTICATE_CLASS = "portal.staff_sign_in.ProviderSignInView"
OIDC_OP_LOGOUT_URL_METHOD = "portal.staff_sign_in.sign_out_url"
if OIDC_RP_CLIENT_ID:
    required = ["OIDC_RP_CLIENT_SECRET", "OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT"]
    required += ["OIDC_OP_USER_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT", "OIDC_GROUP_MAP"]
    if missing := [name for name in required if not globals()[name]]:
        raise ImproperlyConfigured(f"OIDC_RP_CLIENT_ID is set but not {', '.join(missing)}.")
# Local accounts that may still sign in with a password once the provider is configured.
BREAK_GLASS_USERNAMES = env_list("BREAK_GLASS_USERNAMES")
# A password sign-in to the admin also needs a code from the account's TOTP app
# (django-otp; `manage.py break_glass_device USER` sets it up). On in production.
STAFF_PASSWORD_REQUIRES_OTP = env_bool("STAFF_PASSWORD_REQUIRES_OTP", default=False)
# A staff session ends after this many minutes without an admin request.
STAFF_IDLE_MINUTES = int(os.environ.get("STAFF_IDLE_MINUTES", "30"))

# Content Security Policy (django-csp): nothing from other hosts and no inline script or style
# on the public site; the Wagtail admin needs inline code and gets its own policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
    }
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A kept connection is tested before each request, so a database restart costs no
        # request a 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction starts, so concurrent submissions queue up
    # instead of failing; tests use a file too, so that several threads can share it.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Interface and content languages, Swedish first (the default). Adding one is a code here plus
# a catalogue in locale/ (see README); names, direction and formats come from CLDR.
PORTAL_LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti", "fi"]
LANGUAGE_CODE = PORTAL_LANGUAGES[0]
LANGUAGES, LANGUAGES_BIDI = languages.configure(PORTAL_LANGUAGES)
WAGTAIL_I18N_ENABLED = True
# A guarantee approved by the unit head is published with the approval recorded on it.
WAGTAIL_FINISH_WORKFLOW_ACTION = "portal.workflow_finish.publish_approved"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin languages staff may choose in their account: those our staff-only strings are
# written in. Without a choice the admin is Swedish (portal/admin_language.py).
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, name) for code, name in LANGUAGES if code in ("sv", "en")
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: printed to the console unless an SMTP server is configured.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (e-mail, search index): run at once unless TASKS_BACKEND names a queue;
# production defaults to the database queue.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# How long a citizen's page may be kept at most (portal/page_cache.py); 0 keeps none. Publishing
# makes kept pages stale at once, and none is kept past midnight.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60)))
# The database and file caches drop a third of their entries beyond MAX_ENTRIES (300 by
# default), the content generation among them: room for every language's pages.
CACHE_MAX_ENTRIES = 100_000

# The cache holds the public forms' rate limits (shared between app servers in production).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}
}
# How many proxies stand in front of the app and append to X-Forwarded-For (nginx: 1). The
# client's address is that many entries from the right; what the client wrote itself, further
# left, is never trusted. 0: REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# The sign-in lockout counts per address by the same rule as the form's rate limits.
AXES_CLIENT_IP_CALLABLE = "feedback.rate_limits.client_address"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

WAGTAIL_SITE_NAME = "Försörjningsstödsenheten"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name authenticator apps show
# Every date and time in the admin is Stockholm's (deadlines, exports, "not in the future"):
# staff cannot pick another zone in their account.
WAGTAIL_USER_TIME_ZONES = ["Europe/Stockholm"]
# The address staff e-mails link to (scheme, host, port and any path prefix). Without the trailing
# slash: Wagtail's own e-mails (workflow, password reset) put "/admin/…" right after it, and
# "https://host:8443//admin/…" is not found.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The largest request body read at all (config.middleware.BodySizeLimitMiddleware), as in
# deploy/nginx/portal.conf: the public forms, and the admin with its 10 MB uploads.
PUBLIC_MAX_BODY_BYTES = 64 * 1024
ADMIN_MAX_BODY_BYTES = 12 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin makes no request to an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Personal data (the unit's records plan, gallringsbeslut): a closed feedback item keeps its
# sender's details and free text this many months after it was closed; then the nightly
# `gallra_feedback` blanks them and keeps only what the statistics need. The access log
# (who read, exported or searched what) is kept for its own period.
FEEDBACK_RETENTION_MONTHS = int(os.environ.get("FEEDBACK_RETENTION_MONTHS", "24"))
ACCESS_LOG_RETENTION_MONTHS = int(os.environ.get("ACCESS_LOG_RETENTION_MONTHS", "36"))
# An answer that quotes the case is not sent in plain e-mail (OSL 26 kap.): the e-mail says an
# answer is ready and links to the status page, where the lookup code opens it.
FEEDBACK_ANSWER_TEXT_IN_EMAIL = env_bool("FEEDBACK_ANSWER_TEXT_IN_EMAIL", default=False)

# Feedback nobody has picked up (no handler) goes to the feedback inbox after this many working
# hours (office hours on working days, portal/workdays.py), and to the unit heads once half its
# time to the answer date has passed (`manage.py escalate_feedback`, every 15 minutes).
FEEDBACK_PICKUP_WORKING_HOURS = int(os.environ.get("FEEDBACK_PICKUP_WORKING_HOURS", "8"))
if FEEDBACK_PICKUP_WORKING_HOURS < 1:
    raise ImproperlyConfigured("FEEDBACK_PICKUP_WORKING_HOURS is a number of hours, at least 1.")

# The commitment the internal-control sample of feedback measures (answered in time, written
# complaints answered in writing): its follow-up result gets the sample's figures.
FEEDBACK_CONTROL_SAMPLE_COMMITMENT = os.environ.get(
    "FEEDBACK_CONTROL_SAMPLE_COMMITMENT", "synpunkter"
)

# An e-mail a worker claimed ("sending") longer ago than this was left by a worker that died;
# `retry_notifications` sends it again (same Message-ID). Longer than any send takes
# (EMAIL_TIMEOUT); the smoke test (deploy/smoke) shortens it.
NOTIFICATION_SENDING_LEASE_SECONDS = int(
    os.environ.get("NOTIFICATION_SENDING_LEASE_SECONDS", "600")
)

# /readyz fails when the oldest waiting task or e-mail is older than this.
READY_QUEUE_MAX_AGE_SECONDS = int(os.environ.get("READY_QUEUE_MAX_AGE_SECONDS", "900"))

# One line per event, key=value, to stdout, with the request's id. Modules log references and
# ids, never names, addresses or what anyone wrote (tested).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.logging.RequestIdFilter"}},
    "formatters": {
        "key_value": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s "
            "request=%(request_id)s %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "key_value",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.server": {"level": "INFO"},
        "feedback": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "portal.staff_sign_in": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "portal.second_factor": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "portal.staff_sessions": {"level": os.environ.get("LOG_LEVEL", "INFO")},
    },
}
