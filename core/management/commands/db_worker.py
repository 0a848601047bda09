"""`manage.py db_worker`: django-tasks-db's worker, made to survive what production throws at it
(core/worker.py): database restarts, workers killed halfway through a task, passing failures of
the mail server. Same options as django-tasks-db's; this app comes before django_tasks_db in
INSTALLED_APPS so that this command is the one `manage.py` finds."""

from django_tasks_db.management.commands import db_worker as upstream

from core.worker import RecoveringWorker


class Command(upstream.Command):
    help = (
        "Run the background task worker; it re-queues abandoned tasks and retries passing "
        "failures (docs/operations.md)."
    )

    def handle(self, *args, **options) -> None:
        upstream.Worker = RecoveringWorker  # the upstream command builds its worker by this name
        super().handle(*args, **options)
