from django.core.management.base import BaseCommand

from forum.search.index import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the full-text search index (PostgreSQL tsvector or SQLite FTS5)."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} questions."))
