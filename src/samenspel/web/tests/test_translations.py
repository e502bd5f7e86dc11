"""The English translation is complete: no message without a translation, none fuzzy.

`make messages` extracts new Dutch messages into the .po file; this test fails until
each of them has its English text.
"""

import ast
from pathlib import Path

import samenspel

PO = Path(samenspel.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries() -> list[dict[str, str]]:
    entries = []
    for block in PO.read_text().split("\n\n"):
        entry: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] = line
            elif line.startswith("msg"):
                key, _space, value = line.partition(" ")
                entry[key] = ast.literal_eval(value)
            elif line.startswith('"') and key:
                entry[key] += ast.literal_eval(line)
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def test_every_message_has_an_english_translation():
    entries = _entries()
    assert len(entries) > 1000
    untranslated = [
        # every form of a plural too (msgstr[0] and msgstr[1])
        e["msgid"]
        for e in entries
        if not all(e[k] for k in e if k.startswith("msgstr"))
    ]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e.get("flags", "")]
    assert untranslated == []
    assert fuzzy == []
