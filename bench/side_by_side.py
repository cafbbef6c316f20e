"""Benchmark (issue #15): this portal side by side with the Wagtail bakerydemo, on one machine.

Both sites run in their production settings under the same gunicorn (version and
``deploy/gunicorn.conf.py``: the same number of sync workers), on the same database kind
(PostgreSQL, or SQLite with ``--database sqlite``) and each with a Redis cache. The runs
alternate between the sites (ours, theirs, ours, theirs, ...) so that a change in the machine's
load (a CI run) falls on both; each figure is the median of the runs. It prints a table with
req/s and p99 of both sides and their ratio, the page weights, the versions and the issue's
targets next to them. It asserts nothing.

Usage, from the repository root with the project's virtualenv:

    PYTHONPATH=. .venv/bin/python bench/side_by_side.py --setup   # once: builds everything
    PYTHONPATH=. .venv/bin/python bench/side_by_side.py [--duration 10] [--runs 3]
        [--connections 8] [--threads 2] [--workers 2] [--only pages,form,pair,weight]

The bakerydemo source comes from a bare git directory (the ``fetch`` tool's copy of
github:wagtail/bakerydemo, ``--bakerydemo-git``); ``--setup`` (also run by the first run)
exports its newest commit into ``--cache-dir`` with its own Python 3.12 virtualenv. Nothing of
it is committed. See bench/README.md.
"""

import argparse
import contextlib
import http.client
import json
import math
import os
import secrets
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
OUR_PYTHON = ROOT / ".venv" / "bin" / "python"
DEFAULT_CACHE = Path("/work/bench-cache")
DEFAULT_BAKERYDEMO_GIT = Path("/work/.mirror/wagtail+bakerydemo/repo")
DEFAULT_BAKERYDEMO_PYTHON = Path("/root/.pyenv/versions/3.12.1/bin/python")
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379"
# Our cache in Redis database 12. bakerydemo appends "/0" and "/1" to its REDIS_URL; redis-py
# joins the digits of the path, so ".../1" puts its two caches in databases 10 and 11, away
# from database 0 that other programs on this machine use.
OUR_REDIS_DB = 12
THEIR_REDIS_URL = f"{REDIS}/1"
THEIR_REDIS_DBS = (10, 11)
# The rate limit a bench needs (FeedbackSettings, a site setting in the database): the
# largest value its field takes; the default is 5 an hour from one address.
BENCH_SUBMISSIONS_PER_HOUR = 32767
PORT_RANGE = range(18000, 19000)
HTTP_TIMEOUT = 30

PAGE_KEYS = ["home-sv", "home-en", "home-ar", "guidance", "guarantee", "hours", "statistics"]
SECTIONS = ["pages", "form", "pair", "weight"]
TARGETS = {
    "pages": "≥20× req/s, p99<50 ms cached; ≥2× uncached",
    "form": "≥1× req/s",
    "pair": "≥2× pairs/s",
    "weight": "ours HTML+CSS < 50 KB",
}


def say(text: str) -> None:
    """Progress goes to stderr; stdout keeps only the results."""
    print(text, file=sys.stderr, flush=True)


# --- configuration ------------------------------------------------------------------------


@dataclass
class Config:
    duration: int
    runs: int
    warmup: int
    connections: int
    threads: int
    workers: int
    database: str
    cache_dir: Path
    bakerydemo_git: Path
    bakerydemo_python: Path
    only: set[str]
    our_env: dict[str, str]

    @property
    def bakerydemo_dir(self) -> Path:
        return self.cache_dir / "bakerydemo"

    @property
    def bakerydemo_venv(self) -> Path:
        return self.cache_dir / "bakerydemo-venv"

    @property
    def marker(self) -> Path:
        return self.cache_dir / f"side_by_side-{self.database}.json"

    def wants(self, key: str) -> bool:
        return key in self.only


def parse_args(argv=None) -> tuple[Config, bool]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--setup", action="store_true", help="(re)build both sites, then stop")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run (10)")
    parser.add_argument("--runs", type=int, default=3, help="runs per side and row (3)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds per row (3)")
    parser.add_argument("--connections", type=int, default=8, help="open connections (8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per site (2)")
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated subset: {', '.join(SECTIONS)} or page keys ({', '.join(PAGE_KEYS)})",
    )
    parser.add_argument(
        "--our-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment for our site (e.g. to switch a page cache off); repeatable",
    )
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--bakerydemo-git", type=Path, default=DEFAULT_BAKERYDEMO_GIT)
    parser.add_argument("--bakerydemo-python", type=Path, default=DEFAULT_BAKERYDEMO_PYTHON)
    args = parser.parse_args(argv)
    only = set()
    for word in filter(None, (part.strip() for part in args.only.split(","))):
        if word == "pages":
            only.update(PAGE_KEYS)
        elif word in SECTIONS or word in PAGE_KEYS:
            only.add(word)
        else:
            parser.error(f"--only: unknown {word!r}")
    our_env = {}
    for item in args.our_env:
        name, equals, value = item.partition("=")
        if not equals or not name:
            parser.error(f"--our-env takes NAME=VALUE, not {item!r}")
        our_env[name] = value
    config = Config(
        duration=args.duration,
        runs=args.runs,
        warmup=args.warmup,
        connections=args.connections,
        threads=min(args.threads, args.connections),
        workers=args.workers,
        database=args.database,
        cache_dir=args.cache_dir.resolve(),
        bakerydemo_git=args.bakerydemo_git,
        bakerydemo_python=args.bakerydemo_python,
        only=only,
        our_env=our_env,
    )
    return config, args.setup


# --- the two sites ------------------------------------------------------------------------


@dataclass
class Site:
    """One side: how to run its manage.py and gunicorn, and where its form rows land."""

    key: str  # "ours" or "theirs"
    python: Path
    cwd: Path
    env: dict[str, str]
    gunicorn_args: list[str]
    database_name: str
    form_table: str
    port: int = 0
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args: str, timeout: float = 900) -> str:
        done = subprocess.run(
            [str(self.python), "manage.py", *args],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-20:])
            raise BenchError(f"{self.key}: manage.py {args[0]} exited {done.returncode}:\n{tail}")
        return done.stdout

    def python_json(self, code: str) -> dict:
        """Run ``code`` (which prints one JSON object last) in this site's Django."""
        output = self.manage("shell", "-c", code).strip().splitlines()
        return json.loads(output[-1])


class BenchError(Exception):
    pass


def base_env() -> dict[str, str]:
    """The same small environment for both sites: nothing of the caller's Django settings."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    return {name: os.environ[name] for name in keep if name in os.environ}


def database_url(config: Config, name: str) -> str:
    if config.database == "postgres":
        return f"{POSTGRES}/{name}"
    return f"sqlite:///{config.cache_dir / 'sqlite' / (name + '.sqlite3')}"


def env_file(path: Path) -> dict[str, str]:
    """NAME=value lines of a systemd EnvironmentFile (comments and blanks skipped)."""
    values = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def our_site(config: Config, secret_key: str) -> Site:
    """deploy/portal.env.example with this machine's database, Redis and folders; plain HTTP
    (no nginx in front: no TLS redirect, the client address is REMOTE_ADDR)."""
    env = {**base_env(), **env_file(ROOT / "deploy" / "portal.env.example")}
    env.update(
        PORTAL_ENV="production",
        PYTHONPATH=str(ROOT),
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS="http://127.0.0.1",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        DATABASE_URL=database_url(config, "bench_portal"),
        REDIS_URL=f"{REDIS}/{OUR_REDIS_DB}",
        # Nothing is sent during a request (the database task queue holds the e-mail, and no
        # worker runs here); should anything try, it goes nowhere.
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT="9",
        EMAIL_USE_TLS="false",
        TRUSTED_PROXY_COUNT="0",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(config.cache_dir / "portal" / "static"),
        MEDIA_ROOT=str(config.cache_dir / "portal" / "media"),
        GUNICORN_WORKERS=str(config.workers),
    )
    env.update(config.our_env)
    return Site(
        key="ours",
        python=OUR_PYTHON,
        cwd=ROOT,
        env=env,
        gunicorn_args=["-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
        database_name="bench_portal",
        form_table="feedback_feedback",
    )


def their_site(config: Config, secret_key: str) -> Site:
    """bakerydemo's own production settings (bakerydemo/settings/production.py), driven by the
    environment variables it reads; served by our gunicorn.conf.py with its WSGI app."""
    env = {**base_env()}
    env.update(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY=secret_key,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url(config, "bench_bakery"),
        REDIS_URL=THEIR_REDIS_URL,
        SECURE_SSL_REDIRECT="false",
        GUNICORN_WORKERS=str(config.workers),
    )
    return Site(
        key="theirs",
        python=config.bakerydemo_venv / "bin" / "python",
        cwd=config.bakerydemo_dir,
        env=env,
        gunicorn_args=[
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "bakerydemo.wsgi:application",
        ],
        database_name="bench_bakery",
        form_table="wagtailforms_formsubmission",
    )


# --- setup --------------------------------------------------------------------------------


def run(argv, **options) -> str:
    done = subprocess.run([str(a) for a in argv], capture_output=True, text=True, **options)
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-20:])
        raise BenchError(f"{argv[0]} {argv[1] if len(argv) > 1 else ''} failed:\n{tail}")
    return done.stdout


def export_bakerydemo(config: Config) -> dict[str, str]:
    """The newest commit of the bare git directory, as plain files (git archive | tar -x)."""
    git = ["git", f"--git-dir={config.bakerydemo_git}"]
    if not config.bakerydemo_git.is_dir():
        raise BenchError(
            f"no bakerydemo git directory at {config.bakerydemo_git}: fetch "
            "github:wagtail/bakerydemo with the fetch tool, or pass --bakerydemo-git"
        )
    commit, date = run([*git, "log", "-1", "--format=%H %cs", "HEAD"]).split()
    target = config.bakerydemo_dir
    if target.exists():
        run(["rm", "-rf", target])
    target.mkdir(parents=True)
    archive = subprocess.Popen([*git, "archive", "HEAD"], stdout=subprocess.PIPE)
    run(["tar", "-x", "-C", target], stdin=archive.stdout)
    if archive.wait() != 0:
        raise BenchError("git archive of bakerydemo failed")
    return {"commit": commit, "date": date}


def requirement_lines(path: Path, names: set[str]) -> list[str]:
    """The lines of a requirements file for ``names``, with their pins as bakerydemo wrote
    them."""
    found = []
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        name = line.split("[")[0].split("=")[0].split(">")[0].split("<")[0].strip().lower()
        if name in names:
            found.append(line)
    return found


def build_bakerydemo_venv(config: Config, gunicorn_version: str) -> list[str]:
    """Python 3.12 with requirements/base.txt, and from requirements/production.txt only what
    its production settings import without cloud variables (uWSGI, Elasticsearch, S3/GCS
    are left out); gunicorn at our version instead of uWSGI."""
    venv = config.bakerydemo_venv
    if venv.exists():
        run(["rm", "-rf", venv])
    run([config.bakerydemo_python, "-m", "venv", venv])
    extra = requirement_lines(
        config.bakerydemo_dir / "requirements" / "production.txt",
        {"psycopg", "whitenoise", "django-redis"},
    )
    extra.append(f"gunicorn=={gunicorn_version}")
    pip = [venv / "bin" / "python", "-m", "pip", "install", "--quiet"]
    run([*pip, "-r", config.bakerydemo_dir / "requirements" / "base.txt", *extra])
    return extra


def reset_database(config: Config, name: str) -> None:
    if config.database == "postgres":
        tools = ["-h", "127.0.0.1", "-U", "postgres"]
        run(["dropdb", *tools, "--if-exists", name])
        run(["createdb", *tools, name])
    else:
        path = config.cache_dir / "sqlite" / f"{name}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)


def flush_redis(*databases: int) -> None:
    code = (
        "import redis, sys\n"
        "for db in sys.argv[2:]: redis.Redis.from_url(sys.argv[1], db=int(db)).flushdb()"
    )
    run([OUR_PYTHON, "-c", code, REDIS, *map(str, databases)])


def setup(config: Config, ours: Site, theirs: Site) -> None:
    """Everything both sites need, from scratch: scratch databases, bakerydemo's source and
    virtualenv, migrations, demo content and collected static files."""
    started = time.monotonic()
    config.cache_dir.mkdir(parents=True, exist_ok=True)
    say(f"setup: exporting bakerydemo from {config.bakerydemo_git}")
    source = export_bakerydemo(config)
    say(f"setup: bakerydemo {source['commit'][:10]} ({source['date']}); building its virtualenv")
    gunicorn = python_versions(ours)["gunicorn"]
    extra = build_bakerydemo_venv(config, gunicorn)
    for site in (ours, theirs):
        reset_database(config, site.database_name)
    flush_redis(OUR_REDIS_DB, *THEIR_REDIS_DBS)
    say("setup: ours: setup_site (cache table, migrate, catalogues, collectstatic, site)")
    ours.manage("setup_site", "--hostname", "127.0.0.1", "--port", "80")
    say("setup: ours: load_demo_content")
    ours.manage("load_demo_content")
    say("setup: theirs: migrate, load_initial_data, collectstatic")
    theirs.manage("migrate", "--noinput")
    theirs.manage("load_initial_data")
    theirs.manage("collectstatic", "--noinput")
    marker = {**source, "bakerydemo_extra_requirements": extra, "at": time.strftime("%F %T")}
    config.marker.write_text(json.dumps(marker, indent=2))
    say(f"setup: done in {time.monotonic() - started:.0f} s")


# --- servers ------------------------------------------------------------------------------


def free_port(taken: set[int]) -> int:
    for port in PORT_RANGE:
        if port in taken:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise BenchError(f"no free port in {PORT_RANGE.start}-{PORT_RANGE.stop - 1}")


class Servers:
    """The gunicorn masters this script started, each stopped by its PID (and its workers by
    theirs, should the master not take them down)."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.running: list[tuple[str, subprocess.Popen]] = []

    def start(self, site: Site) -> None:
        self.logs.mkdir(parents=True, exist_ok=True)
        env = {**site.env, "GUNICORN_BIND": f"127.0.0.1:{site.port}"}
        argv = [str(site.python), "-m", "gunicorn", *site.gunicorn_args]
        with (self.logs / f"{site.key}.log").open("wb") as log:
            # Own session: a Ctrl-C reaches this script only, which then stops the servers.
            process = subprocess.Popen(
                argv,
                cwd=site.cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.running.append((site.key, process))
        wait_until_up(site, process, self.logs / f"{site.key}.log")

    def stop_all(self) -> None:
        for name, process in self.running:
            children = child_pids(process.pid)
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGQUIT)  # gunicorn: quick shutdown
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    say(f"{name}: gunicorn {process.pid} did not stop: SIGKILL")
                    os.kill(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)
            for pid in children:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            say(f"{name}: stopped gunicorn {process.pid} (workers {children})")
        self.running.clear()


def child_pids(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(word) for word in text.split()]


def wait_until_up(site: Site, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"{site.key}: gunicorn exited {process.returncode}; see {log}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            if get(site.base + "/", timeout=60).status < 500:
                return
        time.sleep(0.5)
    raise BenchError(f"{site.key}: no answer on {site.base} after {timeout:.0f} s; see {log}")


# --- HTTP ---------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def get(url: str, timeout: float = HTTP_TIMEOUT) -> Response:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + ("?" + parts.query if parts.query else "")
        connection.request("GET", path or "/", headers={"Accept": "text/html"})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


class PageParser(HTMLParser):
    """What the bench reads from a page: its stylesheets and its POST forms (action, inputs,
    select options, text areas)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stylesheets: list[str] = []
        self.forms: list[dict] = []
        self._select: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "link" and "stylesheet" in attributes.get("rel", "").split():
            self.stylesheets.append(attributes.get("href", ""))
        elif tag == "form":
            method = attributes.get("method", "get").lower()
            self.forms.append(
                {"action": attributes.get("action", ""), "method": method, "inputs": []}
                | {"selects": {}, "textareas": []}
            )
        elif not self.forms:
            return
        elif tag == "input":
            self.forms[-1]["inputs"].append(attributes)
        elif tag == "select":
            self._select = attributes.get("name", "")
            self.forms[-1]["selects"][self._select] = []
        elif tag == "option" and self._select is not None:
            self.forms[-1]["selects"][self._select].append(attributes.get("value", ""))
        elif tag == "textarea":
            self.forms[-1]["textareas"].append(attributes.get("name", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


# --- load: wrk ----------------------------------------------------------------------------


@dataclass
class Sample:
    """One run: requests (or pairs) a second and p99 latency in ms; what went wrong."""

    rate: float
    p99_ms: float
    problems: str = ""


def wrk(config: Config, url: str, duration: int) -> Sample:
    argv = ["wrk", f"-t{config.threads}", f"-c{config.connections}", f"-d{duration}s"]
    output = run([*argv, "--timeout", "10s", "--latency", url])
    return parse_wrk(output)


def parse_wrk(output: str) -> Sample:
    rate, p99, problems = 0.0, float("nan"), []
    for line in output.splitlines():
        words = line.split()
        if line.startswith("Requests/sec:"):
            rate = float(words[1])
        elif words[:1] == ["99%"]:
            p99 = duration_ms(words[1])
        elif line.strip().startswith(("Non-2xx", "Socket errors")):
            problems.append(line.strip())
    return Sample(rate, p99, "; ".join(problems))


def duration_ms(text: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)


# --- load: the GET+POST pair --------------------------------------------------------------


class First:
    """In a form spec: the first choice the form offers (radio button or non-empty option)."""


@dataclass
class FormSpec:
    """A citizen filling in a site's form: which form (the one with ``text_area``), what they
    type, and how the site says it was accepted."""

    path: str
    text_area: str
    values: dict[str, str | type[First]]
    accepted: Callable[[Response], bool]


def our_form(path: str) -> FormSpec:
    """Anonymous feedback (no answer wanted, so no contact details), honeypot left empty."""
    return FormSpec(
        path=path,
        text_area="message",
        values={
            "kind": First,
            "category": First,
            "district": First,
            "message": "Bra bemötande i receptionen, men lång väntetid i telefon. (bench)",
        },
        # The receipt is a redirect (303 See Other) to the receipt page, which is not fetched.
        accepted=lambda response: response.status == 303,
    )


def their_form(path: str) -> FormSpec:
    """bakerydemo's contact form; it answers with its thank-you page (200) when accepted and
    with the form again (also 200) when not."""
    return FormSpec(
        path=path,
        text_area="body",
        values={
            "subject": "Bench",
            "your_name": "A Citizen",
            "your_email": "citizen@example.com",
            "purpose": First,
            "body": "Good service at the counter, long wait on the phone. (bench)",
        },
        accepted=lambda response: (
            response.status == 200 and b"received your message" in response.body
        ),
    )


def fill_in(page: bytes, spec: FormSpec) -> tuple[str, dict[str, str]]:
    """The form's action and what a browser sends: hidden fields as given, text fields empty
    and lists at their first option unless the spec says otherwise, the spec's choices."""
    forms = PageParser(page.decode("utf-8", "replace")).forms
    form = next(
        (f for f in forms if f["method"] == "post" and spec.text_area in f["textareas"]), None
    )
    if form is None:
        raise BenchError(f"no POST form with a {spec.text_area!r} text area at {spec.path}")
    data = {}
    for field_ in form["inputs"]:
        kind, name = field_.get("type", "text"), field_.get("name")
        if name and kind == "hidden":
            data[name] = field_.get("value", "")
        elif name and kind in {"text", "email", "tel", "url", "number"}:
            data[name] = ""
    for name in form["textareas"]:
        data[name] = ""
    for name, options in form["selects"].items():
        data[name] = options[0] if options else ""
    for name, value in spec.values.items():
        data[name] = first_choice(form, name) if value is First else value
    return form["action"] or spec.path, data


def first_choice(form: dict, name: str) -> str:
    radios = [f.get("value", "") for f in form["inputs"] if f.get("name") == name]
    options = [value for value in form["selects"].get(name, []) if value]
    choices = radios or options
    if not choices:
        raise BenchError(f"the form offers no choice for {name!r}")
    return choices[0]


def cookies_from(headers: http.client.HTTPMessage) -> dict[str, str]:
    jar = {}
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        jar[name.strip()] = rest.split(";")[0]
    return jar


@dataclass
class PairTally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    accepted: int = 0
    refused: dict[str, int] = field(default_factory=dict)
    first_refusal: str = ""

    def add(self, ok: bool, seconds: float, why: str = "", detail: str = "") -> None:
        with self.lock:
            if ok:
                self.accepted += 1
                self.latencies.append(seconds)
            else:
                self.refused[why] = self.refused.get(why, 0) + 1
                self.first_refusal = self.first_refusal or detail


def one_pair(connection: http.client.HTTPConnection, spec: FormSpec) -> tuple[bool, str, str]:
    """A new citizen (no cookies): GET the form, POST it with the CSRF cookie and token."""
    connection.request("GET", spec.path, headers={"Accept": "text/html"})
    response = connection.getresponse()
    page = Response(response.status, response.headers, response.read())
    if page.status != 200:
        return False, f"GET {page.status}", page.body[:300].decode("utf-8", "replace")
    action, data = fill_in(page.body, spec)
    cookie = "; ".join(f"{name}={value}" for name, value in cookies_from(page.headers).items())
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    connection.request("POST", action, body=urlencode(data), headers=headers)
    response = connection.getresponse()
    answer = Response(response.status, response.headers, response.read())
    if spec.accepted(answer):
        return True, "", ""
    return False, f"POST {answer.status}", answer.body[:2000].decode("utf-8", "replace")


def citizen(site: Site, spec: FormSpec, deadline: float, tally: PairTally) -> None:
    """One connection's worth of citizens, one after the other, until the deadline."""
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=HTTP_TIMEOUT)
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            ok, why, detail = one_pair(connection, spec)
        except (OSError, http.client.HTTPException, BenchError) as error:
            connection.close()
            ok, why, detail = False, type(error).__name__, str(error)
        tally.add(ok, time.perf_counter() - started, why, detail)
    connection.close()


def pairs(config: Config, site: Site, spec: FormSpec, duration: int) -> tuple[Sample, int]:
    """Citizens on ``config.connections`` threads for ``duration`` s: accepted pairs a
    second, the p99 of a pair (GET and POST); also the number of accepted POSTs."""
    tally = PairTally()
    started = time.monotonic()
    deadline = started + duration
    workers = [
        threading.Thread(target=citizen, args=(site, spec, deadline, tally), daemon=True)
        for _ in range(config.connections)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    latencies = sorted(tally.latencies)
    p99 = latencies[math.ceil(len(latencies) * 0.99) - 1] * 1000 if latencies else 0
    problems = ", ".join(f"{count}× {why}" for why, count in tally.refused.items())
    if tally.first_refusal:
        problems += f" (first: {' '.join(tally.first_refusal.split())[:200]})"
    return Sample(tally.accepted / elapsed, p99 or float("nan"), problems), tally.accepted


def delete_rate_limit_counts() -> None:
    """Our per-address counters of the feedback form (feedback/rate_limits.py), so that no run
    meets the limit whatever ran before it within the hour."""
    code = (
        "import redis, sys\nr = redis.Redis.from_url(sys.argv[1])\n"
        "for key in r.scan_iter('*rate:feedback:*'): r.delete(key)"
    )
    run([OUR_PYTHON, "-c", code, f"{REDIS}/{OUR_REDIS_DB}"])


def count_rows(config: Config, site: Site) -> int:
    sql = f"SELECT count(*) FROM {site.form_table}"
    if config.database == "postgres":
        tools = ["-h", "127.0.0.1", "-U", "postgres", "-d", site.database_name]
        return int(run(["psql", "-X", "-A", "-t", *tools, "-c", sql]).strip())
    path = config.cache_dir / "sqlite" / f"{site.database_name}.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchone()[0]


# --- measuring ----------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    ours: list[Sample]
    theirs: list[Sample]
    target: str
    note: str = ""

    @staticmethod
    def median(samples: list[Sample], attribute: str) -> float:
        return statistics.median(getattr(sample, attribute) for sample in samples)


def interleaved(config: Config, measure_ours, measure_theirs, label: str) -> tuple[list, list]:
    """Warm both up, then ours, theirs, ours, theirs, ... ``config.runs`` times each."""
    measure_ours(config.warmup)
    measure_theirs(config.warmup)
    ours, theirs = [], []
    for number in range(1, config.runs + 1):
        ours.append(measure_ours(config.duration))
        theirs.append(measure_theirs(config.duration))
        say(
            f"  {label} run {number}/{config.runs}: ours {ours[-1].rate:.1f}/s "
            f"p99 {ours[-1].p99_ms:.0f} ms | theirs {theirs[-1].rate:.1f}/s "
            f"p99 {theirs[-1].p99_ms:.0f} ms"
        )
    return ours, theirs


def problems_of(samples: list[Sample]) -> str:
    return " / ".join(sorted({s.problems for s in samples if s.problems}))


def notes_of(ours: list[Sample], theirs: list[Sample]) -> str:
    found = [(side, problems_of(samples)) for side, samples in (("ours", ours), ("theirs", theirs))]
    return "; ".join(f"{side}: {text}" for side, text in found if text)


def get_rows(config: Config, our_pages: dict, their_pages: dict) -> list[tuple[str, str, str]]:
    """(what, our path, their path) of each GET row: our pages against bakerydemo's home
    page, our feedback form against its contact form."""
    rows = [(key, our_pages[key], their_pages["home"]) for key in PAGE_KEYS if config.wants(key)]
    if config.wants("form"):
        rows.append(("form GET", our_pages["form"], their_pages["form"]))
    return rows


def compare_pages(config: Config, ours: Site, theirs: Site, what, our_path, their_path) -> Row:
    for site, path in ((ours, our_path), (theirs, their_path)):
        # Once on its own first: bakerydemo makes its image renditions on the first view.
        status = get(site.base + path, timeout=120).status
        if status != 200:
            raise BenchError(f"{site.key}: GET {path} answered {status}")
    label = f"{what} {our_path} vs {their_path}"
    say(label)
    a, b = interleaved(
        config,
        lambda seconds: wrk(config, ours.base + our_path, seconds),
        lambda seconds: wrk(config, theirs.base + their_path, seconds),
        what,
    )
    target = TARGETS["form" if what == "form GET" else "pages"]
    return Row(label, a, b, target, notes_of(a, b))


def compare_pairs(config, ours, theirs, our_spec, their_spec) -> tuple[Row, str]:
    """The GET+POST pair on both forms, then a count of the rows each site stored."""
    delete_rate_limit_counts()
    before = {site.key: count_rows(config, site) for site in (ours, theirs)}
    accepted = {"ours": 0, "theirs": 0}

    def measure(site, spec):
        def go(seconds):
            sample, count = pairs(config, site, spec, seconds)
            accepted[site.key] += count
            return sample

        return go

    say(f"GET+POST pair: {our_spec.path} vs {their_spec.path}")
    a, b = interleaved(config, measure(ours, our_spec), measure(theirs, their_spec), "pair")
    lines = []
    for site in (ours, theirs):
        stored = count_rows(config, site) - before[site.key]
        verdict = "every accepted POST stored" if stored == accepted[site.key] else "MISMATCH"
        lines.append(
            f"{site.key}: {accepted[site.key]} accepted POSTs (warm-up included), "
            f"{stored} new rows in {site.form_table}: {verdict}"
        )
    label = f"GET+POST pair {our_spec.path} vs {their_spec.path} (pairs/s)"
    row = Row(label, a, b, TARGETS["pair"], notes_of(a, b))
    return row, "\n".join(lines)


@dataclass
class Weight:
    html: int
    css: int
    elsewhere: list[str]


def page_weight(site: Site, path: str) -> Weight:
    """HTML and the stylesheets it links (as served, without compression)."""
    html = get(site.base + path).body
    css, elsewhere = 0, []
    for href in PageParser(html.decode("utf-8", "replace")).stylesheets:
        url = urljoin(site.base + path, href)
        if not url.startswith(site.base):
            elsewhere.append(url)
            continue
        css += len(get(url).body)
    return Weight(len(html), css, elsewhere)


# --- discovery and versions ---------------------------------------------------------------

OUR_PAGES = """
import json, config
from django.utils import timezone
from feedback.models import FeedbackPage, FeedbackStatisticsPage
from portal.models import GuaranteePage, GuidancePage, HomePage, OpeningHoursPage

def url(queryset, language="sv"):
    page = queryset.live().public().filter(locale__language_code=language).order_by("path").first()
    return page.get_url() if page else None

print(json.dumps({
    "home-sv": url(HomePage.objects), "home-en": url(HomePage.objects, "en"),
    "home-ar": url(HomePage.objects, "ar"), "guidance": url(GuidancePage.objects),
    "guarantee": url(GuaranteePage.objects.valid_on(timezone.localdate())),
    "hours": url(OpeningHoursPage.objects), "statistics": url(FeedbackStatisticsPage.objects),
    "form": url(FeedbackPage.objects), "config": config.__file__,
}))
"""

THEIR_PAGES = """
import json
from bakerydemo.base.models import FormPage, HomePage
print(json.dumps({
    "home": HomePage.objects.live().first().get_url(),
    "form": FormPage.objects.live().first().get_url(),
}))
"""

# Bench-only site settings of ours: a citizen may send the form at once, and more often than
# five times an hour from one address (all of the bench comes from 127.0.0.1).
OUR_BENCH_SETTINGS = f"""
import json
from wagtail.models import Site
from feedback.models import FeedbackSettings
settings = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
defaults = {{f: FeedbackSettings._meta.get_field(f).default
            for f in ("submissions_per_hour", "minimum_fill_seconds")}}
settings.submissions_per_hour = {BENCH_SUBMISSIONS_PER_HOUR}
settings.minimum_fill_seconds = 0
settings.save()
print(json.dumps(defaults))
"""

VERSIONS = """
import importlib.metadata as m, json, platform
print(json.dumps({"python": platform.python_version(),
    **{name: m.version(name) for name in ("wagtail", "django", "gunicorn")}}))
"""


def python_versions(site: Site) -> dict[str, str]:
    return json.loads(run([site.python, "-c", VERSIONS], env=site.env).strip())


def service_versions(config: Config) -> str:
    parts = [wrk_version()]
    if config.database == "postgres":
        tools = ["-h", "127.0.0.1", "-U", "postgres", "-d", "bench_portal"]
        version = run(["psql", "-X", "-A", "-t", *tools, "-c", "SHOW server_version"]).strip()
        parts.append(f"PostgreSQL {version.split()[0]}")
    else:
        parts.append(f"SQLite {sqlite3.sqlite_version}")
    code = "import redis,sys; print(redis.Redis.from_url(sys.argv[1]).info()['redis_version'])"
    parts.append(f"Redis {run([OUR_PYTHON, '-c', code, REDIS]).strip()}")
    return ", ".join(parts)


def wrk_version() -> str:
    done = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    return " ".join((done.stdout or done.stderr).split()[:2])


def git_head(directory: Path) -> str:
    done = subprocess.run(
        ["git", "-C", str(directory), "log", "-1", "--format=%h %cs"],
        capture_output=True,
        text=True,
    )
    dirty = subprocess.run(
        ["git", "-C", str(directory), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return done.stdout.strip() + (" + uncommitted changes" if dirty else "")


# --- output -------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells):
        first, *rest = cells
        return "  ".join(
            [str(first).ljust(widths[0])]
            + [str(c).rjust(w) for c, w in zip(rest, widths[1:-1], strict=False)]
            + ([str(rest[-1]).ljust(widths[-1])] if rest else [])
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def rate_cell(samples: list[Sample]) -> str:
    """The median, and the range of the runs: on a shared machine the spread says how far the
    median can be trusted."""
    rates = [sample.rate for sample in samples]
    spread = f" ({min(rates):.1f}–{max(rates):.1f})" if len(rates) > 1 else ""
    return f"{statistics.median(rates):.1f}{spread}"


def load_table(rows: list[Row]) -> str:
    headers = ["what", "ours req/s (runs)", "p99 ms", "theirs req/s (runs)", "p99 ms", "ratio"]
    headers.append("target")
    body = []
    for row in rows:
        ours_rate, theirs_rate = Row.median(row.ours, "rate"), Row.median(row.theirs, "rate")
        ratio = f"{ours_rate / theirs_rate:.2f}×" if theirs_rate else "-"
        body.append(
            [
                row.what,
                rate_cell(row.ours),
                f"{Row.median(row.ours, 'p99_ms'):.0f}",
                rate_cell(row.theirs),
                f"{Row.median(row.theirs, 'p99_ms'):.0f}",
                ratio,
                row.target,
            ]
        )
    return table(headers, body)


def weight_table(weights: list[tuple[str, Weight, Weight]]) -> str:
    headers = ["page weight (KB)", "ours HTML", "CSS", "total", "theirs HTML", "CSS", "total"]
    headers += ["ratio", "target"]
    body = []
    for what, ours, theirs in weights:
        ours_total, theirs_total = ours.html + ours.css, theirs.html + theirs.css
        body.append(
            [
                what,
                *(f"{n / 1024:.1f}" for n in (ours.html, ours.css, ours_total)),
                *(f"{n / 1024:.1f}" for n in (theirs.html, theirs.css, theirs_total)),
                f"{ours_total / theirs_total:.2f}×",
                TARGETS["weight"],
            ]
        )
    return table(headers, body)


# --- main ---------------------------------------------------------------------------------


def benchmark(config: Config, ours: Site, theirs: Site, header: list[str]) -> None:
    our_pages = ours.python_json(OUR_PAGES)
    if not our_pages.pop("config").startswith(str(ROOT)):
        raise BenchError(f"our site does not run the code in {ROOT} (PYTHONPATH)")
    their_pages = theirs.python_json(THEIR_PAGES)
    defaults = ours.python_json(OUR_BENCH_SETTINGS)
    header.append(
        f"bench-only: our FeedbackSettings submissions_per_hour={BENCH_SUBMISSIONS_PER_HOUR} "
        f"(default {defaults['submissions_per_hour']}) and minimum_fill_seconds=0 (default "
        f"{defaults['minimum_fill_seconds']}); the rate-limit counters are deleted before the "
        "pair runs; SECURE_SSL_REDIRECT=false on both, plain HTTP, no nginx"
    )
    missing = [key for key, path in our_pages.items() if path is None]
    if missing:
        raise BenchError(f"our demo content has no page for {', '.join(missing)}")

    started_load = load_average()
    taken: set[int] = set()
    ours.port, theirs.port = free_port(taken), free_port(taken)
    servers = Servers(config.cache_dir / "logs")
    rows, weights, stored = [], [], ""
    try:
        for site in (ours, theirs):
            say(f"{site.key}: starting gunicorn on {site.base}")
            servers.start(site)
        for what, our_path, their_path in get_rows(config, our_pages, their_pages):
            rows.append(compare_pages(config, ours, theirs, what, our_path, their_path))
        if config.wants("pair"):
            row, stored = compare_pairs(
                config, ours, theirs, our_form(our_pages["form"]), their_form(their_pages["form"])
            )
            rows.append(row)
        if config.wants("weight"):
            say("page weight")
            for key in [*PAGE_KEYS, "form"]:
                their_path = their_pages["form" if key == "form" else "home"]
                weights.append(
                    (
                        f"{key} {our_pages[key]} vs {their_path}",
                        page_weight(ours, our_pages[key]),
                        page_weight(theirs, their_path),
                    )
                )
    finally:
        servers.stop_all()
    header.append(
        f"machine: {os.cpu_count()} CPUs, load average (1, 5, 15 min) at the start "
        f"{started_load}, at the end {load_average()}"
    )
    report(config, header, rows, weights, stored)


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def report(config, header, rows, weights, stored) -> None:
    print("\n".join(header))
    if rows:
        print()
        print(
            f"Load: medians of {config.runs} interleaved runs of {config.duration} s per side "
            f"(after {config.warmup} s warm-up), {config.connections} connections; pages and "
            f"form GET with wrk ({config.threads} threads), the pair with this script's "
            "Python load generator on both sides; ratio = ours ÷ theirs req/s."
        )
        print(load_table(rows))
        for row in rows:
            if row.note:
                print(f"  ! {row.what}: {row.note}")
    if stored:
        print()
        print("GET+POST pair: one new citizen per pair (GET the form, POST it with the CSRF")
        print("cookie and token); p99 is of the pair. Our POST answers 303 to the receipt page,")
        print("which is not fetched; bakerydemo's POST renders its thank-you page (200) and")
        print("prints the notification e-mail to its log (its production e-mail backend).")
        print(stored)
    if weights:
        print()
        print(weight_table(weights))
        elsewhere = {url for _, o, t in weights for url in o.elsewhere + t.elsewhere}
        if elsewhere:
            print(f"  stylesheets from other hosts, not counted: {', '.join(sorted(elsewhere))}")


def interrupted(signum, frame):
    """A plain kill ends like Ctrl-C: in the finally block that stops the servers."""
    raise KeyboardInterrupt


def main(argv=None) -> int:
    config, setup_only = parse_args(argv)
    # Fresh secret keys each time: nothing the bench signs needs to outlive it.
    ours = our_site(config, secrets.token_urlsafe(64))
    theirs = their_site(config, secrets.token_urlsafe(64))
    signal.signal(signal.SIGTERM, interrupted)
    try:
        if setup_only or not config.marker.exists() or not theirs.python.exists():
            setup(config, ours, theirs)
            if setup_only:
                return 0
        marker = json.loads(config.marker.read_text())
        ours.versions, theirs.versions = python_versions(ours), python_versions(theirs)
        header = versions_header(config, ours, theirs, marker)
        benchmark(config, ours, theirs, header)
    except BenchError as error:
        say(f"side_by_side: {error}")
        return 1
    except KeyboardInterrupt:
        say("side_by_side: interrupted; servers stopped")
        return 130
    return 0


def versions_header(config: Config, ours: Site, theirs: Site, marker: dict) -> list[str]:
    def stack(site):
        v = site.versions
        return f"Wagtail {v['wagtail']}, Django {v['django']}, Python {v['python']}"

    database = {
        "postgres": "PostgreSQL for both (scratch databases bench_portal, bench_bakery)",
        "sqlite": "SQLite for both (files under the cache directory)",
    }[config.database]
    base = f"{REDIS}/<db>"
    return [
        f"ours:   {ROOT.name} @ {git_head(ROOT)}: {stack(ours)}; production settings "
        "(PORTAL_ENV=production, deploy/portal.env.example), demo content",
        f"theirs: wagtail/bakerydemo main @ {marker['commit'][:10]} ({marker['date']}): "
        f"{stack(theirs)}. No bakerydemo release supports Wagtail 8: its newest main, on the "
        "Wagtail 7.4 and Django 6.0 its requirements pin, Python 3.12; "
        "bakerydemo.settings.production, load_initial_data",
        f"server: gunicorn {ours.versions['gunicorn']} (both), -c deploy/gunicorn.conf.py, "
        f"{config.workers} sync workers each, WhiteNoise for static files on both",
        f"data:   {database}; cache: Redis on both ({base}: ours db {OUR_REDIS_DB}, bakerydemo "
        f"REDIS_URL={THEIR_REDIS_URL} → dbs {THEIR_REDIS_DBS[0]}/{THEIR_REDIS_DBS[1]}, "
        "django-redis)",
        f"tools:  {service_versions(config)}"
        + (f"; extra environment for ours: {config.our_env}" if config.our_env else ""),
    ]


if __name__ == "__main__":
    sys.exit(main())
