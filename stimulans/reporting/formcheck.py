"""Checking an XLSForm before it is uploaded (`stimulans form-check`): the same checks as the
upload (`check_upload` with `FORM_EXTENSIONS`, then `xlsform.parse_xlsform`), and, given
example answers, what a submission of them would be told. No HTTP, no database."""

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from stimulans.lib.uploads import check_upload

from . import xlsform
from .validation import check_answers

# What the questionnaire upload takes: ODK's and KoboToolbox's templates are .xlsx, older
# forms .xls.
FORM_EXTENSIONS = (".xlsx", ".xls")


def read_form(content, filename, categories=None, measures=None):
    """The definition of an XLSForm file, by the upload's rules; raises XLSFormError listing
    every problem (the file's name and type first, then the form's)."""
    try:
        check_upload(SimpleUploadedFile(filename, content), FORM_EXTENSIONS)
    except forms.ValidationError as exc:
        raise xlsform.XLSFormError(list(exc.messages)) from exc
    return xlsform.parse_xlsform(content, filename, categories=categories, measures=measures)


def field_names(definition):
    """The answerable questions of the form, in form order (those in repeats too)."""
    walked = xlsform.walk(definition)
    return [node["name"] for node, _repeat in walked if xlsform.is_answerable(node)]


def check_form(content, filename, answers=None):
    """{"valid", "errors", "fields"} of an XLSForm file, and with `answers` (a dict as the
    report form's answers: strings, lists for select_multiple, a repeat as a list of such
    dicts) also {"answers": {"irrelevant": [name], "errors": {name: message}}}."""
    try:
        definition = read_form(content, filename)
    except xlsform.XLSFormError as exc:
        result = {"valid": False, "errors": list(exc.errors), "fields": []}
        if answers is not None:
            result["answers"] = {"irrelevant": [], "errors": {}}
        return result
    result = {"valid": True, "errors": [], "fields": field_names(definition)}
    if answers is not None:
        result["answers"] = check_answers(definition, answers)
    return result
