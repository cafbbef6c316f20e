"""The files in deploy/ are what an IT team installs: nginx accepts the site, and through it a
gunicorn started from deploy/gunicorn.conf.py serves the portal over HTTPS with the headers the
app promises. Skipped without nginx and openssl, failed instead under CI."""

import getpass
import json
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require(tool: str) -> None:
    if shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is needed (apt-get install {tool})")
    pytest.skip(f"{tool} is not installed")


def nginx_site(tmp: Path, app_port: int, https_port: int, http_port: int) -> Path:
    """deploy/nginx/portal.conf with the test's ports, certificate and folders."""
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    site = (
        site.replace("listen 80;", f"listen {http_port};")
        .replace("listen [::]:80;", "")
        .replace("listen 443 ssl http2;", f"listen {https_port} ssl http2;")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("127.0.0.1:8001", f"127.0.0.1:{app_port}")
        .replace("/etc/ssl/certs/portal.example.se.pem", str(tmp / "cert.pem"))
        .replace("/etc/ssl/private/portal.example.se.key", str(tmp / "key.pem"))
        .replace("/etc/nginx/portal_proxy.conf", str(DEPLOY / "nginx" / "portal_proxy.conf"))
        .replace("/srv/portal/var/static/", str(tmp / "static") + "/")
        .replace("/srv/portal/var/media/", str(tmp / "media") + "/")
        .replace("server_name portal.example.se;", "server_name localhost;")
        .replace("/var/log/nginx/portal.access.log", str(tmp / "access.log"))
    )
    main = tmp / "nginx.conf"
    main.write_text(
        # Workers read the test's private folder: as its owner (nginx ignores this unless root).
        f"user {getpass.getuser()};\n"
        f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n client_body_temp_path {tmp}/body;\n"
        f" proxy_temp_path {tmp}/proxy;\n types {{ text/css css; }}\n{site}\n}}\n"
    )
    return main


def test_nginx_and_gunicorn_from_deploy_serve_the_portal_over_https(tmp_path):
    require("nginx")
    require("openssl")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", tmp_path / "key.pem", "-out", tmp_path / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    app_port, https_port, http_port = free_port(), free_port(), free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "PORTAL_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://localhost",
        "DEFAULT_FROM_EMAIL": "synpunkter@example.se",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TRUSTED_PROXY_COUNT": "1",
        "GUNICORN_BIND": f"127.0.0.1:{app_port}",
        "GUNICORN_WORKERS": "2",
    }
    command = ["manage.py", "setup_site", "--hostname", "localhost", "--port", str(https_port)]
    setup = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    (tmp_path / "media").mkdir(exist_ok=True)
    config = nginx_site(tmp_path, app_port, https_port, http_port)
    checked = subprocess.run([nginx, "-t", "-c", config], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr

    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        pytest.fail("gunicorn is missing: pip install -e '.[production]'")
    web = subprocess.Popen(
        [gunicorn, "-c", DEPLOY / "gunicorn.conf.py"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    proxy = subprocess.Popen([nginx, "-c", config, "-g", "daemon off;"])
    try:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        base = f"https://localhost:{https_port}"

        def get(path):
            for _ in range(60):
                try:
                    return urllib.request.urlopen(base + path, context=context, timeout=5)
                except OSError:
                    time.sleep(0.5)
            raise AssertionError(f"no answer from {path}")

        ready = get("/readyz")
        assert json.loads(ready.read())["checks"]["database"] == "ok"
        page = get("/sv/synpunkter/")
        assert page.status == 200
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        assert "no-store" not in (page.headers.get("Cache-Control") or "")
        css = get("/static/portal/css/portal.css")
        assert "immutable" in css.headers["Cache-Control"]
        plain = urllib.request.urlopen(f"http://localhost:{http_port}/healthz", timeout=5)
        assert json.loads(plain.read()) == {"status": "ok"}
    finally:
        proxy.send_signal(signal.SIGQUIT)
        web.terminate()
        proxy.wait(timeout=20)
        web.wait(timeout=20)
