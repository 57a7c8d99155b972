from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from aanmelding.service import offered_municipalities
from kbregeling.web import dutch

from .constants import DOELGROEPEN, LEEFTIJDEN, VERWIJZINGEN
from .constants import RapportageStatus as S
from .models import Rapportage
from .rules import submission_errors

YES_NO = [(True, _("Yes")), (False, _("No"))]


def yes_no(label, choices=YES_NO, required=True):
    """A yes/no question as two radio buttons; the answer is True, False or (when optional
    and unanswered) None."""
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
        required=required,
        empty_value=None,
    )


SECTIONS = [
    (
        "aantallen",
        _("1. Numbers"),
        [
            "cursussen_gestart",
            "bijeenkomsten",
            "deelnemers_aangemeld",
            "deelnemers_gestart",
            "deelnemers_afgerond",
            "wachtlijst",
        ],
    ),
    ("leeftijd", _("2. Participants by age"), [name for name, _label in LEEFTIJDEN]),
    ("doelgroepen", _("3. Participants by target group"), [n for n, _label in DOELGROEPEN]),
    ("verwijzing", _("4. How participants were referred"), [n for n, _label in VERWIJZINGEN]),
    (
        "ervaringen",
        _("5. Experiences"),
        ["tevredenheid", "percentage_zelfredzamer", "wat_ging_goed", "wat_was_lastig"],
    ),
    ("samenwerking", _("6. Cooperation with municipalities"), ["samenwerking_gemeenten"]),
    ("good_practices", _("7. Good practices"), ["good_practices"]),
    ("plannen", _("8. Plans and renewal"), ["plannen", "wil_verlengen", "verlengen_gemeenten"]),
    ("bop", _("9. National library monitor"), ["bop_ingevoerd"]),
]
REPORT_FIELDS = [name for _id, _title, names in SECTIONS for name in names]
TEXTAREAS = [
    "wat_ging_goed",
    "wat_was_lastig",
    "samenwerking_gemeenten",
    "good_practices",
    "plannen",
]


class RapportageForm(forms.ModelForm):
    """The year report. Only aggregate numbers: never anything about one participant."""

    versie = forms.IntegerField(widget=forms.HiddenInput)
    wil_verlengen = yes_no(_("Does the library want its licence renewed?"), required=False)
    bop_ingevoerd = yes_no(
        _("Were the figures also entered in the Bibliotheek Onderzoeksplatform (BOP)?"),
        required=False,
    )

    class Meta:
        model = Rapportage
        fields = REPORT_FIELDS
        formfield_callback = dutch.formfield
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in TEXTAREAS} | {
            "verlengen_gemeenten": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "good_practices": _(
                "What worked well that other libraries can learn from? The good practices of "
                "assessed reports are shared with every library."
            ),
            "wachtlijst": _("Number of people waiting for a course at the end of the year."),
        }

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        self.fields["versie"].initial = self.instance.versie
        bibliotheek = self.instance.licentie.bibliotheek
        # The werkgebied as it is today and as it is when the next licence year starts (a
        # municipality arising then), and what the report chose already (a municipality that
        # ceased since is never dropped silently).
        keep = self.instance.verlengen_gemeenten.values("pk") if self.instance.pk else []
        next_start = self.instance.licentie.einddatum + timedelta(days=1)
        self.fields["verlengen_gemeenten"].queryset = offered_municipalities(
            keep, days=[next_start], among=bibliotheek.werkgebied.all()
        ).order_by("naam")
        self.fields["verlengen_gemeenten"].error_messages["invalid_choice"] = _(
            "Choose only municipalities of the library's service area."
        )

    def _post_clean(self):
        super()._post_clean()
        if self.submitting:
            chosen = self.cleaned_data.get("verlengen_gemeenten")
            for name, message in submission_errors(self.instance, chosen).items():
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)


class RapportageAdviesForm(forms.Form):
    voldoende = yes_no(
        _("Is the report sufficient?"),
        [(True, _("Yes, sufficient")), (False, _("No: ask the library for more"))],
    )
    advies_verlengen = yes_no(_("Do you advise renewal of the licence?"))
    motivering = forms.CharField(
        label=_("Motivation"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    seen_status = forms.ChoiceField(choices=S.choices, widget=forms.HiddenInput)


class BesluitForm(forms.Form):
    verlengen = yes_no(_("Decision"), [(True, _("Renew the licence")), (False, _("Do not renew"))])
    motivering = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when your decision differs from an advice."),
    )


class GoodPracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    doelgroep = forms.ChoiceField(
        label=_("Target group"),
        required=False,
        choices=[("", _("All target groups")), *[(n, label) for n, label in DOELGROEPEN]],
    )
    provincie = forms.ChoiceField(label=_("Province"), required=False)

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provincie"].choices = [("", _("All provinces"))] + [(p, p) for p in provinces]
