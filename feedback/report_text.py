"""The report's "Synpunkter och klagomål" section as the unit writes it in its annual report
(verksamhetsberättelse), ready to paste: Swedish whatever the admin language, complaints,
opinions or suggestions and praise told apart, for the whole unit and per district, with the
answers in time, whether people felt helped, the commitments and what the unit changed."""

from django.utils import translation

from feedback.action_report import swedish_lines
from feedback.choices import Helped, Kind
from feedback.reports import Report
from portal.commitments import commitments

# (one, several) in the unit's words; praise ("beröm") has no plural of its own.
KIND_WORDS = {
    Kind.COMPLAINT: ("klagomål", "klagomål"),
    Kind.SUGGESTION: ("synpunkt eller förslag", "synpunkter eller förslag"),
    Kind.PRAISE: ("beröm", "beröm"),
}
HELPED_WORDS = {Helped.YES: "ja", Helped.PARTLY: "delvis", Helped.NO: "nej"}


def listed(parts: list[str]) -> str:
    """Parts joined the Swedish way: "a", "a och b", "a, b och c"."""
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} och {parts[-1]}"


def counted(n: int, kind: str) -> str:
    one, several = KIND_WORDS[kind]
    return f"{n} {one if n == 1 else several}"


def feedback_count(n: int) -> str:
    """Every kind together: "inga synpunkter eller klagomål", "1 synpunkt eller klagomål", "7
    synpunkter och klagomål"."""
    if not n:
        return "inga synpunkter eller klagomål"
    return "1 synpunkt eller klagomål" if n == 1 else f"{n} synpunkter och klagomål"


def kinds_in_words(kinds: dict[str, int]) -> str:
    """The kinds with their counts, in order: "2 klagomål, 1 synpunkt eller förslag och 3 beröm"."""
    return listed([counted(kinds[kind], kind) for kind in Kind.values if kinds.get(kind)])


TERTIAL_MONTHS = {"T1": "januari–april", "T2": "maj–augusti", "T3": "september–december"}


def during(report: Report) -> str:
    """The period as the text opens: "Under 2026", "Under tertial 1 2026 (januari–april)",
    "Under perioden 2026-03-01 – 2026-03-31"."""
    label = report.period.label
    year, _, tertial = label.partition(" ")
    if tertial in TERTIAL_MONTHS:
        return f"Under tertial {tertial[1]} {year} ({TERTIAL_MONTHS[tertial]})"
    return f"Under {'perioden ' if '–' in label else ''}{label}"


def swedish_text(report: Report) -> str:
    with translation.override("sv"):
        sections = [
            [f"Synpunkter och klagomål {report.period.label}"],
            _what_came_in(report),
            _by_category(report),
            _by_district(report),
            _answers(report),
            _helped(report),
            _commitments(report),
            _actions(report),
        ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def _what_came_in(report: Report) -> list[str]:
    imported = report.year_on_year and report.year_on_year.row(report.period.start.year)
    if not report.total and imported and imported.imported:
        sentence = (
            f"{report.period.label} fanns inget register. Före registret redovisades "
            f"{feedback_count(imported.total)} (enligt {imported.source})."
        )
    else:
        sentence = f"{during(report)} registrerades {feedback_count(report.total)}"
        sentence += f": {kinds_in_words(dict(report.by_kind))}." if report.total else "."
    if report.previous_year_total is not None:
        source = report.previous_year_source
        note = f" (före registret, enligt {source})." if source else ""
        sentence += f" Samma period föregående år: {report.previous_year_total} st.{note}"
    lines = [sentence]
    years = report.year_on_year.rows if report.year_on_year else []
    if len(years) > 1:
        lines.append(
            "År för år: "
            + ", ".join(
                f"{row.year}: {row.total}{' (före registret)' if row.imported else ''}"
                for row in years
            )
            + "."
        )
    return lines


def _by_category(report: Report) -> list[str]:
    if not report.by_category:
        return []
    return ["Per kategori:"] + [
        f"- {name}: {kinds_in_words(report.kinds_by_category.get(name, {}))}"
        for name, _n in report.by_category
    ]


def _by_district(report: Report) -> list[str]:
    if not report.districts:
        return []
    lines = ["Per stadsdel:"]
    for district in report.districts:
        name = district.name or "Utan angiven stadsdel"
        sentence = f"- {name}: {district.total} st. ({kinds_in_words(district.kinds)})"
        top, n = district.categories[0]
        if district.total > 1 and (len(district.categories) == 1 or district.categories[1][1] < n):
            sentence += f", flest om {top} ({n})"
        sentence += "."
        if district.due_for_answer:
            sentence += (
                f" {district.answered_in_time} av {district.due_for_answer} som bad om svar "
                "fick svar inom svarstiden."
            )
        lines.append(sentence)
    return lines


def _answers(report: Report) -> list[str]:
    lines = []
    if report.complaints:
        justified = report.justified_complaints
        lines.append(
            f"Av {report.complaints} klagomål bedömdes {justified} som "
            f"{'befogat' if justified == 1 else 'befogade'}."
        )
    if report.due_for_answer:
        share = round(100 * report.share_answered_in_time)
        lines.append(
            f"{share} % av dem som bad om svar fick svar inom svarstiden "
            f"({report.answered_in_time} av {report.due_for_answer})."
        )
    late = report.late_with_notice + report.late_without_notice
    if late:
        lines.append(
            f"{late} st. fick svar för sent eller väntar ännu; {report.late_with_notice} av dem "
            "fick besked om förseningen före svarsdagen."
        )
    return lines


def _helped(report: Report) -> list[str]:
    if not report.help_asked:
        return []
    sentence = (
        f"Vi frågade {report.help_asked} av dem som fått svar om svaret hjälpte dem; "
        f"{report.help_answered} svarade"
    )
    answers = [
        f"{report.helped[answer]} {words}"
        for answer, words in HELPED_WORDS.items()
        if report.helped.get(answer)
    ]
    return [sentence + (f": {listed(answers)}." if answers else ".")]


def _commitments(report: Report) -> list[str]:
    named = {code: (title, n) for code, title, n in report.by_commitment}
    codes = sorted({*named, *report.kept_promises})
    if not codes:
        return []
    lines = ["Våra åtaganden i kvalitetsgarantin:"]
    titles = commitments().title
    for code in codes:
        title, n = named.get(code, (titles.get(code, code), 0))
        parts = [feedback_count(n)]
        due, in_time = report.commitment_answers.get(code, (0, 0))
        if due:
            parts.append(f"{in_time} av {due} fick svar inom svarstiden")
        if code in report.kept_promises:
            parts.append(f"uppföljning: {report.kept_promises[code]}")
        lines.append(f"- {title}: {', '.join(parts)}.")
    return lines


def _actions(report: Report) -> list[str]:
    """What the workplace meetings decided, then what was done in single items."""
    lines = swedish_lines(report.meeting_actions)
    if report.actions:
        lines += [""] if lines else []
        lines.append("Åtgärder i enskilda ärenden:")
        lines += [f"- {action} ({reference})" for reference, action in report.actions]
    return lines
