"""Answers as text: one writer for forms, files and expressions."""

from stimulans.lib.text import value_text


def test_value_text_writes_answers_as_forms_and_files_do():
    assert value_text(None) == ""
    assert value_text(True) == "true" and value_text(False) == "false"
    assert value_text(["a", "b"]) == "a b"
    assert value_text(12.0) == "12"
    assert value_text(12.5) == "12.5"
    assert value_text(7) == "7"
