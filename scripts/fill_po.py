"""Fill empty msgstr entries of a .po file from a JSON dict {msgid: msgstr}.

Usage: python scripts/fill_po.py stimulans/locale/en/LC_MESSAGES/django.po translations.json
Only single-line msgids without plural forms are handled; others are left for a human.
"""

import json
import re
import sys


def escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main(po_path, json_path):
    translations = json.load(open(json_path, encoding="utf-8"))
    text = open(po_path, encoding="utf-8").read()
    blocks = text.split("\n\n")
    out, filled = [], 0
    for block in blocks:
        m = re.search(r'^msgid "(.*)"\nmsgstr ""$', block, re.M)
        if m and m.group(1):
            msgid = m.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            if msgid in translations:
                block = block.replace(
                    f'msgid "{m.group(1)}"\nmsgstr ""',
                    f'msgid "{m.group(1)}"\nmsgstr "{escape(translations[msgid])}"',
                )
                block = block.replace("#, fuzzy\n", "")
                filled += 1
        out.append(block)
    open(po_path, "w", encoding="utf-8").write("\n\n".join(out))
    print(f"filled {filled} of {len(translations)}")


if __name__ == "__main__":
    main(*sys.argv[1:])
