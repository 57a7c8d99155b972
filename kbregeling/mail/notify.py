"""``notify``: the one way to tell people of an event. Each app's ``receivers.py`` calls it
with its own table of messages; no view sends mail by itself."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from kbregeling.accounts.constants import Rol

from . import outbox

#: The audience of a message: the staff and contact address of the library concerned. Any
#: other audience is a role (``Rol``): every active user who has it.
LIBRARY = "library"


def library_addresses(bibliotheek) -> list[str]:
    staff = bibliotheek.medewerkers.filter(
        is_active=True, groups__name=Rol.BIBLIOTHEEKMEDEWERKER
    ).exclude(email="")
    return sorted({bibliotheek.contact_email, *staff.values_list("email", flat=True)} - {""})


def role_addresses(rol) -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=rol).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def notify(messages, context, bibliotheek=None, attachments=()):
    """Record one mail per ``(audience, template)`` of ``messages``, rendered with
    ``context``, for the library ``bibliotheek`` or the users of a role; sent after commit.
    The library's mails carry ``attachments`` (``outbox.record``)."""
    for audience, template in messages:
        if audience == LIBRARY:
            recipients = library_addresses(bibliotheek)
        else:
            recipients = role_addresses(audience)
        subject, body = outbox.render(template, context)
        files = attachments if audience == LIBRARY else ()
        outbox.record(subject, body, recipients, attachments=files)


def transition_notifier(messages, name, url_name, library_of, extra=None):
    """A ``post_transition`` receiver that tells the people of each target state in
    ``messages`` (state → ``[(audience, template)]``). Templates get the object as ``name``,
    the remark of the step, the ``url`` of the object's page and, when a reviewer took the
    step, the ``party`` they spoke for ("Stichting Digisterker"). ``extra(instance, target)``,
    if given, returns ``(context, attachments)`` to add: the decision letter of an outcome."""

    def on_transition(sender, instance, target, **kwargs):
        if not messages.get(target):
            return
        method_kwargs = kwargs.get("method_kwargs") or {}
        partij = getattr(method_kwargs.get("by"), "partij", None)
        context = {
            name: instance,
            "remark": method_kwargs.get("remark", ""),
            "party": partij.full_name if partij else "",
            "url": settings.SITE_URL + reverse(url_name, args=[instance.pk]),
        }
        more, attachments = extra(instance, target) if extra else ({}, ())
        notify(messages.get(target, []), context | more, library_of(instance), attachments)

    return on_transition
