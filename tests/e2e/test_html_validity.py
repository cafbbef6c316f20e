"""Every public template, in every state a citizen meets it (empty form, form with errors,
receipt, status found, 404), is valid HTML by the Nu HTML Checker (npm vnu-jar), in Swedish,
Arabic and Finnish. The server's raw HTML is checked, not the browser's repaired DOM."""

import http.cookiejar
import json
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date, timedelta

import pytest

from tests.e2e.conftest import ROOT, require

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
A_WEEK_AGO = date.today() - timedelta(days=7)
LANGUAGES = ["sv", "ar", "fi"]
PAGES = [
    "/",
    "/kvalitetsgaranti/",
    "/kvalitetsgaranti/kvalitetsgaranti-2026/",
    "/kvalitetsgaranti/kvalitetsgaranti-2007/",
    "/oppettider/",
    "/ekonomiskt-bistand/",
    "/ekonomiskt-bistand/sa-ansoker-du/",
    "/tillganglighet/",
    "/lattlast/",
    "/statistik/",
    "/ni-sa-vi-gjorde/",
    "/sok/?q=garanti",
    "/synpunkter/",
    "/synpunkter/status/",
    "/synpunkter/personuppgifter/",
    "/sista-dagen-att-overklaga/",
    f"/sista-dagen-att-overklaga/?told_on={A_WEEK_AGO}",
    "/sista-dagen-att-overklaga/?told_on=2026-02-30",
]


class Browser:
    """Fetches raw HTML with cookies, as a browser without JavaScript would."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, str, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        return self._open(urllib.request.Request(self.base + path, data=body))

    def _open(self, request):
        try:
            with self.opener.open(request) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, request.full_url, error.read().decode()


def hidden_fields(html: str) -> dict:
    form = html[html.index('<form method="post"') :]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


def filled_form(html: str) -> dict:
    data = hidden_fields(html)
    data["kind"] = "suggestion"
    data["category"] = re.search(r'name="category" value="(\d+)"', html).group(1)
    data["district"] = re.search(r'<option value="(\d+)"', html).group(1)
    data["message"] = "Väntrummet behöver fler stolar."
    return data


@pytest.fixture(scope="module")
def rendered(site_url, tmp_path_factory) -> dict:
    """name -> path of the saved HTML, for every page and state."""
    require(shutil.which("java") is not None, "Java (the Nu HTML Checker runs on it)")
    require(VNU.exists(), "vnu-jar in node_modules (npm install)")
    folder = tmp_path_factory.mktemp("html")
    pages, forms = {}, {}
    for code in LANGUAGES:
        browser = Browser(site_url)
        for path in PAGES:
            status, _url, html = browser.get(f"/{code}{path}")
            assert status == 200, (code, path)
            pages[f"{code}{path}"] = html
        pages[f"{code} 404"] = browser.get(f"/{code}/finns-inte/")[2]
        forms[code] = (browser, pages[f"{code}/synpunkter/"])
    time.sleep(3.2)  # longer than the minimum fill time
    for code, (browser, form) in forms.items():
        path = f"/{code}/synpunkter/"
        status, _url, html = browser.post(path, hidden_fields(form))
        pages[f"{code} form with errors"] = html
        status, url, receipt = browser.post(path, filled_form(form))
        assert "/kvitto/" in url, (code, status)
        pages[f"{code} receipt"] = receipt
        reference = re.search(r'class="reference"><bdi>([0-9-]+)</bdi>', receipt).group(1)
        lookup = re.search(r'class="lookup-code"><bdi>([A-Z0-9-]+)</bdi>', receipt).group(1)
        _status, _url, lookup_form = browser.get(f"/{code}/synpunkter/status/")
        data = {**hidden_fields(lookup_form), "reference": reference, "code": lookup}
        status, _url, found = browser.post(f"/{code}/synpunkter/status/", data)
        assert "status-card" in found, code
        pages[f"{code} status found"] = found
    files = {}
    for number, (name, html) in enumerate(pages.items()):
        files[name] = folder / f"page-{number}.html"
        files[name].write_text(html, encoding="utf-8")
    return files


def test_every_public_page_in_every_state_is_valid_html(rendered):
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *map(str, rendered.values()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    names = {f"file:{path}": name for name, path in rendered.items()}
    errors = [
        f"{names.get(message.get('url'), message.get('url'))}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in json.loads(result.stderr or '{"messages": []}')["messages"]
    ]
    assert len(rendered) == len(LANGUAGES) * (len(PAGES) + 4)
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr
