"""Who holds a ceased municipality's area, and the changes that wait for a library.

A ceased municipality keeps its row with its ``opvolgers``; the walk over them
(``successor_walk``) is the one way to find the municipalities that hold its area on a day:
for the pickers, the coverage and its map, a renewal, and the changes proposed to a library
whose werkgebied holds it (``record_werkgebied_changes``, ``refresh_proposals``).
"""

from django.db.models import Q
from django.utils import timezone

from .models import Bibliotheek, Gemeente, WerkgebiedWijziging
from .models.reference import valid_on_q


def reach_within(links, start, wanted) -> set:
    """The municipalities in ``wanted`` that hold the area of ``start`` later, walking
    ``links`` (a municipality → its successors): its successors, or theirs where one is not
    in ``wanted``; a successor without successors of its own ends the walk. The one walk over
    the successors, with links read by ``successor_walk`` or by a caller that has them."""
    found, todo, seen = set(), list(links.get(start, ())), {start}
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if current in wanted or current not in links:
            found.add(current)
        else:
            todo.extend(links[current])
    return found


def successor_walk(key="pk"):
    """One query: a function ``reach(start, wanted)`` (``reach_within`` over every link).
    ``key`` is what names a municipality: ``"pk"`` or ``"cbs_code"``."""
    links = {}
    for a, b in Gemeente.opvolgers.through.objects.values_list(
        f"from_gemeente__{key}" if key != "pk" else "from_gemeente_id",
        f"to_gemeente__{key}" if key != "pk" else "to_gemeente_id",
    ):
        links.setdefault(a, set()).add(b)
    return lambda start, wanted: reach_within(links, start, wanted)


def current_successors(gemeente_ids, day=None) -> dict[int, set[int]]:
    """For each ceased municipality, the municipalities that hold its area on ``day`` (today):
    its successors, or theirs where a successor ceased in turn. Two queries."""
    reach = successor_walk()
    day = day or timezone.localdate()
    valid = set(Gemeente.objects.valid_on(day).values_list("pk", flat=True))
    return {start: reach(start, valid) for start in gemeente_ids}


def record_werkgebied_changes(ceased) -> int:
    """A change to confirm for every library whose werkgebied holds a ceased municipality,
    once; a pending one gains a successor added since. Returns how many were recorded."""
    ceased_ids = [g.pk for g in ceased]
    served = list(
        Bibliotheek.werkgebied.through.objects.filter(gemeente_id__in=ceased_ids).values_list(
            "bibliotheek_id", "gemeente_id"
        )
    )
    if not served:
        return 0
    successors = current_successors(ceased_ids)
    recorded = {
        (w.bibliotheek_id, w.gemeente_id): w
        for w in WerkgebiedWijziging.objects.filter(gemeente_id__in=ceased_ids)
    }
    new = [
        WerkgebiedWijziging(bibliotheek_id=b, gemeente_id=g)
        for b, g in served
        if (b, g) not in recorded
    ]
    WerkgebiedWijziging.objects.bulk_create(new)
    pending = WerkgebiedWijziging.objects.pending().filter(gemeente_id__in=ceased_ids)
    proposals = WerkgebiedWijziging.voorgestelde_opvolgers.through
    proposals.objects.bulk_create(
        [
            proposals(werkgebiedwijziging_id=w.pk, gemeente_id=pk)
            for w in pending.only("pk", "gemeente_id")
            for pk in sorted(successors[w.gemeente_id])
        ],
        ignore_conflicts=True,
    )
    return len(new)


def refresh_proposals(ceased_ids) -> int:
    """A pending change that proposes a municipality of ``ceased_ids`` that has ceased by
    today (A → B, loaded before B → C) proposes the municipalities that hold its area today
    instead. One that ceases only later stays: it holds the area until then, and confirming
    it records the next change (``werkgebied_changes.confirm``). Returns how many proposals
    were replaced; none the second time."""
    proposals = WerkgebiedWijziging.voorgestelde_opvolgers.through
    stale = list(
        proposals.objects.filter(
            gemeente_id__in=ceased_ids,
            gemeente__geldig_tot__lt=timezone.localdate(),
            werkgebiedwijziging__bevestigd_op__isnull=True,
        ).values_list("pk", "werkgebiedwijziging_id", "gemeente_id")
    )
    if not stale:
        return 0
    successors = current_successors({gemeente_id for _pk, _w, gemeente_id in stale})
    stale = [row for row in stale if successors[row[2]]]  # one without successors stays
    proposals.objects.filter(pk__in=[pk for pk, _w, _g in stale]).delete()
    proposals.objects.bulk_create(
        [
            proposals(werkgebiedwijziging_id=wijziging_id, gemeente_id=pk)
            for _pk, wijziging_id, gemeente_id in stale
            for pk in sorted(successors[gemeente_id])
        ],
        ignore_conflicts=True,
    )
    return len(stale)


def as_on_each(gemeente_ids, day, within=()) -> dict[int, set[int]]:
    """For each of ``gemeente_ids``, what it is on ``day``: itself when it exists then, else
    the municipalities that hold its area then; of a split, only those in ``within`` when any
    are (a werkgebied that took part of it). Two queries, always (the coverage of a year and
    the national figures count on a fixed number)."""
    ids, within = set(gemeente_ids), set(within)
    reach = successor_walk()
    valid, ceased = set(), set()
    for pk, last_day in Gemeente.objects.filter(
        Q(pk__in=ids, geldig_tot__lt=day) | valid_on_q(day)
    ).values_list("pk", "geldig_tot"):
        (ceased if last_day and last_day < day else valid).add(pk)
    result = {}
    for pk in ids:
        if pk not in ceased:
            result[pk] = {pk}
            continue
        successors = reach(pk, valid)
        result[pk] = (successors & within) or successors
    return result


def as_on(gemeente_ids, day, within=()) -> set[int]:
    """The municipalities that ``gemeente_ids`` are on ``day`` together (``as_on_each``)."""
    return set().union(*as_on_each(gemeente_ids, day, within).values())
