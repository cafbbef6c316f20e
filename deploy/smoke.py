"""Smoke test of the whole production stack (issue #12): ``deploy/smoke`` (or
``.venv/bin/python deploy/smoke.py``), run by ``.ci/run``.

Into a temporary directory it starts a fresh PostgreSQL cluster and a Redis server (from the
Debian packages), an SMTP sink (aiosmtpd, in this process), runs ``setup_site`` with the
settings of ``deploy/portal.env.example`` (PORTAL_ENV=production), and brings up two gunicorn
instances from ``deploy/gunicorn.conf.py``, one ``db_worker`` and nginx with the ``deploy/``
site over HTTPS (a self-signed certificate). Then, through nginx:

* ``/readyz`` answers ok, a public page carries the strict Content-Security-Policy;
* feedback sent in Swedish and in Arabic gets a receipt page, and each receipt e-mail (in the
  sender's language) and each notice to the inbox arrives in the sink exactly once;
* the worker is killed with SIGKILL while the sink holds a receipt's DATA (before its 250):
  after the worker is restarted and the sending lease is over, ``retry_notifications`` sends
  it again and it arrives exactly once, with the notification's fixed Message-ID;
* with PostgreSQL stopped, sending the form gives the Swedish 503 page with the text kept;
  once PostgreSQL is back, the first requests to every gunicorn instance (and through nginx)
  answer 200, and the kept form sends;
* signing in to the admin takes the password and the code from the account's authenticator
  app (``break_glass_device``); an image uploaded there is served by nginx from /media/.

Every process it started is stopped by its PID, also after a failure or Ctrl-C. Runs as root
(PostgreSQL then runs as the ``postgres`` user) or as a normal user. ``--keep`` keeps the
temporary directory (logs, database) for a look afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import gettext
import html
import json
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zlib
from base64 import b32decode
from email import message_from_bytes, policy
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

try:
    import requests
    from aiosmtpd.controller import Controller
    from django_otp.oath import TOTP
except ImportError as missing:  # pragma: no cover - a hint for the person running it
    sys.exit(f"smoke: {missing.name} is missing: run it with the project's venv (.[test])")

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
PG_BIN = Path(os.environ.get("SMOKE_PG_BIN", "/usr/lib/postgresql/15/bin"))
PYTHON = sys.executable
# The sending lease (NOTIFICATION_SENDING_LEASE_SECONDS) for this run: above the 10 s mail
# timeout, like the 10 minutes of production, yet short enough to wait for.
LEASE_SECONDS = 12
# How long the sink holds a marked message before it would answer 250 (below the 10 s mail
# timeout, so a worker that is not killed gets its 250).
HOLD_SECONDS = 8
HOLD_RECIPIENT = "avbruten@example.se"
# A fresh site has no feedback inbox: the unit sets it (Settings → Feedback settings).
INBOX = "synpunkter@example.se"
SET_INBOX = (
    "from wagtail.models import Site; from feedback.models import FeedbackSettings; "
    "s = FeedbackSettings.for_site(Site.objects.get(is_default_site=True)); "
    f"s.inbox_email = {INBOX!r}; s.save()"
)
STARTED = time.monotonic()


class SmokeFailure(Exception):
    pass


def check(condition, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def say(text: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f}s] {text}", flush=True)


@contextlib.contextmanager
def step(name: str):
    """One line per step: total time, the step's time and what it found."""
    started = time.monotonic()
    found: list[str] = []
    try:
        yield found
    except SmokeFailure as failure:
        raise SmokeFailure(f"{name}: {failure}") from None
    except Exception as error:
        raise SmokeFailure(f"{name}: {type(error).__name__}: {error}") from error
    took = time.monotonic() - started
    detail = f" ({'; '.join(found)})" if found else ""
    say(f"ok {took:5.1f}s  {name}{detail}")


def wait_for(predicate, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    last_error = ""
    while True:
        try:
            result = predicate()
        except (OSError, requests.RequestException) as error:
            result, last_error = None, f" (last: {type(error).__name__}: {error})"
        if result:
            return result
        if time.monotonic() > deadline:
            raise SmokeFailure(f"timed out after {timeout:.0f} s waiting for {what}{last_error}")
        time.sleep(interval)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def replace_once(text: str, old: str, new: str) -> str:
    """A change to a file from deploy/; fails loudly if the file no longer has ``old``."""
    check(old in text, f"deploy/nginx/portal.conf no longer contains {old!r}")
    return text.replace(old, new)


# --- processes ---------------------------------------------------------------------------


class Processes:
    """What the smoke test started, each stopped by its PID with its own stop signal."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.running: list[tuple[str, subprocess.Popen, signal.Signals]] = []

    def start(self, name: str, argv, *, stop=signal.SIGTERM, **options) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("ab")
        # Own session: a Ctrl-C reaches only this script, which then stops everything in order.
        process = subprocess.Popen(
            [str(arg) for arg in argv],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **options,
        )
        log.close()
        self.running.append((name, process, stop))
        return process

    def stop(self, process: subprocess.Popen, sig: signal.Signals | None = None) -> int:
        entry = next(entry for entry in self.running if entry[1] is process)
        self.running.remove(entry)
        name, _process, stop = entry
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, sig or stop)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                say(f"{name} (pid {process.pid}) did not stop: SIGKILL")
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        return process.returncode

    def stop_all(self) -> list[str]:
        """Front to back: nginx, the app servers, the worker, then Redis and PostgreSQL."""
        order = ["nginx", "gunicorn", "db_worker", "redis", "postgres"]
        stopped = []
        for name, process, _stop in sorted(
            self.running, key=lambda entry: order.index(entry[0].split("-")[0])
        ):
            try:
                self.stop(process)
                stopped.append(f"{name} {process.pid}")
            except Exception as error:  # noqa: BLE001 - stop the others whatever happens
                print(f"smoke: could not stop {name} (pid {process.pid}): {error}", flush=True)
        return stopped


# --- the SMTP sink -------------------------------------------------------------------------


class MailSink:
    """Records each message it accepted (answered 250), once. A message to HOLD_RECIPIENT is
    held the first time before the 250; if the client goes away meanwhile, aiosmtpd cancels
    the handler and the message is not recorded, as a real server would not deliver it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.accepted: list[dict] = []
        self.data_commands: dict[str, int] = {}
        self.holding = threading.Event()
        self.dropped = threading.Event()
        self.held_at = 0.0
        self.hold_enabled = False

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's hook
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            for recipient in envelope.rcpt_tos:
                self.data_commands[recipient] = self.data_commands.get(recipient, 0) + 1
            hold = self.hold_enabled and HOLD_RECIPIENT in envelope.rcpt_tos and not self.held_at
            if hold:
                self.held_at = time.monotonic()
        if hold:
            self.holding.set()
            try:
                await asyncio.sleep(HOLD_SECONDS)
            except asyncio.CancelledError:
                self.dropped.set()  # the connection went away before our 250
                raise
            if server.transport is None:
                self.dropped.set()
                return "421 Connection lost"
        with self.lock:
            self.accepted.append(
                {
                    "to": list(envelope.rcpt_tos),
                    "from": envelope.mail_from,
                    "message_id": str(message["Message-ID"] or ""),
                    # Python's mail library may fold a long encoded subject onto a
                    # continuation line, which reads back with a leading space.
                    "subject": str(message["Subject"] or "").strip(),
                    "body": message.get_body(("plain",)).get_content(),
                }
            )
        return "250 Message accepted for delivery"

    def to(self, recipient: str) -> list[dict]:
        with self.lock:
            return [mail for mail in self.accepted if recipient in mail["to"]]


# --- HTTP helpers --------------------------------------------------------------------------


class Forms(HTMLParser):
    """The forms of a page: their action, method, inputs, selects and textareas."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select = self._textarea = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(
                {
                    "action": attributes.get("action", ""),
                    "method": attributes.get("method", "get").lower(),
                    "inputs": [],
                    "selects": {},
                    "textareas": {},
                }
            )
        elif not self.forms:
            return
        form = self.forms[-1]
        if tag == "input":
            form["inputs"].append(attributes)
        elif tag == "select":
            self._select = attributes.get("name")
            form["selects"][self._select] = []
        elif tag == "option" and self._select:
            form["selects"][self._select].append(attributes.get("value", ""))
        elif tag == "textarea":
            self._textarea = attributes.get("name")
            form["textareas"][self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            form = self.forms[-1]["textareas"]
            # HTML drops one newline right after <textarea>.
            form[self._textarea] = form[self._textarea].removeprefix("\n")
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.forms[-1]["textareas"][self._textarea] += data

    def post_form_with(self, field: str) -> dict:
        for form in self.forms:
            if form["method"] == "post" and field in form["textareas"]:
                return form
        raise SmokeFailure(f"no POST form with a {field!r} text area on the page")

    def post_form_with_input(self, name: str) -> dict:
        for form in self.forms:
            if form["method"] == "post" and any(i.get("name") == name for i in form["inputs"]):
                return form
        raise SmokeFailure(f"no POST form with an input {name!r} on the page")


def hidden_fields(form: dict) -> dict:
    return {i["name"]: i.get("value", "") for i in form["inputs"] if i.get("type") == "hidden"}


def filled_feedback_form(form: dict, message: str, email: str) -> dict:
    """The form as a citizen fills it in: the first kind and category, the first district,
    an answer by e-mail."""
    data = hidden_fields(form)
    radios: dict[str, list[str]] = {}
    for field in form["inputs"]:
        if field.get("type") == "radio":
            radios.setdefault(field["name"], []).append(field.get("value", ""))
    for name in ("kind", "category"):
        check(radios.get(name), f"the form has no choices for {name!r}")
        data[name] = radios[name][0]
    districts = [value for value in form["selects"].get("district", []) if value]
    check(districts, "the form has no districts")
    data["district"] = districts[0]
    data["answer_by"] = "email" if "email" in radios.get("answer_by", []) else ""
    data.update(message=message, email=email, name="Röktest", website="")
    for name in ("started", "submission_id", "csrfmiddlewaretoken"):
        check(data.get(name), f"the form has no {name!r}")
    return data


def png(width: int = 48, height: int = 32) -> bytes:
    """A small RGB PNG, written with the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + bytes(c for x in range(width) for c in (x * 5 % 256, y * 7 % 256, 140))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def run_tool(argv, **options) -> subprocess.CompletedProcess:
    done = subprocess.run([str(arg) for arg in argv], capture_output=True, text=True, **options)
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
        raise SmokeFailure(f"{Path(str(argv[0])).name} exited {done.returncode}:\n{tail}")
    return done


def run_quietly(argv, **options) -> int:
    return subprocess.run([str(arg) for arg in argv], capture_output=True, **options).returncode


def redis_command(port: int, *words: str) -> bytes:
    request = f"*{len(words)}\r\n" + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)
    with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
        sock.sendall(request.encode())
        return sock.recv(1024)


# --- the smoke test --------------------------------------------------------------------------


class Smoke:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.logs = tmp / "logs"
        self.logs.mkdir()
        self.processes = Processes(self.logs)
        self.sink = MailSink()
        self.controller = None
        self.as_root = os.geteuid() == 0
        self.ports = {
            name: free_port()
            for name in ("postgres", "redis", "smtp", "web_a", "web_b", "https", "http")
        }
        self.base = f"https://localhost:{self.ports['https']}"
        self.db_password = secrets.token_urlsafe(16)
        self.admin_password = secrets.token_urlsafe(16)
        self.postgres = self.redis = self.nginx = self.worker = None
        self.web: dict[str, subprocess.Popen] = {}
        self.env: dict[str, str] = {}
        self.held_reference = ""
        self.otp_key = b""

    # -- environment --

    def app_env(self) -> dict[str, str]:
        """deploy/portal.env.example, with this run's servers, folders and secrets."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DJANGO_SETTINGS_MODULE", "EMAIL_BACKEND", "TASKS_BACKEND", "DEBUG"}
        }
        for line in (DEPLOY / "portal.env.example").read_text().splitlines():
            if line.strip() and not line.lstrip().startswith("#") and "=" in line:
                key, _, value = line.partition("=")
                env[key.strip()] = value.strip()
        origin = self.base
        env.update(
            PORTAL_ENV="production",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="localhost",
            CSRF_TRUSTED_ORIGINS=origin,
            WAGTAILADMIN_BASE_URL=origin,
            DATABASE_URL=(
                f"postgres://portal:{self.db_password}@127.0.0.1:{self.ports['postgres']}/portal"
            ),
            REDIS_URL=f"redis://127.0.0.1:{self.ports['redis']}/0",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.ports["smtp"]),
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_USE_TLS="false",
            DEFAULT_FROM_EMAIL="synpunkter@example.se",
            STATIC_ROOT=str(self.tmp / "static"),
            MEDIA_ROOT=str(self.tmp / "media"),
            GUNICORN_WORKERS="2",
            NOTIFICATION_SENDING_LEASE_SECONDS=str(LEASE_SECONDS),
            LOG_LEVEL="INFO",
            DJANGO_SUPERUSER_USERNAME="smoke-admin",
            DJANGO_SUPERUSER_EMAIL="admin@example.se",
            DJANGO_SUPERUSER_PASSWORD=self.admin_password,
        )
        return env

    def manage(self, *args: str, timeout: float = 300) -> str:
        done = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
            raise SmokeFailure(f"manage.py {' '.join(args)} exited {done.returncode}:\n{tail}")
        return done.stdout

    # -- PostgreSQL --

    def as_postgres(self) -> dict:
        """PostgreSQL refuses to run as root: then it runs as the postgres system user."""
        if not self.as_root:
            return {}
        return {"user": "postgres", "group": "postgres", "extra_groups": []}

    def pg(self, tool: str) -> str:
        return str(PG_BIN / tool)

    def pg_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        return env

    def start_postgres(self) -> None:
        pg_dir = self.tmp / "postgres"
        self.postgres = self.processes.start(
            "postgres",
            [self.pg("postgres"), "-D", pg_dir / "data", "-p", self.ports["postgres"],
             "-k", pg_dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
            stop=signal.SIGINT,  # fast shutdown, as pg_ctl stop -m fast
            cwd=pg_dir, env=self.pg_env(), **self.as_postgres(),
        )  # fmt: skip

        def ready():
            check(self.postgres.poll() is None, "postgres exited (see logs/postgres.log)")
            isready = [self.pg("pg_isready"), "-q", "-h", pg_dir, "-p", self.ports["postgres"]]
            return run_quietly([*isready, "-U", "postgres"], env=self.pg_env()) == 0

        wait_for(ready, 30, "PostgreSQL to accept connections")

    def create_cluster(self, found: list[str]) -> None:
        pg_dir = self.tmp / "postgres"
        pg_dir.mkdir()
        if self.as_root:
            os.chmod(self.tmp, 0o755)  # the postgres user passes through to its own folder
            shutil.chown(pg_dir, "postgres", "postgres")
        password_file = pg_dir / "superuser-password"
        password_file.write_text(secrets.token_urlsafe(16))
        if self.as_root:
            shutil.chown(password_file, "postgres", "postgres")
        run_tool(
            [self.pg("initdb"), "-D", pg_dir / "data", "-U", "postgres", "--pwfile", password_file,
             "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale",
             "--no-sync"],
            cwd=pg_dir, env=self.pg_env(), **self.as_postgres(),
        )  # fmt: skip
        self.start_postgres()
        psql = [self.pg("psql"), "-X", "-q", "-h", pg_dir, "-p", str(self.ports["postgres"])]
        psql += ["-U", "postgres", "-v", "ON_ERROR_STOP=1", "-d", "postgres"]
        for sql in (
            f"CREATE ROLE portal LOGIN PASSWORD '{self.db_password}'",
            "CREATE DATABASE portal OWNER portal",
        ):
            run_tool([*psql, "-c", sql], env=self.pg_env())
        found.append(f"port {self.ports['postgres']}, pid {self.postgres.pid}")
        if self.as_root:
            found.append("as user postgres")

    # -- the other servers --

    def start_redis(self, found: list[str]) -> None:
        redis_dir = self.tmp / "redis"
        redis_dir.mkdir()
        self.redis = self.processes.start(
            "redis",
            [shutil.which("redis-server") or "/usr/bin/redis-server",
             "--port", self.ports["redis"], "--bind", "127.0.0.1", "--dir", redis_dir,
             "--save", "", "--appendonly", "no", "--daemonize", "no"],
        )  # fmt: skip
        wait_for(
            lambda: redis_command(self.ports["redis"], "PING").startswith(b"+PONG"),
            15,
            "Redis to answer PING",
        )
        found.append(f"port {self.ports['redis']}, pid {self.redis.pid}")

    def start_sink(self, found: list[str]) -> None:
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.ports["smtp"])
        self.controller.start()
        found.append(f"aiosmtpd on port {self.ports['smtp']}, in this process")

    def certificate(self) -> None:
        run_tool(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
             "-keyout", self.tmp / "key.pem", "-out", self.tmp / "cert.pem"]
        )  # fmt: skip

    def start_web(self, name: str) -> subprocess.Popen:
        gunicorn = Path(PYTHON).with_name("gunicorn")
        check(gunicorn.exists(), "gunicorn is missing: pip install -e '.[production]'")
        port = self.ports[name]
        process = self.processes.start(
            f"gunicorn-{name}",
            [gunicorn, "-c", DEPLOY / "gunicorn.conf.py"],
            cwd=ROOT,
            env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        )
        self.web[name] = process
        return process

    def direct(self, name: str, path: str) -> requests.Response:
        """A request straight to one gunicorn instance, as nginx sends it."""
        session = requests.Session()
        session.trust_env = False
        return session.get(
            f"http://127.0.0.1:{self.ports[name]}{path}",
            headers={"Host": "localhost", "X-Forwarded-Proto": "https"},
            allow_redirects=False,
            timeout=10,
        )

    def wait_for_web(self) -> None:
        for name, process in self.web.items():

            def answers(name=name, process=process):
                check(process.poll() is None, f"gunicorn {name} exited (logs/gunicorn-{name}.log)")
                return self.direct(name, "/healthz").status_code == 200

            wait_for(answers, 60, f"gunicorn {name} to answer /healthz")

    def start_worker(self) -> None:
        self.worker = self.processes.start(
            "db_worker",
            [PYTHON, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
            cwd=ROOT,
            env=self.env,
        )

    def nginx_config(self) -> Path:
        """deploy/nginx/portal.conf with this run's ports, certificate and folders, and both
        gunicorn instances in the upstream."""
        site = (DEPLOY / "nginx" / "portal.conf").read_text()
        for old, new in (
            ("listen 80;", f"listen {self.ports['http']};"),
            ("listen [::]:80;", ""),
            ("listen 443 ssl http2;", f"listen {self.ports['https']} ssl http2;"),
            ("listen [::]:443 ssl http2;", ""),
            (
                "server 127.0.0.1:8001;",
                f"server 127.0.0.1:{self.ports['web_a']};\n"
                f"    server 127.0.0.1:{self.ports['web_b']};",
            ),
            ("/etc/ssl/certs/portal.example.se.pem", str(self.tmp / "cert.pem")),
            ("/etc/ssl/private/portal.example.se.key", str(self.tmp / "key.pem")),
            ("/etc/nginx/portal_proxy.conf", str(DEPLOY / "nginx" / "portal_proxy.conf")),
            ("/srv/portal/var/static/", str(self.tmp / "static") + "/"),
            ("/srv/portal/var/media/", str(self.tmp / "media") + "/"),
            ("server_name portal.example.se;", "server_name localhost;"),
            ("/var/log/nginx/portal.access.log", str(self.tmp / "access.log")),
        ):
            site = replace_once(site, old, new)
        mime = Path("/etc/nginx/mime.types")
        types = (
            f"include {mime};"
            if mime.exists()
            else "types { text/css css; image/png png; image/jpeg jpg jpeg; }"
        )
        nginx_dir = self.tmp / "nginx"
        nginx_dir.mkdir()
        temp_paths = "".join(
            f" {kind}_temp_path {nginx_dir}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        config = nginx_dir / "nginx.conf"
        config.write_text(
            # Workers read the run's private folder: as its owner (ignored unless root).
            f"user {getpass.getuser()};\npid {nginx_dir}/nginx.pid;\n"
            f"error_log {self.logs}/nginx-error.log;\nevents {{}}\n"
            f"http {{\n access_log off;\n{temp_paths} {types}\n"
            f" default_type application/octet-stream;\n{site}\n}}\n"
        )
        return config

    def start_nginx(self, found: list[str]) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        config = self.nginx_config()
        error_log = self.logs / "nginx-error.log"
        tested = subprocess.run(
            [nginx, "-e", error_log, "-c", config, "-t"], capture_output=True, text=True
        )
        check(tested.returncode == 0, f"nginx -t refused the site:\n{tested.stderr}")
        self.nginx = self.processes.start(
            "nginx",
            [nginx, "-e", error_log, "-c", config, "-g", "daemon off;"],
            stop=signal.SIGQUIT,
        )
        wait_for(
            lambda: self.session().get(self.base + "/healthz", timeout=5).status_code == 200,
            30,
            "nginx to answer over HTTPS",
        )
        found.append(
            f"https port {self.ports['https']}, upstream 2 instances, pid {self.nginx.pid}"
        )

    # -- citizens and staff --

    def session(self) -> requests.Session:
        session = requests.Session()
        # Only this run's certificate; no proxy or CA bundle from the environment.
        session.trust_env = False
        session.verify = str(self.tmp / "cert.pem")
        return session

    def post(self, session: requests.Session, url: str, **options) -> requests.Response:
        headers = {"Origin": self.base, "Referer": url, **options.pop("headers", {})}
        return session.post(url, headers=headers, allow_redirects=False, timeout=30, **options)

    def open_form(self, language: str) -> tuple[requests.Session, str, dict, float]:
        session = self.session()
        url = f"{self.base}/{language}/synpunkter/"
        page = session.get(url, timeout=30)
        check(page.status_code == 200, f"GET {url} answered {page.status_code}")
        check(f'lang="{language}"' in page.text, f"{url} is not marked lang={language}")
        if language == "ar":
            check('dir="rtl"' in page.text, f"{url} is not marked dir=rtl")
        form = Forms(page.text).post_form_with("message")
        return session, url, form, time.monotonic()

    def send_feedback(self, opened, message: str, email: str) -> str:
        """Send the form (after the minimum fill-in time); returns the reference."""
        session, url, form, opened_at = opened
        time.sleep(max(0.0, opened_at + 3.2 - time.monotonic()))  # minimum_fill_seconds: 3
        sent = self.post(session, url, data=filled_feedback_form(form, message, email))
        check(sent.status_code == 303, f"sending the form answered {sent.status_code}")
        location = sent.headers.get("Location", "")
        match = re.search(r"/(\d{4}-\d{5})/$", location)
        check(match, f"the form redirected to {location!r}, not to a receipt")
        receipt = session.get(requests.compat.urljoin(url, location), timeout=30)
        check(receipt.status_code == 200, f"the receipt page answered {receipt.status_code}")
        check(match.group(1) in receipt.text, "the receipt page does not show the reference")
        check("no-store" in receipt.headers.get("Cache-Control", ""), "receipt without no-store")
        return match.group(1)

    def translated(self, language: str, text: str) -> str:
        catalogue = gettext.translation("django", ROOT / "locale", languages=[language])
        return catalogue.gettext(text)

    def check_receipt_mail(self, email: str, reference: str, language: str) -> dict:
        mails = wait_for(lambda: self.sink.to(email), 30, f"the receipt e-mail to {email}")
        time.sleep(1.0)  # anything sent twice would come now
        mails = self.sink.to(email)
        check(len(mails) == 1, f"{len(mails)} e-mails to {email}, expected exactly one")
        subject = self.translated(language, "We have received your feedback (%(reference)s)")
        expected = subject % {"reference": reference}
        check(mails[0]["subject"] == expected, f"subject {mails[0]['subject']!r} != {expected!r}")
        check(reference in mails[0]["body"], "the receipt e-mail does not name the reference")
        return mails[0]

    # -- the steps --

    def run(self) -> None:
        with step("self-signed certificate for localhost"):
            self.certificate()
        with step("PostgreSQL 15: fresh cluster, role and database portal") as found:
            self.create_cluster(found)
        with step("Redis") as found:
            self.start_redis(found)
        with step("SMTP sink") as found:
            self.start_sink(found)
        self.env = self.app_env()
        with step("manage.py setup_site (no demo content)") as found:
            out = self.manage(
                "setup_site", "--hostname", "localhost", "--port", str(self.ports["https"])
            )
            found.append(out.strip().splitlines()[-1])
        with step("manage.py createsuperuser --noinput"):
            self.manage("createsuperuser", "--noinput")
        with step("manage.py break_glass_device (the admin's authenticator app)"):
            uri = self.manage("break_glass_device", "smoke-admin").strip()
            self.otp_key = b32decode(parse_qs(urlsplit(uri).query)["secret"][0])
        with step("the unit's feedback inbox (Settings → Feedback settings)") as found:
            self.manage("shell", "-c", SET_INBOX)
            found.append(INBOX)
        with step("two gunicorn instances (deploy/gunicorn.conf.py, 2 workers each)") as found:
            self.start_web("web_a")
            self.start_web("web_b")
            self.wait_for_web()
            found.append(
                ", ".join(f"port {self.ports[n]} pid {p.pid}" for n, p in self.web.items())
            )
        with step("db_worker") as found:
            self.start_worker()
            found.append(f"pid {self.worker.pid}")
        with step("nginx with deploy/nginx/portal.conf") as found:
            self.start_nginx(found)

        with step("/readyz through nginx") as found:
            found.append(self.check_ready())
        with step("Content-Security-Policy and other headers of a public page") as found:
            self.check_headers(found)
        with step("feedback in Swedish and Arabic, receipt pages") as found:
            opened = {lang: self.open_form(lang) for lang in ("sv", "ar")}
            messages = {
                "sv": "Hej! Det här är ett röktest av hela kedjan: åäö ÅÄÖ.",
                "ar": "مرحبا، هذه رسالة تجريبية لاختبار الخدمة كلها.",
            }
            references = {
                lang: self.send_feedback(opened[lang], messages[lang], f"rok-{lang}@example.se")
                for lang in ("sv", "ar")
            }
            found.append(", ".join(f"{lang} {ref}" for lang, ref in references.items()))
        with step("receipt e-mails arrive once each, in the sender's language") as found:
            for lang, reference in references.items():
                mail = self.check_receipt_mail(f"rok-{lang}@example.se", reference, lang)
                found.append(f"{lang}: {mail['subject']}")
            self.check_inbox_notices(references.values(), found)
        with step("Redis holds the shared cache and sessions") as found:
            keys = redis_command(self.ports["redis"], "DBSIZE")
            check(keys.startswith(b":") and int(keys[1:].strip()) > 0, f"DBSIZE: {keys!r}")
            found.append(f"{int(keys[1:].strip())} keys")

        self.worker_killed_mid_send()
        self.database_down_and_back()
        self.admin_image_upload()

        with step("/readyz through nginx at the end") as found:
            found.append(self.check_ready())
        with step("nginx's access log keeps no query string") as found:
            search = self.session().get(self.base + "/sv/sok/?q=Hemligt+Efternamn", timeout=30)
            check(search.status_code == 200, f"the search answered {search.status_code}")
            # nginx writes the line once the response has gone out: wait for it.
            access_log = self.tmp / "access.log"
            wait_for(
                lambda: access_log.exists() and "GET /sv/sok/ " in access_log.read_text(),
                10,
                "the search in nginx's access log",
            )
            log = access_log.read_text()
            check("Hemligt" not in log and "?" not in log, "a query string is in the access log")
            found.append(f"{len(log.splitlines())} lines, none with a query string")

    def check_ready(self) -> str:
        ready = self.session().get(self.base + "/readyz", timeout=10)
        answer = ready.json()
        check(
            ready.status_code == 200 and answer.get("status") == "ok",
            f"/readyz answered {ready.status_code}: {answer}",
        )
        check(all(v == "ok" for v in answer["checks"].values()), f"/readyz: {answer}")
        return json.dumps(answer["checks"])

    def check_headers(self, found: list[str]) -> None:
        page = self.session().get(self.base + "/sv/synpunkter/", timeout=10)
        check(page.status_code == 200, f"/sv/synpunkter/ answered {page.status_code}")
        policy_header = page.headers.get("Content-Security-Policy", "")
        directives = {
            part.split()[0]: part.split()[1:] for part in policy_header.split(";") if part.strip()
        }
        for name in ("script-src", "style-src"):
            check(name in directives, f"the CSP has no {name}: {policy_header!r}")
            check("'unsafe-inline'" not in directives[name], f"{name} allows 'unsafe-inline'")
        check(directives.get("default-src") == ["'self'"], f"default-src: {policy_header!r}")
        check("max-age=" in page.headers.get("Strict-Transport-Security", ""), "no HSTS header")
        check(page.headers.get("Permissions-Policy"), "no Permissions-Policy header")
        found.append(f"script-src {' '.join(directives['script-src'])}")
        found.append(f"style-src {' '.join(directives['style-src'])}")

    def check_inbox_notices(self, references, found: list[str]) -> None:
        """Each item is announced to the unit's inbox once."""
        subject = self.translated("sv", "New feedback %(reference)s")
        for reference in references:
            wanted = subject % {"reference": reference}

            def notices(wanted=wanted):
                with self.sink.lock:
                    return [m for m in self.sink.accepted if m["subject"] == wanted]

            wait_for(notices, 30, f"the inbox notice {wanted!r}")
            time.sleep(0.5)
            check(len(notices()) == 1, f"{len(notices())} inbox notices {wanted!r}")
        check(notices()[0]["to"] == [INBOX], f"inbox notice to {notices()[0]['to']}")
        found.append(f"inbox notice once each to {INBOX}")

    def worker_killed_mid_send(self) -> None:
        with step("worker killed with SIGKILL in the middle of a send") as found:
            self.sink.hold_enabled = True
            opened = self.open_form("sv")
            self.held_reference = self.send_feedback(
                opened, "Det här e-postet avbryts mitt i sändningen.", HOLD_RECIPIENT
            )
            check(self.sink.holding.wait(30), "the worker never reached DATA for the receipt")
            pid = self.worker.pid
            self.processes.stop(self.worker, signal.SIGKILL)
            check(self.worker.returncode == -signal.SIGKILL, "the worker did not die of SIGKILL")
            check(self.sink.dropped.wait(10), "the sink did not see the connection drop")
            check(not self.sink.to(HOLD_RECIPIENT), "the interrupted message was delivered")
            found.append(f"pid {pid} killed while the sink held DATA; nothing delivered")
        with step("worker restarted; the lease keeps the e-mail from a second sender") as found:
            self.start_worker()
            out = self.manage("retry_notifications")
            since_claim = time.monotonic() - self.sink.held_at
            if since_claim < LEASE_SECONDS - 1:
                check("Re-queued 0 " in out, f"retry within the lease: {out.strip()}")
                found.append(f"{since_claim:.0f} s after the claim: {out.strip()}")
            time.sleep(2)
            check(not self.sink.to(HOLD_RECIPIENT), "sent again while the lease ran")
            found.append(f"new worker pid {self.worker.pid}")
        with step(f"after the {LEASE_SECONDS} s lease: retry_notifications, sent once") as found:
            time.sleep(max(0.0, self.sink.held_at + LEASE_SECONDS + 0.5 - time.monotonic()))
            out = self.manage("retry_notifications")
            requeued = re.search(r"Re-queued (\d+)", out)
            check(requeued and int(requeued.group(1)) >= 1, f"retry_notifications: {out!r}")
            found.append(out.strip())
            mail = self.check_receipt_mail(HOLD_RECIPIENT, self.held_reference, "sv")
            time.sleep(2)  # a second copy would come within a few worker intervals
            mails = self.sink.to(HOLD_RECIPIENT)
            ids = {m["message_id"] for m in mails}
            check(len(mails) == 1, f"{len(mails)} copies delivered, expected exactly one")
            check(
                re.fullmatch(r"<feedback-notification-\d+@example\.se>", mail["message_id"]),
                f"unexpected Message-ID {mail['message_id']!r}",
            )
            attempts = self.sink.data_commands.get(HOLD_RECIPIENT, 0)
            check(attempts == 2, f"{attempts} DATA attempts, expected 2 (the dropped one + 1)")
            found.append(f"{len(mails)} delivery, {len(ids)} Message-ID {mail['message_id']}")
            found.append(f"{attempts} DATA attempts")

    def database_down_and_back(self) -> None:
        message = 'Text som inte får gå förlorad: <b>"citat"</b> & åäö\nandra raden.'
        with step("PostgreSQL stopped: the form answers 503 in Swedish, text kept") as found:
            opened = self.open_form("sv")  # while the database is up
            pid = self.postgres.pid
            self.processes.stop(self.postgres)  # SIGINT: fast shutdown
            found.append(f"postgres pid {pid} stopped")
            session, url, form, opened_at = opened
            time.sleep(max(0.0, opened_at + 3.2 - time.monotonic()))
            data = filled_feedback_form(form, message, "rok-503@example.se")
            answer = self.post(session, url, data=data)
            check(answer.status_code == 503, f"the form answered {answer.status_code}, not 503")
            check('lang="sv"' in answer.text, "the 503 page is not marked lang=sv")
            title = self.translated("sv", "The service is not available right now")
            check(title in answer.text, f"the 503 page lacks its Swedish title {title!r}")
            check(answer.headers.get("Retry-After"), "the 503 page has no Retry-After")
            check("no-store" in answer.headers.get("Cache-Control", ""), "503 without no-store")
            kept = Forms(answer.text).post_form_with("message")
            check(kept["textareas"]["message"] == message, "the 503 page lost the message")
            kept_fields = hidden_fields(kept)
            check(kept_fields.get("email") == "rok-503@example.se", "the e-mail was not kept")
            check(kept_fields.get("submission_id") == data["submission_id"], "the form id was lost")
            found.append(f"title {title!r}, message and {len(kept_fields)} fields kept")
            ready = session.get(self.base + "/readyz", timeout=10)
            check(ready.status_code == 503, f"/readyz answered {ready.status_code} without db")
            found.append(f"/readyz 503 {json.dumps(ready.json()['checks'])}")
        with step("PostgreSQL started again: 200 from every instance on the next request") as f:
            self.start_postgres()
            f.append(f"postgres pid {self.postgres.pid}")
            for name in self.web:
                codes = [self.direct(name, "/sv/synpunkter/").status_code for _ in range(4)]
                check(codes == [200] * 4, f"gunicorn {name} answered {codes} after the restart")
            f.append("4 × 200 from each instance")
            through = self.session().get(self.base + "/sv/synpunkter/", timeout=10)
            check(through.status_code == 200, f"through nginx: {through.status_code}")
            if self.worker.poll() is not None:
                f.append(f"the worker had exited ({self.worker.returncode}) as documented")
                self.processes.stop(self.worker)
                self.start_worker()
                f.append(f"restarted as systemd would, pid {self.worker.pid}")
        with step("the kept form from the 503 page sends once the database is back") as found:
            action = requests.compat.urljoin(url, kept["action"] or url)
            resend = {**hidden_fields(kept), "message": kept["textareas"]["message"]}
            sent = self.post(session, action, data=resend)
            check(sent.status_code == 303, f"sending the kept form answered {sent.status_code}")
            match = re.search(r"/(\d{4}-\d{5})/$", sent.headers.get("Location", ""))
            check(match, f"redirected to {sent.headers.get('Location')!r}")
            self.check_receipt_mail("rok-503@example.se", match.group(1), "sv")
            found.append(f"{match.group(1)}, receipt e-mail once")

    def admin_image_upload(self) -> None:
        with step("admin sign-in with password and code, image upload served by nginx") as found:
            session = self.session()
            login_url = self.base + "/admin/login/"
            login = session.get(login_url, timeout=30)
            check(login.status_code == 200, f"GET /admin/login/ answered {login.status_code}")
            fields = hidden_fields(Forms(login.text).post_form_with_input("username"))
            fields.update(username="smoke-admin", password=self.admin_password)
            signed_in = self.post(session, login_url, data=fields)
            check(
                signed_in.status_code == 302 and "/login/" not in signed_in.headers["Location"],
                f"signing in answered {signed_in.status_code}",
            )
            # Production asks a password sign-in for the authenticator app's code.
            code_url = self.base + "/admin/second-factor/"
            asked = session.get(
                self.base + signed_in.headers["Location"], allow_redirects=False, timeout=30
            )
            check(
                asked.headers.get("Location", "").startswith("/admin/second-factor/"),
                f"the admin did not ask for the code ({asked.status_code})",
            )
            code_page = session.get(self.base + asked.headers["Location"], timeout=30)
            fields = hidden_fields(Forms(code_page.text).post_form_with_input("code"))
            fields["code"] = f"{TOTP(self.otp_key).token():06d}"
            verified = self.post(session, code_url, data=fields)
            check(
                verified.status_code == 302 and "second-factor" not in verified.headers["Location"],
                f"the code answered {verified.status_code}",
            )
            add_url = self.base + "/admin/images/multiple/add/"
            add_page = session.get(add_url, timeout=30)
            check(add_page.status_code == 200, f"GET {add_url} answered {add_page.status_code}")
            picture = png()
            upload = self.post(
                session,
                add_url,
                data={"csrfmiddlewaretoken": session.cookies["csrftoken"], "title": "Röktest"},
                files={"files[]": ("rooktest.png", picture, "image/png")},
                headers={"X-Requested-With": "XMLHttpRequest"},
            )
            check(upload.status_code == 200, f"the upload answered {upload.status_code}")
            answer = upload.json()
            check(answer.get("success"), f"the upload failed: {answer.get('error_message')}")
            image_id = answer["image_id"]
            edit = session.get(f"{self.base}/admin/images/{image_id}/", timeout=30)
            check(edit.status_code == 200, f"the image's edit page answered {edit.status_code}")
            urls = sorted(set(re.findall(r"/media/[^\"'\s<>?]+\.png", html.unescape(edit.text))))
            check(urls, "the image's edit page shows no /media/ URL")
            for path in urls:
                served = self.session().get(self.base + path, timeout=10)
                check(served.status_code == 200, f"GET {path} answered {served.status_code}")
                check(served.headers.get("Content-Type") == "image/png", f"{path}: not image/png")
                check(served.content.startswith(b"\x89PNG"), f"{path} is not a PNG")
                check(served.headers.get("X-Content-Type-Options") == "nosniff", "no nosniff")
            # The uploaded file itself, under its name in a fresh MEDIA_ROOT.
            original = "/media/original_images/rooktest.png"
            served = self.session().get(self.base + original, timeout=10)
            check(served.status_code == 200, f"GET {original} answered {served.status_code}")
            check(served.content == picture, f"{original} differs from the uploaded image")
            urls.append(original)
            found.append(f"image {image_id}: " + ", ".join(urls))

    def stop(self) -> None:
        stopped = self.processes.stop_all()
        if self.controller is not None:
            self.controller.stop()
            stopped.append("SMTP sink")
        say("stopped by PID: " + ", ".join(stopped))

    def show_logs(self) -> None:
        for log in sorted(self.logs.glob("*.log")):
            lines = log.read_text(errors="replace").strip().splitlines()[-25:]
            if lines:
                print(f"--- {log.name} (last {len(lines)} lines)", file=sys.stderr)
                print("\n".join(lines), file=sys.stderr)


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    options = parser.parse_args()
    for tool in ("nginx", "openssl", "redis-server"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            print(f"smoke: {tool} is needed (apt-get install {tool})", file=sys.stderr)
            return 2
    if not (PG_BIN / "postgres").exists():
        print(
            f"smoke: PostgreSQL is needed in {PG_BIN} (apt-get install postgresql-15)",
            file=sys.stderr,
        )
        return 2

    # SIGTERM (e.g. from CI) stops everything like Ctrl-C does.
    signal.signal(signal.SIGTERM, interrupted)
    tmp = Path(tempfile.mkdtemp(prefix="portal-smoke-"))
    say(f"smoke test of the whole stack in {tmp} (as {getpass.getuser()})")
    smoke = Smoke(tmp)
    status = 0
    try:
        smoke.run()
    except SmokeFailure as failure:
        print(f"\nSMOKE TEST FAILED: {failure}\n", file=sys.stderr, flush=True)
        if failure.__cause__ is not None:
            traceback.print_exception(failure.__cause__, file=sys.stderr)
        status = 1
    except KeyboardInterrupt:
        print("\nsmoke: interrupted", file=sys.stderr)
        status = 130
    except Exception:  # noqa: BLE001 - a bug in this script: report it, still stop everything
        traceback.print_exc()
        status = 1
    finally:
        # Stopping is bounded (each process gets 30 s, then SIGKILL): let nothing cut it short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        smoke.stop()
        if status == 1:
            smoke.show_logs()
        if options.keep:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if status == 0:
        say("smoke test passed")
    return status


if __name__ == "__main__":
    sys.exit(main())
