"""The Django admin of the workflow: transition buttons that go through the one runner, and
the transition log, read-only."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _
from django_fsm.admin import FSMAdminMixin

from .models import TransitionLog
from .runner import WorkflowError, perform


class TransitionButtonsAdmin(FSMAdminMixin):
    """django-fsm-2's transition buttons, run by ``perform`` like every page's action."""

    fsm_fields = ["status"]

    def _apply_fsm_transition(self, *, obj, transition_name, request, kwargs=None):
        # django-fsm-2 runs any transition whose name is posted; take only those a button is
        # shown for (state, conditions and permission hold, and the admin may take it), so a
        # hand-made POST cannot, say, record an advice without its assessment.
        if transition_name not in self._visible_transitions(obj, request.user):
            self.message_user(request, _("This step is not possible now."), messages.ERROR)
            return False
        try:
            with transaction.atomic():
                locked = type(obj).objects.select_for_update().get(pk=obj.pk)
                perform(locked, transition_name, request.user, _("via the admin"), **(kwargs or {}))
        except (PermissionDenied, WorkflowError) as error:
            self.message_user(request, str(error), messages.ERROR)
            return False
        self.message_user(request, _("The step was taken."), messages.SUCCESS)
        return True

    def response_change(self, request, obj):
        # django-fsm-2 looks a posted name up as a method before anything else, so a name
        # that is no transition of the model would be a server error: refuse it here.
        name = request.POST.get(self.fsm_post_param)
        if name and name not in self._visible_transitions(obj, request.user):
            self.message_user(request, _("This step is not possible now."), messages.ERROR)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def fsm_transition_view(self, request, object_id, transition_name, **kwargs):
        # The page of a transition with a form. An unknown name, a step without a button and
        # one without a form (every step here: they are buttons) have no page: 404.
        obj = self.get_object(request, object_id)
        if obj is not None:
            if transition_name not in self._visible_transitions(obj, request.user):
                raise Http404(_("This step does not exist or is not possible now."))
            transition = self._get_fsm_transition_by_name(obj=obj, transition_name=transition_name)
            if not self.get_fsm_transition_form(transition):
                raise Http404(_("This step has no page of its own: use its button."))
        return super().fsm_transition_view(request, object_id, transition_name, **kwargs)

    def _visible_transitions(self, obj, user) -> set[str]:
        return {
            transition.name
            for field in self.fsm_fields
            for transition in getattr(obj, f"get_available_user_{field}_transitions")(user=user)
            if self.is_fsm_transition_visible(transition)
        }


@admin.register(TransitionLog)
class TransitionLogAdmin(admin.ModelAdmin):
    list_display = ["at", "content_type", "object_id", "source", "target", "by"]
    list_filter = ["content_type", "target"]
    list_select_related = ["content_type", "by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the audit trail is append-only
