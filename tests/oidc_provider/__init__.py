"""A real OpenID Connect provider for tests: server.mjs (npm oidc-provider) run by Node, and a
browser that walks the authorization-code flow between it and the portal."""

import json
import os
import secrets
import shutil
import socket
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import requests

ROOT = Path(__file__).resolve().parents[2]
SERVER = Path(__file__).with_name("server.mjs")
PACKAGE = ROOT / "node_modules" / "oidc-provider"
PORTAL = "http://testserver"


def missing() -> str | None:
    """What the provider needs and this machine lacks, if anything."""
    if shutil.which("node") is None:
        return "Node.js (node)"
    if not PACKAGE.exists():
        return "oidc-provider in node_modules (npm install)"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Provider:
    """server.mjs on a free port, with one client for the portal at `portal`."""

    def __init__(self, log: Path, portal: str = PORTAL):
        self.client_id = "portal"
        self.client_secret = secrets.token_urlsafe(24)
        self.admin_token = secrets.token_urlsafe(24)
        self.url = f"http://127.0.0.1:{free_port()}"
        env = {
            **os.environ,
            "PORT": self.url.rsplit(":", 1)[1],
            "CLIENT_ID": self.client_id,
            "CLIENT_SECRET": self.client_secret,
            "REDIRECT_URI": f"{portal}/oidc/callback/",
            "POST_LOGOUT_REDIRECT_URI": f"{portal}/admin/login/",
            "ADMIN_TOKEN": self.admin_token,
        }
        with log.open("w") as errors:
            self.process = subprocess.Popen(
                ["node", str(SERVER)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors
            )
        if self.process.stdout.readline().strip() != b"ready":
            self.stop()
            raise RuntimeError(f"The OpenID provider did not start:\n{log.read_text()}")
        self.metadata = requests.get(f"{self.url}/.well-known/openid-configuration", timeout=10)
        self.metadata = self.metadata.json()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def settings(self) -> dict:
        """The portal's settings for this provider, as the environment would give them."""
        return {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.metadata["authorization_endpoint"],
            "OIDC_OP_TOKEN_ENDPOINT": self.metadata["token_endpoint"],
            "OIDC_OP_USER_ENDPOINT": self.metadata["userinfo_endpoint"],
            "OIDC_OP_JWKS_ENDPOINT": self.metadata["jwks_uri"],
            "OIDC_OP_LOGOUT_ENDPOINT": self.metadata["end_session_endpoint"],
            "OIDC_RP_SCOPES": "openid email profile groups",
        }

    def _admin(self, method: str, sub: str, body: dict | None = None) -> None:
        answer = requests.request(
            method,
            f"{self.url}/test-admin/users/{sub}",
            data=json.dumps(body) if body is not None else None,
            headers={"Authorization": f"Bearer {self.admin_token}"},
            timeout=10,
        )
        answer.raise_for_status()

    def put_user(self, sub: str, *, groups: list[str], name="Anna Andersson", email=None):
        given, _, family = name.partition(" ")
        claims = {"name": name, "given_name": given, "family_name": family, "groups": groups}
        claims["email"] = email or f"{sub}@kommun.example.se"
        self._admin("PUT", sub, claims)

    def remove_user(self, sub: str) -> None:
        self._admin("DELETE", sub)


class Forms(HTMLParser):
    """The forms of a page: action, method and the named inputs' values."""

    def __init__(self, html: str):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


class Browser:
    """One browser: the portal through Django's test client (the host testserver), the provider
    over HTTP with its own cookies; redirects are followed across both, as a browser does."""

    def __init__(self, client, provider: Provider):
        self.client = client
        self.provider = provider
        self.provider_session = requests.Session()
        self.url = PORTAL + "/"

    def open(self, url: str, data: dict | None = None, stop_before: str = "") -> tuple[int, str]:
        """GET url, or POST data to it, following redirects, the last one to a URL starting
        with stop_before (if given) not taken; the final status and page."""
        url = urljoin(self.url, url)
        for _ in range(20):
            self.url = url
            if stop_before and url.startswith(stop_before):
                return 0, ""
            if url.startswith(self.provider.url):
                answer = self.provider_session.request(
                    "POST" if data is not None else "GET",
                    url,
                    data=data,
                    allow_redirects=False,
                    timeout=20,
                )
                location, page = answer.headers.get("Location"), answer.text
            else:
                assert url.startswith(PORTAL), url
                path = url[len(PORTAL) :]
                answer = self.client.post(path, data) if data is not None else self.client.get(path)
                location, page = answer.get("Location"), answer.content.decode()
            if answer.status_code not in (301, 302, 303, 307, 308):
                return answer.status_code, page
            url, data = urljoin(url, location), None
        raise AssertionError(f"Too many redirects, the last to {url}")

    def submit(self, page: str, stop_before: str = "", **fields) -> tuple[int, str]:
        """Post the page's only form, or the one with one of these fields, with their values."""
        forms = Forms(page).forms
        form = next(f for f in forms if len(forms) == 1 or set(fields) & set(f["fields"]))
        return self.open(form["action"] or self.url, {**form["fields"], **fields}, stop_before)

    def sign_in_with_provider(
        self, sub: str, start: str = "/admin/", stop_before: str = ""
    ) -> tuple[int, str]:
        """From an admin page: the sign-in page's button, then the provider's own form."""
        status, page = self.open(start)
        button = next(link for link in Forms(page).links if "/oidc/authenticate/" in link)
        status, page = self.open(button, stop_before=stop_before)
        if self.url.startswith(self.provider.url):
            status, page = self.submit(page, stop_before, login=sub)
        return status, page
