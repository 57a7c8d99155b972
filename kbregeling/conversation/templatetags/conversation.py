"""``{% thread object %}``: the conversation on a sign-up or year report, with the state
changes of its transition log, and the form to write in it for those who may.

Showing the thread marks it read for the person. The subject's app names the routes
``<app>:berichten``, ``<app>:bericht_intrekken`` and ``<app>:bericht_bijlage``."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .. import permissions, service
from ..forms import BerichtForm

register = template.Library()


@register.inclusion_tag("conversation/_thread.html", takes_context=True)
def thread(context, subject, bibliotheek_id=None, form=None):
    user = context["request"].user
    if bibliotheek_id is None:
        bibliotheek_id = subject.bibliotheek_id
    if not permissions.can_read(bibliotheek_id, user):
        return {"readable": False}
    # The page's own transition log ("timeline") when it has one: not read twice.
    items = service.open_thread(subject, bibliotheek_id, user, context.get("timeline"))
    app = subject._meta.app_label
    can_post = service.is_open(subject) and permissions.can_post(bibliotheek_id, user).allowed
    allow_internal = can_post and permissions.can_post_internal(bibliotheek_id, user).allowed
    if can_post and form is None:
        form = BerichtForm(allow_internal=allow_internal)
    return {
        "readable": True,
        "subject": subject,
        "items": items,
        "unread": sum(1 for kind, item in items if kind == "bericht" and item.nieuw),
        "form": form if can_post else None,
        "allow_internal": allow_internal,
        "is_open": service.is_open(subject),
        "post_url": reverse(f"{app}:berichten", args=[subject.pk]),
        "withdraw_name": f"{app}:bericht_intrekken",
        "attachment_name": f"{app}:bericht_bijlage",
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def unread_badge(n):
    """The "3 nieuw" badge beside a row with unread messages (nothing when there are none);
    a filter, not an include, as it sits in the rows of long lists."""
    if not n:
        return ""
    return format_html(
        ' <span class="badge text-bg-primary">{}<span class="visually-hidden"> {}</span></span>',
        _("%(n)s new") % {"n": n},
        _("unread messages"),
    )
