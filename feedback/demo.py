"""The feedback page of the demo site, in every language; called through portal's demo hooks."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from feedback import earlier_counts_import, intake
from feedback.choices import Helped
from feedback.models import (
    AnswerTemplate,
    Category,
    District,
    EarlierCount,
    Feedback,
    FeedbackPage,
    FeedbackSettings,
    FeedbackStatisticsPage,
    FollowUp,
    FollowUpResult,
    HelpQuestion,
)
from portal.demo.content import EXAMPLE_SIGNER, ensure_child
from portal.demo.translations import translate
from portal.models import GuaranteePage

SLUG = "synpunkter"
INTRO = {
    "sv": (
        "Synpunkter och klagomål",
        "Berätta vad du tycker om vårt arbete: klagomål, förslag eller beröm. Du får ett referensnummer och vet när du får svar. Du kan vara anonym.",
    ),
    "en": (
        "Feedback and complaints",
        "Tell us what you think of our work: complaints, suggestions or praise. You get a reference number and know when we will answer. You can stay anonymous.",
    ),
    "ar": (
        "الملاحظات والشكاوى",
        "أخبرنا برأيك في عملنا: شكوى أو اقتراح أو إشادة. ستحصل على رقم مرجعي وتعرف متى سنرد عليك. يمكنك البقاء مجهول الهوية.",
    ),
    "fa": (
        "نظرات و شکایات",
        "نظر خود را درباره کار ما بگویید: شکایت، پیشنهاد یا قدردانی. یک شماره پیگیری می‌گیرید و می‌دانید چه زمانی پاسخ می‌دهیم. می‌توانید ناشناس بمانید.",
    ),
    "so": (
        "Fikradaha iyo cabashooyinka",
        "Noo sheeg waxaad ka qabto shaqadayada: cabasho, talo ama ammaan. Waxaad helaysaa lambar tixraac waxaadna ogaanaysaa goorta aan ku soo jawaabi doonno. Waad ahaan kartaa qof aan la aqoon.",
    ),
    "ti": (
        "ርእይቶታትን ጥርዓናትን",
        "ብዛዕባ ስራሕና እንታይ ከም ትሓስቡ ንገሩና፦ ጥርዓን፡ ሓሳብ ወይ ምስጋና። ቍጽሪ መወከሲ ትረኽቡ፡ መዓስ ከም እንምልሰልኩም ድማ ትፈልጡ። ስምኩም ከይገለጽኩም ክትጽሕፉ ትኽእሉ ኢኹም።",
    ),
    "fi": (
        "Palaute ja valitukset",
        "Kerro, mitä mieltä olet työstämme: valitus, ehdotus tai kiitos. Saat viitenumeron ja tiedät, milloin vastaamme. Voit olla nimettömänä.",
    ),
}
PRIVACY = (
    "<p>Vi använder dina uppgifter bara för att hantera din synpunkt och svara dig. Uppgifterna "
    "gallras enligt stadens dokumenthanteringsplan.</p>"
)


def build_feedback_page(home: Page) -> FeedbackPage:
    existing = FeedbackPage.objects.filter(locale=home.locale).first()
    if existing:
        return existing
    appeal = Page.objects.filter(slug="overklaga-ett-beslut", locale=home.locale).first()
    title, intro = INTRO["sv"]
    page, _ = ensure_child(
        home,
        FeedbackPage,
        SLUG,
        title=title,
        show_in_menus=True,
        intro=f"<p>{intro}</p>",
        appeal_guidance_page=appeal,
        privacy_text=PRIVACY,
    )
    ensure_child(
        home,
        FeedbackStatisticsPage,
        "statistik",
        title="Statistik om synpunkter",
        intro="<p>Så många synpunkter, klagomål och beröm vi har fått, och hur snabbt vi svarade.</p>",
    )
    return page


def build_demo_feedback_page(home: Page) -> FeedbackPage:
    """The form and the statistics, with a made-up inbox (a real site sets its own)."""
    page = build_feedback_page(home)
    site = Site.objects.filter(is_default_site=True).first()
    settings = FeedbackSettings.for_site(site)
    if not settings.inbox_email:
        settings.inbox_email = "synpunkter@example.org"
        settings.save()
    return page


def translate_feedback_page(home: Page) -> None:
    page = FeedbackPage.objects.filter(locale=home.locale).first()
    if page is None:
        return
    for code, (title, intro) in INTRO.items():
        if code != home.locale.language_code:
            translate(page, code, title=title, intro=f"<p>{intro}</p>")


# (days ago, kind, category, district, channel, message, contact, answer by, status)
DEMO_ITEMS = [
    (
        40,
        "complaint",
        "Bemötande",
        "Östermalm",
        "web",
        "Jag kände mig inte välkommen i receptionen.",
        ("Alex", "alex@example.org"),
        "email",
        "closed",
    ),
    (
        25,
        "suggestion",
        "Information",
        "Norrmalm",
        "letter",
        "Skriv breven om beslut med enklare ord.",
        ("Maria", ""),
        "letter",
        "in_progress",
    ),
    (
        12,
        "complaint",
        "Handläggning",
        "Kungsholmen",
        "phone",
        "Mitt beslut dröjde längre än 14 dagar.",
        ("", ""),
        "",
        "received",
    ),
    (
        9,
        "praise",
        "Bemötande",
        "Östermalm",
        "web",
        "Min handläggare var mycket hjälpsam. Tack!",
        ("", ""),
        "",
        "closed",
    ),
    (
        4,
        "complaint",
        "Tillgänglighet",
        "Norrmalm",
        "email",
        "Det tog tre dagar innan någon ringde tillbaka.",
        ("Sam", "sam@example.org"),
        "email",
        "acknowledged",
    ),
    (
        2,
        "complaint",
        "Webbplatsens tillgänglighet",
        "Annat eller vet inte",
        "web",
        "Ansökan som PDF går inte att fylla i med min skärmläsare. Kan jag få den i Word?",
        ("", ""),
        "",
        "received",
    ),
    (
        1,
        "suggestion",
        "Insatser/verksamhet",
        "Annat eller vet inte",
        "web",
        "Erbjud budgetrådgivning på kvällstid.",
        ("", ""),
        "",
        "received",
    ),
]


def create_demo_feedback(home: Page) -> None:
    """A few feedback items in different states, so the admin has something to show."""
    if Feedback.objects.exists():
        return
    default = Locale.get_default()
    for days, kind, category, district, channel, message, contact, answer_by, status in DEMO_ITEMS:
        name, email = contact
        received = timezone.now() - timedelta(days=days)
        feedback = intake.register(
            Feedback(
                kind=kind,
                channel=channel,
                message=message,
                language="sv",
                category=Category.objects.get(locale=default, name=category),
                district=District.objects.get(locale=default, name=district),
                name=name,
                email=email,
                answer_by=answer_by,
            ),
            received_at=received,
            status_url=FeedbackPage.status_url_in("sv"),
        ).feedback
        feedback.status = status
        if status == "closed" and answer_by:
            feedback.answer_text = (
                "Tack för att du hörde av dig. Vi har tagit upp det på vårt arbetsplatsmöte."
            )
            feedback.answered_on = timezone.localdate(received) + timedelta(days=5)
            feedback.answer_channel = answer_by
            feedback.justified = True
            feedback.action_taken = "Genomgång av bemötande i receptionen."
        feedback.save()
        if feedback.answered_on and email:
            # Asked "Did our answer help?" and answered: the item, the report and the open
            # statistics show it.
            HelpQuestion.objects.create(
                feedback=feedback,
                asked_on=feedback.answered_on,
                expires_at=timezone.now(),
                answer=Helped.PARTLY,
                comment="Bra att ni lyssnade, men det tog lång tid.",
                answered_at=timezone.now(),
            )


def import_demo_earlier_counts(home: Page) -> None:
    """The unit's published 2012 and 2013 counts, so the report's year-by-year table and the
    open statistics start before the register (the demo's items are all recent)."""
    if EarlierCount.objects.exists():
        return
    outcome = earlier_counts_import.import_counts(earlier_counts_import.EXAMPLE.read_bytes())
    if outcome.errors:
        raise RuntimeError("\n".join(outcome.errors))


# Verdicts and evidence of the demo follow-up, by commitment code; the rest are kept in full.
DEMO_FOLLOW_UP = {
    "nybesok": (
        "partly",
        "Exempel: stickprov av 10 ärenden, 8 fick en första tid inom 14 dagar.",
        10,
        8,
    ),
    "beslut": ("kept", "Exempel: stickprov av 10 ärenden, alla beslutade inom 14 dagar.", 10, 10),
    "nabarhet": ("not_kept", "Exempel: växeln svarade inte på tisdagar under våren.", None, None),
}


def create_demo_follow_up(home: Page) -> None:
    """This year's follow-up of the guarantee in force, for the whole unit, published as the
    unit head's approval would: an example, as the guarantee is."""
    if FollowUp.objects.exists():
        return
    today = timezone.localdate()
    guarantee = (
        GuaranteePage.objects.live()
        .valid_on(today)
        .filter(locale=Locale.get_default(), alias_of=None)
        .first()
    )
    if guarantee is None:
        return
    follow_up = FollowUp(
        guarantee=guarantee,
        year=today.year,
        summary="Exempel på en uppföljning: inte verkliga resultat.",
        unit_head_approved_by=EXAMPLE_SIGNER,
        unit_head_approved_at=timezone.now(),
    )
    for n, code in enumerate(guarantee.commitments.values_list("code", flat=True)):
        verdict, evidence, size, kept = DEMO_FOLLOW_UP.get(code, ("kept", "", None, None))
        follow_up.results.add(
            FollowUpResult(
                sort_order=n,
                commitment_code=code,
                verdict=verdict,
                evidence=evidence,
                sample_size=size,
                sample_kept=kept,
            )
        )
    follow_up.live = False
    follow_up.save()
    follow_up.save_revision().publish()


SIGNATURE = {
    "sv": "Med vänliga hälsningar\n{handler_name}\nFörsörjningsstödsenheten",
    "en": "Kind regards\n{handler_name}\nFörsörjningsstödsenheten (the financial assistance unit)",
}
# (kind, Swedish category or None, {language: (title, text before the signature)}): examples a
# unit would write itself; the last one has no English version, so English items fall back.
DEMO_ANSWER_TEMPLATES = [
    (
        "",
        None,
        {
            "sv": (
                "Tack för din synpunkt",
                "Hej!\n\nTack för din synpunkt med referens {reference}, som kom in "
                "{received_date}. Vi har läst den och tagit upp den på vårt arbetsplatsmöte, "
                "där vi bestämmer vad vi ändrar.\n\n[Skriv vad enheten har gjort eller ska göra.]",
            ),
            "en": (
                "Thank you for your feedback",
                "Hello,\n\nThank you for your feedback with reference {reference}, which we "
                "received on {received_date}. We have read it and discussed it at our staff "
                "meeting, where we decide what to change.\n\n[Write what the unit has done or "
                "will do.]",
            ),
        },
    ),
    (
        "complaint",
        "Bemötande",
        {
            "sv": (
                "Klagomål på bemötande",
                "Hej!\n\nTack för att du berättade hur du blev bemött (referens {reference}, "
                "inkom {received_date}). Vi beklagar att du inte blev bemött med den respekt du "
                "har rätt till. Vi har talat med de medarbetare det gäller och tagit upp det på "
                "vårt arbetsplatsmöte.\n\n[Skriv vad enheten har gjort eller ska göra.]",
            ),
            "en": (
                "Complaint about how you were treated",
                "Hello,\n\nThank you for telling us how you were treated (reference "
                "{reference}, received on {received_date}). We are sorry you were not treated "
                "with the respect you are entitled to. We have spoken with the staff concerned "
                "and discussed it at our staff meeting.\n\n[Write what the unit has done or "
                "will do.]",
            ),
        },
    ),
    (
        "complaint",
        "Handläggning",
        {
            "sv": (
                "Klagomål på handläggningstid",
                "Hej!\n\nTack för ditt klagomål med referens {reference}, som kom in "
                "{received_date}. Vi ska fatta beslut om din ansökan och skicka det inom 14 "
                "dagar från att du lämnat in de handlingar vi bett om.\n\n[Skriv vad som "
                "hände i ditt ärende och vad enheten gör.]\n\nEtt klagomål ändrar inte ett "
                "beslut. Vill du att ett beslut ändras ska du överklaga det inom tre veckor "
                "från att du fick veta det.",
            ),
        },
    ),
]


def create_demo_answer_templates(home: Page) -> None:
    """A few answer templates in Swedish and English, so the triage page has some to offer."""
    if AnswerTemplate.objects.exists():
        return
    locales = {code: Locale.objects.filter(language_code=code).first() for code in SIGNATURE}
    default = Locale.get_default()
    for kind, category_name, versions in DEMO_ANSWER_TEMPLATES:
        source = Category.objects.get(locale=default, name=category_name) if category_name else None
        key = None
        for code, (title, text) in versions.items():
            if locales[code] is None:
                continue
            category = (
                Category.objects.filter(
                    locale=locales[code], translation_key=source.translation_key
                ).first()
                if source
                else None
            )
            template = AnswerTemplate(
                locale=locales[code],
                title=title,
                kind=kind,
                category=category or source,
                body=f"{text}\n\n{SIGNATURE[code]}",
            )
            if key:
                template.translation_key = key
            template.save()
            key = template.translation_key
