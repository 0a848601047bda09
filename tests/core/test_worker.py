"""The worker's safety net: abandoned tasks run again, passing failures are retried."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands import db_worker as upstream
from django_tasks_db.models import DBTaskResult, get_date_max

from core import worker
from core.worker import FAILED, READY, RUNNING, RecoveringWorker, recover

pytestmark = pytest.mark.django_db

NOW = timezone.now()
SETTINGS = {
    "RUNGS_TASK_TIMEOUT": 60,
    "RUNGS_TASK_RETRY_SECONDS": 10,
    "RUNGS_TASK_ATTEMPTS": 3,
}


def _task(status, *, started=None, finished=None, attempts=1, error=""):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="forum.tasks.send_notification_email",
        backend_name="default",
        run_after=get_date_max(),
        started_at=started,
        finished_at=finished,
        worker_ids=[f"w{i}" for i in range(attempts)],
        exception_class_path=error,
    )


def _status(task) -> str:
    task.refresh_from_db()
    return task.status


@override_settings(**SETTINGS)
def test_a_task_whose_worker_died_is_queued_again():
    lost = _task(RUNNING, started=NOW - timedelta(seconds=61))
    busy = _task(RUNNING, started=NOW - timedelta(seconds=30))
    assert recover(now=NOW).abandoned == 1
    assert (_status(lost), _status(busy)) == (READY, RUNNING)


@override_settings(**SETTINGS)
def test_a_task_that_keeps_losing_its_worker_is_given_up():
    cursed = _task(RUNNING, started=NOW - timedelta(hours=1), attempts=3)
    assert recover(now=NOW).given_up == 1
    cursed.refresh_from_db()
    assert cursed.status == FAILED
    assert cursed.exception_class_path == "core.worker.Abandoned"


@override_settings(**SETTINGS)
def test_passing_failures_are_retried_after_a_growing_delay():
    refused = "builtins.ConnectionRefusedError"
    due = _task(FAILED, finished=NOW - timedelta(seconds=11), error=refused)
    early = _task(FAILED, finished=NOW - timedelta(seconds=15), attempts=2, error=refused)
    smtp = _task(FAILED, finished=NOW - timedelta(seconds=41), attempts=3, error=refused)
    database = _task(
        FAILED, finished=NOW - timedelta(seconds=30), error="django.db.utils.OperationalError"
    )
    bug = _task(FAILED, finished=NOW - timedelta(hours=1), error="builtins.ValueError")
    gone = _task(FAILED, finished=NOW - timedelta(hours=1), error="no.such.Error")
    assert recover(now=NOW).retried == 2
    assert [_status(t) for t in (due, early, smtp, database, bug, gone)] == [
        READY,  # 10 s after the first failure
        FAILED,  # 20 s after the second: not yet
        FAILED,  # out of attempts
        READY,
        FAILED,  # a bug is not retried
        FAILED,
    ]


@override_settings(RUNGS_TASK_RETRY_SECONDS=30)
def test_the_delay_doubles_up_to_an_hour():
    assert [worker.retry_delay(n) for n in (1, 2, 3, 8, 20)] == [30, 60, 120, 3600, 3600]


def _worker() -> RecoveringWorker:
    return RecoveringWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )


def test_the_worker_waits_for_the_database_instead_of_exiting():
    runs = [OperationalError("the database system is starting up"), None]

    def upstream_run(self):
        outcome = runs.pop(0)
        if outcome:
            raise outcome

    interrupted = _task(RUNNING, started=NOW)
    w = _worker()
    w._current = interrupted.pk  # the database failed while it ran this one
    with (
        mock.patch.object(worker.Worker, "run", upstream_run),
        mock.patch.object(RecoveringWorker, "_start_recovery"),
        mock.patch.object(worker.time, "sleep") as sleep,
        mock.patch.object(worker, "connections") as connections,  # the test's own stays open
    ):
        w.run()
    connections.close_all.assert_called_once()
    assert runs == []
    sleep.assert_called_once_with(1.0)
    assert _status(interrupted) == READY


@pytest.mark.django_db(transaction=True)
def test_manage_py_db_worker_is_the_recovering_one():
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        from forum.tasks import refresh_related

        result = refresh_related.enqueue(12345)
        with (
            mock.patch.object(upstream, "Worker", upstream.Worker),  # undone afterwards
            mock.patch.object(RecoveringWorker, "_start_recovery"),
        ):
            call_command("db_worker", batch=True, startup_delay=False, verbosity=0, reload=False)
            assert upstream.Worker is RecoveringWorker
        assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"
