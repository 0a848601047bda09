"""Queue the daily and weekly digests that are due; run it every hour (docs/operations.md)."""

from django.core.management.base import BaseCommand

from forum import digests
from forum.tasks import send_digest


class Command(BaseCommand):
    help = "Queue one digest task per person whose daily or weekly digest is due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send them here and now instead of through the task worker.",
        )

    def handle(self, *args, now: bool = False, **options) -> None:
        people = list(digests.due_people().values_list("pk", flat=True))
        for user_id in people:
            if now:
                digests.digest_send(user_id=user_id)
            else:
                send_digest.enqueue(user_id)
        verb = "Sent" if now else "Queued"
        self.stdout.write(f"{verb} {len(people)} digest{'s' if len(people) != 1 else ''} due.")
