"""Browser tests: the portal served by a real server process, opened in headless Chromium
(Debian's package) and checked with axe-core from npm.

The server gets its own database (a SQLite file, or a fresh PostgreSQL database when
DATABASE_URL points at PostgreSQL), migrated and filled with the demo content, as `make run`
does. Outside CI the tests skip with the reason when Chromium or axe-core is missing; under CI
(CI=true) they fail instead, so a green CI means the pages were checked in a real browser.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RAISE_SUBMISSION_LIMIT = (
    "from wagtail.models import Site; from feedback.models import FeedbackSettings; "
    "s = FeedbackSettings.for_site(Site.objects.get(is_default_site=True)); "
    "s.submissions_per_hour = 1000; s.save()"
)
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def require(condition: bool, what: str) -> None:
    if condition:
        return
    reason = f"Browser tests need {what}"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@contextmanager
def e2e_database(tmp_path: Path):
    """A database of the server's own: PostgreSQL if DATABASE_URL says so, else SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'e2e.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(url)
    name = f"portal_e2e_{os.getpid()}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The demo portal served by `manage.py runserver` with DEBUG off: its base URL, a
    function that runs a management command against its database, and its environment."""
    require(CHROMIUM.exists(), f"Chromium at {CHROMIUM} (apt-get install chromium)")
    require(AXE.exists(), "axe-core in node_modules (npm install)")
    tmp_path = tmp_path_factory.mktemp("e2e")
    with e2e_database(tmp_path) as database_url:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(tmp_path / "media"),
            "CACHE_LOCATION": str(tmp_path / "cache"),
            "PAGE_CACHE_SECONDS": "3600",  # as in production
            "PORTAL_ENV": "development",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DEMO_STAFF_PASSWORD": "e2e-staff-password-not-secret",
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)

        def run_command(*command: str) -> str:
            return subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout

        for command in (["migrate", "--noinput"], ["load_demo_content"], ["ensure_demo_staff"]):
            run_command(*command)
        # Every browser test sends from 127.0.0.1: lift the per-address limit above what the
        # suite sends, so it does not answer 429 to the last tests (the limit has its own test).
        run_command("shell", "-c", RAISE_SUBMISSION_LIMIT)
        with serve(env, tmp_path / "server.log") as url:
            yield url, run_command, env


@contextmanager
def serve(env: dict, log_path: Path, port: int | None = None):
    """`manage.py runserver` with this environment, on this or a free port: its base URL."""
    port = port or free_port()
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--insecure",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for(url + "/sv/", server, log_path)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=20)


def wait_for(url: str, server, log_path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"The server stopped:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"The server did not answer {url} within {seconds} s")


@pytest.fixture(scope="session")
def site_url(site):
    return site[0]


@pytest.fixture(scope="session")
def manage(site):
    return site[1]


@pytest.fixture(scope="session")
def browser(site_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """A fresh browser tab; pass Playwright context options, e.g. java_script_enabled=False."""
    contexts = []

    def open_page(**options):
        options.setdefault("locale", "sv-SE")
        # axe-core goes in as an inline script, which the site's Content-Security-Policy
        # forbids; test_content_security_policy checks the pages with the policy enforced.
        options.setdefault("bypass_csp", True)
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def sign_in(new_page, site_url: str, name: str):
    """A new browser page signed in to the admin as ``name`` (password ``<name>-e2e-password``)."""
    page = new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", f"{name}-e2e-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return page


def axe_violations(page, context: dict | None = None) -> list[dict]:
    """WCAG 2.1 A and AA violations axe-core finds on the page as it is now, optionally within
    an axe context such as {"include": ["main"], "exclude": [".w-slim-header"]}. Runs once
    Wagtail's messages have faded in: midway, their text has too little contrast."""
    page.evaluate(
        "() => Promise.race([Promise.all(document.getAnimations()"
        ".filter(a => a.effect?.target?.closest?.('.messages'))"
        ".map(a => a.finished.catch(() => null))), new Promise(r => setTimeout(r, 3000))])"
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "([tags, context]) => axe.run(context || document, {runOnly: {type: 'tag', values: tags}})",
        [WCAG_21_AA, context],
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]
