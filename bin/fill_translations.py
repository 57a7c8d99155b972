"""Fill given Dutch translations into locale/nl (used by developers after makemessages).

Usage: python bin/fill_translations.py FILE.json  — a JSON object of msgid → msgstr.
Clears the fuzzy flag of the entries it fills and prints what is still untranslated.
"""

import json
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"

po = polib.pofile(str(PO))
translations = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
for entry in po:
    if entry.msgid in translations:
        entry.msgstr = translations[entry.msgid]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
po.save()
for entry in po.untranslated_entries() + po.fuzzy_entries():
    print("still to translate:", repr(entry.msgid))
