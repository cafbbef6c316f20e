"""A realistic demo site for Försörjningsstödsenheten, built from the unit's public facts.

What the sources do not give (today's guarantee, its signer and dates, most hours, the e-mail
address) is an example and says so on the page; the 2007 guarantee keeps to its own document.

``build()`` is idempotent: a page that exists (found by slug under its parent) is left as it
is, so running it twice, or after staff have edited the pages, changes nothing.
"""

from datetime import date, datetime

from django.db import transaction
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from portal.demo.streamdata import stream
from portal.demo.translations import appeal_body, translate_demo_pages
from portal.locale_setup import synchronise_trees
from portal.models import (
    AccessibilityStatementPage,
    ContactSettings,
    EasyReadPage,
    GuaranteeCommitment,
    GuaranteeIndexPage,
    GuaranteePage,
    GuidanceIndexPage,
    GuidancePage,
    HomePage,
    OpeningHoursPage,
    StandardPage,
)
from portal.site_setup import ensure_home
from portal.workdays import STOCKHOLM


def ensure_child(parent: Page, model, slug: str, **fields) -> tuple[Page, bool]:
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def weekday_hours(days, opens, closes):
    return [{"weekdays": [str(day) for day in days], "opens": opens, "closes": closes}]


def opening_hours(year: int) -> str:
    weekdays = range(5)
    summer = {"name": "Sommartider", "starts": f"{year}-06-22", "ends": f"{year}-08-16"}
    return stream(
        (
            "service",
            {
                "name": "Tidsbokning för nybesök",
                "description": (
                    "Ring oss för att boka en tid för ditt första besök. Du får en tid inom 14 dagar."
                ),
                "regular_hours": (
                    weekday_hours([0, 1, 2], "10:00", "11:00")
                    + weekday_hours([0, 1, 2], "12:30", "13:30")
                    + weekday_hours([3, 4], "10:00", "11:00")
                ),
                "seasons": [{**summer, "hours": weekday_hours(weekdays, "10:00", "11:00")}],
                "exceptions": [
                    {
                        "date": f"{year}-12-30",
                        "hours": [{"opens": "10:00", "closes": "11:00"}],
                        "note": "Kortare telefontid mellan helgerna",
                    }
                ],
            },
        ),
        (
            "service",
            {
                "name": "Reception",
                "description": "Receptionen tar emot ansökningar och handlingar och svarar på frågor.",
                "regular_hours": (
                    weekday_hours([0, 1, 2, 3], "08:30", "12:00")
                    + weekday_hours([0, 1, 2, 3], "13:00", "16:00")
                    + weekday_hours([4], "08:30", "12:00")
                    + weekday_hours([4], "13:00", "15:00")
                ),
                "seasons": [{**summer, "hours": weekday_hours(weekdays, "09:00", "12:00")}],
                "exceptions": [],
            },
        ),
        (
            "service",
            {
                "name": "Nå din handläggare",
                "description": (
                    "Din handläggare går att nå under kontorstid. Ring växeln 08-508 10 000 och "
                    "be att få tala med din handläggare."
                ),
                "regular_hours": (
                    weekday_hours(weekdays, "08:30", "12:00")
                    + weekday_hours(weekdays, "13:00", "16:00")
                ),
                "seasons": [],
                "exceptions": [],
            },
        ),
        (
            "service",
            {
                "name": "Budget- och skuldrådgivning, drop-in",
                "description": "Kom utan tidsbokning och få råd om din ekonomi och dina skulder.",
                "regular_hours": weekday_hours([1], "13:00", "15:00"),
                "seasons": [{**summer, "hours": []}],
                "exceptions": [],
            },
        ),
    )


EXAMPLE_NOTICE = (
    "<p><strong>Detta är en exempelsida: namn, datum och mål är exempel.</strong> Garantin visar "
    "hur en kvalitetsgaranti kan se ut på webbplatsen. Den är inte ett beslut av "
    "stadsdelsnämnden.</p>"
)
EXAMPLE_SIGNER = "Förnamn Efternamn (exempel)"

# Today's demo guarantee. Every promise rests on the unit's own documented practice (its 2007
# guarantee, its annual reports); targets from other units' work plans do not belong here.
COMMITMENTS = [
    {
        "code": "bemotande",
        "title": "Du blir bemött professionellt och med respekt",
        "explanation": "Vi respekterar din integritet och ditt självbestämmande i alla kontakter.",
    },
    {
        "code": "nybesok",
        "title": "Du får en första tid snabbt",
        "explanation": "Tidsbokning för nybesök är öppen fem dagar i veckan.",
        "target_value": 14,
        "target_unit": "calendar_days",
        "target_measures": "från att du bokar till ditt första besök",
    },
    {
        "code": "beslut",
        "title": "Du får ett beslut utan dröjsmål",
        "explanation": "Vi utreder din ansökan och skickar beslutet så snart vi har alla handlingar.",
        "target_value": 14,
        "target_unit": "calendar_days",
        "target_measures": "från dagen du lämnade in de handlingar vi bett om",
    },
    {
        "code": "overklagande",
        "title": "Du får veta hur du överklagar",
        "explanation": "Om du får avslag får du skriftlig information om hur du överklagar beslutet.",
    },
    {
        "code": "nabarhet",
        "title": "Det är lätt att komma i kontakt med oss",
        "explanation": "Din handläggare går att nå under kontorstid, måndag till fredag. Ring "
        "växeln och be att få tala med din handläggare.",
    },
    {
        "code": "synpunkter",
        "title": "Dina synpunkter gör oss bättre",
        "explanation": "Vi går igenom alla synpunkter och klagomål och använder dem för att förbättra "
        "verksamheten. Skriftliga klagomål besvarar vi alltid skriftligt.",
    },
]

MISSION = (
    "<p>Vi utreder, bedömer och beslutar om ekonomiskt bistånd enligt socialtjänstlagen. "
    "Målet är att du ska kunna försörja dig själv.</p>"
)
ABOUT_UNIT = (
    "<p>Hos oss arbetar socialsekreterare i en mottagningsgrupp och en utredningsgrupp, "
    "bidragshandläggare, budget- och skuldrådgivare och administrativa assistenter.</p>"
    "<p>Receptionen tar emot ansökningar och handlingar och hjälper dig att boka tid.</p>"
)
HOW_WE_KEEP = EXAMPLE_NOTICE + (
    "<p>Vi följer upp våra mål varje tertial och redovisar resultatet i vår "
    "verksamhetsberättelse. Varje april gör vi en brukarundersökning. Synpunkter och klagomål "
    "tar vi upp på våra arbetsplatsträffar, där vi beslutar om förändringar.</p>"
)
IF_WE_FAIL = (
    "<p>Kontakta växeln, lämna ett meddelande till din handläggare eller kontakta enhetschefen. "
    "Din handläggare eller receptionen hjälper dig gärna att lämna en synpunkt.</p>"
    "<p><strong>En synpunkt eller ett klagomål är inte ett överklagande.</strong> Vill du "
    "överklaga ett beslut ska överklagandet ha kommit in inom tre veckor från att du fick del av "
    "beslutet. Förvaltningsrätten prövar överklagandet.</p>"
)

# The 2007 guarantee of the unit's predecessor, in its own terms: six commitments in the
# document's order, its targets as "how we live up to them", and the court of the time
# (länsrätten; förvaltningsrätten only since 2010). Codes match today's where the promise is
# the same, so reports can compare years.
COMMITMENTS_2007 = [
    {
        "code": "synpunkter",
        "title": "Dina förbättringsförslag, synpunkter och klagomål tas om hand",
        "explanation": "Vi tar vara på det du berättar för oss och använder det för att utveckla "
        "verksamheten.",
    },
    {
        "code": "bemotande",
        "title": "Du bemöts professionellt och med hänsyn",
        "explanation": "Alla som har kontakt med enheten ska mötas med respekt för sin integritet.",
    },
    {
        "code": "sjalvforsorjning",
        "title": "Våra beslut och insatser syftar till att du blir självständig",
        "explanation": "Det vi beslutar och erbjuder ska hjälpa dig att bli självständig och att "
        "kunna försörja dig själv.",
    },
    {
        "code": "delaktighet",
        "title": "Du är delaktig i handläggningen av ditt ärende",
        "explanation": "Vi låter dig vara med och påverka hur ditt ärende utreds och handläggs, så "
        "långt det är möjligt.",
    },
    {
        "code": "nabarhet",
        "title": "Det är lätt att komma i kontakt med oss",
        "explanation": "Du ska enkelt kunna nå enheten när du behöver oss.",
    },
    {
        "code": "information",
        "title": "Du får tydlig information om vad vi kan erbjuda",
        "explanation": "Vi berättar tydligt vilka valmöjligheter enheten kan erbjuda dig.",
    },
]
UNIT_2007 = "Enheten för arbete och försörjningsstöd, Östermalms stadsdelsförvaltning"
MISSION_2007 = (
    f"<p>{UNIT_2007} utreder, bedömer och beslutar om ekonomiskt bistånd enligt "
    "socialtjänstlagen. Målet med vårt arbete är att den som söker hjälp hos oss ska bli "
    "självförsörjande.</p>"
)
ABOUT_UNIT_2007 = (
    "<p>På enheten arbetar en enhetschef, en assistent, budget- och skuldrådgivare, "
    "arbetskonsulenter, socialsekreterare, bidragshandläggare och en dödsboutredare.</p>"
    "<p>Receptionen tar emot besök och samtal och hjälper dig att boka tid och lämna "
    "handlingar.</p>"
)
HOW_WE_KEEP_2007 = (
    "<p>Så här lever vi upp till våra åtaganden:</p>"
    "<ul>"
    "<li>Du kan boka tid för nybesök fem dagar i veckan: måndag, tisdag och onsdag kl. "
    "10.00–11.00 och 12.30–13.30, torsdag och fredag kl. 10.00–11.00.</li>"
    "<li>Du erbjuds en tid för nybesök inom 14 dagar.</li>"
    "<li>Din ansökan blir prövad och beslutet skickat till dig inom 14 dagar från den dag du "
    "lämnade in de handlingar vi har begärt.</li>"
    "<li>Får du avslag på din ansökan får du skriftlig information om hur du överklagar "
    "beslutet.</li>"
    "<li>Under kontorstid finns det alltid en handläggare som du kan nå.</li>"
    "</ul>"
)
IF_WE_FAIL_2007 = (
    "<p>Om vi inte lever upp till våra åtaganden vill vi att du hör av dig. Ring växeln "
    "08-508 10 000, lämna ett meddelande på din handläggares röstbrevlåda eller kontakta "
    "enhetschefen. Din handläggare eller medborgarkontoret hjälper dig att lämna dina "
    "synpunkter.</p>"
    "<p><strong>Synpunkter och klagomål är inte ett sätt att överklaga ett beslut.</strong> Vill "
    "du överklaga ska ditt överklagande ha kommit in till enheten inom tre veckor från den dag "
    "du fick del av beslutet. Enheten skickar det vidare till länsrätten, som prövar det.</p>"
    f"<p>{UNIT_2007}, Karlavägen 104, Box 24156, 104 51 Stockholm.</p>"
    "<p>Stockholm den 15 februari 2007. Garantin är undertecknad av enhetschefen.</p>"
)


def commitment_rows(commitments: list[dict]) -> list[GuaranteeCommitment]:
    return [GuaranteeCommitment(sort_order=n, **c) for n, c in enumerate(commitments)]


def guarantees(index: GuaranteeIndexPage, year: int) -> None:
    ensure_child(
        index,
        GuaranteePage,
        f"kvalitetsgaranti-{year}",
        title=f"Kvalitetsgaranti {year} (exempel)",
        valid_from=date(year, 1, 1),
        valid_to=date(year, 12, 31),
        mission=MISSION,
        about_unit=ABOUT_UNIT,
        if_we_fail=IF_WE_FAIL,
        how_we_keep=HOW_WE_KEEP,
        approved_by="Östermalms stadsdelsnämnd",
        approved_on=date(year - 1, 12, 10),
        signed_by_name=EXAMPLE_SIGNER,
        signed_by_role="enhetschef",
        unit_head_approved_by=EXAMPLE_SIGNER,
        unit_head_approved_at=datetime(year - 1, 12, 14, 10, tzinfo=STOCKHOLM),
        commitments=commitment_rows(COMMITMENTS),
    )
    ensure_child(
        index,
        GuaranteePage,
        "kvalitetsgaranti-2007",
        title="Kvalitetsgaranti 2007",
        valid_from=date(2007, 2, 15),
        valid_to=date(2007, 12, 31),
        mission=MISSION_2007,
        about_unit=ABOUT_UNIT_2007,
        how_we_keep=HOW_WE_KEEP_2007,
        if_we_fail=IF_WE_FAIL_2007,
        # The committee's approval date is not in our sources; the document is dated and signed
        # Stockholm 2007-02-15 by the unit head, whose name the demo does not invent.
        approved_by="Östermalms stadsdelsnämnd",
        signed_by_role="enhetschef",
        commitments=commitment_rows(COMMITMENTS_2007),
    )


# The appeal guidance (translations.APPEAL has the same keys in other languages).
APPEAL_SV = {
    "title": "Om du inte är nöjd med ett beslut",
    "summary": "Så överklagar du ett beslut, och skillnaden mellan ett överklagande och ett "
    "klagomål.",
    "intro": "Om du har fått avslag på din ansökan, eller om du inte håller med om ett beslut "
    "vi har fattat, kan du överklaga. Då prövar en domstol beslutet.",
    "how_heading": "Så överklagar du",
    "steps": [
        "Skriv vilket beslut du överklagar, till exempel beslutets datum.",
        "Skriv varför du tycker att beslutet är fel och hur du vill att det ska ändras.",
        "Skriv ditt namn och hur vi kan nå dig, och skriv under överklagandet.",
    ],
    "send": "Skicka eller lämna ditt överklagande till oss, inte till domstolen. Det ska ha "
    "kommit in till oss inom tre veckor från den dag du fick del av beslutet. Vi kontrollerar "
    "att det har kommit in i tid och skickar det vidare till förvaltningsrätten, som prövar "
    "det. Om vi ser att vårt beslut är fel kan vi själva ändra det.",
    "notice_title": "Ett klagomål är inte ett överklagande",
    "notice": "Ett klagomål eller en synpunkt hjälper oss att bli bättre, men det ändrar inte "
    "ett beslut. Vill du få ett beslut ändrat måste du överklaga det inom tre veckor.",
    "help_heading": "Du kan få hjälp",
    "help": "Din handläggare hjälper dig gärna att skriva ditt överklagande. Du kan också få "
    "hjälp i receptionen. Behöver du tolk, säg det när du ringer.",
    "contact_title": "Kontakta din handläggare",
    "contact_text": "Ring växeln och be att få tala med din handläggare.",
}

GUIDANCE = [
    {
        "slug": "sa-ansoker-du",
        "title": "Så ansöker du om ekonomiskt bistånd",
        "summary": "Vem som kan få ekonomiskt bistånd, vad du behöver ta med och hur lång tid det tar.",
        "body": stream(
            (
                "paragraph",
                "<p>Ekonomiskt bistånd är ett stöd för dig som inte kan försörja dig "
                "på annat sätt. Först måste du ha försökt med lön, a-kassa, sjukpenning, bostadsbidrag "
                "och andra ersättningar.</p>",
            ),
            ("heading", {"text": "Boka en tid för nybesök", "level": "h2"}),
            ("paragraph", "<p>Ring tidsbokningen för nybesök. Du får en tid inom 14 dagar.</p>"),
            ("heading", {"text": "Det här behöver du ta med", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Legitimation</li><li>Hyresavtal eller hyresavi</li>"
                "<li>Kontoutdrag för de senaste tre månaderna</li><li>Beslut om andra ersättningar"
                "</li></ul>",
            ),
            (
                "notice",
                {
                    "kind": "warning",
                    "title": "Utsatt för våld?",
                    "text": "<p>Om någon närstående har utsatt dig för våld, säg det när du "
                    "ringer oss. Då får du tala med en socialsekreterare så snart som möjligt. "
                    "Är du i fara just nu, ring 112.</p>",
                },
            ),
            ("heading", {"text": "Vanliga frågor", "level": "h2"}),
            (
                "question",
                {
                    "question": "Hur lång tid tar det att få ett beslut?",
                    "answer": "<p>Vi skickar beslutet inom 14 dagar från att du lämnat in "
                    "alla handlingar vi har bett om.</p>",
                },
            ),
            (
                "question",
                {
                    "question": "Kan jag få hjälp på mitt eget språk?",
                    "answer": "<p>Ja. Säg till när du bokar tid så ordnar vi en tolk utan "
                    "kostnad för dig.</p>",
                },
            ),
            (
                "question",
                {
                    "question": "Vad gör jag om jag inte håller med om beslutet?",
                    "answer": "<p>Du kan överklaga beslutet till förvaltningsrätten inom tre "
                    "veckor från att du fick del av det. Hur du gör står i beslutet.</p>",
                },
            ),
            (
                "contact",
                {
                    "title": "Tidsbokning för nybesök",
                    "phone": "08-508 10 000",
                    "text": "Ring växeln och be att få boka tid för nybesök.",
                    "email": "",
                    "address": "",
                },
            ),
        ),
    },
    {
        "slug": "budget-och-skuldradgivning",
        "title": "Budget- och skuldrådgivning",
        "summary": "Gratis råd om din ekonomi, din budget och dina skulder.",
        "body": stream(
            (
                "paragraph",
                "<p>Budget- och skuldrådgivarna hjälper dig att göra en budget, få "
                "överblick över dina skulder och kontakta dem du är skyldig pengar.</p>",
            ),
            (
                "paragraph",
                "<p>Ring växeln och be att få boka en tid hos en budget- och skuldrådgivare. "
                "Rådgivningen är gratis och rådgivarna har tystnadsplikt.</p>",
            ),
            (
                "question",
                {
                    "question": "Måste jag ha ekonomiskt bistånd för att få rådgivning?",
                    "answer": "<p>Nej. Alla som bor i Kungsholmen, Norrmalm eller Östermalm "
                    "kan få budget- och skuldrådgivning.</p>",
                },
            ),
        ),
    },
    {
        "slug": "overklaga-ett-beslut",
        "title": APPEAL_SV["title"],
        "summary": APPEAL_SV["summary"],
        "body": appeal_body(APPEAL_SV),
    },
]


def known_problems(year: int) -> str:
    """The demo statement's list: one problem of each kind the model statement names."""
    return stream(
        (
            "problem",
            {
                "description": "<p>Ansökan om ekonomiskt bistånd finns som PDF-blankett. Den går "
                "inte att fylla i med skärmläsare, eftersom fälten saknar namn.</p>",
                "criterion": "4.1.2",
                "reason": "not_fixed",
                "fix_by": f"{year + 1}-03-31",
                "instead": "<p>Ring växeln eller besök receptionen, så fyller vi i ansökan "
                "tillsammans med dig.</p>",
            },
        ),
        (
            "problem",
            {
                "description": "<p>Informationsfilmen om hur du ansöker saknar syntolkning.</p>",
                "criterion": "1.2.5",
                "reason": "burden",
                "fix_by": None,
                "instead": "<p>Samma information finns i text på sidan Så ansöker du.</p>",
            },
        ),
        (
            "problem",
            {
                "description": "<p>Några äldre dokument i PDF-format, publicerade före den 23 "
                "september 2018, är inte tillgängliga.</p>",
                "criterion": "",
                "reason": "out_of_scope",
                "fix_by": None,
                "instead": "<p>Kontakta oss så får du innehållet i ett annat format.</p>",
            },
        ),
    )


def demo_feedback_page(home: Page) -> Page:
    """The feedback app's page when it provides one (hook ``demo_feedback_page``), else a plain
    page saying how to give feedback: portal/ does not depend on feedback/."""
    builders = hooks.get_hooks("demo_feedback_page")
    if builders:
        return builders[0](home)
    page, _ = ensure_child(
        home,
        StandardPage,
        "synpunkter-och-klagomal",
        title="Synpunkter och klagomål",
        show_in_menus=True,
        summary="Berätta vad du tycker om vårt arbete. Dina synpunkter hjälper oss att bli bättre.",
        body=stream(
            (
                "paragraph",
                "<p>Du kan lämna synpunkter, klagomål och beröm genom att ringa, "
                "skriva eller besöka oss. Din handläggare eller receptionen hjälper dig gärna. "
                "Skriftliga klagomål besvarar vi alltid skriftligt.</p>",
            ),
            (
                "notice",
                {
                    "kind": "info",
                    "title": "Ett klagomål är inte ett överklagande",
                    "text": "<p>Vill du få ett beslut ändrat ska du överklaga det inom tre "
                    "veckor från att du fick del av beslutet. Förvaltningsrätten prövar "
                    "överklagandet.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Skriv inte ditt personnummer eller uppgifter om din hälsa i ett "
                "meddelande till oss.</p>",
            ),
        ),
    )
    return page


@transaction.atomic
def build(year: int | None = None) -> HomePage:
    year = year or date.today().year
    locale = Locale.get_default()
    home = ensure_home(
        intro="<p>Vi hjälper dig som bor i Kungsholmen, Norrmalm eller Östermalm och "
        "behöver ekonomiskt bistånd. Här hittar du våra öppettider, vår kvalitetsgaranti och "
        "information om hur du ansöker.</p>"
    )
    site = Site.objects.get(is_default_site=True)

    guarantee_index, _ = ensure_child(
        home,
        GuaranteeIndexPage,
        "kvalitetsgaranti",
        title="Kvalitetsgaranti",
        show_in_menus=True,
        intro="<p>I vår kvalitetsgaranti lovar vi vad du kan förvänta dig av oss, och vad du "
        "kan göra om vi inte håller det vi lovar.</p>"
        "<p>Garantin som gäller i dag är en exempelsida: namn, datum och mål är exempel. "
        "Garantin från 2007 bygger på den garanti som enhetens föregångare hade det året.</p>",
    )
    guarantees(guarantee_index, year)

    hours_page, _ = ensure_child(
        home,
        OpeningHoursPage,
        "oppettider",
        title="Öppettider och telefontider",
        show_in_menus=True,
        services=opening_hours(year),
        intro="<p>Här ser du när du kan ringa eller besöka oss. På helgdagar och på "
        "midsommarafton, julafton och nyårsafton har vi stängt.</p>"
        "<p>Tiderna för tidsbokning av nybesök är desamma som i vår kvalitetsgaranti från 2007. "
        "Övriga tider på sidan är exempel.</p>",
    )

    guidance_index, _ = ensure_child(
        home,
        GuidanceIndexPage,
        "ekonomiskt-bistand",
        title="Ekonomiskt bistånd",
        show_in_menus=True,
        intro="<p>Information om ekonomiskt bistånd och hur vi kan hjälpa dig.</p>",
    )
    for guidance in GUIDANCE:
        ensure_child(guidance_index, GuidancePage, **guidance)

    feedback_page = demo_feedback_page(home)

    ensure_child(
        home,
        AccessibilityStatementPage,
        "tillganglighet",
        title="Tillgänglighetsredogörelse",
        intro="<p>Försörjningsstödsenheten står bakom den här webbplatsen. Vi vill att så många "
        "som möjligt ska kunna använda den.</p>",
        compliance=AccessibilityStatementPage.Compliance.PARTIAL,
        known_problems="<p>Här beskriver vi de brister vi känner till. Listan är ett exempel. "
        "Behöver du innehåll i ett annat format kan du alltid kontakta oss.</p>",
        problem_list=known_problems(year),
        how_to_report="<p>Om du upptäcker problem som inte beskrivs på den här sidan kan du "
        "ringa växeln, skriva till oss eller lämna en synpunkt anonymt via sidan för "
        "synpunkter och klagomål.</p>",
        report_page=feedback_page,
        answer_within=5,
        assessment_method="Egen granskning med automatiska verktyg (axe-core) och manuella test "
        "med tangentbord och skärmläsare.",
        assessed_on=date(year, 9, 1),
        updated_on=date(year, 9, 15),
    )

    easy_read, _ = ensure_child(
        home,
        EasyReadPage,
        "lattlast",
        title="Lättläst",
        standard_page=home,
        body=stream(
            (
                "paragraph",
                "<p>Vi hjälper dig som behöver pengar till mat och hyra.</p>"
                "<p>Vi kallas Försörjningsstödsenheten.</p>"
                "<p>Vi hjälper dig som bor i Kungsholmen, Norrmalm eller Östermalm.</p>",
            ),
            ("heading", {"text": "Det här har du rätt till", "level": "h2"}),
            (
                "paragraph",
                "<p>Du har rätt att söka pengar hos oss.</p>"
                "<p>Du har rätt att få ett svar på papper.</p>"
                "<p>Du har rätt att få en tolk. Tolken kostar inget.</p>",
            ),
            ("heading", {"text": "Det här behöver du göra", "level": "h2"}),
            (
                "paragraph",
                "<p>Du behöver berätta om alla pengar du får.</p>"
                "<p>Du behöver visa papper om din hyra och din bank.</p>",
            ),
            ("heading", {"text": "Så kontaktar du oss", "level": "h2"}),
            (
                "paragraph",
                "<p>Ring 08-508 10 000.</p><p>Du kan också komma till oss på "
                "Karlavägen 104 i Stockholm.</p>",
            ),
        ),
    )
    ensure_child(
        easy_read,
        EasyReadPage,
        "sa-soker-du-pengar",
        title="Så söker du pengar",
        standard_page=GuidancePage.objects.get(slug="sa-ansoker-du", locale=locale),
        body=stream(
            ("paragraph", "<p>Ring oss och boka en tid.</p><p>Du får en tid inom två veckor.</p>"),
            (
                "paragraph",
                "<p>Ta med legitimation.</p><p>Ta med papper om din hyra.</p>"
                "<p>Ta med papper från din bank.</p>",
            ),
            (
                "paragraph",
                "<p>Du får ett svar på papper.</p>"
                "<p>Svaret kommer inom två veckor efter att du har lämnat alla papper.</p>",
            ),
        ),
    )

    if not home.shortcuts:  # a new home page: link the main sections
        home.shortcuts = stream(
            *[
                ("link", {"page": page.pk, "title": "", "description": description})
                for page, description in [
                    (guidance_index, "Vem som kan få stöd och hur du ansöker."),
                    (hours_page, "När du kan ringa, boka tid eller besöka oss."),
                    (
                        guarantee_index,
                        "Det här lovar vi dig, och det här gör du om vi inte gör det.",
                    ),
                    (feedback_page, "Berätta vad du tycker. Det hjälper oss att bli bättre."),
                ]
            ]
        )
        home.save_revision().publish()

    translate_demo_pages(home)
    for translate_more in hooks.get_hooks("demo_translations"):
        translate_more(home)
    synchronise_trees()
    for add_more in hooks.get_hooks("demo_content_ready"):
        add_more(home)

    contact, created = ContactSettings.objects.get_or_create(site=site)
    if created or not contact.visiting_address:
        contact.unit_name = "Försörjningsstödsenheten"
        contact.districts = "Kungsholmen, Norrmalm och Östermalm"
        contact.visiting_address = "Karlavägen 104, Stockholm"
        contact.postal_address = "Box 24156\n104 51 Stockholm"
        contact.switchboard = "08-508 10 000"
        # The unit's e-mail address is not in our sources: the demo shows one that says it is
        # an example on every page (the footer).
        contact.email = "exempel@example.org"
        contact.complaints_contact = "Biträdande enhetschef, via växeln 08-508 10 000"
        contact.save()
    if not contact.controller:
        # Östermalm's district administration runs the unit, so its committee is the controller.
        # The data protection officer's address is an example, like the unit's e-mail above.
        contact.controller = "Östermalms stadsdelsnämnd"
        contact.dpo_email = "dataskyddsombud@example.org"
        contact.dpo_phone = "08-508 10 000"
        contact.save()
    return home
