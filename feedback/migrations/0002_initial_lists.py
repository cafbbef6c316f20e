"""The unit's categories (from its annual reports), districts and a first deadline policy.

Names are given in every language the portal had when this was written; staff edit, add and
translate entries in the admin afterwards.
"""

import uuid

from django.conf import settings
from django.db import migrations

CATEGORIES = [
    {"sv": "Information", "en": "Information", "ar": "معلومات", "fa": "اطلاعات",
     "so": "Macluumaad", "ti": "ሓበሬታ", "fi": "Tiedotus"},
    {"sv": "Bemötande", "en": "How you were treated", "ar": "طريقة المعاملة", "fa": "نحوه برخورد",
     "so": "Sida laguula dhaqmay", "ti": "ኣተሓሕዛ", "fi": "Kohtelu"},
    {"sv": "Handläggning", "en": "Handling of your case", "ar": "معالجة قضيتك",
     "fa": "رسیدگی به پرونده", "so": "Maaraynta kiiskaaga", "ti": "ኣተኣላልያ ጉዳይኩም",
     "fi": "Asian käsittely"},
    {"sv": "Insatser/verksamhet", "en": "Services and support", "ar": "الخدمات والدعم",
     "fa": "خدمات و حمایت‌ها", "so": "Adeegyada iyo taageerada", "ti": "ኣገልግሎታትን ደገፍን",
     "fi": "Palvelut ja tuki"},
    {"sv": "Tillgänglighet", "en": "Accessibility and reaching us",
     "ar": "سهولة الوصول والتواصل معنا", "fa": "دسترسی و تماس با ما",
     "so": "Helitaanka iyo la xiriirka", "ti": "ተበጻሕነትን ምርኻብናን",
     "fi": "Saavutettavuus ja yhteydenotto"},
    {"sv": "Övrigt", "en": "Other", "ar": "أخرى", "fa": "سایر", "so": "Kale", "ti": "ካልእ",
     "fi": "Muu"},
]
DISTRICTS = [
    {code: "Kungsholmen" for code in ("sv", "en", "ar", "fa", "so", "ti", "fi")},
    {code: "Norrmalm" for code in ("sv", "en", "ar", "fa", "so", "ti", "fi")},
    {code: "Östermalm" for code in ("sv", "en", "ar", "fa", "so", "ti", "fi")},
    {"sv": "Annat eller vet inte", "en": "Other or don't know", "ar": "أخرى أو لا أعرف",
     "fa": "دیگر یا نمی‌دانم", "so": "Kale ama ma aqaan", "ti": "ካልእ ወይ ኣይፈልጥን",
     "fi": "Muu tai en tiedä"},
]
# Working days to acknowledge and to answer; praise needs no answer.
DEADLINES = {"complaint": (2, 10), "suggestion": (2, 15), "praise": (2, None)}


def create_lists(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}
    for model_name, entries in (("Category", CATEGORIES), ("District", DISTRICTS)):
        model = apps.get_model("feedback", model_name)
        for order, names in enumerate(entries):
            key = uuid.uuid4()
            for code, locale in locales.items():
                model.objects.create(
                    translation_key=key, locale=locale, sort_order=order,
                    name=names.get(code, names["sv"]),
                )
    ResponseDeadline = apps.get_model("feedback", "ResponseDeadline")
    for kind, (acknowledge, answer) in DEADLINES.items():
        ResponseDeadline.objects.create(
            kind=kind, acknowledge_within=acknowledge, answer_within=answer
        )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_lists, migrations.RunPython.noop)]
