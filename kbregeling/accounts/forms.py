from datetime import timedelta

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader
from django.utils import timezone

from kbregeling.mail import outbox
from kbregeling.mail.models import OutgoingMail


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's password reset, its mail recorded in the one outbox: a mail server that
    refuses it now does not lose it while the user is told it was sent."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        hour_ago = timezone.now() - timedelta(hours=1)
        recent = OutgoingMail.objects.filter(private=True, to=to_email, created__gte=hour_ago)
        if recent.count() >= settings.PASSWORD_RESET_MAILS_PER_HOUR:
            return  # the page says the same either way: no mail bombing, no hint
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        outbox.record(subject, body, [to_email], private=True)  # a one-time link
