from django.core.management.base import BaseCommand, CommandError

from feedback import control_sample
from feedback.models import ControlSample


class Command(BaseCommand):
    help = "Write a reviewed control sample's figures into the follow-up of its year."

    def add_arguments(self, parser):
        parser.add_argument("sample", type=int, help="The sample's number.")

    def handle(self, *args, **options):
        sample = ControlSample.objects.filter(pk=options["sample"]).first()
        if sample is None:
            raise CommandError(f"No control sample {options['sample']}.")
        for fed in control_sample.feed_follow_up(sample):
            where = fed.follow_up or f"no follow-up for {sample.year}"
            refused = f" (not changed: {fed.refused})" if fed.refused else ""
            self.stdout.write(f"{fed.district.name}: {where}{refused}")
