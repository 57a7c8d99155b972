from django import forms
from django.utils.translation import gettext_lazy as _

from kbregeling.documents.uploads import validate_document

from .constants import MAX_LENGTH


class BerichtForm(forms.Form):
    """A new message; the choice of an internal note exists only for those who may write one
    (a forged field from anyone else is ignored, and the service refuses it too)."""

    prefix = "bericht"  # its fields' ids differ from those of the other forms on the page

    tekst = forms.CharField(
        label=_("Your message"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    bijlage = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("A PDF, DOCX or ODT file."),
    )
    intern = forms.BooleanField(
        label=_("Only visible to KB and Digisterker (internal note)"), required=False
    )

    def __init__(self, *args, allow_internal=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_internal:
            del self.fields["intern"]

    def clean_bijlage(self):
        upload = self.cleaned_data.get("bijlage")
        if upload:
            validate_document(upload)
        return upload
