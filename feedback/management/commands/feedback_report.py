from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from feedback import report_formats, report_text, reports
from feedback.periods import Period


class Command(BaseCommand):
    help = "The feedback report for a year or a tertial: text (Swedish), csv, xlsx or json."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--tertial", type=int, choices=[1, 2, 3])
        parser.add_argument("--format", choices=["text", "csv", "xlsx", "json"], default="text")
        parser.add_argument("--output", help="File to write (needed for xlsx).")

    def handle(self, *args, **options):
        report = reports.build(Period.year(options["year"], options["tertial"]))
        fmt, output = options["format"], options["output"]
        if fmt == "xlsx":
            if not output:
                raise CommandError("--format xlsx needs --output FILE.xlsx")
            Path(output).write_bytes(report_formats.as_xlsx(report))
            return
        content = {
            "text": report_text.swedish_text,
            "csv": report_formats.as_csv,
            "json": report_formats.as_json,
        }[fmt](report)
        if output:
            Path(output).write_text(content, encoding="utf-8")
        else:
            self.stdout.write(content, ending="")
