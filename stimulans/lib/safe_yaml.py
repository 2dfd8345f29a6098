"""YAML from users without the alias bomb: a SafeLoader that counts the nodes a document
expands to (an alias counts as the whole node it refers to) and stops at a limit while
composing, before anything is built. "Billion laughs" (a few hundred bytes of nested aliases)
would otherwise expand to gigabytes in the code that walks the data.

For formats that need no aliases at all, refuse them instead (see plans.yaml_format.Loader).
"""

from typing import Any

import yaml
from django.utils.translation import gettext as _

MAX_NODES = 100_000
MAX_DEPTH = 40


class TooLarge(yaml.YAMLError):
    """The document expands past MAX_NODES, nests past MAX_DEPTH or refers to itself (an
    alias inside the node it names); `line` is 1-based."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason  # "nodes", "depth" or "recursive"

    @property
    def message(self) -> str:
        """In Swedish, naming the line."""
        texts = {
            "nodes": _("Rad %(line)s: filen blir orimligt stor när hänvisningarna i den fylls i."),
            "depth": _("Rad %(line)s: filen är nästlad i för många nivåer."),
            "recursive": _("Rad %(line)s: en hänvisning pekar in i värdet den står i."),
        }
        return texts[self.reason] % {"line": self.line}


class LimitedSafeLoader(yaml.SafeLoader):
    max_nodes = MAX_NODES
    max_depth = MAX_DEPTH

    def __init__(self, stream: str | bytes) -> None:
        super().__init__(stream)
        self._sizes: dict[int, int] = {}  # id(node): the nodes it expands to
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # types-PyYAML leaves Parser.peek_event unannotated; it returns the next event.
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        mark = event.start_mark  # set on every event the parser makes
        line = mark.line + 1 if mark is not None else 0
        if isinstance(event, yaml.AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None and id(target) not in self._sizes:
                raise TooLarge(line, "recursive")  # an alias inside the node it names
        if self._depth >= self.max_depth:
            raise TooLarge(line, "depth")
        self._depth += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        size = self._sizes.get(id(node))
        if size is None:  # a new node, not an alias: its children are counted already
            if isinstance(node, yaml.SequenceNode):
                children = node.value
            elif isinstance(node, yaml.MappingNode):
                children = [n for pair in node.value for n in pair]
            else:
                children = []
            size = 1 + sum(self._sizes[id(child)] for child in children)
            self._sizes[id(node)] = size
        if size > self.max_nodes:
            raise TooLarge(line, "nodes")
        return node


def load(text: str | bytes) -> Any:
    """yaml.safe_load within the limits; raises TooLarge or another yaml.YAMLError."""
    loader = LimitedSafeLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
