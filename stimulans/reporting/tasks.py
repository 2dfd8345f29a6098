"""Reporting's background tasks (run by `stimulans worker`): an uploaded import and a round of
reminders."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from stimulans.funds.models import Pot
from stimulans.jobs.models import JobKind
from stimulans.jobs.runner import JobFailed, Outcome, run, start

from . import services
from .imports import ImportFileError, import_initiatives, import_measures

IMPORTERS = {"initiatives": import_initiatives, "measures": import_measures}


@task()
def import_task(job_id):
    return run(job_id, _import)


def _import(job, progress):
    progress(0, 2, _("Kontrollerar och importerar filen"))
    with job.input_file.open("rb") as f:
        data = f.read()
    try:
        result = IMPORTERS[job.params["content"]](
            data, user=job.started_by, filename=job.params["filename"]
        )
    except ImportFileError as exc:
        raise JobFailed("\n".join([_("Inget importerades:"), *exc.errors])) from exc
    progress(2, 2)
    return Outcome(
        message=result.summary(),
        result_url=reverse("reporting:import"),
        result_label=_("Importera en fil till"),
    )


def start_reminders(user, pot, organisation_ids, link):
    title = _("Påminnelser: %(pot)s %(year)s") % {"pot": pot, "year": pot.part.agreement.year}
    return start(
        reminders_task,
        JobKind.REMINDERS,
        title,
        user,
        pot=pot.pk,
        organisations=organisation_ids,
        link=link,
    )


@task()
def reminders_task(job_id):
    return run(job_id, _remind)


def _remind(job, progress):
    pot = Pot.objects.select_related("part__agreement").get(pk=job.params["pot"])
    orgs = services.expected_organisations(pot).filter(pk__in=job.params["organisations"])
    progress(0, 1, _("Lägger påminnelserna i utkorgen"))
    result = services.send_reminders(pot, orgs, job.started_by, link=job.params["link"])
    progress(1, 1)
    url = reverse("reporting:pot_completeness", args=[pot.part.agreement.year, pot.pk])
    return Outcome(
        message="\n".join(reminder_summary(result)),
        result_url=url,
        result_label=_("Tillbaka till inlämningen"),
    )


def reminder_summary(result):
    """The lines that tell how a round of reminders went (`services.ReminderRound`)."""
    lines = []
    if result.reminded:
        lines.append(
            _(
                "Påminnelse till %(organisations)s: %(messages)s till %(addresses)s. "
                "Meddelandena skickas i bakgrunden; kolumnen Senaste påminnelse visar hur det gick."
            )
            % {
                "organisations": ngettext(
                    "%(count)d organisation", "%(count)d organisationer", len(result.reminded)
                )
                % {"count": len(result.reminded)},
                "messages": ngettext(
                    "%(count)d meddelande", "%(count)d meddelanden", result.messages
                )
                % {"count": result.messages},
                "addresses": ngettext("%(count)d adress", "%(count)d adresser", result.addresses)
                % {"count": result.addresses},
            }
        )
    if result.unreachable:
        lines.append(
            ngettext(
                "%(count)d organisation kunde inte nås, eftersom ingen aktiv användare där har "
                "en e-postadress: %(names)s.",
                "%(count)d organisationer kunde inte nås, eftersom ingen aktiv användare där har "
                "en e-postadress: %(names)s.",
                len(result.unreachable),
            )
            % {
                "count": len(result.unreachable),
                "names": ", ".join(org.name for org in result.unreachable),
            }
        )
    if not lines:
        lines.append(_("Ingen påminnelse skickades: välj organisationer som saknas."))
    return lines
