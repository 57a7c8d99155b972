"""The report as submitted, for the snapshot of each round (``kbregeling.workflow.snapshots``):
the sections of the detail page and the PDF."""

from kbregeling.workflow.snapshots import rows

from .forms import SECTIONS


def snapshot_sections(report) -> list[dict]:
    return [
        {"id": sid, "title": str(title), "rows": rows(report, names)}
        for sid, title, names in SECTIONS
    ]
