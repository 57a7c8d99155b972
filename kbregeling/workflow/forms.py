"""The one form the shared workflow asks: the library's answer when it submits again."""

from django import forms
from django.utils.translation import gettext_lazy as _


class AnswerForm(forms.Form):
    """Optional: the plan or report itself holds the answer; this says what changed and why.
    Kept with the round's snapshot and in the history, for the reviewers to read first."""

    antwoord = forms.CharField(
        label=_("Your answer to the question"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. What did you change or add? The reviewers read this first."),
    )
