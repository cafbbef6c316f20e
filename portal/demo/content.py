"""A realistic demo site for Försörjningsstödsenheten, built from the unit's public facts.

``build()`` is idempotent: a page that exists (found by slug under its parent) is left as it
is, so running it twice, or after staff have edited the pages, changes nothing.
"""

from datetime import date

from django.db import transaction
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from portal.demo.streamdata import stream
from portal.demo.translations import translate_demo_pages
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

HOME_SLUG = "hem"


def ensure_child(parent: Page, model, slug: str, **fields) -> tuple[Page, bool]:
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def weekday_hours(days, opens, closes):
    return [{"weekday": str(day), "opens": opens, "closes": closes} for day in days]


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
                "name": "Telefontid för handläggare",
                "description": (
                    "Din handläggare går att nå under kontorstid. Lämna ett meddelande på röstbrevlådan "
                    "så ringer vi upp senast nästa arbetsdag."
                ),
                "regular_hours": weekday_hours(weekdays, "09:00", "10:00"),
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
        "explanation": "Din handläggare går att nå under kontorstid.",
        "target_value": 1,
        "target_unit": "working_days",
        "target_measures": "tills vi ringer upp efter ett meddelande på röstbrevlådan",
    },
    {
        "code": "skuldradgivning",
        "title": "Du får tid hos budget- och skuldrådgivare",
        "explanation": "Familjer med barn får tid inom en vecka.",
        "target_value": 3,
        "target_unit": "months",
        "target_measures": "från att du hör av dig till ditt första möte",
    },
    {
        "code": "vald-i-nara-relation",
        "title": "Du som utsatts för våld får hjälp direkt",
        "explanation": "Om du utsatts för våld av en närstående kontaktar vi dig samma dag.",
        "target_value": 1,
        "target_unit": "working_days",
        "target_measures": "senast nästa dag efter att du hört av dig",
    },
    {
        "code": "synpunkter",
        "title": "Dina synpunkter gör oss bättre",
        "explanation": "Vi går igenom alla synpunkter och klagomål och använder dem för att förbättra "
        "verksamheten.",
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
IF_WE_FAIL = (
    "<p>Kontakta växeln, lämna ett meddelande till din handläggare eller kontakta enhetschefen. "
    "Din handläggare eller receptionen hjälper dig gärna att lämna en synpunkt.</p>"
    "<p><strong>En synpunkt eller ett klagomål är inte ett överklagande.</strong> Vill du "
    "överklaga ett beslut ska överklagandet ha kommit in inom tre veckor från att du fick del av "
    "beslutet. Förvaltningsrätten prövar överklagandet.</p>"
)


def guarantees(index: GuaranteeIndexPage, year: int) -> None:
    ensure_child(
        index,
        GuaranteePage,
        f"kvalitetsgaranti-{year}",
        title=f"Kvalitetsgaranti {year}",
        valid_from=date(year, 1, 1),
        valid_to=date(year, 12, 31),
        mission=MISSION,
        about_unit=ABOUT_UNIT,
        if_we_fail=IF_WE_FAIL,
        how_we_keep=(
            "<p>Vi följer upp våra mål varje tertial och redovisar resultatet i vår "
            "verksamhetsberättelse. Varje april gör vi en brukarundersökning.</p>"
        ),
        approved_by="Östermalms stadsdelsnämnd",
        approved_on=date(year - 1, 12, 10),
        signed_by_name="Anna Lindqvist",
        signed_by_role="enhetschef",
        commitments=[GuaranteeCommitment(sort_order=n, **c) for n, c in enumerate(COMMITMENTS)],
    )
    ensure_child(
        index,
        GuaranteePage,
        "kvalitetsgaranti-2007",
        title="Kvalitetsgaranti 2007",
        valid_from=date(2007, 2, 15),
        valid_to=date(2007, 12, 31),
        mission=MISSION,
        if_we_fail=IF_WE_FAIL,
        approved_by="Östermalms stadsdelsnämnd",
        approved_on=date(2007, 2, 15),
        signed_by_role="enhetschef",
        commitments=[GuaranteeCommitment(sort_order=n, **c) for n, c in enumerate(COMMITMENTS[:4])],
    )


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
                    "text": "<p>Om du har utsatts för våld av någon närstående kontaktar vi dig "
                    "samma dag eller senast nästa dag. Ring växeln och säg att det är bråttom."
                    "</p>",
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
                "<p>Du får en tid inom tre månader. Familjer med barn får en tid inom "
                "en vecka. Rådgivningen är gratis och rådgivarna har tystnadsplikt.</p>",
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
        "title": "Om du inte är nöjd med ett beslut",
        "summary": "Skillnaden mellan att överklaga ett beslut och att lämna ett klagomål.",
        "body": stream(
            (
                "paragraph",
                "<p>Om du har fått avslag på din ansökan kan du överklaga beslutet. "
                "Överklagandet ska ha kommit in till oss inom tre veckor från den dag du fick del av "
                "beslutet. Vi skickar det vidare till förvaltningsrätten, som prövar det.</p>",
            ),
            (
                "notice",
                {
                    "kind": "info",
                    "title": "Ett klagomål är inte ett överklagande",
                    "text": "<p>Ett klagomål eller en synpunkt hjälper oss att bli bättre, men "
                    "det ändrar inte ett beslut. Vill du få ett beslut ändrat måste du "
                    "överklaga.</p>",
                },
            ),
        ),
    },
]


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
    root = Page.get_first_root_node()
    locale = Locale.get_default()
    site = Site.objects.filter(is_default_site=True).first()

    home = HomePage.objects.filter(slug=HOME_SLUG, depth=2, locale=locale).first()
    home_created = home is None
    if home_created:
        home = HomePage(
            slug=HOME_SLUG,
            title="Försörjningsstödsenheten",
            locale=locale,
            intro="<p>Vi hjälper dig som bor i Kungsholmen, Norrmalm eller Östermalm och "
            "behöver ekonomiskt bistånd. Här hittar du våra öppettider, vår kvalitetsgaranti och "
            "information om hur du ansöker.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Försörjningsstödsenheten",
        )
    elif site.root_page_id != home.pk:
        previous = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" placeholder (and its aliases in the
        # other locales) has served its purpose.
        if previous.content_type.model == "page" and not previous.get_children().exists():
            for alias in Page.objects.filter(alias_of=previous):
                alias.delete()
            previous.delete()

    guarantee_index, _ = ensure_child(
        home,
        GuaranteeIndexPage,
        "kvalitetsgaranti",
        title="Kvalitetsgaranti",
        show_in_menus=True,
        intro="<p>I vår kvalitetsgaranti lovar vi vad du kan förvänta dig av oss, och vad du "
        "kan göra om vi inte håller det vi lovar.</p>",
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
        "midsommarafton, julafton och nyårsafton har vi stängt.</p>",
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
        known_problems="<p>Några äldre dokument i PDF-format är inte tillgängliga. Kontakta oss "
        "så får du innehållet i ett annat format.</p>",
        how_to_report="<p>Om du upptäcker problem som inte beskrivs på den här sidan kan du "
        "ringa växeln, skriva till oss eller lämna en synpunkt anonymt via sidan för "
        "synpunkter och klagomål.</p>",
        report_page=feedback_page,
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
            ("paragraph", "<p>Vi skickar ett svar till dig inom två veckor.</p>"),
        ),
    )

    if home_created:
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
        contact.email = "forsorjningsstod@example.org"
        contact.complaints_contact = "Biträdande enhetschef, via växeln 08-508 10 000"
        contact.save()
    return home
