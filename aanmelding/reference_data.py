"""Loading the 342 municipalities of 2025 from the CSV shipped with the app."""

import csv
from pathlib import Path

from .models import Gemeente

GEMEENTEN_CSV = Path(__file__).parent / "data" / "gemeenten.csv"


def load_gemeenten(path=GEMEENTEN_CSV) -> tuple[int, int]:
    """Create or update every municipality by CBS code; running it twice changes nothing.
    Returns (created, updated)."""
    existing = {g.cbs_code: g for g in Gemeente.objects.all()}
    new, changed = [], []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            values = {
                "naam": row["naam"].strip(),
                "provincie": row["provincie"].strip(),
                "inwoners": int(row["inwoners"]),
            }
            gemeente = existing.get(row["cbs_code"])
            if gemeente is None:
                new.append(Gemeente(cbs_code=row["cbs_code"], **values))
            elif any(getattr(gemeente, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(gemeente, key, value)
                changed.append(gemeente)
    Gemeente.objects.bulk_create(new)
    Gemeente.objects.bulk_update(changed, ["naam", "provincie", "inwoners"])
    return len(new), len(changed)
