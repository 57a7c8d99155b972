from datetime import timedelta

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.core import context
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.db.models import Q
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kbregeling.mail import outbox
from kbregeling.mail.models import OutgoingMail

from .models import Gebruiker


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


class LoginForm(AllauthLoginForm):
    """allauth's login with the app's own Dutch labels ("Inloggen", never "Aanmelden")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username")
        self.fields["password"].label = _("Password")
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
            field.help_text = ""
        self.fields["login"].widget.attrs["autofocus"] = True


class CodeLabelMixin:
    """The one field of allauth's second-factor forms, labelled and typed for a phone's code."""

    code_label = _("Code from the app or a recovery code")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = self.code_label
        field.widget.attrs.pop("placeholder", None)
        field.widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        )


class LockoutMixin:
    """A locked-out account gets no more tries at its code either: django-axes counts wrong
    codes and wrong passwords together (kbregeling.accounts.receivers.count_wrong_code)."""

    def clean_code(self):
        request = context.request
        if not AxesProxyHandler.is_allowed(request, {"username": self.user.get_username()}):
            request.axes_locked_out = True  # AxesMiddleware answers with the lockout page
            raise forms.ValidationError(_("Too many failed attempts."), code="locked_out")
        return super().clean_code()


class SecondFactorLoginForm(LockoutMixin, CodeLabelMixin, AuthenticateForm):
    pass


class SecondFactorConfirmForm(LockoutMixin, CodeLabelMixin, ReauthenticateForm):
    pass


class SecondFactorSetUpForm(CodeLabelMixin, ActivateTOTPForm):
    code_label = _("Six-digit code from the app")


class InviteForm(forms.Form):
    """Invite a person: for a library its staff (no role to choose), for KB's administrator
    one of the reviewer parties' roles."""

    email = forms.EmailField(label=_("E-mail address"))
    voornaam = forms.CharField(label=_("First name"), max_length=150)
    achternaam = forms.CharField(label=_("Last name"), max_length=150)
    rol = forms.ChoiceField(label=_("Role"), choices=[])

    def __init__(self, *args, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        if roles:
            self.fields["rol"].choices = [(rol.value, rol.label) for rol in roles]
        else:
            del self.fields["rol"]
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class AcceptInvitationForm(SetPasswordForm):
    """The invited person's name (as invited, to correct) and their new password, checked by
    the password validators."""

    voornaam = forms.CharField(label=_("First name"), max_length=150)
    achternaam = forms.CharField(label=_("Last name"), max_length=150)
    field_order = ["voornaam", "achternaam", "new_password1", "new_password2"]

    def __init__(self, invitation, *args, **kwargs):
        # The validators compare the password with the person's name and address.
        person = Gebruiker(
            username=invitation.email,
            email=invitation.email,
            first_name=invitation.voornaam,
            last_name=invitation.achternaam,
        )
        super().__init__(person, *args, **kwargs)
        self.fields["voornaam"].initial = invitation.voornaam
        self.fields["achternaam"].initial = invitation.achternaam


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Gebruiker
        fields = ["first_name", "last_name", "telefoon", "berichten_mail"]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "telefoon": _("Telephone"),
            "berichten_mail": _("E-mail about new messages on plans and year reports"),
        }
        widgets = {"berichten_mail": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form without the choice (an older page, a test) keeps what the person chose.
        self.fields["berichten_mail"].required = False

    def clean_berichten_mail(self):
        return self.cleaned_data.get("berichten_mail") or self.instance.berichten_mail


class EmailChangeForm(forms.Form):
    email = forms.EmailField(label=_("New e-mail address"))

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.user.email.lower():
            raise forms.ValidationError(_("This is already your e-mail address."))
        taken = Gebruiker.objects.exclude(pk=self.user.pk).filter(
            Q(email__iexact=email) | Q(username__iexact=email)
        )
        if taken.exists():
            raise forms.ValidationError(_("Another account already uses this e-mail address."))
        return email
