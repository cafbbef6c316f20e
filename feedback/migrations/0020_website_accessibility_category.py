"""The category for reports about the website's accessibility (the accessibility statement's
"report a problem" link), in every language the portal has, just before "Övrigt"."""

import uuid

from django.conf import settings
from django.db import migrations, models

NAMES = {
    "sv": "Webbplatsens tillgänglighet",
    "en": "Accessibility of the website",
    "ar": "إمكانية الوصول إلى الموقع الإلكتروني",
    "fa": "دسترس‌پذیری وب‌سایت",
    "so": "Helitaanka bogga internetka",
    "ti": "ተበጻሕነት መርበብ ሓበሬታ",
    "fi": "Verkkosivuston saavutettavuus",
}
OTHER = "Övrigt"


def create_category(apps, schema_editor):
    Category = apps.get_model("feedback", "Category")
    Locale = apps.get_model("wagtailcore", "Locale")
    if Category.objects.filter(website_accessibility=True).exists():
        return
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}
    default = locales[settings.LANGUAGE_CODE]
    swedish = Category.objects.filter(locale=default)
    other = swedish.filter(name=OTHER).first()
    if other is not None:
        order = other.sort_order
        Category.objects.filter(translation_key=other.translation_key).update(
            sort_order=order + 1
        )
    else:
        order = (swedish.aggregate(models.Max("sort_order"))["sort_order__max"] or 0) + 1
    key = uuid.uuid4()
    for code, locale in locales.items():
        Category.objects.create(
            translation_key=key,
            locale=locale,
            sort_order=order,
            name=NAMES.get(code, NAMES["sv"]),
            website_accessibility=True,
        )


class Migration(migrations.Migration):

    dependencies = [
        ('feedback', '0019_help_question_interpreter'),
    ]

    operations = [
        migrations.AddField(
            model_name='category',
            name='website_accessibility',
            field=models.BooleanField(default=False, help_text="The accessibility statement's link for reporting a problem opens the form with this category chosen, and the statement's answer time applies to it. One category at most.", verbose_name="reports about the website's accessibility"),
        ),
        migrations.RunPython(create_category, migrations.RunPython.noop),
    ]
