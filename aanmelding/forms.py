"""Forms of the sign-up: the Plan van Aanpak, section 5 per municipality, advice, filters."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kbregeling.documents.uploads import validate_document
from kbregeling.web import dutch
from kbregeling.web.forms import field_anchor, mark_needed, plain_label, prompt_empty_choices

from .constants import Advies, Doelgroep, Status
from .models import Aanmelding, Bibliotheek, GemeenteSamenwerking
from .plan_rules import (
    COOPERATION_REQUIRED,
    REQUIRED_TO_SUBMIT,
    cooperation_errors,
    short_reason,
    submission_errors,
)
from .service import provinces

# The nine sections of the plan; section 5 is the formset of ``SamenwerkingForm``.
SECTIONS = [
    (
        "ambitie",
        _("1. Ambition and multi-year planning"),
        [
            "eerste_licentiejaar",
            "ambitie",
            "cursussen_jaar1",
            "deelnemers_jaar1",
            "cursussen_jaar2",
            "deelnemers_jaar2",
            "cursussen_jaar3",
            "deelnemers_jaar3",
        ],
    ),
    ("doelgroepen", _("2. Target groups"), ["doelgroepen", "doelgroepen_anders"]),
    ("locaties", _("3. Locations"), ["locaties"]),
    ("docenten", _("4. Teachers"), ["docenten_nu", "docenten_gepland", "docenten_type"]),
    ("samenwerking", _("5. Cooperation with municipalities"), []),
    ("partners", _("6. Partners"), ["partners"]),
    ("werving", _("7. Recruitment and communication"), ["werving"]),
    ("begroting", _("8. Budget and embedding"), ["eigen_budget", "cofinanciering", "borging"]),
    (
        "verklaring",
        _("9. Declaration"),
        ["verklaring_wsob", "verklaring_rapportage", "verklaring_good_practices", "bijlage"],
    ),
]
PLAN_FIELDS = [name for _id, _title, names in SECTIONS for name in names]
#: Beside each field needed to submit the plan (a draft may be saved without it).
NEEDED_TO_SUBMIT = _("(required to submit)")

HELP = {
    "ambitie": _("What does the library want to achieve with Digisterker in the coming years?"),
    "locaties": _("Library branches and other places, such as community centres."),
    "partners": _(
        "Local organisations that refer participants: welfare work, social counsellors, "
        "Humanitas, Formulierenbrigade, Manifestgroep services (Belastingdienst, UWV, SVB, "
        "DUO, CAK, CBR, CIZ, CJIB)."
    ),
    "borging": _("How does the course stay part of the library's offer after the first year?"),
    "bijlage": _("Optional: the library's own plan document. PDF, DOCX or ODT, at most 10 MB."),
}


class PlanForm(forms.ModelForm):
    """The plan. Saving a draft checks only the values given; submitting checks everything."""

    doelgroepen = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=Doelgroep.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Aanmelding
        fields = PLAN_FIELDS
        formfield_callback = dutch.formfield
        help_texts = HELP
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("ambitie", "locaties", "partners", "werving", "borging")
        }

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        self.fields["versie"].initial = self.instance.versie
        for name in PLAN_FIELDS:
            if "_jaar" in name:  # the courses and participants per year, by the real year
                self.fields[name].label = capfirst(self.instance.field_label(name))
        for name in REQUIRED_TO_SUBMIT:
            mark_needed(self.fields[name], NEEDED_TO_SUBMIT)
        prompt_empty_choices(self)

    def clean_bijlage(self):
        upload = self.cleaned_data.get("bijlage")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_document(upload)
            self.instance.bijlage_naam = upload.name[:255]
        elif upload is False:
            self.instance.bijlage_naam = ""
        return upload

    def _post_clean(self):
        super()._post_clean()
        if self.submitting:
            for name, message in submission_errors(self.instance).items():
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)


class SamenwerkingForm(forms.ModelForm):
    class Meta:
        model = GemeenteSamenwerking
        fields = ["inhoud", "werving", "financiering_status", "financiering_bedrag"]
        formfield_callback = dutch.formfield
        widgets = {
            "inhoud": forms.Textarea(attrs={"rows": 3}),
            "werving": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "inhoud": _("Which municipal digital services does the course cover?"),
            "werving": _("How does the municipality help to find and refer participants?"),
        }

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        for name in COOPERATION_REQUIRED:
            mark_needed(self.fields[name], NEEDED_TO_SUBMIT)
        prompt_empty_choices(self)

    def _post_clean(self):
        super()._post_clean()
        if self.submitting:
            for name, message in cooperation_errors(self.instance).items():
                if name not in self.errors:
                    self.add_error(name, message)


SamenwerkingFormSet = forms.modelformset_factory(
    GemeenteSamenwerking, form=SamenwerkingForm, extra=0, can_delete=False, edit_only=True
)


def plan_forms(aanmelding, data=None, files=None, submitting=False):
    form = PlanForm(data, files, instance=aanmelding, submitting=submitting)
    formset = SamenwerkingFormSet(
        data,
        queryset=aanmelding.samenwerkingen.select_related("gemeente"),
        prefix="samenwerking",
        form_kwargs={"submitting": submitting},
    )
    return form, formset


def sections_to_complete(aanmelding, samenwerkingen=None):
    """Each section of the plan with what still stops submission, in the order of the form:
    ``[(section id, title, [(label, id of the field on the edit page, what is wrong)])]``;
    a complete section has no items. ``samenwerkingen`` are section 5's rows as the page
    shows them (by default the plan's own, prefetched on the plan pages)."""
    form = PlanForm(instance=aanmelding)
    errors = submission_errors(aanmelding)
    if samenwerkingen is None:
        samenwerkingen = aanmelding.samenwerkingen.all()
    sections = []
    for sid, title, names in SECTIONS:
        if sid == "samenwerking":
            items = []
            for index, samenwerking in enumerate(samenwerkingen):
                sub = SamenwerkingForm(instance=samenwerking, prefix=f"samenwerking-{index}")
                items += _items(
                    sub, samenwerking, cooperation_errors(samenwerking), f"{samenwerking} – "
                )
        else:
            items = _items(form, aanmelding, {n: errors[n] for n in names if n in errors})
        sections.append((sid, title, items))
    return sections


def _items(form, obj, errors, prefix=""):
    """(label, anchor, what is wrong) of each field of ``form`` in ``errors``, in form order."""
    return [
        (
            f"{prefix}{plain_label(form[name])}",
            field_anchor(form[name]),
            short_reason(obj, name, errors[name]),
        )
        for name in form.fields
        if name in errors
    ]


class AdviesForm(forms.Form):
    advies = forms.ChoiceField(label=_("Advice"), choices=Advies.choices, widget=forms.RadioSelect)
    motivering = forms.CharField(
        label=_("Motivation"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Always required; the library reads it with the outcome."),
    )
    seen_status = forms.ChoiceField(choices=Status.choices, widget=forms.HiddenInput)


class IntrekkenForm(forms.Form):
    remark = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DashboardFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    provincie = forms.ChoiceField(label=_("Province"), required=False)
    # A ChoiceField of (pk, name) pairs: its 150 options cost no model instances.
    bibliotheek = forms.ChoiceField(label=_("Library"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Awaiting my advice")),
            ("alle", _("All states")),
            *[(value, label) for value, label in Status.choices if value != Status.CONCEPT],
        ]
        self.fields["provincie"].choices = [("", _("All provinces"))] + [
            (p, p) for p in provinces()
        ]
        self.fields["bibliotheek"].choices = [
            ("", _("All libraries")),
            *Bibliotheek.objects.order_by("naam").values_list("pk", "naam"),
        ]
