"""django-allauth fitted to the scheme: no sign-up (KB onboards libraries), wrong passwords
counted by django-axes alone, every mail through the one outbox, and the second factor's
events in the access log."""

import base64
import hashlib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet
from django.conf import settings

from kbregeling.accesslog.log import client_ip
from kbregeling.mail import outbox

#: allauth's own greetings; the app says where you are by the page you land on.
SILENT_MESSAGES = frozenset({"account/messages/logged_in.txt", "account/messages/logged_out.txt"})


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def pre_authenticate(self, request, **credentials):
        """Wrong passwords are counted by django-axes (settings, "Lockout"): one lockout, one
        Dutch page. allauth's own limit still guards the second factor's codes."""

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        if message_template in SILENT_MESSAGES:
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def get_client_ip(self, request):
        """The address axes and the access log see (behind the proxy: its X-Forwarded-For),
        so that allauth's rate limits count people, not the proxy."""
        return client_ip(request) or request.META.get("REMOTE_ADDR", "")

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, {"email": email, **context})
        outbox.record(message.subject, message.body, message.to, private=True)


def _fernet() -> Fernet:
    """The key the authenticator secrets are stored with: SECOND_FACTOR_KEY, else derived
    from SECRET_KEY (then rotating SECRET_KEY means everyone sets up their app again)."""
    secret = settings.SECOND_FACTOR_KEY or settings.SECRET_KEY
    digest = hashlib.sha256(f"kbregeling.second-factor:{secret}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


class SecondFactorAdapter(DefaultMFAAdapter):
    def get_totp_label(self, user):
        return user.get_username()

    def encrypt(self, text: str) -> str:
        """Authenticator secrets and recovery-code seeds are never stored readable: a
        database backup or the admin does not hand out anyone's second factor."""
        return _fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return _fernet().decrypt(encrypted_text.encode()).decode()
