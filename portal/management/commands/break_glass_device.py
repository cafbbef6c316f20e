from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create or replace the authenticator app (TOTP) of a local password account, the "
        "break-glass account, and print its otpauth:// URI once, for the app or a QR code. "
        "Earlier devices of the account stop working."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None or not user.has_usable_password():
            raise CommandError(f"No local password account named {username!r}.")
        if settings.OIDC_RP_CLIENT_ID and username not in settings.BREAK_GLASS_USERNAMES:
            self.stderr.write(
                f"Note: {username!r} is not in BREAK_GLASS_USERNAMES, so its password does not "
                "sign in while the provider is configured."
            )
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="break-glass", confirmed=True)
        # To the terminal only, never to the log: the URI holds the secret.
        self.stdout.write(device.config_url)
