from django.core.management.base import BaseCommand

from feedback.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail each handler one digest a day of feedback due soon or overdue (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {send_reminders()} reminder digest(s).")
