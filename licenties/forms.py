from django import forms
from django.utils.translation import gettext_lazy as _

from aanmelding.service import offered_municipalities, provinces
from kbregeling.documents.uploads import validate_document
from kbregeling.web import dutch

from . import service
from .constants import LicentieStatus
from .models import Dienst, Licentie, Overeenkomst, Tarief, default_end

OUTSIDE_WERKGEBIED = _("Choose only municipalities of the library's service area.")


def werkgebied_field(bibliotheek, label, instance=None, start=None):
    """The municipalities of the library's werkgebied that exist today or on the licence's
    ``start`` (where one ceases by then: those that hold its area, so next year's licence can
    name a municipality that arises on 1 January), and those the licence or agreement
    ``instance`` covers already: editing one of before a municipal change never drops its
    ceased municipalities silently."""
    keep = instance.gemeenten.values("pk") if instance is not None and instance.pk else []
    offered = offered_municipalities(
        keep, days=[start] if start else [], among=bibliotheek.werkgebied.all()
    )
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=offered.order_by("naam"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": OUTSIDE_WERKGEBIED,
            "invalid_pk_value": OUTSIDE_WERKGEBIED,
        },
    )


class OvereenkomstForm(forms.ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Overeenkomst
        fields = ["diensten", "gemeenten", "getekend_op", "document", "opmerkingen"]
        formfield_callback = dutch.formfield
        widgets = {
            "diensten": forms.CheckboxSelectMultiple,
            "opmerkingen": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "document": _("The signed agreement as a PDF, at most 10 MB."),
            "gemeenten": _("For which municipalities of the service area course material is made."),
        }

    def __init__(self, *args, bibliotheek, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.bibliotheek = bibliotheek
        self.fields["diensten"].queryset = Dienst.objects.filter(actief=True)
        self.fields["gemeenten"] = werkgebied_field(
            bibliotheek, _("Municipalities with course material"), self.instance
        )
        self.fields["versie"].initial = self.instance.versie
        if self.instance.is_getekend:
            # A signed agreement keeps its signed date and document: they may be replaced,
            # never removed (a required file field offers no "clear").
            self.fields["getekend_op"].required = True
            self.fields["document"].required = True

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload and hasattr(upload, "content_type"):
            validate_document(upload, allowed=("pdf",))
            self.instance.document_naam = upload.name[:255]
        return upload


class TariefForm(forms.ModelForm):
    class Meta:
        model = Tarief
        fields = ["jaar", "bedrag"]
        formfield_callback = dutch.formfield


class LicentieForm(forms.ModelForm):
    """KB records or corrects a licence year by hand (planned licences only)."""

    class Meta:
        model = Licentie
        fields = ["begindatum", "einddatum", "gemeenten", "waarde"]
        formfield_callback = dutch.formfield

    def __init__(self, *args, bibliotheek, **kwargs):
        super().__init__(*args, **kwargs)
        self.bibliotheek = bibliotheek
        self.instance.bibliotheek = bibliotheek
        self.fields["gemeenten"] = werkgebied_field(
            bibliotheek, _("Municipalities covered"), self.instance, self._start()
        )
        self.fields["gemeenten"].required = True
        self.fields["einddatum"].required = False
        self.fields["einddatum"].help_text = _("Leave empty for one year from the start date.")
        self.fields["waarde"].required = False
        self.fields["waarde"].help_text = _("Leave empty for the tariff of the start year.")

    def _start(self):
        """The licence's start date when known (typed, or the record's), else None."""
        known = self.instance.begindatum or self.initial.get("begindatum")
        raw = self.data.get(self.add_prefix("begindatum")) if self.is_bound else None
        try:
            return self.fields["begindatum"].clean(raw) if raw else known
        except forms.ValidationError:
            return known

    def clean(self):
        data = super().clean()
        start, end = data.get("begindatum"), data.get("einddatum")
        if start and not end:
            end = data["einddatum"] = default_end(start)
            self.instance.einddatum = end
        if start and end and end <= start:
            self.add_error("einddatum", _("The end date must lie after the start date."))
        elif start and end:
            clash = service.overlapping(self.bibliotheek.pk, start, end, self.instance.pk).first()
            if clash:
                self.add_error(
                    "begindatum",
                    _("This period overlaps the licence year %(other)s.") % {"other": clash},
                )
        if start and data.get("waarde") is None:
            data["waarde"] = Tarief.voor_jaar(start.year)
            self.instance.waarde = data["waarde"]
        return data


class BeeindigenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reason for ending the licence"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LicentieFilterForm(forms.Form):
    jaar = dutch.YearField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All states")), *LicentieStatus.choices],
    )
    provincie = forms.ChoiceField(label=_("Province"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provincie"].choices = [("", _("All provinces"))] + [
            (p, p) for p in provinces()
        ]

    def filter(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data.get("jaar"):
            qs = qs.filter(begindatum__year=data["jaar"])
        if data.get("status"):
            qs = qs.filter(status=data["status"])
        if data.get("provincie"):
            qs = qs.filter(
                pk__in=Licentie.objects.filter(gemeenten__provincie=data["provincie"]).values("pk")
            )
        return qs
