"""Loading the municipalities: a year's CBS list and, optionally, the municipal changes.

The list (``data/gemeenten.csv``, the 342 municipalities of 2025, by default) creates or
updates every municipality by its CBS code. A file of changes (format in ``data/SOURCES.md``)
says which municipality ceased on which day and who took it over: the ceased one keeps its
row (past licence years and figures refer to it) with its last day and its successors, a
municipality that arose from the change starts on that day, and every library whose
werkgebied held the ceased one gets a change to confirm (``models.WerkgebiedWijziging``).
Everything is checked before anything is written, in one transaction; loading the same list
and changes again changes nothing.
"""

import csv
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction

from .models import Gemeente
from .succession import record_werkgebied_changes, refresh_proposals

DATA = Path(__file__).parent / "data"
GEMEENTEN_CSV = DATA / "gemeenten.csv"
LIST_COLUMNS = ["cbs_code", "naam", "provincie", "inwoners"]
CHANGE_COLUMNS = ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"]
CBS_CODE = re.compile(r"GM\d{4}")
YES, NO = {"ja", "yes", "j", "1"}, {"", "nee", "no", "n", "0"}


class ReferenceDataError(ValueError):
    """The list or the changes cannot be loaded; ``errors`` says why, one line each, with the
    file and line. Nothing was written."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class Loaded:
    """What a load changed; all zero when it ran before with the same files."""

    created: int = 0
    updated: int = 0
    ceased: int = 0  # municipalities that got their last day
    arisen: int = 0  # municipalities that got their first day
    successor_links: int = 0
    werkgebied_changes: int = 0  # changes recorded for libraries to confirm
    not_in_list: list = field(default_factory=list)  # existing, not ceased, not in the list


@dataclass
class Change:
    """One row of the changes file: ``cbs_code`` ceased the day before ``datum``."""

    line: int
    datum: date
    cbs_code: str
    naam: str
    provincie: str
    opvolger: str
    nieuw: bool


def _rows(path, columns, errors):
    """The rows of a CSV with their line numbers; a missing column is an error."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            errors.append(f"{path}: missing column(s) {', '.join(missing)}")
            return []
        return [
            (line, {k: (row.get(k) or "").strip() for k in columns})
            for line, row in enumerate(reader, start=2)
        ]


def read_list(path, errors, lines=None) -> dict[str, dict]:
    """CBS code → the values of the list's row (and its line number into ``lines``)."""
    values = {}
    lines = {} if lines is None else lines
    for line, row in _rows(path, LIST_COLUMNS, errors):
        where = f"{path}, line {line}"
        code = row["cbs_code"]
        lines.setdefault(code, line)
        if not CBS_CODE.fullmatch(code):
            errors.append(f"{where}: {code!r} is not a CBS code (GM and four digits)")
            continue
        if code in values:
            errors.append(f"{where}: {code} is in the list twice")
        if not row["naam"] or not row["provincie"]:
            errors.append(f"{where}: {code} needs a name and a province")
        try:
            inwoners = int(row["inwoners"])
        except ValueError:
            errors.append(f"{where}: inhabitants {row['inwoners']!r} is not a whole number")
            continue
        values[code] = {"naam": row["naam"], "provincie": row["provincie"], "inwoners": inwoners}
    return values


def read_changes(path, errors) -> list[Change]:
    changes = []
    for line, row in _rows(path, CHANGE_COLUMNS, errors):
        where = f"{path}, line {line}"
        for column in ("cbs_code", "opvolger"):
            if not CBS_CODE.fullmatch(row[column]):
                errors.append(f"{where}: {column} {row[column]!r} is not a CBS code")
        try:
            datum = date.fromisoformat(row["datum"])
        except ValueError:
            errors.append(f"{where}: datum {row['datum']!r} is not a date (YYYY-MM-DD)")
            continue
        if row["nieuw"].lower() not in YES | NO:
            errors.append(f"{where}: nieuw {row['nieuw']!r} is neither 'ja' nor empty")
        if row["cbs_code"] == row["opvolger"]:
            errors.append(f"{where}: {row['cbs_code']} cannot succeed itself")
        changes.append(
            Change(
                line=line,
                datum=datum,
                cbs_code=row["cbs_code"],
                naam=row["naam"],
                provincie=row["provincie"],
                opvolger=row["opvolger"],
                nieuw=row["nieuw"].lower() in YES,
            )
        )
    return changes


def check_changes(path, changes, listed, existing, errors):
    """The changes against themselves, the list and what the database holds already."""
    ends, starts = {}, {}
    in_changes = {change.cbs_code for change in changes}
    for change in changes:
        where = f"{path}, line {change.line}"
        code, opvolger = change.cbs_code, change.opvolger
        last_day = change.datum - timedelta(days=1)
        if ends.setdefault(code, last_day) != last_day:
            errors.append(f"{where}: {code} ceases on two different dates")
        if change.nieuw and starts.setdefault(opvolger, change.datum) != change.datum:
            errors.append(f"{where}: {opvolger} arises on two different dates")
        gemeente = existing.get(code)
        if gemeente is None and code not in listed and not (change.naam and change.provincie):
            errors.append(
                f"{where}: {code} is neither in the list nor known yet: give its naam and provincie"
            )
        if gemeente and gemeente.geldig_tot and gemeente.geldig_tot != last_day:
            errors.append(f"{where}: {code} already ceased after {gemeente.geldig_tot}")
        successor = existing.get(opvolger)
        if change.nieuw and successor and successor.geldig_van not in (None, change.datum):
            errors.append(f"{where}: {opvolger} already arose on {successor.geldig_van}")
        if opvolger not in listed and opvolger not in existing and opvolger not in in_changes:
            errors.append(
                f"{where}: successor {opvolger} is unknown: it is not in the list, not in the "
                "database and not ceased in the changes"
            )
    for change in changes:  # a successor exists on the day it takes over, and the ceased
        where = f"{path}, line {change.line}"  # one before its last day
        successor = existing.get(change.opvolger)
        successor_end = ends.get(change.opvolger) or (successor and successor.geldig_tot)
        if successor_end and successor_end < change.datum:
            errors.append(f"{where}: successor {change.opvolger} ceased before {change.datum}")
        gemeente = existing.get(change.cbs_code)
        start = starts.get(change.cbs_code) or (gemeente and gemeente.geldig_van)
        if start and start >= change.datum:
            errors.append(f"{where}: {change.cbs_code} would cease before it began")


def check_list(path, listed, lines, changes, existing, errors):
    """On a database that holds municipalities already, the list may differ from it only as
    the changes say: a new code is a municipality that a change makes (or ends), and one
    that the list leaves out is one that a change ends or that ceased before. Otherwise a
    new list would give a new code no first day (existing always, past years included) or
    leave one that is gone valid."""
    if not existing:
        return  # the first load: the list is what there is
    in_changes = {c.cbs_code for c in changes} | {c.opvolger for c in changes}
    for code in listed.keys() - existing.keys() - in_changes:
        errors.append(
            f"{path}, line {lines[code]}: {code} is new, but no change in the changes file "
            "makes it: give the change it arose from (--wijzigingen)"
        )
    ended = {c.cbs_code for c in changes}
    for code in sorted(existing.keys() - listed.keys() - ended):
        if not existing[code].geldig_tot:
            errors.append(
                f"{path}: {code} ({existing[code].naam}) is not in the list and no change in "
                "the changes file ends it: give the change (--wijzigingen)"
            )


def load_gemeenten(path=GEMEENTEN_CSV, wijzigingen=None) -> Loaded:
    """Load the list at ``path`` and the changes at ``wijzigingen`` (optional); see the
    module's docstring. Raises ``ReferenceDataError`` (and writes nothing) when either does
    not add up."""
    errors, lines = [], {}
    listed = read_list(path, errors, lines)
    changes = read_changes(wijzigingen, errors) if wijzigingen else []
    existing = {g.cbs_code: g for g in Gemeente.objects.all()}
    check_changes(wijzigingen, changes, listed, existing, errors)
    check_list(path, listed, lines, changes, existing, errors)
    if errors:
        raise ReferenceDataError(errors)
    with transaction.atomic():
        return _apply(listed, changes, existing)


def _apply(listed, changes, existing) -> Loaded:
    loaded = Loaded()
    new, changed = [], []
    for code, values in listed.items():
        gemeente = existing.get(code)
        if gemeente is None:
            new.append(Gemeente(cbs_code=code, **values))
        elif any(getattr(gemeente, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(gemeente, key, value)
            changed.append(gemeente)
    unlisted = {}  # ceased municipalities the list no longer has, made from the changes
    for change in changes:
        if change.cbs_code not in existing and change.cbs_code not in listed:
            unlisted.setdefault(
                change.cbs_code,
                Gemeente(cbs_code=change.cbs_code, naam=change.naam, provincie=change.provincie),
            )
    new.extend(unlisted.values())
    Gemeente.objects.bulk_create(new)
    Gemeente.objects.bulk_update(changed, ["naam", "provincie", "inwoners"])
    loaded.created, loaded.updated = len(new), len(changed)
    if not changes:
        loaded.not_in_list = sorted(
            c for c, g in existing.items() if c not in listed and not g.geldig_tot
        )
        return loaded

    by_code = {g.cbs_code: g for g in Gemeente.objects.all()}
    ends, starts = {}, {}
    for change in changes:
        ends[change.cbs_code] = change.datum - timedelta(days=1)
        if change.nieuw:
            starts[change.opvolger] = change.datum
    dated = []
    for code, last_day in ends.items():
        if by_code[code].geldig_tot != last_day:
            by_code[code].geldig_tot = last_day
            loaded.ceased += 1
            dated.append(by_code[code])
    for code, first_day in starts.items():
        if by_code[code].geldig_van != first_day:
            by_code[code].geldig_van = first_day
            loaded.arisen += 1
            if by_code[code] not in dated:
                dated.append(by_code[code])
    Gemeente.objects.bulk_update(dated, ["geldig_van", "geldig_tot"])

    links = Gemeente.opvolgers.through
    known = set(links.objects.values_list("from_gemeente_id", "to_gemeente_id"))
    wanted = {(by_code[c.cbs_code].pk, by_code[c.opvolger].pk) for c in changes}
    missing = wanted - known
    links.objects.bulk_create(
        [links(from_gemeente_id=a, to_gemeente_id=b) for a, b in sorted(missing)]
    )
    loaded.successor_links = len(missing)
    loaded.werkgebied_changes = record_werkgebied_changes([by_code[code] for code in ends])
    refresh_proposals([by_code[code].pk for code in ends])
    loaded.not_in_list = sorted(
        code
        for code, gemeente in by_code.items()
        if code not in listed and not gemeente.geldig_tot and code not in ends
    )
    return loaded
