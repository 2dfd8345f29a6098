"""`stimulans import-users FILE`: CSV with the columns `email,name,role,org_kind,org_code`, one
invitation per row. `role` is a `Role` value or `lead_analyst` (an analyst invited as lead
analyst). All-or-nothing: every bad row is listed and nothing is created or sent."""

import csv
import io

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.lib.errorlist import capped

from . import invitations
from .models import Role, organisation_model

COLUMNS = ["email", "name", "role", "org_kind", "org_code"]
LEAD_ANALYST = "lead_analyst"
ROLE_VALUES = [*Role.values, LEAD_ANALYST]


class UserImportError(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = capped(errors)


def _rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserImportError([_("Filen är inte UTF-8.")]) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != COLUMNS:
        raise UserImportError(
            [_("Rad 1: kolumnerna ska vara exakt %(cols)s.") % {"cols": ",".join(COLUMNS)}]
        )
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        yield number, row


def _check(number, row, organisations, seen):
    """(email, name, role, organisation, lead) of one row, or raises ValueError with the
    message."""
    if len(row) != len(COLUMNS):
        raise ValueError(_("ska ha %(n)d kolumner, har %(m)d") % {"n": len(COLUMNS), "m": len(row)})
    email, name, role, kind, code = (cell.strip() for cell in row)
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ValueError(_("”%(email)s” är ingen e-postadress") % {"email": email}) from exc
    if email.lower() in seen:
        raise ValueError(
            _("%(email)s finns redan på rad %(row)d") % {"email": email, "row": seen[email.lower()]}
        )
    seen[email.lower()] = number
    if role not in ROLE_VALUES:
        choices = ", ".join(ROLE_VALUES)
        raise ValueError(
            _("okänd roll ”%(role)s” (%(choices)s)") % {"role": role, "choices": choices}
        )
    lead = role == LEAD_ANALYST
    if lead:
        role = Role.ANALYST
    organisation = None
    if kind or code:
        organisation = organisations.get((kind, code))
        if organisation is None:
            raise ValueError(
                _("ingen organisation %(kind)s %(code)s") % {"kind": kind, "code": code}
            )
    problem = invitations.check_target(role, organisation, lead) or invitations.check_email(email)
    if problem:
        raise ValueError(problem)
    return email, name, role, organisation, lead


def import_users(data, *, base_url, send=True, inviter=None):
    """Invite every row of the CSV `data`; returns [(email, link)]. UserImportError lists every
    bad row and nothing is created."""
    organisations = {(o.kind, o.code): o for o in organisation_model().objects.all()}
    errors, valid, seen = [], [], {}
    for number, row in _rows(data):
        try:
            valid.append(_check(number, row, organisations, seen))
        except ValueError as exc:
            errors.append(_("Rad %(row)d: %(msg)s.") % {"row": number, "msg": str(exc).rstrip(".")})
    if errors:
        raise UserImportError(errors)
    if not valid:
        raise UserImportError([_("Filen har inga rader.")])
    links = []
    with transaction.atomic():
        for email, name, role, organisation, lead in valid:
            _inv, url = invitations.invite(
                inviter, email, role, organisation, name, base_url=base_url, send=send, lead=lead
            )
            links.append((email, url))
    return links
