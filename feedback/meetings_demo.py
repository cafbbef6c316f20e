"""The "You said, we did" page (an essential page: ``setup_site`` makes it, and every locale has
it through the synchronised trees) and the demo's workplace meetings: two meetings, their
actions with follow-ups (one overdue), two approved entries and one waiting for approval. The
actions' owner is the first staff member who may be responsible, if there is one yet (the demo's
staff are made after the content: then the unit heads are reminded of them)."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Page

from feedback.meeting_forms import staff_owners
from feedback.models import (
    Action,
    Category,
    District,
    Feedback,
    Meeting,
    MeetingTopic,
    PublishedChange,
    YouSaidWeDidPage,
)
from portal.demo.content import ensure_child
from portal.demo.translations import translate

SLUG = "ni-sa-vi-gjorde"
PAGE = {
    "sv": (
        "Ni sa, vi gjorde",
        "Här berättar vi vad vi har ändrat efter era synpunkter. Vi tar upp synpunkterna på "
        "våra arbetsplatsträffar och följer upp det vi bestämmer.",
    ),
    "en": (
        "You said, we did",
        "Here we tell you what we have changed because of your feedback. We discuss feedback "
        "at our staff meetings and follow up what we decide.",
    ),
    "ar": (
        "قلتم، ففعلنا",
        "نخبركم هنا بما غيّرناه بناءً على ملاحظاتكم. نناقش الملاحظات في اجتماعات العمل ونتابع ما "
        "نقرره.",
    ),
    "fa": (
        "شما گفتید، ما انجام دادیم",
        "در اینجا می‌گوییم که بر اساس نظرات شما چه چیزهایی را تغییر داده‌ایم. ما نظرات را در "
        "جلسات کاری بررسی می‌کنیم و تصمیم‌ها را پیگیری می‌کنیم.",
    ),
    "so": (
        "Waxaad tiraahdeen, waxaan samaynay",
        "Halkan waxaan idiinku sheegaynaa waxa aan beddelnay ka dib fikradihiinna. Fikradaha "
        "waxaan ka wada hadalnaa shirarka shaqada, waxaanna la socanaa waxa aan go'aansanno.",
    ),
    "ti": (
        "ንስኻትኩም በልኩም፡ ንሕና ገበርና",
        "ኣብዚ ብመሰረት ርእይቶኹም እንታይ ከም ዝቐየርና ንነግረኩም። ርእይቶታት ኣብ ኣኼባታት ስራሕ ንዘራረበሉን ዝወሰንናዮ ንከታተሎን።",
    ),
    "fi": (
        "Te sanoitte, me teimme",
        "Kerromme tässä, mitä olemme muuttaneet palautteenne perusteella. Käsittelemme "
        "palautteet työpaikkakokouksissa ja seuraamme päätöstemme toteutumista.",
    ),
}

# (days before today the meeting was held, title, category, district, days to do it,
#  follow-ups recorded, the entry's texts by language or None, approved)
DEMO_ACTIONS = [
    (
        95,
        "Telefontid varje vardag",
        "Tillgänglighet",
        None,
        30,
        ["done", "done", "done"],
        {
            "sv": (
                "Det var svårt att nå oss på telefon.",
                "En handläggare svarar nu i telefon varje vardag klockan 10–11.",
            ),
            "en": (
                "It was hard to reach us by phone.",
                "A case worker now answers the phone every weekday from 10 to 11.",
            ),
            "ar": (
                "كان من الصعب الوصول إلينا عبر الهاتف.",
                "يجيب الآن موظف مختص على الهاتف كل يوم عمل من الساعة 10 إلى 11.",
            ),
            "fa": (
                "تماس تلفنی با ما دشوار بود.",
                "اکنون یک مددکار هر روز کاری از ساعت ۱۰ تا ۱۱ به تلفن پاسخ می‌دهد.",
            ),
            "so": (
                "Way adkayd in nalagu helo taleefanka.",
                "Hadda shaqaale ayaa ka jawaaba taleefanka maalin kasta oo shaqo "
                "saacadda 10 ilaa 11.",
            ),
            "ti": (
                "ብተሌፎን ምርካብና ኣጸጋሚ ነይሩ።",
                "ሕጂ ሓደ ሰራሕተኛ ኣብ ነፍሲ ወከፍ መዓልቲ ስራሕ ካብ ሰዓት 10 ክሳብ 11 ተሌፎን ይምልስ።",
            ),
            "fi": (
                "Meitä oli vaikea tavoittaa puhelimitse.",
                "Nyt sosiaalityöntekijä vastaa puhelimeen joka arkipäivä kello 10–11.",
            ),
        },
        True,
    ),
    (
        60,
        "Ny brevmall för beslut",
        "Information",
        "Östermalm",
        45,
        ["partly"],
        {
            "sv": (
                "Breven om beslut var svåra att förstå.",
                "Vi har skrivit om brevmallen för beslut med enklare ord.",
            ),
            "en": (
                "The letters about decisions were hard to understand.",
                "We have rewritten the letter template for decisions in plainer words.",
            ),
        },
        True,
    ),
    (
        40,
        "Se över ventilationen i väntrummet",
        "Insatser/verksamhet",
        "Kungsholmen",
        60,
        [],
        {
            "sv": (
                "Väntrummet var för varmt.",
                "Vi har bett fastighetsägaren att se över ventilationen.",
            ),
        },
        False,  # waits for the unit head's approval: not on the public page
    ),
]


def build_page(home: Page) -> YouSaidWeDidPage:
    title, intro = PAGE["sv"]
    page, _created = ensure_child(
        home, YouSaidWeDidPage, SLUG, title=title, intro=f"<p>{intro}</p>"
    )
    return page


def translate_page(home: Page) -> None:
    """The demo's page in every language (before the trees are synchronised)."""
    page = build_page(home)
    for code, (title, intro) in PAGE.items():
        if code != home.locale.language_code:
            translate(page, code, title=title, intro=f"<p>{intro}</p>")


def create_demo_meetings(home: Page) -> None:
    if Meeting.objects.exists():
        return
    today = timezone.localdate()
    default = Locale.get_default()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    items = list(Feedback.objects.order_by("received_at")[:3])
    owner = staff_owners().first()
    for n, (days, title, category, district, to_do, results, texts, approved) in enumerate(
        DEMO_ACTIONS
    ):
        meeting = Meeting.objects.create(held_on=today - timedelta(days=days), title="Exempel: APT")
        action = Action.objects.create(
            meeting=meeting,
            title=title,
            decision="Exempel på ett beslut.",
            category=Category.objects.get(locale=default, name=category),
            district=District.objects.get(locale=default, name=district) if district else None,
            due_on=meeting.held_on + timedelta(days=to_do),
            owner=owner,
        )
        for check, result in zip(action.checks.order_by("after_days"), results, strict=False):
            check.result, check.recorded_on = result, check.due_on
            check.save()
            action.status = result
        action.save(update_fields=["status"])
        if n < 2 and n < len(items):
            MeetingTopic.objects.create(feedback=items[n], meeting=meeting)
            action.feedback.add(items[n])
        source = None
        for code, (you_said, we_did) in texts.items():
            entry = PublishedChange(
                locale=locales[code],
                action=action,
                month=meeting.held_on.replace(day=1),
                you_said=you_said,
                we_did=we_did,
                approved_at=timezone.now() if approved else None,
            )
            if source:
                entry.translation_key = source.translation_key
            entry.save()
            source = source or entry
    if items[2:]:
        MeetingTopic.objects.create(feedback=items[2], note="Exempel: tas upp på nästa APT")
