"""The e-mail the outbox gave up on ("niet verzonden"), with the reason, to send again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kbregeling.web.views import paginate, require

from . import outbox, permissions
from .models import OutgoingMail


@login_required
def failed(request):
    require(permissions.can_see_failed(request.user))
    context = paginate(request, OutgoingMail.objects.failed().order_by("-last_attempt_at", "-pk"))
    context["can_resend"] = permissions.can_resend(request.user).allowed
    return render(request, "mail/failed.html", context)


@login_required
@require_POST
def resend(request, pk):
    require(permissions.can_resend(request.user))
    mail = get_object_or_404(OutgoingMail.objects.failed(), pk=pk)
    outbox.resend(mail)
    messages.success(
        request, _("The e-mail “%(subject)s” is being sent again.") % {"subject": mail.subject}
    )
    return redirect("mail:failed")
