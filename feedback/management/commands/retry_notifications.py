from django.core.management.base import BaseCommand

from feedback.notifications import retry_due


class Command(BaseCommand):
    help = "Send again the feedback e-mails that failed once their pause is over (run often)."

    def handle(self, *args, **options):
        self.stdout.write(f"Re-queued {retry_due()} notification(s).")
