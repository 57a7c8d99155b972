"""Forms of onboarding: a library with its werkgebied, its first contact, the public interest
request and declining one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Belangstelling, Bibliotheek
from .werkgebied import GemeentenField

LIBRARY_FIELDS = [
    "naam",
    "adres",
    "postcode",
    "plaats",
    "contactpersoon",
    "contact_email",
    "telefoon",
    "website",
    "wsob_erkend",
    "werkgebied",
]


class BibliotheekForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",  # "www.bibliotheek.nl" is read as https://www.bibliotheek.nl
        help_text=_("For example https://www.bibliotheek.nl"),
    )
    werkgebied = GemeentenField(label=_("Werkgebied (municipalities served)"))

    class Meta:
        model = Bibliotheek
        fields = LIBRARY_FIELDS
        help_texts = {"contactpersoon": _("Who KB and Digisterker contact about the scheme.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The library's own municipalities are not "already in another werkgebied".
        self.fields["werkgebied"].widget.exclude_library = self.instance.pk
        if self.instance.pk:  # one that ceased since stays until it is taken out
            self.fields["werkgebied"].keep = self.instance.werkgebied.values_list("pk", flat=True)


class FirstContactForm(forms.Form):
    """The person of the library who gets the first invitation; they invite colleagues."""

    voornaam = forms.CharField(label=_("First name"), max_length=150)
    achternaam = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The invitation to choose a password goes to this address."),
    )


class BelangstellingForm(forms.ModelForm):
    gemeenten = GemeentenField(label=_("Municipalities your library serves"))
    #: The honeypot: hidden from people by CSS, left empty by them, filled by robots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Belangstelling
        fields = ["naam", "organisatie", "email", "telefoon", "gemeenten", "bericht"]
        labels = {
            "naam": _("Your name"),
            "organisatie": _("Library organisation"),
            "email": _("Your e-mail address"),
            "telefoon": _("Telephone (optional)"),
            "bericht": _("Message (optional)"),
        }
        help_texts = {"bericht": _("For example: since when, and what you would like to know.")}
        widgets = {"bericht": forms.Textarea(attrs={"rows": 4})}

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class AfwijzenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The requester reads this in the e-mail."),
    )
