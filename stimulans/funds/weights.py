"""Reading a weight table (`org_kind,org_code,weight`) as used by `stimulans allocate` and by
explicit allocation keys. Every bad row is reported with its line number."""

import csv
import io
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from stimulans.lib.errorlist import capped
from stimulans.lib.text import clean_text
from stimulans.organisations.models import Organisation, OrganisationKind

HEADER = ["org_kind", "org_code", "weight"]


class WeightTableError(ValueError):
    def __init__(self, errors):
        self.errors = capped(errors)
        super().__init__("\n".join(self.errors))


def parse_weight_table(text):
    """Returns [(organisation, Decimal weight)] in the order of the file."""
    reader = csv.reader(io.StringIO(clean_text(text.lstrip("\ufeff"))))
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != HEADER:
        raise WeightTableError(
            [_("Rad 1: rubriken ska vara ”%(header)s”.") % {"header": ",".join(HEADER)}]
        )
    organisations = {(o.kind, o.code): o for o in Organisation.objects.all()}
    if not organisations:
        raise WeightTableError([_("Databasen saknar organisationer – kör ”stimulans init” först.")])
    errors, rows, seen = [], [], {}
    for line_no, row in enumerate(reader, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != 3:
            errors.append(_("Rad %(line)d: tre kolumner väntades.") % {"line": line_no})
            continue
        kind, code, raw = (c.strip() for c in row)
        if kind not in OrganisationKind.values:
            errors.append(
                _(
                    "Rad %(line)d: okänd organisationstyp ”%(kind)s” (region, municipality "
                    "eller county)."
                )
                % {"line": line_no, "kind": kind}
            )
            continue
        org = organisations.get((kind, code))
        if org is None:
            errors.append(
                _("Rad %(line)d: okänd organisation %(kind)s ”%(code)s”.")
                % {"line": line_no, "kind": kind, "code": code}
            )
            continue
        if (kind, code) in seen:
            errors.append(
                _("Rad %(line)d: %(kind)s ”%(code)s” finns redan på rad %(first)d.")
                % {"line": line_no, "kind": kind, "code": code, "first": seen[(kind, code)]}
            )
            continue
        seen[(kind, code)] = line_no
        try:
            weight = Decimal(raw)
            if not weight.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            errors.append(
                _("Rad %(line)d: vikten ”%(value)s” är inte ett tal.")
                % {"line": line_no, "value": raw}
            )
            continue
        if weight < 0:
            errors.append(
                _("Rad %(line)d: vikten %(value)s är negativ.") % {"line": line_no, "value": raw}
            )
            continue
        rows.append((org, weight))
    if not errors and not rows:
        errors.append(_("Tabellen har inga rader."))
    if not errors and sum(w for _o, w in rows) == 0:
        errors.append(_("Vikterna summerar till noll."))
    if errors:
        raise WeightTableError(errors)
    return rows
