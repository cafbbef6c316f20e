from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from feedback import earlier_counts_import


class Command(BaseCommand):
    help = (
        "Import earlier years' feedback counts (from before the register) from a CSV with the "
        "header year;category;district;kind;count;source. All or nothing; replaces the counts "
        "of the years in the file; refuses a year the register has items in."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="e.g. feedback/data/earlier_counts_2012_2013.csv")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and say what would change."
        )

    def handle(self, *args, **options):
        try:
            data = Path(options["path"]).read_bytes()
        except OSError as error:
            raise CommandError(error) from error
        outcome = earlier_counts_import.import_counts(data, save=not options["dry_run"])
        if outcome.errors:
            raise CommandError("\n".join([_("Nothing was imported."), *outcome.errors]))
        if outcome.saved:
            self.stdout.write(_("Imported."))
        else:
            self.stdout.write(_("The file has no problems; nothing was imported (--dry-run):"))
        for line in earlier_counts_import.summary(outcome):
            self.stdout.write(line)
