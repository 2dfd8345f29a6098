"""YAML from users without the alias bomb: a SafeLoader that counts the nodes a document
expands to (an alias counts as the whole node it refers to) and stops at a limit while
composing, before anything is built. "Billion laughs" (a few hundred bytes of nested aliases)
would otherwise expand to gigabytes in the code that walks the data.

For formats that need no aliases at all, refuse them instead (see plans.yaml_format.Loader).
"""

import yaml
from django.utils.translation import gettext as _

MAX_NODES = 100_000
MAX_DEPTH = 40


class TooLarge(yaml.YAMLError):
    """The document expands past MAX_NODES, nests past MAX_DEPTH or refers to itself (an
    alias inside the node it names); `line` is 1-based."""

    def __init__(self, line, reason):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason  # "nodes", "depth" or "recursive"

    @property
    def message(self):
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

    def __init__(self, stream):
        super().__init__(stream)
        self._sizes = {}
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        line = event.start_mark.line + 1
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


def load(text):
    """yaml.safe_load within the limits; raises TooLarge or another yaml.YAMLError."""
    loader = LimitedSafeLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
