"""Read the fields of an HTML form the way a browser would submit it (stdlib only).

Used by the load test and the fault tests, which talk to a running server over HTTP."""

from html.parser import HTMLParser
from typing import TypedDict

# A field's name and value as the parser reads them: an attribute without a value is None.
Field = tuple[str | None, str | None]


class _Form(TypedDict):
    action: str | None
    fields: list[Field]


class _FormParser(HTMLParser):
    def __init__(self, must_contain: str) -> None:
        super().__init__(convert_charrefs=True)
        self.must_contain = must_contain
        self.forms: list[_Form] = []
        self._current: _Form | None = None
        self._textarea: tuple[str | None, str] | None = None  # name, text so far
        self._select: list[str | None] | None = None  # name, selected value, first value

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self._current = {"action": a.get("action", ""), "fields": []}
        elif self._current is None:
            return
        elif tag == "input":
            kind = a.get("type", "text")
            if "name" not in a or kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._current["fields"].append((a["name"], a.get("value", "on")))
        elif tag == "textarea" and "name" in a:
            self._textarea = (a["name"], "")
        elif tag == "select" and "name" in a:
            self._select = [a["name"], None, None]
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in a:
                self._select[1] = value

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            name, text = self._textarea
            self._textarea = (name, text + data)

    def handle_endtag(self, tag: str) -> None:
        if self._current is None:
            return
        if tag == "textarea" and self._textarea is not None:
            self._current["fields"].append(self._textarea)
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, selected, first = self._select
            self._current["fields"].append((name, selected if selected is not None else first))
            self._select = None
        elif tag == "form":
            self.forms.append(self._current)
            self._current = None


def form_fields(html: str, must_contain: str = "version") -> list[Field]:
    """The fields of the first form that has a field named `must_contain`, as a list of pairs."""
    parser = _FormParser(must_contain)
    parser.feed(html)
    for form in parser.forms:
        if any(name == must_contain for name, _v in form["fields"]):
            return form["fields"]
    raise ValueError(f"no form with a field {must_contain!r}")
