from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ApiToken


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["organisatie", "bibliotheek"]
        help_texts = {
            "organisatie": _("Who reads the API with it, as the access log will name them."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bibliotheek"].empty_label = _("None: national, reads every library")
