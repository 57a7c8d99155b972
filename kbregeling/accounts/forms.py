from django.contrib.auth.forms import PasswordResetForm
from django.template import loader

from kbregeling.mail import outbox


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
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        outbox.record(subject, body, [to_email], private=True)  # a one-time link
