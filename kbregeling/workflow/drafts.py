"""A document the library fills in (a plan, a year report): saved as a draft at any time,
submitted when complete. An incomplete submission still keeps what was typed, as a draft, and
shows beside each field what is missing. Both apps' edit pages are this one flow; each
subclass of ``DraftEditor`` names its forms, services, template and texts.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kbregeling.web.views import require

from .forms import AnswerForm
from .runner import StaleState, WorkflowError


def claim_version(obj, versie, verdict=None, message=None):
    """Count one more save of ``obj``: refused with the reason of a permission ``verdict``
    that does not allow it, and as stale when someone else saved it after the user loaded
    version ``versie``. The caller holds the transaction of the save."""
    if verdict is not None and not verdict:
        raise WorkflowError(verdict.reason)
    bumped = type(obj).objects.filter(pk=obj.pk, versie=versie).update(versie=F("versie") + 1)
    if not bumped:
        raise StaleState(message)
    obj.versie = versie + 1


class DraftEditor:
    """The edit page and the submit button of one kind of document."""

    app = ""  # its pages: ``<app>/edit.html``, ``<app>:edit`` and ``<app>:detail``
    saved_text = ""  # a draft was saved
    kept_text = ""  # an incomplete submission was kept as a draft
    submitted_text = ""
    # The services: ``save(*forms, by, versie)`` and ``submit(obj, by, answer="")``.
    save = None
    submit = None

    # What each kind of document fills in -------------------------------------------------

    def forms(self, obj, data=None, files=None, submitting=False) -> list:
        """The forms of the page; the first carries the version the user loaded."""
        raise NotImplementedError

    def context(self, obj, forms) -> dict:
        raise NotImplementedError

    reload_related = ()  # what the forms read along with the document

    def reload(self, obj):
        """The document as saved now, with what its forms read."""
        return type(obj).objects.select_related(*self.reload_related).get(pk=obj.pk)

    def get(self, request, pk):
        """The document if this user may see it at all (404 otherwise)."""
        raise NotImplementedError

    def may_edit(self, obj, user):
        """The app's permission (a ``Verdict``) to change the document."""
        raise NotImplementedError

    # The views ---------------------------------------------------------------------------

    def views(self):
        """The edit page and the submit button, as view functions for ``urls.py``."""

        def edit(request, pk):
            obj = self.get(request, pk)
            require(self.may_edit(obj, request.user))
            return self.edit(request, obj)

        def submit(request, pk):
            return self.submit_view(request, self.get(request, pk))

        return login_required(edit), login_required(require_POST(submit))

    # The flow ----------------------------------------------------------------------------

    def edit(self, request, obj):
        submitting = "indienen" in request.POST
        if request.method == "POST":
            forms = self.forms(obj, request.POST, request.FILES, submitting)
            if all(form.is_valid() for form in forms):
                try:
                    self.save(*forms, request.user, forms[0].cleaned_data["versie"])
                except WorkflowError as error:
                    forms[0].add_error(None, str(error))
                else:
                    return self._after_save(request, obj, submitting)
            elif submitting:
                forms = self._keep_as_draft(request, obj, forms)
            status = 409 if forms[0].non_field_errors() else 200
        else:
            forms = self.forms(obj)
            status = 200
        template = f"{self.app}/edit.html"
        return render(request, template, self.context(obj, forms), status=status)

    def submit_view(self, request, obj):
        answer = AnswerForm(request.POST)
        if not answer.is_valid():  # only a hand-made request: the field has a maxlength
            messages.error(request, " ".join(answer.errors["antwoord"]))
            return redirect(f"{self.app}:detail", pk=obj.pk)
        try:
            self.submit(obj, request.user, answer=answer.cleaned_data["antwoord"])
        except WorkflowError as error:
            messages.error(request, str(error))
            return redirect(f"{self.app}:edit", pk=obj.pk)
        messages.success(request, self.submitted_text)
        return redirect(f"{self.app}:detail", pk=obj.pk)

    def _keep_as_draft(self, request, obj, forms):
        fresh = self.reload(obj)
        drafts = self.forms(fresh, request.POST, request.FILES)
        if not all(form.is_valid() for form in drafts):
            return forms
        try:
            self.save(*drafts, request.user, drafts[0].cleaned_data["versie"])
        except WorkflowError:
            return forms
        data = request.POST.copy()
        data["versie"] = str(fresh.versie)
        forms = self.forms(fresh, data, request.FILES, submitting=True)
        for form in forms:
            form.is_valid()
        messages.info(request, self.kept_text)
        return forms

    def _after_save(self, request, obj, submitting):
        if not submitting:
            messages.success(request, self.saved_text)
            return redirect(f"{self.app}:edit", pk=obj.pk)
        return self.submit_view(request, obj)
