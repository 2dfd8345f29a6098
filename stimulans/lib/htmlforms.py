"""Read the fields of an HTML form the way a browser would submit it (stdlib only).

Used by the load test and the fault tests, which talk to a running server over HTTP."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, must_contain):
        super().__init__(convert_charrefs=True)
        self.must_contain = must_contain
        self.forms = []
        self._current = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
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
            self._textarea = [a["name"], ""]
        elif tag == "select" and "name" in a:
            self._select = [a["name"], None, None]
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in a:
                self._select[1] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._current is None:
            return
        if tag == "textarea" and self._textarea is not None:
            self._current["fields"].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, selected, first = self._select
            self._current["fields"].append((name, selected if selected is not None else first))
            self._select = None
        elif tag == "form":
            self.forms.append(self._current)
            self._current = None


def form_fields(html, must_contain="version"):
    """The fields of the first form that has a field named `must_contain`, as a list of pairs."""
    parser = _FormParser(must_contain)
    parser.feed(html)
    for form in parser.forms:
        if any(name == must_contain for name, _v in form["fields"]):
            return form["fields"]
    raise ValueError(f"no form with a field {must_contain!r}")
