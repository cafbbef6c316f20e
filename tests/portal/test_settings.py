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
