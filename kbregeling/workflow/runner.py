"""Running a transition the one way: permission, state, log, save — for every app.

Views never call transition methods directly; they call a service, which calls ``perform``.
The Django admin's transition buttons call it too (``kbregeling.workflow.admin``).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm


class WorkflowError(Exception):
    """The action is not possible now; ``str(error)`` is a message for the user."""


class StaleState(WorkflowError):
    """Someone else changed the object after this user loaded it."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "Someone else changed this in the meantime. Reload the page to see the "
                "current state; your input was not saved."
            )
        )


def perform(obj, name, by, remark="", *, system=False, **kwargs):
    """Run transition ``name`` on ``obj`` for user ``by`` and save; the caller holds a
    transaction. Refused with PermissionDenied (wrong role, organisation or state) or
    WorkflowError (a condition is not met). ``system=True`` (with ``by=None``) is a scheduled
    task acting by the calendar: it skips the role check, never the state and conditions."""
    method = getattr(obj, name)
    if system:
        if by is not None:
            raise ValueError("A system step is taken by nobody: pass by=None.")
    elif by is None or not has_transition_perm(method, by):
        raise PermissionDenied(_("You may not do this now."))
    if not can_proceed(method):
        raise WorkflowError(_("This step is not possible yet."))
    method(by=by, remark=remark, **kwargs)
    try:
        obj.save()
    except ConcurrentTransition as error:
        raise StaleState() from error
