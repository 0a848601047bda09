from django.core.management.base import BaseCommand

from forum.services.reputation import reputation_recompute


class Command(BaseCommand):
    help = "Recount everyone's reputation from votes and accepted answers (fixes any drift)."

    def handle(self, *args, **options):
        changed = reputation_recompute()
        self.stdout.write(self.style.SUCCESS(f"Reputation recounted; {changed} people changed."))
