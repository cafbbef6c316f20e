"""Earlier years' counts (issue #18): the unit's published 2012 and 2013 figures imported from a
CSV start the yearly report's year-by-year table and the open statistics, marked as imported;
a bad file changes nothing and says what is wrong on which line."""

import re
from datetime import datetime
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext

from feedback import earlier_counts_import, intake, report_text, reports
from feedback.earlier_counts_import import EXAMPLE, import_counts
from feedback.models import Category, District, EarlierCount, Feedback
from feedback.periods import Period
from portal.workdays import STOCKHOLM
from tests.feedback.conftest import swedish

pytestmark = pytest.mark.django_db
HEADER = "year;category;district;kind;count;source\n"
REPORT = "/admin/feedback-report/"
UPLOAD = "/admin/feedback-report/earlier-years/"


def in_swedish(message: str) -> str:
    """A message as the Swedish admin shows it (its msgid until the catalogue has it)."""
    with translation.override("sv"):
        return gettext(message)


def register(year: int, category="Information", kind="suggestion") -> Feedback:
    return intake.register(
        Feedback(
            kind=kind,
            category=swedish(Category, category),
            language="sv",
            channel="web",
            message="…",
        ),
        received_at=datetime(year, 5, 2, 10, tzinfo=STOCKHOLM),
    ).feedback


def import_example():
    outcome = import_counts(EXAMPLE.read_bytes())
    assert outcome.errors == [] and outcome.saved
    return outcome


def errors_of(text: str | bytes) -> list[str]:
    with translation.override("en"):
        outcome = import_counts(text)
    assert not outcome.saved and EarlierCount.objects.count() == 0
    return outcome.errors


def year_by_year(html: str) -> tuple[list[str], dict[int, list[str]]]:
    """The year-by-year table of the report page: its column headings and each year's cells."""
    caption = f"<caption>{in_swedish('Year by year')}</caption>"
    table = html[html.index(caption) : html.index("</table>", html.index(caption))]
    headings = re.findall(r'<th scope="col">(.*?)</th>', table)
    rows = {
        int(year): [cell.strip() for cell in re.findall(r"<td>(.*?)</td>", cells, re.S)]
        for year, cells in re.findall(r'<th scope="row">(\d+)</th>(.*?)</tr>', table, re.S)
    }
    return headings, rows


@pytest.fixture
def handler_client(client, django_user_model):
    user = django_user_model.objects.create_user("hanna", "h@example.org", "pw-e-1")
    user.groups.add(Group.objects.get(name="Feedback handlers"))
    client.force_login(user)
    return client


# The example file and the report


def test_the_shipped_file_gives_the_published_figures_in_the_year_by_year_table(
    handler_client, capsys
):
    call_command("import_earlier_counts", str(EXAMPLE))
    assert "2012: 7" in capsys.readouterr().out
    register(2014, "Bemötande", kind="complaint")
    html = handler_client.get(f"{REPORT}?year=2014").content.decode()
    headings, rows = year_by_year(html)
    not_recorded = in_swedish("Not recorded")
    assert headings[1:-2] == [
        "Information",
        "Bemötande",
        "Handläggning",
        "Insatser/verksamhet",
        "Tillgänglighet",
        not_recorded,
    ]
    # 2012: Information 2, Bemötande 2, Handläggning 2, Insatser/verksamhet 1 (no kinds given).
    # 2013: three: a praise with no category, one on accessibility, one on treatment.
    imported = in_swedish("Before the register: imported from %(source)s")
    assert rows[2012] == ["2", "2", "2", "1", "0", "0", "7"] + [
        imported % {"source": "Verksamhetsberättelse 2012"}
    ]
    assert rows[2013] == ["0", "1", "0", "0", "1", "1", "3"] + [
        imported % {"source": "Verksamhetsberättelse 2013"}
    ]
    assert rows[2014] == ["0", "1", "0", "0", "0", "0", "1", in_swedish("In the register")]
    # The year before the report's is imported, and the comparison says so.
    assert "<td>Bemötande</td><td>1</td><td>1</td>" in html
    assert f"{in_swedish('A year earlier')} ({in_swedish('imported')})" in html
    # The paste-ready text says the same, and that the earlier years are from before.
    text = report_text.swedish_text(reports.build(Period.year(2014)))
    assert (
        "Samma period föregående år: 3 st. (före registret, enligt Verksamhetsberättelse 2013)."
    ) in text
    assert ("År för år: 2012: 7 (före registret), 2013: 3 (före registret), 2014: 1.") in text


def test_the_year_before_is_compared_from_its_imported_counts():
    import_example()
    register(2014, "Tillgänglighet")
    report = reports.build(Period.year(2014))
    assert report.previous_year_total == 3
    with translation.override("sv"):
        not_recorded = gettext("Not recorded")
    assert report.previous_year_by_category == {
        "Bemötande": 1,
        "Tillgänglighet": 1,
        not_recorded: 1,
    }
    assert report.previous_year_source == "Verksamhetsberättelse 2013"
    assert report.by_category_with_previous_year == [("Tillgänglighet", 1, 1)]
    # A tertial is compared with the register's same tertial only: imports are whole years,
    # and the register had not begun a year earlier, so there is no figure to compare with.
    tertial = reports.build(Period.year(2014, 2))
    assert (tertial.previous_year_total, tertial.previous_year_source) == (None, "")
    assert tertial.year_on_year is None
    assert "föregående år" not in report_text.swedish_text(tertial)


def test_a_report_for_an_imported_year_points_to_its_counts(handler_client):
    import_example()
    html = handler_client.get(f"{REPORT}?year=2012").content.decode()
    assert "Verksamhetsberättelse 2012" in html and 'class="help-block help-info"' in html
    _headings, rows = year_by_year(html)
    assert list(rows) == [2012]  # up to the report's year; 2013 comes after it
    report = reports.build(Period.year(2013))
    assert report.total == 0 and report.previous_year_total == 7
    text = report_text.swedish_text(report)
    assert (
        "2013 fanns inget register. Före registret redovisades 3 synpunkter och klagomål "
        "(enligt Verksamhetsberättelse 2013). Samma period föregående år: 7 st. (före "
        "registret, enligt Verksamhetsberättelse 2012)."
    ) in text


def test_the_register_is_the_source_of_a_year_it_has_items_in():
    """Counts left from an import of a year the register later got items in are not used."""
    import_example()
    register(2013, "Handläggning")
    table = reports.build(Period.year(2013)).year_on_year
    assert table.row(2013).total == 1 and not table.row(2013).imported
    assert table.row(2012).imported


# The file


def test_every_bad_line_is_named_and_nothing_is_saved():
    text = HEADER + (
        "2012;Information;;;2;Verksamhetsberättelse 2012\n"  # line 2: fine
        "2012;Bemötandet;;;2;VB 2012\n"
        "2012;Handläggning;Söder;;2;VB 2012\n"
        "2012;Handläggning;;klagomal;2;VB 2012\n"
        "2012;Insatser/verksamhet;;;0;VB 2012\n"
        "2012;Tillgänglighet;;;²;VB 2012\n"
        "12;Övrigt;;;1;VB 2012\n"
        "2012;Övrigt;;;1;\n"
        "2012;information;;;1;VB\n"  # line 10: the same cell as line 2
        "2012;Övrigt;;1;VB 2012\n"
    )
    errors = errors_of(text)
    assert [error.split(":")[0] for error in errors] == [f"Line {n}" for n in range(3, 12)]
    assert "there is no category “Bemötandet”" in errors[0] and "Bemötande," in errors[0]
    assert "there is no district “Söder”" in errors[1] and "Östermalm" in errors[1]
    assert "the kind “klagomal” is not one of complaint (Klagomål)" in errors[2]
    assert "the count “0” is not a whole number from 1" in errors[3]
    assert "the count “²”" in errors[4]
    assert "the year “12” is not a year from 1900" in errors[5]
    assert "the source is missing" in errors[6]
    assert "as line 2" in errors[7]
    assert "5 cells, but the header names 6" in errors[8]


def test_a_year_not_yet_over_is_refused():
    this_year = datetime.now().year
    errors = errors_of(HEADER + f"{this_year};Information;;;1;Tertialrapport\n")
    assert errors == [f"Line 2: the year “{this_year}” is not a year from 1900 to {this_year - 1}."]


def test_file_level_problems():
    assert errors_of("Bem\xf6tande".encode("latin-1"))[0].startswith("The file is not UTF-8")
    assert errors_of("") == ["The file has no header and no counts."]
    assert errors_of("# only a comment\n" + HEADER) == ["The file has a header but no counts."]
    assert errors_of("år;kategori;stadsdel;typ;antal;källa\n2012;;;;1;VB\n") == [
        "Line 1: the header must name the columns year;category;district;kind;count;source."
    ]


def test_a_spreadsheet_export_with_commas_a_byte_order_mark_and_labels():
    text = (
        "\ufeffsource,count,year,kind,district,category\n"
        '"Verksamhetsberättelse 2012, s. 14",3,2012,KLAGOMÅL,östermalm,BEMÖTANDE,,\n'
        "VB 2012,1,2012,praise,,\n"
    )
    outcome = import_counts(text.encode("utf-8"))
    assert outcome.errors == []
    first, second = EarlierCount.objects.get(count=3), EarlierCount.objects.get(count=1)
    assert (first.category, first.district, first.kind) == (
        swedish(Category, "Bemötande"),
        swedish(District, "Östermalm"),
        "complaint",
    )
    assert first.source == "Verksamhetsberättelse 2012, s. 14"
    assert (second.category, second.district, second.kind) == (None, None, "praise")


def test_importing_a_year_again_replaces_it():
    import_example()
    first = EarlierCount.objects.filter(year=2013).values_list("pk", flat=True)
    first = set(first)
    with translation.override("en"):
        outcome = import_counts(HEADER + "2012;;;;9;Tertialrapporter 2012\n")
        assert earlier_counts_import.summary(outcome) == [
            "2012: 9 counted, in 1 row. Replaces the 4 rows imported for it before."
        ]
    assert list(EarlierCount.objects.filter(year=2012).values_list("count", "source")) == [
        (9, "Tertialrapporter 2012")
    ]
    assert set(EarlierCount.objects.filter(year=2013).values_list("pk", flat=True)) == first


def test_a_year_with_register_items_is_refused_and_nothing_is_saved():
    register(2013)
    errors = errors_of(EXAMPLE.read_bytes())
    # The 2013 rows start on the example's 13th line; 2012 is not saved either.
    assert errors == [
        "Line 13: 2013 already has feedback in the register, which is the source for that "
        "year; it cannot be imported."
    ]


def test_the_command_checks_without_saving_and_fails_with_the_lines(capsys, tmp_path):
    with translation.override("en"):
        call_command("import_earlier_counts", str(EXAMPLE), "--dry-run")
    out = capsys.readouterr().out
    assert "nothing was imported" in out and "2013: 3 counted, in 3 rows." in out
    assert EarlierCount.objects.count() == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "2012;Information;;;två;VB\n", encoding="utf-8")
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("import_earlier_counts", str(bad))
    assert "Line 2: the count “två” is not a whole number" in str(error.value)


# The upload screen


def test_staff_upload_check_and_confirm(handler_client):
    report = handler_client.get(f"{REPORT}?year=2026").content.decode()
    assert f'href="{UPLOAD}"' in report
    with EXAMPLE.open("rb") as upload:
        preview = handler_client.post(UPLOAD, {"action": "check", "file": upload})
    html = preview.content.decode()
    assert preview.status_code == 200 and EarlierCount.objects.count() == 0
    assert "<td>Insatser/verksamhet</td>" in html and 'name="csv"' in html
    csv_text = unescape(re.search(r'name="csv" value="([^"]*)"', html, re.S).group(1))
    assert csv_text == EXAMPLE.read_text(encoding="utf-8")
    done = handler_client.post(UPLOAD, {"action": "import", "csv": csv_text})
    assert done.status_code == 302
    assert sum(EarlierCount.objects.values_list("count", flat=True)) == 10
    page = handler_client.get(done["Location"]).content.decode()
    assert "2012: 7" in page  # the result message
    assert '<th scope="row">2013</th>' in page  # the years imported


def test_staff_upload_of_a_bad_file_says_what_is_wrong(handler_client, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "2012;Okänd;;;1;VB\n", encoding="utf-8")
    with bad.open("rb") as upload:
        response = handler_client.post(UPLOAD, {"action": "check", "file": upload})
    html = response.content.decode()
    assert response.status_code == 400 and 'role="alert"' in html and "Okänd" in html
    assert EarlierCount.objects.count() == 0


def test_the_example_file_can_be_downloaded(handler_client):
    response = handler_client.get(f"{UPLOAD}?example=1")
    assert b"".join(response.streaming_content) == EXAMPLE.read_bytes()


def test_the_upload_screen_is_for_those_who_see_the_report(client, django_user_model, demo_site):
    editor = django_user_model.objects.create_user("ed", "e@example.org", "pw-e-3")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(UPLOAD).status_code == 403
    with EXAMPLE.open("rb") as upload:
        response = client.post(UPLOAD, {"action": "check", "file": upload})
    assert response.status_code == 403
    assert client.post(UPLOAD, {"action": "import", "csv": EXAMPLE.read_text()}).status_code == 403
    assert EarlierCount.objects.count() == 0


def test_one_count_per_cell_even_where_not_recorded():
    """An empty category or district is a cell of its own: the database keeps it unique too."""
    EarlierCount.objects.create(year=2012, count=1, source="VB 2012")
    with pytest.raises(IntegrityError), transaction.atomic():
        EarlierCount.objects.create(year=2012, count=2, source="VB 2012")
    with pytest.raises(IntegrityError), transaction.atomic():
        EarlierCount.objects.create(year=2011, count=0, source="VB 2011")
    EarlierCount.objects.create(year=2012, count=2, kind="praise", source="VB 2012")


def test_the_confirmation_keeps_the_size_limit_and_the_import_is_logged(handler_client, caplog):
    url = "/admin/feedback-report/earlier-years/"
    big = "year;category;district;kind;count;source\n" + "# x\n" * 60_000
    assert handler_client.post(url, {"action": "import", "csv": big}).status_code == 400
    text = EXAMPLE.read_text(encoding="utf-8-sig")
    with caplog.at_level("INFO", logger="feedback.earlier_counts_views"):
        handler_client.post(url, {"action": "import", "csv": text})
    assert EarlierCount.objects.filter(year=2012).exists()
    [line] = [r.getMessage() for r in caplog.records if "earlier_counts_imported" in r.getMessage()]
    assert line.startswith("event=earlier_counts_imported user=") and line.endswith("2012,2013")
