"""Production mode: refuses a weak configuration and passes Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    # As a sysadmin runs it: the environment picks the settings (not the tests' module).
    unset = {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_fails_with_a_clear_message():
    result = manage("check", PORTAL_ENV="production", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "PORTAL_ENV=production needs a real SECRET_KEY" in result.stderr


def test_production_refuses_the_development_key():
    result = manage(
        "check",
        PORTAL_ENV="production",
        ALLOWED_HOSTS="portal.example.org",
        SECRET_KEY="django-insecure-" + "x" * 60,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_without_allowed_hosts_fails():
    result = manage("check", PORTAL_ENV="production", SECRET_KEY=secrets.token_urlsafe(64))
    assert result.returncode != 0 and "ALLOWED_HOSTS" in result.stderr


def test_production_passes_check_deploy_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        PORTAL_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def production_env(tmp_path, **overrides):
    return {
        "PORTAL_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "portal.example.se",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://portal.example.se",
        "DEFAULT_FROM_EMAIL": "synpunkter@example.se",
        "STATIC_ROOT": str(tmp_path / "static"),
        **overrides,
    }


def test_migrate_alone_works_on_an_empty_production_database(tmp_path):
    # The post-migrate hooks use the database cache: its table is made first.
    result = manage("migrate", "--noinput", **production_env(tmp_path))
    assert result.returncode == 0, result.stderr


def test_setup_site_sets_up_a_fresh_site_and_can_run_again(tmp_path):
    env = production_env(tmp_path)
    first = manage("setup_site", "--hostname", "portal.example.se", **env)
    assert first.returncode == 0, first.stderr
    assert "portal.example.se:443" in first.stdout
    assert (tmp_path / "static" / "portal" / "css" / "portal.css").exists()
    again = manage("setup_site", "--hostname", "portal.example.se", "--port", "8443", **env)
    assert again.returncode == 0, again.stderr
    assert "portal.example.se:8443" in again.stdout
    # The form works on an empty site: the feedback page exists in every language.
    pages = manage(
        "shell",
        "-c",
        "from feedback.models import FeedbackPage as P; print(P.objects.count())",
        **env,
    )
    assert pages.stdout.strip().splitlines()[-1] == "7", pages.stderr


def test_setup_site_refuses_development_defaults(tmp_path):
    env = production_env(tmp_path, WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
    result = manage("setup_site", "--hostname", "portal.example.se", **env)
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL" in result.stderr


def test_production_never_writes_mail_to_the_console(tmp_path):
    """Receipts carry addresses and lookup codes: in production they go to a mail server, and
    setup_site refuses a backend that would keep them on the server (the console, the log)."""
    shown = manage(
        "shell", "-c", "from django.conf import settings; print(settings.EMAIL_BACKEND)",
        **production_env(tmp_path),
    )  # fmt: skip
    assert shown.stdout.strip().endswith("\ndjango.core.mail.backends.smtp.EmailBackend"), shown
    console = "django.core.mail.backends.console.EmailBackend"
    refused = manage(
        "setup_site", "--hostname", "portal.example.se",
        **production_env(tmp_path, EMAIL_BACKEND=console),
    )  # fmt: skip
    assert refused.returncode != 0 and "EMAIL_BACKEND" in refused.stderr


def test_a_half_configured_provider_fails_with_a_clear_message():
    result = manage("check", OIDC_RP_CLIENT_ID="portal", OIDC_RP_CLIENT_SECRET="s")
    assert result.returncode != 0
    assert "OIDC_RP_CLIENT_ID is set but not OIDC_OP_AUTHORIZATION_ENDPOINT" in result.stderr


def test_a_malformed_group_map_fails_with_a_clear_message():
    result = manage("check", OIDC_GROUP_MAP="portal-editors=Editors,Moderators")
    assert result.returncode != 0
    assert "OIDC_GROUP_MAP takes comma-separated pairs" in result.stderr
