"""Speed figures for the pages people hit most. Prints a table; asserts nothing.

    make bench                      # SQLite, in a throwaway file
    DATABASE_URL=postgres://... make bench   # an empty PostgreSQL database you can spare

Fills the database with a sizeable forum (bulk inserts, then the real search index and
reputation recount), then times each page through Django's test client.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", 2000))
ANSWERS_PER_QUESTION = 4
COMMENTS_PER_QUESTION = 4
RUNS = int(os.environ.get("BENCH_RUNS", 20))
WORDS = [
    *("promotion", "pip", "manager", "senior", "mid", "junior", "growth", "plan", "review"),
    *("burnout", "deadline", "on-call", "kubernetes", "design", "mentoring", "feedback"),
    *("scope", "project", "incident", "ownership", "interview", "career"),
]


def sentence(n: int) -> str:
    return " ".join(random.choice(WORDS) for _ in range(n)).capitalize() + "."


def fill() -> None:
    from taggit.models import Tag

    from accounts.models import User
    from forum.markdown import render_inline, render_markdown
    from forum.models import Answer, Comment, Question, TaggedQuestion, Vote
    from forum.search.index import rebuild_index
    from forum.services.reputation import reputation_recompute
    from ladder.models import Level
    from ladder.services import ladder_load

    ladder_load(path=settings.LADDER_DATA_FILE)
    levels = list(Level.objects.all())
    users = User.objects.bulk_create(
        User(username=f"bench{i}", email=f"bench{i}@example.com", band="mid") for i in range(200)
    )
    tags = Tag.objects.bulk_create(Tag(name=w, slug=w) for w in sorted(set(WORDS)))
    now = timezone.now()
    questions = []
    for i in range(QUESTIONS):
        body = " ".join(sentence(12) for _ in range(6))
        questions.append(
            Question(
                author=random.choice(users),
                title=f"Question {i}: {sentence(8)}"[:150],
                slug=f"question-{i}",
                body=body,
                body_html=render_markdown(body),
                level=random.choice(levels),
                created_at=now - timezone.timedelta(minutes=i),
                last_activity_at=now - timezone.timedelta(minutes=i),
                answer_count=ANSWERS_PER_QUESTION,
                score=random.randint(-2, 20),
                is_anonymous=i % 10 == 0,
            )
        )
    questions = Question.objects.bulk_create(questions, batch_size=500)
    TaggedQuestion.objects.bulk_create(
        (
            TaggedQuestion(content_object=q, tag=t)
            for q in questions
            for t in random.sample(tags, 3)
        ),
        batch_size=1000,
    )
    answers = Answer.objects.bulk_create(
        (
            Answer(
                question=q,
                author=random.choice(users),
                body=(text := " ".join(sentence(15) for _ in range(4))),
                body_html=render_markdown(text),
                created_at=q.created_at,
            )
            for q in questions
            for _ in range(ANSWERS_PER_QUESTION)
        ),
        batch_size=1000,
    )
    Comment.objects.bulk_create(
        (
            Comment(
                answer=a,
                author=random.choice(users),
                body=(text := sentence(10)),
                body_html=render_inline(text),
            )
            for a in random.sample(answers, len(questions) * COMMENTS_PER_QUESTION // 2)
        ),
        batch_size=1000,
    )
    voters = users[:50]
    Vote.objects.bulk_create(
        (
            Vote(user=v, answer=a, value=random.choice((1, 1, 1, -1)))
            for a in answers[: len(answers) // 2]
            for v in random.sample(voters, 3)
            if v.pk != a.author_id
        ),
        batch_size=2000,
        ignore_conflicts=True,
    )
    rebuild_index()
    reputation_recompute()


def measure(client: Client, url: str) -> tuple[float, float, int]:
    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main() -> None:
    random.seed(7)
    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    fill()
    print(f"Database: {connection.vendor}; filled in {time.perf_counter() - started:.1f}s")
    from accounts.models import User
    from forum.models import Answer, Comment, Question

    print(
        f"Rows: {Question.objects.count()} questions, {Answer.objects.count()} answers, "
        f"{Comment.objects.count()} comments; {RUNS} requests per page\n"
    )
    question = Question.objects.order_by("pk")[QUESTIONS // 2]
    client = Client()
    client.force_login(User.objects.get(username="bench1"))
    pages = [
        ("home", "/"),
        ("question list, newest", "/questions/"),
        ("question list, votes + level + tag", "/questions/?sort=votes&level=mid&tag=pip"),
        ("question list, page 50", "/questions/?page=50"),
        ("question page", question.get_absolute_url()),
        ("search 'senior manager'", "/search/?q=senior+manager"),
        ("search phrase + exclusion", '/search/?q="growth+plan"+-burnout'),
        ("ladder compare mid→senior", "/ladder/compare/mid/senior/"),
        ("feed (Atom)", "/feeds/questions/atom/"),
    ]
    print(f"{'page':40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages:
        median, p95, queries = measure(client, url)
        print(f"{name:40} {median:10.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
