"""Snapshots of what the library submitted, one per round, and what changed between rounds.

The submitting transition (``assessment.submission``) calls ``take`` in the submission's
transaction: the snapshot holds the content as the model's ``snapshot_sections`` shows it
then, display-ready, and the library's answer to the question that sent it back. Plans and
reports submitted before snapshots existed have none for their early rounds; the pages say so.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.text import capfirst

from kbregeling.accounts.constants import Partij
from kbregeling.web.display import field_rows

from . import diff
from .models import Inzending


def take(obj, by, answer=""):
    """Keep what ``obj`` holds now as the snapshot of its (new) round ``obj.ronde``. A round
    only ever grows, but should one be submitted twice (data mended by hand), the last
    submission is what the round holds."""
    snapshot, _created = Inzending.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        ronde=obj.ronde,
        defaults={
            "ingediend_op": obj.ingediend_op,
            "ingediend_door": by,
            "inhoud": obj.snapshot_sections(),
            "antwoord": answer,
        },
    )
    return snapshot


def rows(obj, names, *, key="", group="") -> list[dict]:
    """The snapshot rows of fields ``names`` of ``obj``, shown as the detail page and the PDF
    show them (``field_rows``). ``key`` and ``group`` tell apart the rows of one of several
    objects in a section (a municipality of the plan's section 5)."""
    return [
        {
            "name": f"{key}{name}",
            "label": capfirst(str(label)),
            "value": str(value),
            "text": obj._meta.get_field(name).get_internal_type() == "TextField",
        }
        | ({"group": group} if group else {})
        for name, (label, value) in zip(names, field_rows(obj, names), strict=True)
    ]


def of(obj) -> dict[int, Inzending]:
    """Round → snapshot of ``obj``, in one query."""
    rows = Inzending.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("ingediend_door")
    return {row.ronde: row for row in rows}


def requested_round(request, obj, lowest=1) -> int | None:
    """The round named by ``?ronde=`` (None without it); 404 for a round ``obj`` never had."""
    value = request.GET.get("ronde")
    if value is None:
        return None
    # ASCII digits only: str.isdigit() also passes "²", which int() refuses (a 500).
    if not (value.isascii() and value.isdigit()) or not lowest <= int(value) <= obj.ronde:
        raise Http404("No such round.")
    return int(value)


def round_snapshot(request, obj) -> Inzending | None:
    """The snapshot of the round named by ``?ronde=`` (None without it: the current content);
    404 when that round has none."""
    ronde = requested_round(request, obj)
    if ronde is None:
        return None
    snapshot = of(obj).get(ronde)
    if snapshot is None:
        raise Http404("No snapshot of this round.")
    return snapshot


def question_of(obj, ronde):
    """The advice that ended round ``ronde`` (the newest of it: the request for more
    information that sent ``obj`` back). Reads ``obj.beoordelingen.all()``: prefetch it."""
    advices = [advice for advice in obj.beoordelingen.all() if advice.ronde == ronde]
    return max(advices, key=lambda advice: advice.tijdstip, default=None)


def changes(request, obj):
    """The context of the page "what changed since round N-1" of ``obj``, for round
    ``?ronde=`` (default: the current one, from 2 on). 404 before a second round."""
    if obj.ronde < 2:
        raise Http404("Only one round so far.")
    ronde = requested_round(request, obj, lowest=2) or obj.ronde
    snapshots = of(obj)
    earlier, current = snapshots.get(ronde - 1), snapshots.get(ronde)
    sections = (
        diff.compare(earlier.inhoud, current.inhoud) if earlier is not None and current else []
    )
    question = question_of(obj, ronde - 1)
    return {
        "ronde": ronde,
        "previous": ronde - 1,
        "earlier": earlier,
        "current": current,
        "sections": sections,
        "changed": [section for section in sections if section["changes"]],
        "unchanged": [section for section in sections if not section["changes"]],
        "question": question,
        "asked_by": Partij(question.partij).full_name if question else "",
        # Every round with its snapshot (None when none was kept), for its PDF.
        "kept": [(r, snapshots.get(r)) for r in range(1, obj.ronde + 1)],
        "comparable": range(2, obj.ronde + 1),
    }


def round_pdf(request, obj, snapshot, *, title, library, filename):
    """The PDF of what was submitted in one earlier round, from its snapshot. The caller
    checked permission and wrote the access log, as for the current PDF."""
    from kbregeling.documents.pdf import pdf_response

    context = {"subject": obj, "title": title, "library": library, "snapshot": snapshot}
    stem = filename.removesuffix(".pdf")
    return pdf_response(
        "workflow/pdf/snapshot.html", context, f"{stem}-ronde-{snapshot.ronde}.pdf", request
    )
