from django.core.management.base import BaseCommand

from feedback.action_reminders import send_action_reminders
from feedback.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each handler one digest a day of feedback due soon or overdue, and each owner "
        "of a workplace-meeting action one of their actions and follow-ups (run daily)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {send_reminders()} reminder digest(s).")
        self.stdout.write(f"Sent {send_action_reminders()} action digest(s).")
