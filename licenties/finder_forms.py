"""The course finder's search form (its own module: ``licenties/forms.py`` holds the forms
of the licence workflow)."""

from django import forms
from django.utils.translation import gettext_lazy


class FinderForm(forms.Form):
    gemeente = forms.CharField(
        label=gettext_lazy("Municipality"),
        max_length=100,
        help_text=gettext_lazy(
            "Type the name of your municipality, for example Den Haag or Súdwest-Fryslân."
        ),
        error_messages={"required": gettext_lazy("Type the name of your municipality.")},
        widget=forms.TextInput(
            attrs={"list": "gemeente-namen", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
