"""Fill msgstr entries of a gettext .po file from a JSON dict, or list what is left.

Usage:
    python scripts/fill_po.py fill django.po translations.json [--overwrite]
    python scripts/fill_po.py merge django.po other.po [--overwrite]
    python scripts/fill_po.py todo django.po [out.json]

translations.json maps msgid -> msgstr. For entries with a msgctxt the key is
"context\\x04msgid" (as in a compiled catalogue); for plural entries the value is a
list [singular, plural] (msgstr[0], msgstr[1]) and the key is the singular msgid.
"merge" takes the translations (non-fuzzy, non-empty) of another .po file.
"todo" writes the untranslated and fuzzy entries as such a dict with empty values.

Multi-line msgids, plural forms and contexts are handled. A filled entry loses its
"#, fuzzy" flag and its "#| previous msgid" comments. Existing translations are kept
unless --overwrite is given. Placeholders (%(name)s, %d, {name}) of the translation
must match those of the msgid, otherwise the entry is skipped with a warning.
"""

import json
import re
import sys

PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]"
)


def unquote(s):
    """The value of a C string literal body as written in a .po file."""
    out, i = [], 0
    escapes = {
        "n": "\n",
        "t": "\t",
        '"': '"',
        "\\": "\\",
        "r": "\r",
        "a": "\a",
        "b": "\b",
        "f": "\f",
        "v": "\v",
    }
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(escapes.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def quote_lines(keyword, value, width=79):
    """keyword "value" wrapped like gettext: multi-line values start with an empty string."""
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    )
    if len(keyword) + len(escaped) + 3 <= width and "\\n" not in escaped[:-2]:
        return [f'{keyword} "{escaped}"']
    lines = [f'{keyword} ""']
    # one line per \n, then wrap long lines at spaces
    pieces = re.split(r"(?<=\\n)", escaped)
    for piece in pieces:
        if not piece:
            continue
        while len(piece) + 2 > width:
            cut = piece.rfind(" ", 0, width - 2)
            if cut <= 0:
                break
            lines.append(f'"{piece[: cut + 1]}"')
            piece = piece[cut + 1 :]
        if piece:
            lines.append(f'"{piece}"')
    return lines


class Entry:
    def __init__(self):
        self.comments = []  # lines starting with '#'
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = None  # str, or dict {index: str} for plurals
        self.obsolete = False

    @property
    def key(self):
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid

    @property
    def fuzzy(self):
        return any(c.startswith("#,") and "fuzzy" in c for c in self.comments)

    @property
    def translated(self):
        if self.msgid_plural is not None:
            return all(self.msgstr.values()) and bool(self.msgstr)
        return bool(self.msgstr)

    def set(self, value):
        if self.msgid_plural is not None:
            if isinstance(value, str):
                raise ValueError(f"plural entry {self.msgid!r} needs a list")
            self.msgstr = {i: v for i, v in enumerate(value)}
        else:
            if not isinstance(value, str):
                raise ValueError(f"singular entry {self.msgid!r} needs a string")
            self.msgstr = value
        self.unfuzzy()

    def unfuzzy(self):
        comments = []
        for c in self.comments:
            if c.startswith("#|"):
                continue
            if c.startswith("#,"):
                flags = [f.strip() for f in c[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
                if not flags:
                    continue
                c = "#, " + ", ".join(flags)
            comments.append(c)
        self.comments = comments

    def render(self):
        lines = list(self.comments)
        if self.msgctxt is not None:
            lines += quote_lines("msgctxt", self.msgctxt)
        lines += quote_lines("msgid", self.msgid)
        if self.msgid_plural is not None:
            lines += quote_lines("msgid_plural", self.msgid_plural)
            for i in sorted(self.msgstr):
                lines += quote_lines(f"msgstr[{i}]", self.msgstr[i])
        else:
            lines += quote_lines("msgstr", self.msgstr or "")
        if self.obsolete:
            lines = [line if line.startswith("#") else "#~ " + line for line in lines]
        return "\n".join(lines)


def parse(text):
    entries, entry, current = [], Entry(), None

    def finish():
        nonlocal entry
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            finish()
            current = None
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            line = line[2:].strip()
            if not line or line.startswith("#"):
                continue
        elif line.startswith("#"):
            if entry.msgid is not None and current is not None:
                finish()
            entry.comments.append(raw)
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
        if m:
            keyword, index, value = m.group(1), m.group(2), unquote(m.group(3))
            if keyword == "msgctxt":
                if entry.msgid is not None:
                    finish()
                entry.msgctxt, current = value, ("msgctxt", None)
            elif keyword == "msgid":
                if entry.msgid is not None:
                    finish()
                entry.msgid, current = value, ("msgid", None)
            elif keyword == "msgid_plural":
                entry.msgid_plural, current = value, ("msgid_plural", None)
                entry.msgstr = {}
            elif index is not None:
                if not isinstance(entry.msgstr, dict):
                    entry.msgstr = {}
                entry.msgstr[int(index)] = value
                current = ("msgstr", int(index))
            else:
                entry.msgstr, current = value, ("msgstr", None)
            continue
        m = re.match(r'^"(.*)"$', line)
        if m and current:
            value = unquote(m.group(1))
            field, index = current
            if field == "msgstr" and index is not None:
                entry.msgstr[index] += value
            else:
                setattr(entry, field, getattr(entry, field) + value)
            continue
        raise ValueError(f"cannot parse line: {raw!r}")
    finish()
    return entries


def render(entries):
    return "\n\n".join(e.render() for e in entries) + "\n"


def placeholders(s):
    return sorted(PLACEHOLDER.findall(s.replace("%%", "")))


def check(entry, value):
    """Placeholders of the translation(s) must be those of the msgid."""
    if entry.msgid_plural is not None:
        # the singular form may drop the count (e.g. "one item")
        want = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
        return all(set(placeholders(v)) <= want for v in value) and set(
            placeholders(value[-1])
        ) == set(placeholders(entry.msgid_plural))
    return placeholders(value) == placeholders(entry.msgid)


def fill(entries, translations, overwrite=False):
    filled, skipped = 0, []
    for e in entries:
        if not e.msgid or e.obsolete or e.key not in translations:
            continue
        if e.translated and not e.fuzzy and not overwrite:
            continue
        value = translations[e.key]
        if not value or (isinstance(value, list) and not all(value)):
            continue
        if not check(e, value):
            skipped.append(e.key)
            continue
        e.set(value)
        filled += 1
    for key in skipped:
        print(f"placeholder mismatch, skipped: {key!r}", file=sys.stderr)
    return filled


def todo(entries):
    out = {}
    for e in entries:
        if not e.msgid or e.obsolete:
            continue
        if not e.translated or e.fuzzy:
            out[e.key] = ["", ""] if e.msgid_plural is not None else ""
    return out


def main(argv):
    if argv and argv[0].endswith(".po"):
        argv = ["fill", *argv]  # the old form: fill_po.py django.po translations.json
    command, po_path, *rest = argv
    overwrite = "--overwrite" in rest
    rest = [r for r in rest if r != "--overwrite"]
    with open(po_path, encoding="utf-8") as f:
        entries = parse(f.read())
    if command == "todo":
        data = json.dumps(todo(entries), ensure_ascii=False, indent=1)
        if rest:
            with open(rest[0], "w", encoding="utf-8") as f:
                f.write(data + "\n")
        else:
            print(data)
        return
    if command == "fill":
        with open(rest[0], encoding="utf-8") as f:
            translations = json.load(f)
    elif command == "merge":
        with open(rest[0], encoding="utf-8") as f:
            other = parse(f.read())
        translations = {
            e.key: (
                [e.msgstr[i] for i in sorted(e.msgstr)] if e.msgid_plural is not None else e.msgstr
            )
            for e in other
            if e.msgid and not e.obsolete and e.translated and not e.fuzzy
        }
    else:
        raise SystemExit(__doc__)
    filled = fill(entries, translations, overwrite)
    with open(po_path, "w", encoding="utf-8") as f:
        f.write(render(entries))
    left = len(todo(entries))
    print(f"filled {filled}; {left} untranslated or fuzzy entries left")


if __name__ == "__main__":
    main(sys.argv[1:])
