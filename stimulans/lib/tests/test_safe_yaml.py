import time
from pathlib import Path

import pytest
import yaml

from stimulans.lib import safe_yaml

AGREEMENT_2020 = Path(__file__).resolve().parents[2] / "funds" / "data" / "agreement-2020.yaml"


def bomb(levels):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines)


def test_it_reads_what_safe_load_reads_aliases_included():
    text = AGREEMENT_2020.read_text(encoding="utf-8")
    assert "*mobila" in text
    assert safe_yaml.load(text) == yaml.safe_load(text)


def test_a_document_that_expands_too_far_is_refused_at_once():
    safe_yaml.load(bomb(4))  # 9**4 + … nodes: within the limit
    start = time.monotonic()
    with pytest.raises(safe_yaml.TooLarge) as refused:
        safe_yaml.load(bomb(9))
    assert time.monotonic() - start < 1
    assert (refused.value.line, refused.value.reason) == (6, "nodes")


def test_recursion_and_deep_nesting_are_refused():
    with pytest.raises(safe_yaml.TooLarge) as refused:
        safe_yaml.load("a: &a [1, *a]")
    assert refused.value.reason == "recursive"
    with pytest.raises(safe_yaml.TooLarge) as refused:
        safe_yaml.load("a: " + "[" * 5000 + "]" * 5000)
    assert refused.value.reason == "depth"
