"""XLSForm questionnaires: parse an uploaded form with pyxform, walk its definition, and evaluate
the `relevant` / `constraint` / `required` expressions it uses. No HTTP and no database here.

The modules: `definitions` (field types and names, walking a definition, labels, choices,
required and relevant), `expressions` (the expression language), `parsing` (the upload).
The names below are re-exported for the callers that use `xlsform.<name>`.

Supported question types: text, integer, decimal, select_one, select_multiple, date, note,
groups and repeat groups (one level). Expressions: `${field}` references, `.` (the current
answer), numbers and strings, `= != < <= > >=`, `+ - * div mod`, `and`, `or`, `not()`,
`selected()`, `count-selected()`, `string-length()`, `true()`, `false()`. The evaluator is a
small recursive-descent parser; it never calls Python's eval().

Every expression of an uploaded form (`relevant`, `constraint`, `required`, `calculation`,
`choice_filter`, on questions, groups and repeats) is checked at upload, and a refusal names
the sheet, row and column. A definition stored before such checks is still safe to show:
`is_true` gives its default for an expression it cannot evaluate, so a report page never fails
on one (the question is shown, the answer accepted, nothing extra required).
"""

from .definitions import (
    CONTAINER_TYPES,
    FIELD_TYPES,
    INITIATIVE_FIELDS,
    INITIATIVES,
    LITERAL_FLAGS,
    REPORT_FIELDS,
    REPORT_INTEGER_FIELDS,
    choices,
    fields,
    hint,
    is_literal_flag,
    is_required,
    label,
    measure_field_name,
    prefill_allowed,
    relevant_expressions,
    repeats,
    walk,
    walk_fields,
)
from .expressions import (
    FUNCTIONS,
    MAX_DEPTH,
    ExpressionError,
    evaluate,
    is_true,
    parse_expression,
    references,
    tokenize,
)
from .parsing import (
    EXPRESSION_COLUMNS,
    EXPRESSION_KEYS,
    XLSFormError,
    check_definition,
    check_sheet_expressions,
    expression_problem,
    node_expressions,
    parse_xlsform,
)

__all__ = [
    "CONTAINER_TYPES",
    "EXPRESSION_COLUMNS",
    "EXPRESSION_KEYS",
    "ExpressionError",
    "FIELD_TYPES",
    "FUNCTIONS",
    "INITIATIVES",
    "INITIATIVE_FIELDS",
    "LITERAL_FLAGS",
    "MAX_DEPTH",
    "REPORT_FIELDS",
    "REPORT_INTEGER_FIELDS",
    "XLSFormError",
    "check_definition",
    "check_sheet_expressions",
    "choices",
    "evaluate",
    "expression_problem",
    "fields",
    "hint",
    "is_literal_flag",
    "is_required",
    "is_true",
    "label",
    "measure_field_name",
    "node_expressions",
    "parse_expression",
    "parse_xlsform",
    "prefill_allowed",
    "references",
    "relevant_expressions",
    "repeats",
    "tokenize",
    "walk",
    "walk_fields",
]
