"""Who may see a job: the one who started it, and national administrators."""

from stimulans.accounts.models import Role


def can_view_job(user, job):
    return user.is_authenticated and (
        job.started_by_id == user.pk or user.role == Role.NATIONAL_ADMIN
    )
