"""Wagtail's default workflow and its task are named "Moderators approval", which staff read in
buttons and statuses ("Lämna in till Moderators approval"). A name is data, not a catalogue
string, so it is renamed here; a name an editor has already changed is left alone."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
SWEDISH_NAME = "Moderatorgranskning"


def rename(old: str, new: str):
    def run(apps, schema_editor):
        for model in ("Workflow", "Task"):
            apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_guarantee_approval"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.RunPython(
            rename(WAGTAIL_NAME, SWEDISH_NAME), rename(SWEDISH_NAME, WAGTAIL_NAME)
        )
    ]
