import logging
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback import access_log, retention

logger = logging.getLogger("feedback.retention")


class Command(BaseCommand):
    help = (
        "Gallring (run nightly): blank the personal data of feedback closed more than "
        "FEEDBACK_RETENTION_MONTHS ago, delete access-log rows older than "
        "ACCESS_LOG_RETENTION_MONTHS and expired sessions. Counts stay for the reports."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many items are due."
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        due = retention.due(today)
        if dry_run:
            self.stdout.write(f"{due.count()} item(s) are due for gallring.")
            return
        months = settings.FEEDBACK_RETENTION_MONTHS
        items = retention.remove_personal_data(
            due, action="feedback.gallring", today=today, retention_months=months
        )
        log_rows = access_log.remove_expired(today, settings.ACCESS_LOG_RETENTION_MONTHS)
        import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
        logger.info("gallring items=%s access_log_rows_deleted=%s", items, log_rows)
        self.stdout.write(
            f"Removed the personal data of {items} item(s) closed more than {months} months "
            f"ago; deleted {log_rows} access-log row(s) past their retention period."
        )
