from django.core.management.base import BaseCommand

from feedback.escalation import INBOX, UNIT_HEAD, escalate


class Command(BaseCommand):
    help = (
        "E-mail feedback nobody has picked up to the feedback inbox, and to the unit heads once "
        "half its time has passed; each item once per level (run every 15 minutes)."
    )

    def handle(self, *args, **options):
        sent = escalate()
        self.stdout.write(
            f"Escalated {sent[INBOX]} item(s) to the inbox, {sent[UNIT_HEAD]} to the unit heads."
        )
