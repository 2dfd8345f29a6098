"""Create the load test's reporters: one per municipality and region (`last-<kind>-<code>`,
password `last`), each with a draft report for the 'mobila' part copied from the demo's draft
of Stockholm. Run with DJANGO_SETTINGS_MODULE and DATABASE_URL set (run.py does)."""

from pathlib import Path

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from stimulans.accounts.models import Role, User  # noqa: E402
from stimulans.funds.models import Pot  # noqa: E402
from stimulans.organisations.models import Organisation  # noqa: E402
from stimulans.reporting.models import Initiative, Report, ReportStatus  # noqa: E402

PASSWORD = "last"


@transaction.atomic
def main():
    template = Report.objects.filter(
        status=ReportStatus.DRAFT, pot__part__slug="handlingsplaner-mobila"
    ).first()
    pots = {p.recipient_kind: p for p in Pot.objects.filter(part__slug="handlingsplaner-mobila")}
    password = make_password(PASSWORD)
    created = 0
    for org in Organisation.objects.filter(kind__in=["municipality", "region"]):
        username = f"last-{org.kind}-{org.code}"
        User.objects.update_or_create(
            username=username,
            defaults={"role": Role.REPORTER, "organisation": org, "password": password},
        )
        report, new = Report.objects.get_or_create(
            organisation=org, pot=pots[org.kind], defaults={"status": ReportStatus.DRAFT}
        )
        if report.status != ReportStatus.DRAFT:
            report.status = ReportStatus.DRAFT
            report.save()
        if template and new:
            report.answers = template.answers
            report.funds_received_sek = template.funds_received_sek
            report.funds_used_sek = template.funds_used_sek
            report.funds_carried_over_sek = template.funds_carried_over_sek
            report.funds_explanation = template.funds_explanation or "Överskjutande medel."
            report.save()
            for i in template.initiatives.all():
                Initiative.objects.create(
                    report=report,
                    identifier=i.identifier,
                    order=i.order,
                    category=Pot.objects.get(pk=report.pot_id)
                    .categories.filter(slug=i.category.slug)
                    .first()
                    if i.category
                    else None,
                    title=i.title,
                    activities=i.activities,
                    goals=i.goals,
                    outputs=i.outputs,
                    effects=i.effects,
                    effect_level=i.effect_level,
                    effect_measured=i.effect_measured,
                    funds_sek=i.funds_sek,
                    phase=i.phase,
                    within_agreement=i.within_agreement,
                )
        created += 1
    print(f"{created} load-test reporters ready")
    write_sessions()


def write_sessions():
    """Logged-in sessions for the saturation runs, so that they measure draft saves and not
    Argon2 password checks (the mix run logs in through the login page)."""
    import json
    import os

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    sessions = {}
    for user in User.objects.filter(username__startswith="last-"):
        s = SessionStore()
        s[SESSION_KEY] = str(user.pk)
        s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]  # the password backend
        s[HASH_SESSION_KEY] = user.get_session_auth_hash()
        s.create()
        report = Report.objects.filter(
            organisation=user.organisation, pot__part__slug="handlingsplaner-mobila"
        ).first()
        # Everything the autosave saturation run needs, so that its users start without
        # loading pages: the session, a CSRF secret (cookie and header), the report, its version.
        sessions[user.username] = {
            "session": s.session_key,
            "csrf": get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS),
            "report": report.pk,
            "version": report.version,
        }
    path = Path(os.environ.get("LOAD_SESSIONS", "/tmp/stimulans-load/sessions.json"))
    path.parent.mkdir(parents=True, exist_ok=True)  # absent on PostgreSQL runs of a new machine
    with open(path, "w") as f:
        json.dump(sessions, f)


main()
