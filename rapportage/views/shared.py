"""Pages for every logged-in user (good practices) and the coordinator's reminder log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from aanmelding import service as aanmelding
from kbregeling.web.rows import join_rows
from kbregeling.web.views import paginate, require

from .. import permissions
from ..constants import AFGEROND
from ..forms import GoodPracticeFilterForm
from ..models import Herinnering, Rapportage


@login_required
def good_practices(request):
    """Condition 6: the good practices of assessed reports, for every library to learn from."""
    require(permissions.can_see_good_practices(request.user))
    form = GoodPracticeFilterForm(request.GET, provinces=aanmelding.provinces())
    qs = (
        Rapportage.objects.filter(status__in=AFGEROND)
        .exclude(good_practices="")
        .order_by("-licentie__begindatum", "licentie__bibliotheek__naam")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            qs = qs.filter(
                Q(good_practices__icontains=data["q"])
                | Q(licentie__bibliotheek__naam__icontains=data["q"])
            )
        if data["doelgroep"]:
            qs = qs.filter(**{f"{data['doelgroep']}__gt": 0})
        if data["provincie"]:
            qs = qs.filter(licentie__bibliotheek__in=aanmelding.libraries_in(data["provincie"]))
    # Plain values of what the cards show, not twenty reports with all their answers.
    shown = qs.values(
        "pk",
        "good_practices",
        "licentie__begindatum",
        "licentie__bibliotheek_id",
        "licentie__bibliotheek__naam",
    )
    context = {"form": form} | paginate(request, shown, per_page=20)
    page = context["page"]
    page.object_list = list(page.object_list)
    names = aanmelding.werkgebied_names(r["licentie__bibliotheek_id"] for r in page.object_list)
    for r in page.object_list:
        r["gemeenten"] = ", ".join(names.get(r["licentie__bibliotheek_id"], []))
    return render(request, "rapportage/good_practices.html", context)


# The reminder log shows neither a mail's text nor the report's answers.
NOT_SHOWN = ["mail__body", "mail__attachments"] + [
    f"rapportage__{name}"
    for name in (
        "wat_ging_goed",
        "wat_was_lastig",
        "samenwerking_gemeenten",
        "good_practices",
        "plannen",
        "besluit_motivering",
    )
]


@login_required
def reminder_log(request):
    require(permissions.can_see_overview(request.user))
    libraries = list(aanmelding.Bibliotheek.objects.order_by("naam").values_list("pk", "naam"))
    chosen = request.GET.get("bibliotheek", "")
    qs = Herinnering.objects.select_related(
        "rapportage__licentie__bibliotheek", "ontvanger", "mail"
    ).defer(*NOT_SHOWN)
    # Compared as text with the libraries there are: a made-up or far too large number is
    # "no such library", never a query the database cannot take.
    if chosen in {str(pk) for pk, _naam in libraries}:
        qs = qs.filter(rapportage__licentie__bibliotheek_id=int(chosen))
    elif chosen:
        messages.warning(request, _("There is no such library; all reminders are shown."))
        chosen = ""
    # The options drawn in Python: a template loop over 150 libraries costs milliseconds.
    options = join_rows(
        '<option value="{}"{}>{}</option>',
        ((pk, " selected" if str(pk) == chosen else "", naam) for pk, naam in libraries),
    )
    context = {"library_options": options, "chosen": chosen} | paginate(request, qs)
    return render(request, "rapportage/reminders.html", context)
