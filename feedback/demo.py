"""The feedback page of the demo site, in every language; called through portal's demo hooks."""

from wagtail.models import Page, Site

from feedback.models import FeedbackPage, FeedbackSettings
from portal.demo.content import ensure_child
from portal.demo.translations import translate

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
