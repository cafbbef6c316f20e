import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the demo staff login. The password comes from DEMO_STAFF_PASSWORD, or is "
        "generated and printed once, when the user is created."
    )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("The demo staff login is not created in production.")
        username = os.environ.get("DEMO_STAFF_USERNAME", "admin")
        password = os.environ.get("DEMO_STAFF_PASSWORD")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is not None:
            if password:
                user.set_password(password)
                user.save(update_fields=["password"])
            self.stdout.write(f"Demo staff login '{username}' already exists.")
            return
        generated = password is None
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser(username, f"{username}@example.org", password)
        shown = password if generated else "(from DEMO_STAFF_PASSWORD)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo staff login created: user '{username}', password {shown}\n"
                "Sign in at /admin/. The password is shown only this once."
            )
        )
