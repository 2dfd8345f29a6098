import json
import os
import subprocess
import sys

from django.core.management import call_command
from django.test import TransactionTestCase, override_settings
from django_tasks import task
from django_tasks.backends.database.models import DBTaskResult

from stimulans.accounts.models import Role, User
from stimulans.test import BaseTestCase, make_user

from ..models import JobKind, JobStatus
from ..runner import JobFailed, Outcome, run, start

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}}


def _count(job, progress):
    for done in range(1, 4):
        progress(done, 3, "Räknar")
    User.objects.create(username="made-by-job", role=Role.ANALYST)
    return Outcome("Tre steg klara.", "/avtal/", "Till överenskommelserna")


def _refuse(job, progress):
    User.objects.create(username="made-by-job", role=Role.ANALYST)
    raise JobFailed("Rad 3: organisationen 9999 finns inte.")


def _crash(job, progress):
    User.objects.create(username="made-by-job", role=Role.ANALYST)
    raise KeyError("oväntat")


@task()
def count_task(job_id):
    return run(job_id, _count)


@task()
def refuse_task(job_id):
    return run(job_id, _refuse)


@task()
def crash_task(job_id):
    return run(job_id, _crash)


class RunnerTest(BaseTestCase):
    def start(self, task_function):
        job = start(task_function, JobKind.IMPORT, "Prov", self.adam, year=2020)
        job.refresh_from_db()
        return job

    def test_a_job_that_succeeds_records_its_result(self):
        job = self.start(count_task)
        self.assertEqual(job.status, JobStatus.DONE)
        self.assertEqual((job.done, job.total, job.percent), (3, 3, 100))
        self.assertEqual(job.message, "Tre steg klara.")
        self.assertEqual(job.result_url, "/avtal/")
        self.assertEqual(job.params, {"year": 2020})
        self.assertIsNotNone(job.finished_at)
        self.assertTrue(User.objects.filter(username="made-by-job").exists())

    def test_a_job_that_fails_shows_its_error_and_changes_nothing(self):
        job = self.start(refuse_task)
        self.assertEqual(job.status, JobStatus.FAILED)
        self.assertEqual(job.error, "Rad 3: organisationen 9999 finns inte.")
        self.assertFalse(User.objects.filter(username="made-by-job").exists())
        self.login(self.adam)
        response = self.client.get(f"/jobb/{job.pk}/")
        self.assertContains(response, "Rad 3: organisationen 9999 finns inte.")

    def test_an_unexpected_error_is_told_in_general_words(self):
        with self.assertLogs("stimulans.jobs.runner", "ERROR"):
            job = self.start(crash_task)
        self.assertEqual(job.status, JobStatus.FAILED)
        self.assertEqual(job.error, "Ett oväntat fel inträffade. Inget har ändrats.")
        self.assertFalse(User.objects.filter(username="made-by-job").exists())


@override_settings(TASKS=DATABASE_TASKS)
class WorkerTest(TransactionTestCase):
    """The worker claims tasks in its own transactions (BEGIN EXCLUSIVE on SQLite), so this
    test commits for real."""

    def test_the_worker_runs_what_waits_in_the_database(self):
        adam = make_user("adam", Role.NATIONAL_ADMIN)
        job = start(count_task, JobKind.IMPORT, "Prov", adam)
        self.assertEqual(DBTaskResult.objects.get().status, "READY")
        job.refresh_from_db()
        self.assertEqual(job.status, JobStatus.WAITING)
        self.client.force_login(adam)
        self.assertContains(self.client.get(f"/jobb/{job.pk}/"), "Väntar")
        # --nice 0: the test process keeps its priority (it could not raise it again).
        call_command("worker", "--batch", "--nice", "0", verbosity=0)
        job.refresh_from_db()
        self.assertEqual(job.status, JobStatus.DONE)
        self.assertEqual(DBTaskResult.objects.get().status, "SUCCEEDED")
        self.assertContains(self.client.get(f"/jobb/{job.pk}/"), "Tre steg klara.")


def test_the_worker_runs_at_a_lower_priority():
    """`stimulans worker` lowers its own priority (measured in a child process: a process
    cannot raise its priority again)."""
    code = (
        "import json, os; from stimulans.jobs.management.commands.worker import lower_priority; "
        "print(json.dumps([lower_priority(10), lower_priority(5), lower_priority(0), os.nice(0)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    expected = max(os.nice(0), 10)
    assert json.loads(out.stdout) == [expected] * 4
