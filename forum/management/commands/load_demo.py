"""`manage.py load_demo`: demo people and questions from forum/demo/content.yaml.

Everything goes through the services (question_create, answer_create, comment_create, vote_cast,
answer_accept) so counters, the search index, reputation and notifications stay consistent; the
command only backdates timestamps afterwards so the forum looks lived in.

Safe to run again and again: people are found by username, questions by (author, title), answers
by (author, question), comments by (author, post, body), votes by (voter, post). Whatever exists
is left alone; whatever is missing is created. A second run creates nothing.
"""

from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from forum.demo import CONTENT_FILE
from forum.demo.checks import check_content
from forum.demo.loader import DemoLoader
from ladder.models import Level


class Command(BaseCommand):
    help = "Load the demo people and questions (safe to run again: it only adds what is missing)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=CONTENT_FILE)

    def handle(self, *args, file: Path, **options):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"No demo content file at {file}") from None
        except yaml.YAMLError as error:
            raise CommandError(f"{file.name} is not valid YAML: {error}") from None
        levels = {level.slug: level for level in Level.objects.all()}
        if not levels:
            raise CommandError("The ladder is not loaded: run `manage.py load_ladder` first.")
        problems = check_content(data, set(levels))
        if problems:
            raise CommandError(f"{file.name}:\n  " + "\n  ".join(problems))

        loader = DemoLoader(now=timezone.now(), levels=levels)
        with transaction.atomic():
            for person in data["people"]:
                loader.person(person)
            for question in data["questions"]:
                loader.question(question)
            loader.downvotes()
        tally = loader.tally
        style = self.style.SUCCESS if tally.created else (lambda text: text)
        self.stdout.write(style(tally.summary()))
