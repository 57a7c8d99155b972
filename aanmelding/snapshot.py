"""The plan as submitted, for the snapshot of each round (``kbregeling.workflow.snapshots``):
the sections of the detail page and the PDF, section 5 with each municipality's rows."""

from kbregeling.workflow.snapshots import rows

from .forms import SECTIONS

COOPERATION_FIELDS = ["inhoud", "werving", "financiering_status", "financiering_bedrag"]


def snapshot_sections(aanmelding) -> list[dict]:
    sections = []
    for sid, title, names in SECTIONS:
        if sid == "samenwerking":
            section_rows = [
                row
                for samenwerking in aanmelding.samenwerkingen.select_related("gemeente")
                for row in rows(
                    samenwerking,
                    COOPERATION_FIELDS,
                    key=f"gemeente-{samenwerking.gemeente_id}-",
                    group=str(samenwerking.gemeente),
                )
            ]
        else:
            section_rows = rows(aanmelding, names)
        sections.append({"id": sid, "title": str(title), "rows": section_rows})
    return sections
