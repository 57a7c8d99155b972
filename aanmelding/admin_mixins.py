from django.utils.translation import gettext_lazy as _
from django_fsm import TransitionNotAllowed
from django_fsm.admin import FSMAdminMixin


class TransitionButtonsAdmin(FSMAdminMixin):
    """django-fsm-2's transition buttons, passing the admin user to the audit trail."""

    fsm_fields = ["status"]

    def _execute_fsm_transition(self, *, transition_func, request, kwargs=None):
        # django-fsm-2 runs any transition whose name is posted; take only those a button is
        # shown for (state, conditions and permission hold, and the admin may take it), so a
        # hand-made POST cannot, say, record an advice without its assessment.
        obj, name = transition_func.__self__, transition_func.__name__
        if name not in self._visible_transitions(obj, request.user):
            raise TransitionNotAllowed(name, object=obj, method=transition_func)
        transition_func(by=request.user, remark=_("via the admin"), **(kwargs or {}))

    def _visible_transitions(self, obj, user) -> set[str]:
        return {
            transition.name
            for field in self.fsm_fields
            for transition in getattr(obj, f"get_available_user_{field}_transitions")(user=user)
            if self.is_fsm_transition_visible(transition)
        }
