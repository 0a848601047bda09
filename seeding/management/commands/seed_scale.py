"""`manage.py seed_scale --questions N [--seed S] [--until ISO] [--check] [--sample K]`

Fills an empty forum (after migrate and load_ladder) with N questions and everything around
them, reproducibly for a seed; `--check` compares a seeded forum with what the application
computes, alone or right after seeding. The work lives in seeding/.
"""

from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from seeding import check, run
from seeding.shapes import DEFAULT_UNTIL


def _instant(text: str) -> datetime:
    """An ISO 8601 instant; without a zone, UTC. (argparse reports a ValueError as usage.)"""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = "Fill an empty forum with realistic data at scale, or check a seeded one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--questions", type=int, help="How many questions to seed.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument(
            "--until",
            type=_instant,
            default=DEFAULT_UNTIL,
            help="The end of the three years of history (ISO 8601, UTC by default).",
        )
        parser.add_argument(
            "--check", action="store_true", help="Compare the data with the application's code."
        )
        parser.add_argument(
            "--sample", type=int, default=200, help="Rows of each kind --check looks at."
        )

    def handle(self, *args, questions, seed, until, check: bool, sample: int, **options):
        if questions is None and not check:
            raise CommandError("Give --questions N to seed, --check to verify, or both.")
        if questions is not None:
            if questions < 1:
                raise CommandError("--questions must be at least 1.")
            try:
                timings = run.seed(questions=questions, seed=seed, until=until, say=self._say)
            except run.Refused as error:
                raise CommandError(str(error)) from error
            self._say(f"Seeded {questions} questions (seed {seed}, until {until.isoformat()}):")
            for line in run.summary():
                self._say(line)
            self._say("Timings:")
            for name, seconds in timings.items():
                self._say(f"  {name:<40} {seconds:8.1f}s")
        if check:
            self._check(sample, seed)

    def _check(self, sample: int, seed: int) -> None:
        problems, seconds = check.run(sample=sample, seed=seed)
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"--check found {len(problems)} difference(s).")
        self._say(f"Check passed ({sample} of each kind sampled, {seconds:.1f}s).")

    def _say(self, line: str) -> None:
        self.stdout.write(line)
