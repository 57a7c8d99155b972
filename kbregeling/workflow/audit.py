"""The one audit trail: a ``post_transition`` receiver logs every state change of any model.

Transitions take ``by`` (the user) and an optional ``remark`` as keyword arguments; the row is
written in the caller's transaction, so a change that fails to save leaves no trace.
"""

from django.contrib.contenttypes.models import ContentType
from django_fsm.signals import post_transition

from .models import TransitionLog


def log_transition(sender, instance, name, source, target, **kwargs):
    method_kwargs = kwargs.get("method_kwargs") or {}
    TransitionLog.objects.create(
        content_type=ContentType.objects.get_for_model(sender),
        object_id=instance.pk,
        transition=name,
        source=source,
        target=target,
        by=method_kwargs.get("by"),
        remark=method_kwargs.get("remark", ""),
    )


def history(obj, labels=None):
    """The transition log of one object, oldest first, with the users in the same query and
    each state's label (from the object's status choices unless ``labels`` is given)."""
    labels = labels or dict(obj._meta.get_field("status").choices)
    entries = list(
        TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).select_related("by")
    )
    for entry in entries:
        entry.source_label = labels.get(entry.source, entry.source)
        entry.target_label = labels.get(entry.target, entry.target)
    return entries


def connect():
    post_transition.connect(log_transition, dispatch_uid="audit.log_transition")


def bulk_history(model, steps):
    """Write many transition-log rows at once, each at its own time in the past: for demo data
    made in bulk, whose history must read as if each step had been taken then. ``steps`` are
    ``(object_id, transition, source, target, by, at, remark)``."""
    steps = list(steps)
    content_type = ContentType.objects.get_for_model(model)
    rows = TransitionLog.objects.bulk_create(
        TransitionLog(
            content_type=content_type,
            object_id=object_id,
            transition=name,
            source=source,
            target=target,
            by=by,
            remark=remark,
        )
        for object_id, name, source, target, by, _at, remark in steps
    )
    # ``at`` is set on creation; bulk_update writes the real moments without touching it.
    for row, step in zip(rows, steps, strict=True):
        row.at = step[5]
    TransitionLog.objects.bulk_update(rows, ["at"], batch_size=500)
    return rows
