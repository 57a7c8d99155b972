"""The views of a conversation, called by the domain apps' thin views once they have loaded
the subject through their own visibility check (404 otherwise). Here the conversation's own
rules apply: someone who may not read the thread gets 404, the coordinator may not post
(403)."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.web.views import require

from . import permissions, service
from .forms import BerichtForm
from .models import Bericht


def _readable(bibliotheek_id, user):
    if not permissions.can_read(bibliotheek_id, user):
        raise Http404


def thread_page(request, subject, bibliotheek_id, page, form=None, status=200):
    """The conversation on a page of its own: where a message with an error comes back to."""
    _readable(bibliotheek_id, request.user)
    context = {"subject": subject, "bibliotheek_id": bibliotheek_id, "page": page, "form": form}
    return render(request, "conversation/thread_page.html", context, status=status)


def post(request, subject, bibliotheek_id, page):
    """GET: the thread page; POST: a new message, then back to the subject's page."""
    _readable(bibliotheek_id, request.user)
    if request.method != "POST":
        return thread_page(request, subject, bibliotheek_id, page)
    require(permissions.can_post(bibliotheek_id, request.user))
    if not service.is_open(subject):
        require((False, _("The conversation starts once the library has submitted.")))
    allow_internal = bool(permissions.can_post_internal(bibliotheek_id, request.user))
    form = BerichtForm(request.POST, request.FILES, allow_internal=allow_internal)
    if not form.is_valid():
        return thread_page(request, subject, bibliotheek_id, page, form=form)
    intern = form.cleaned_data.get("intern", False)
    service.post(
        subject,
        bibliotheek_id,
        request.user,
        form.cleaned_data["tekst"],
        page,
        bijlage=form.cleaned_data.get("bijlage"),
        intern=intern,
    )
    messages.success(
        request, _("Your internal note was posted.") if intern else _("Your message was posted.")
    )
    return redirect(page + "#gesprek")


def _bericht(subject, bibliotheek_id, user, pk) -> Bericht:
    _readable(bibliotheek_id, user)
    berichten = permissions.visible(Bericht.objects.about(subject), bibliotheek_id, user)
    return get_object_or_404(berichten.select_related("auteur"), pk=pk)


@require_POST
def withdraw(request, subject, bibliotheek_id, page, pk):
    bericht = _bericht(subject, bibliotheek_id, request.user, pk)
    require(permissions.can_withdraw(bericht, request.user))
    service.withdraw(bericht, request.user)
    messages.success(request, _("Your message was withdrawn."))
    return redirect(page + "#gesprek")


def attachment(request, subject, bibliotheek_id, pk):
    bericht = _bericht(subject, bibliotheek_id, request.user, pk)
    # A withdrawn message has no attachment, even should its file have been left behind.
    if not bericht.bijlage or bericht.ingetrokken_op:
        raise Http404
    what = f"{subject}: {bericht.bijlage_naam}"
    accesslog.record(request, Kind.MESSAGE_ATTACHMENT, what, bibliotheek_id)
    return FileResponse(
        bericht.bijlage.open("rb"), as_attachment=True, filename=bericht.bijlage_naam
    )
