from django.core.management.base import BaseCommand

from forum.services.badges import badges_backfill


class Command(BaseCommand):
    help = "Award every badge to everyone who has earned it (badges earned before badges existed)."

    def handle(self, *args, **options):
        awarded = badges_backfill()
        self.stdout.write(self.style.SUCCESS(f"Badges checked; {awarded} new awards."))
