from django.core.management.base import BaseCommand

from feedback import control_sample


class Command(BaseCommand):
    help = (
        "Draw the internal-control sample: N closed feedback items per district in a year or "
        "tertial, reproducible from its seed (printed and stored)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--tertial", type=int, choices=[1, 2, 3])
        parser.add_argument("--per-district", type=int, default=control_sample.DEFAULT_PER_DISTRICT)
        parser.add_argument("--seed", type=int, help="Draw again the items of an earlier seed.")

    def handle(self, *args, **options):
        sample = control_sample.draw(
            options["year"],
            tertial=options["tertial"],
            per_district=options["per_district"],
            seed=options["seed"],
        )
        self.stdout.write(f"Sample {sample.pk}: {sample.period.label}, seed {sample.seed}")
        for item in sample.items.select_related("feedback", "district"):
            self.stdout.write(f"{item.district.name}\t{item.feedback.reference}")
