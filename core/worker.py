"""The task worker's safety net.

django-tasks-db runs a task once: a task whose worker died stays "running" for ever, and a task
that failed stays failed. Rungs' `manage.py db_worker` (core/management/commands/db_worker.py)
is django-tasks-db's worker plus this module:

- `recover()`, every RUNGS_TASK_RECOVERY_SECONDS, puts back in the queue
  - tasks still running RUNGS_TASK_TIMEOUT seconds after they started: their worker was killed
    (or its machine lost) halfway; every task here is safe to run again (e-mails are sent at most
    once per key, core/mail.py; the others recompute stored values);
  - tasks that failed on a passing error (the mail server, the database or the cache could not
    be reached) after a delay that doubles with each attempt, from RUNGS_TASK_RETRY_SECONDS up
    to an hour;
  and gives a task up after RUNGS_TASK_ATTEMPTS attempts in all (it stays failed, with its last
  error, for someone to look at).
- `RecoveringWorker` keeps the worker alive through a database restart: it waits, reconnects and
  goes on, where django-tasks-db's own worker would exit.
"""

import logging
import smtplib
import threading
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from core.cache import CacheUnavailable
from core.faults import describe

logger = logging.getLogger(__name__)

# Errors that say "not now" rather than "never": worth another attempt later.
PASSING = (OSError, smtplib.SMTPException, OperationalError, InterfaceError, CacheUnavailable)
RETRY_CAP_SECONDS = 3600
READY, RUNNING, FAILED = "READY", "RUNNING", "FAILED"


class Abandoned(Exception):
    """Every worker that took the task stopped before finishing it."""


@dataclass
class Recovered:
    abandoned: int = 0  # running with no live worker: back in the queue
    retried: int = 0  # failed on a passing error: back in the queue
    given_up: int = 0  # out of attempts

    def __bool__(self) -> bool:
        return bool(self.abandoned or self.retried or self.given_up)


def is_passing(exception_class_path: str) -> bool:
    try:
        error_class = import_string(exception_class_path)
    except ImportError:
        return False
    return isinstance(error_class, type) and issubclass(error_class, PASSING)


def retry_delay(attempts: int) -> float:
    """Seconds to wait after the `attempts`-th failed attempt."""
    return min(settings.RUNGS_TASK_RETRY_SECONDS * 2 ** max(attempts - 1, 0), RETRY_CAP_SECONDS)


def recover(*, now=None) -> Recovered:
    now = now or timezone.now()
    limit = settings.RUNGS_TASK_ATTEMPTS
    found = Recovered()
    with transaction.atomic():
        stale = DBTaskResult.objects.filter(
            status=RUNNING, started_at__lt=now - timedelta(seconds=settings.RUNGS_TASK_TIMEOUT)
        ).select_for_update(skip_locked=True)
        for row in stale:
            if len(row.worker_ids) >= limit:
                row.status, row.finished_at = FAILED, now
                row.exception_class_path = f"{Abandoned.__module__}.{Abandoned.__qualname__}"
                row.traceback = f"Abandoned: {len(row.worker_ids)} workers took it and stopped."
                row.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
                found.given_up += 1
                continue
            row.status = READY
            row.save(update_fields=["status"])
            found.abandoned += 1
            logger.warning(
                "Task %s (%s) was left running by a worker; queued again", row.pk, row.task_path
            )
    with transaction.atomic():
        # No failure older than this can still be due for another attempt.
        since = now - timedelta(seconds=RETRY_CAP_SECONDS * limit)
        failed = DBTaskResult.objects.filter(status=FAILED, finished_at__gte=since)
        for row in failed.select_for_update(skip_locked=True):
            attempts = len(row.worker_ids)
            if attempts >= limit or not is_passing(row.exception_class_path):
                continue
            if row.finished_at + timedelta(seconds=retry_delay(attempts)) > now:
                continue
            row.status = READY
            row.save(update_fields=["status"])
            found.retried += 1
            logger.info(
                "Task %s (%s) failed with %s; attempt %d of %d queued",
                row.pk,
                row.task_path,
                row.exception_class_path,
                attempts + 1,
                limit,
            )
    return found


class RecoveringWorker(Worker):
    """django-tasks-db's worker, which survives database restarts and runs `recover()`."""

    _recovery: threading.Thread | None = None
    _current = None  # the task being run, to put back in the queue if the database fails

    def run(self) -> None:
        self._start_recovery()
        delay = 1.0
        while True:
            started = time.monotonic()
            try:
                self._release_interrupted()
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return None
                if time.monotonic() - started > 60:
                    delay = 1.0
                logger.warning("Task worker: %s; trying again in %.0fs", describe(error), delay)
                connections.close_all()
                time.sleep(delay)
                delay = min(delay * 2, 30.0)

    def run_task(self, db_task_result) -> None:
        self._current = db_task_result.pk
        super().run_task(db_task_result)  # records success or failure itself…
        self._current = None  # …unless the database failed meanwhile: then this stays set

    def _release_interrupted(self) -> None:
        """The task the database took away from under this worker goes back in the queue."""
        if self._current is not None:
            DBTaskResult.objects.filter(pk=self._current, status=RUNNING).update(status=READY)
            self._current = None

    def _start_recovery(self) -> None:
        if self._recovery is None:
            self._recovery = threading.Thread(
                target=self._recover_forever, name="task-recovery", daemon=True
            )
            self._recovery.start()

    def _recover_forever(self) -> None:
        while self.running:
            try:
                recover()
            except (OperationalError, InterfaceError, CacheUnavailable):
                pass  # the main loop says when the database is down
            except Exception:
                logger.exception("Task recovery failed")
            finally:
                connections.close_all()  # this thread's own connections
            time.sleep(settings.RUNGS_TASK_RECOVERY_SECONDS)
