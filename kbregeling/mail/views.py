"""The e-mail the outbox gave up on ("niet verzonden"), with the reason, to send again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.template.backends.utils import csrf_input
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kbregeling.web.rows import DASH, Dates, join_rows, url_maker
from kbregeling.web.views import paginate, require

from . import outbox, permissions
from .models import OutgoingMail


@login_required
def failed(request):
    require(permissions.can_see_failed(request.user))
    mails = OutgoingMail.objects.failed().only(*SHOWN).order_by("-last_attempt_at", "-pk")
    context = paginate(request, mails)
    context["can_resend"] = permissions.can_resend(request.user).allowed
    context["rows"] = rows(context["page"].object_list, request, context["can_resend"])
    return render(request, "mail/failed.html", context)


SHOWN = ("subject", "to", "cc", "created", "attempts", "last_error")  # not the text nor files
ROW = (
    "\n  <tr>\n    <td>{}</td>\n    <td>{}</td>\n    <td>{}{}</td>\n    <td>{}</td>\n"
    "    <td>{}</td>\n    {}\n  </tr>"
)
RESEND = (
    '<td>\n      <form method="post" action="{}">{}\n'
    '        <button type="submit" class="btn btn-outline-primary btn-sm">{}'
    '<span class="visually-hidden">: {}</span></button>\n      </form>\n    </td>'
)


def rows(page, request, can_resend):
    """The rows of one page of mail, drawn here: the template's row loop, with its filters
    and a form per row, cost more than the rest of the page."""
    dates, send_again = Dates(), _("Send again")
    csrf = csrf_input(request) if can_resend else ""
    resend = url_maker("mail:resend")
    return join_rows(
        ROW,
        (
            (
                dates.short_and_time(mail.created),
                mail.subject,
                linebreaksbr(mail.to, autoescape=True),
                format_html(
                    '<br><span class="text-body-secondary">cc: {}</span>',
                    linebreaksbr(mail.cc, autoescape=True),
                )
                if mail.cc
                else "",
                mail.attempts,
                mail.last_error or DASH,
                format_html(
                    RESEND,
                    resend(mail.pk),
                    csrf,
                    send_again,
                    mail.subject,
                )
                if can_resend
                else "",
            )
            for mail in page
        ),
    )


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
