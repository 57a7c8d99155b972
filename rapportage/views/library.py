"""Library staff: their year reports, the form, submitting."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from kbregeling.web.views import require
from kbregeling.workflow.drafts import DraftEditor

from .. import permissions, service
from ..forms import SECTIONS, RapportageForm
from ..models import Rapportage


def get_report(request, pk):
    qs = Rapportage.objects.select_related("licentie__bibliotheek")
    return get_object_or_404(permissions.visible_rapportages(request.user, qs), pk=pk)


@login_required
def mine(request):
    require(permissions.can_see_own_reports(request.user))
    reports = Rapportage.objects.filter(
        licentie__bibliotheek_id=request.user.bibliotheek_id
    ).select_related("licentie")
    return render(request, "rapportage/mine.html", {"rapportages": reports})


class ReportEditor(DraftEditor):
    app = "rapportage"
    saved_text = gettext_lazy("Your draft report was saved.")
    kept_text = gettext_lazy(
        "Your draft report was saved, but not submitted yet: complete what is marked below."
    )
    submitted_text = gettext_lazy("Your report was submitted to KB and Digisterker.")

    reload_related = ("licentie__bibliotheek",)
    save = staticmethod(service.save_report)
    submit = staticmethod(service.submit)

    def get(self, request, pk):
        return get_report(request, pk)

    def may_edit(self, obj, user):
        return permissions.can_edit(obj, user)

    def forms(self, obj, data=None, files=None, submitting=False):
        return [RapportageForm(data, instance=obj, submitting=submitting)]

    def context(self, obj, forms):
        form = forms[0]
        sections = [(sid, title, [form[name] for name in names]) for sid, title, names in SECTIONS]
        return {"rapportage": obj, "form": form, "sections": sections}


edit, submit = ReportEditor().views()
