"""Completeness: who is expected to report on a pot, and the status of each."""

from collections import Counter

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stimulans.funds.models import Allocation, Pot
from stimulans.mail.models import MailStatus
from stimulans.organisations.models import Organisation

from ..models import (
    Reminder,
    Report,
    ReportStatus,
)
from .reading import deadline_for, is_late, pots_for_organisation


def expected_organisations(pot):
    """The organisations expected to report on the pot: those with an allocation, or (before
    the pot is allocated) every organisation of its recipient kind."""
    orgs = Organisation.objects.filter(allocations__pot=pot)
    if not orgs.exists():
        orgs = Organisation.objects.filter(kind=pot.recipient_kind)
    return orgs.select_related("county").order_by("code")


def report_status_rows(pot, county=None, today=None):
    """[{organisation, report (or None), status, done, late, last_reminder}] for the pot: every
    expected organisation (of `county` only, if given), in code order."""
    return report_status_by_pot([pot], county, today)[pot.pk]


def report_status_by_pot(pots, county=None, today=None):
    """{pot id: report_status_rows} for several pots in five queries, whatever their number:
    the county overview and the national completeness page show every pot of a year, and are
    reloaded often at the deadline."""
    pots = list(pots)
    pot_ids = [pot.pk for pot in pots]
    in_county = {"organisation__county": county} if county is not None else {}
    # As expected_organisations: those with an allocation, or every organisation of the
    # recipient kind where the pot is not allocated yet (anywhere in the country).
    allocated = set(
        Allocation.objects.filter(pot_id__in=pot_ids).order_by().values_list("pot_id", flat=True)
    )
    expected = {pot.pk: set() for pot in pots}
    for pot_id, org_id in (
        Allocation.objects.filter(pot_id__in=pot_ids, **in_county)
        .order_by()
        .values_list("pot_id", "organisation_id")
    ):
        expected[pot_id].add(org_id)
    kinds = {pot.recipient_kind for pot in pots if pot.pk not in allocated}
    wanted = set().union(*expected.values())
    organisations = Organisation.objects.filter(Q(pk__in=wanted) | Q(kind__in=kinds))
    if county is not None:
        organisations = organisations.filter(county=county)
    organisations = list(organisations.select_related("county").order_by("code", "kind"))
    # Not shown here, and the answers are big.
    reports = {
        (r.pot_id, r.organisation_id): r
        for r in Report.objects.filter(pot_id__in=pot_ids, **in_county)
        .order_by()
        .defer("answers", "funds_explanation", "return_comment")
    }
    reminders = {}
    for reminder in (
        Reminder.objects.filter(pot_id__in=pot_ids, **in_county)
        .annotate(
            mails_total=Count("mails"),
            mails_sent=Count("mails", filter=Q(mails__status=MailStatus.SENT)),
            mails_failed=Count("mails", filter=Q(mails__status=MailStatus.FAILED)),
        )
        .order_by("sent_at", "pk")
    ):
        reminders[reminder.pot_id, reminder.organisation_id] = reminder  # the last one counts
    today = today or timezone.localdate()
    result = {}
    for pot in pots:
        deadline = deadline_for(pot)
        rows = result[pot.pk] = []
        for org in organisations:
            if pot.pk in allocated:
                if org.pk not in expected[pot.pk]:
                    continue
            elif org.kind != pot.recipient_kind:
                continue
            report = reports.get((pot.pk, org.pk))
            if report is None:
                late = deadline is not None and today > deadline
                status = None
            else:
                report.pot = pot  # is_late reads the agreement's deadline through it
                late = is_late(report, today)
                status = report.status
            rows.append(
                {
                    "organisation": org,
                    "report": report,
                    "status": status,
                    "done": report is not None and report.is_counted,
                    "late": late,
                    "last_reminder": reminders.get((pot.pk, org.pk)),
                }
            )
    return result


def completeness_totals(agreement):
    """(expected, done): the reports expected for every pot of the agreement, and how many of
    them are submitted or approved."""
    pots = Pot.objects.filter(part__agreement=agreement).select_related("part__agreement")
    rows = [row for pot_rows in report_status_by_pot(pots).values() for row in pot_rows]
    return len(rows), sum(1 for row in rows if row["done"])


def status_summary(pots, county=None):
    """[(label, number)] of the reports expected for the pots (of `county` only, if given):
    those not started first, then each status, so that the numbers add up to the expected."""
    rows = [row for pot_rows in report_status_by_pot(pots, county).values() for row in pot_rows]
    counts = Counter(row["status"] for row in rows)
    return [(_("Inte påbörjad"), counts[None])] + [
        (label, counts[value]) for value, label in ReportStatus.choices
    ]


# The review list's orders ("" the default: the oldest submission first).
REVIEW_ORDERS = {
    "": (F("submitted_at").asc(nulls_last=True), "organisation__name", "pot__part__order"),
    "nyast": (F("submitted_at").desc(nulls_last=True), "organisation__name", "pot__part__order"),
    "organisation": ("organisation__name", "pot__part__order", "pot__recipient_kind"),
    "del": ("pot__part__order", "pot__recipient_kind", "organisation__name"),
    "status": ("status", F("submitted_at").asc(nulls_last=True), "organisation__name"),
}


def review_list(user, agreement, part=None, status=None, organisation=None, order=""):
    """The reports of the agreement's year that `user` reads, to review first: by default
    those waiting for review (submitted, not returned or approved); `status` "" for every
    status. Oldest submission first, then by organisation, unless `order` (a key of
    REVIEW_ORDERS) says otherwise."""
    reports = (
        Report.objects.visible_to(user)
        .filter(pot__part__agreement=agreement)
        .select_related("organisation", "pot__part__agreement")
        .defer("answers")
    )
    if status is None:
        reports = reports.to_review()
    elif status:
        reports = reports.filter(status=status)
    if part is not None:
        reports = reports.filter(pot__part=part)
    if organisation is not None:
        reports = reports.filter(organisation=organisation)
    return reports.order_by(*REVIEW_ORDERS[order], "pk")


def organisation_reports(organisation, year, today=None):
    """[{pot, report (or None), allocation (or None), status, done, late}]: every pot of the
    year the organisation reports on, in the agreement's order, in three queries."""
    pots = list(pots_for_organisation(organisation, year))
    reports = {
        r.pot_id: r
        for r in Report.objects.filter(organisation=organisation, pot__in=pots).defer("answers")
    }
    allocations = {
        a.pot_id: a for a in Allocation.objects.filter(organisation=organisation, pot__in=pots)
    }
    today = today or timezone.localdate()
    rows = []
    for pot in pots:
        report = reports.get(pot.pk)
        deadline = deadline_for(pot)
        if report is not None:
            report.pot = pot
        rows.append(
            {
                "pot": pot,
                "report": report,
                "allocation": allocations.get(pot.pk),
                "status": report.status if report else None,
                "done": report is not None and report.is_counted,
                "late": is_late(report, today)
                if report
                else deadline is not None and today > deadline,
            }
        )
    return rows


def days_left_text(deadline, today=None):
    """When the deadline is, counted from today, in Swedish: "om 3 dagar", "i dag", "för 2
    dagar sedan"; "" without a deadline."""
    if deadline is None:
        return ""
    days = (deadline - (today or timezone.localdate())).days
    if days == 0:
        return _("i dag")
    if days > 0:
        return ngettext("om %(n)d dag", "om %(n)d dagar", days) % {"n": days}
    return ngettext("för %(n)d dag sedan", "för %(n)d dagar sedan", -days) % {"n": -days}
