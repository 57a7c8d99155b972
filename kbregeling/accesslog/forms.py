"""The filters of the access-log page: person, library, kind and period."""

from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kbregeling.web import dutch

from .constants import Kind
from .models import AccessLogEntry


def library_choices():
    """Every library, in one query; the model is reached through the log's own foreign key
    (the shared apps import none of the domain apps)."""
    library_model = AccessLogEntry._meta.get_field("library").related_model
    return [(str(library.pk), str(library)) for library in library_model.objects.all()]


def start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class AccessLogFilterForm(forms.Form):
    persoon = forms.CharField(label=_("Person"), required=False, max_length=150)
    bibliotheek = forms.ChoiceField(label=_("Library"), required=False)
    soort = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Kind.choices]
    )
    van = dutch.DateField(label=_("From"), required=False)
    tot = dutch.DateField(label=_("Until"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bibliotheek"].choices = [("", _("All libraries")), *library_choices()]

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("The end of the period lies before its start."))
        return data

    def filter(self, qs):
        """The entries that match every valid filter; an invalid one is shown, not applied."""
        self.is_valid()
        data = self.cleaned_data
        for word in data.get("persoon", "").split():
            qs = qs.filter(
                Q(username__icontains=word)
                | Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
            )
        if data.get("bibliotheek"):
            qs = qs.filter(library_id=data["bibliotheek"])
        if data.get("soort"):
            qs = qs.filter(kind=data["soort"])
        if data.get("van"):
            qs = qs.filter(when__gte=start_of(data["van"]))
        if data.get("tot"):
            qs = qs.filter(when__lt=start_of(data["tot"] + timedelta(days=1)))
        return qs
