"""`stimulans import-codings FILE`: codes made offline or by another agency, one row per
initiative and coder::

    year,part,org_kind,org_code,initiative,coder,category,effect_level,effect_measured,
    link_quality,phase,within_agreement

`initiative` is the initiative's identifier as in `import-initiatives`; `coder` a user name of
the product, or the name of a coder outside it (recorded as an external coder). An empty cell:
not coded on that dimension. All-or-nothing: every bad row is listed, nothing is written.

A row by a user of the product becomes the final coding when the initiative has none yet and
no other row of the file codes it; the other rows are coders' codes for the agreement and the
adjudication."""

from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.accounts.models import User
from stimulans.analysis.models import InitiativeCoding, LinkQuality
from stimulans.funds.models import Pot
from stimulans.lib.text import is_digits
from stimulans.organisations.models import Organisation, OrganisationKind
from stimulans.reporting.imports import KIND_CODE_LENGTH, ImportFileError, read_table
from stimulans.reporting.models import EffectLevel, Initiative, Phase

from .codebooks import codebook_for
from .codings import _set_final, coder_code, set_values
from .models import CoderCode, CoderRole, DoubleCodingSample

COLUMNS = [
    "year",
    "part",
    "org_kind",
    "org_code",
    "initiative",
    "coder",
    "category",
    "effect_level",
    "effect_measured",
    "link_quality",
    "phase",
    "within_agreement",
]
CODER_MAX = CoderCode._meta.get_field("external_coder").max_length


def _records(data):
    rows = read_table(data)
    if not rows:
        raise ImportFileError([_("Filen är tom.")])
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportFileError(
            [
                _("Rad 1: kolumnerna %(missing)s saknas; rubriken ska vara ”%(header)s”.")
                % {"missing": ", ".join(missing), "header": ",".join(COLUMNS)}
            ]
        )
    index = {c: header.index(c) for c in COLUMNS}
    records = [
        (line, {c: row[i] if i < len(row) else "" for c, i in index.items()})
        for line, row in enumerate(rows[1:], start=2)
        if any(row)
    ]
    if not records:
        raise ImportFileError([_("Filen har inga rader utöver rubriken.")])
    return records


def _boolean(raw, line, column, errors):
    value = raw.lower()
    if value == "":
        return None
    if value in ("true", "false"):
        return value == "true"
    errors.append(
        _("Rad %(line)d: %(column)s ska vara true, false eller tomt, inte ”%(value)s”.")
        % {"line": line, "column": column, "value": raw}
    )
    return None


def _choice(raw, choices, line, column, errors):
    if raw and raw not in choices.values:
        errors.append(
            _("Rad %(line)d: %(column)s ”%(value)s” är inte en av %(values)s.")
            % {"line": line, "column": column, "value": raw, "values": ", ".join(choices.values)}
        )
    return raw


class _Lookups:
    def __init__(self):
        self.organisations = {(o.kind, o.code): o for o in Organisation.objects.all()}
        self.pots = {}
        self.categories = {}
        for pot in Pot.objects.select_related("part__agreement").prefetch_related("categories"):
            self.pots[(str(pot.part.agreement.year), pot.part.slug, pot.recipient_kind)] = pot
            self.categories[pot.pk] = {c.slug: c for c in pot.categories.all()}
        self.users = {u.username: u for u in User.objects.all()}


def parse_codings(data):
    """[(line, initiative, user or None, external name, values)]; ImportFileError listing every
    bad row."""
    records = _records(data)
    look = _Lookups()
    errors, parsed, seen = [], [], {}
    wanted = {}
    for line, r in records:
        before = len(errors)
        kind, code = r["org_kind"], r["org_code"]
        org = None
        if kind not in OrganisationKind.values:
            errors.append(
                _(
                    "Rad %(line)d: okänd organisationstyp ”%(kind)s” (region, municipality "
                    "eller county)."
                )
                % {"line": line, "kind": kind}
            )
        else:
            if is_digits(code):
                code = code.zfill(KIND_CODE_LENGTH[kind])
            org = look.organisations.get((kind, code))
            if org is None:
                errors.append(
                    _("Rad %(line)d: okänd organisation %(kind)s ”%(code)s”.")
                    % {"line": line, "kind": kind, "code": code}
                )
        pot = look.pots.get((r["year"], r["part"], kind))
        if pot is None:
            errors.append(
                _("Rad %(line)d: det finns ingen del ”%(part)s” för %(kind)s år ”%(year)s”.")
                % {"line": line, "part": r["part"], "kind": kind, "year": r["year"]}
            )
        if not r["initiative"]:
            errors.append(_("Rad %(line)d: insatsens id saknas.") % {"line": line})
        coder = r["coder"]
        if not coder:
            errors.append(_("Rad %(line)d: kodaren saknas.") % {"line": line})
        elif len(coder) > CODER_MAX:
            errors.append(
                _("Rad %(line)d: kodarens namn är längre än %(max)d tecken.")
                % {"line": line, "max": CODER_MAX}
            )
        category = None
        if pot is not None and r["category"]:
            category = look.categories[pot.pk].get(r["category"])
            if category is None:
                errors.append(
                    _("Rad %(line)d: okänd kategori ”%(category)s” för delen ”%(part)s” %(year)s.")
                    % {
                        "line": line,
                        "category": r["category"],
                        "part": r["part"],
                        "year": r["year"],
                    }
                )
        values = {
            "category": category,
            "effect_level": _choice(r["effect_level"], EffectLevel, line, "effect_level", errors),
            "effect_measured": _boolean(r["effect_measured"], line, "effect_measured", errors),
            "link_quality": _choice(r["link_quality"], LinkQuality, line, "link_quality", errors),
            "phase": _choice(r["phase"], Phase, line, "phase", errors),
            "within_agreement": _boolean(r["within_agreement"], line, "within_agreement", errors),
        }
        if org is not None and pot is not None and r["initiative"] and coder:
            key = (org.pk, pot.pk, r["initiative"], coder)
            if key in seen:
                errors.append(
                    _(
                        "Rad %(line)d: kodaren ”%(coder)s” har redan kodat insatsen ”%(id)s” "
                        "på rad %(first)d."
                    )
                    % {"line": line, "coder": coder, "id": r["initiative"], "first": seen[key]}
                )
            seen[key] = line
            wanted[(org.pk, pot.pk, r["initiative"])] = line
        if len(errors) == before:
            parsed.append((line, org, pot, r["initiative"], coder, values))
    initiatives = {}
    if wanted:
        rows = Initiative.objects.filter(
            report__organisation_id__in={k[0] for k in wanted},
            report__pot_id__in={k[1] for k in wanted},
            identifier__in={k[2] for k in wanted},
        ).select_related("report")
        initiatives = {(i.report.organisation_id, i.report.pot_id, i.identifier): i for i in rows}
    result = []
    for line, org, pot, identifier, coder, values in parsed:
        initiative = initiatives.get((org.pk, pot.pk, identifier))
        if initiative is None:
            errors.append(
                _("Rad %(line)d: %(org)s har ingen insats ”%(id)s” i delen ”%(part)s” %(year)s.")
                % {
                    "line": line,
                    "org": org,
                    "id": identifier,
                    "part": pot.part.slug,
                    "year": pot.part.agreement.year,
                }
            )
            continue
        user = look.users.get(coder)
        result.append((line, initiative, user, "" if user else coder, values))
    if errors:
        raise ImportFileError(errors)
    return result


@transaction.atomic
def import_codings(data):
    """Import a codings file; returns (codes written, final codings set)."""
    rows = parse_codings(data)
    per_initiative: dict[int, int] = {}
    for _line, initiative, _user, _ext, _values in rows:
        per_initiative[initiative.pk] = per_initiative.get(initiative.pk, 0) + 1
    coded = set(
        InitiativeCoding.objects.filter(initiative__in=list(per_initiative)).values_list(
            "initiative_id", flat=True
        )
    )
    second = set(
        DoubleCodingSample.initiatives.through.objects.filter(
            initiative_id__in=list(per_initiative)
        ).values_list("initiative_id", "doublecodingsample__second_coder_id")
    )
    finals = 0
    for _line, initiative, user, external, values in rows:
        role = CoderRole.SECOND if user and (initiative.pk, user.pk) in second else CoderRole.FIRST
        code = coder_code(initiative, user, external, role)
        set_values(code, values)
        code.codebook_version = codebook_for(initiative.report.pot.part).version
        code.from_suggestion = False
        code.save()
        if (
            user is not None
            and role == CoderRole.FIRST
            and initiative.pk not in coded
            and per_initiative[initiative.pk] == 1
        ):
            _set_final(initiative, values, user)
            finals += 1
    return len(rows), finals
