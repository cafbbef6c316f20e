from django.core.management.base import BaseCommand

from portal.demo import content as demo_content


class Command(BaseCommand):
    help = "Build the demo site (idempotent: existing pages are left as they are)."

    def handle(self, *args, **options):
        home = demo_content.build()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready at {home.url_path}"))
