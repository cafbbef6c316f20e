from django.core.management.base import BaseCommand

from feedback.help_asking import ask_due


class Command(BaseCommand):
    help = "E-mail “Did our answer help?” to those answered some working days ago (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Asked {ask_due()} person(s) whether our answer helped.")
