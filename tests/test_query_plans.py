"""On PostgreSQL, no page reads a content table from end to end.

A forum of several thousand questions is written straight into the tables, the planner is
given statistics, and then every query that the busiest pages run (captured while the pages
render, with every cache turned off) is explained. A sequential scan on a table that grows with
the forum would make that page slower with every post; an index must lead there instead.
"""

import json
import random
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from accounts.models import User
from forum import related, tallies
from forum.markdown import excerpt, render_markdown
from forum.models import Answer, Comment, Notification, Question, TaggedQuestion, Vote
from forum.search.index import rebuild_index
from ladder.models import Level

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="query plans are PostgreSQL's alone"
    ),
    # Transactional, so that VACUUM may run: autovacuum keeps the visibility map that lets
    # PostgreSQL skip through an index alone; a test must do it by hand.
    pytest.mark.django_db(transaction=True),
]

QUESTIONS, ANSWERS_EACH, TAGS = 6000, 4, 60
CONTENT_TABLES = {
    "forum_question",
    "forum_answer",
    "forum_comment",
    "forum_vote",
    "forum_taggedquestion",
    "forum_question_search",
    "forum_notification",
    "forum_revision",
}
BODY = render_markdown("I want to grow from **mid** to senior; my manager says scope matters.")


@pytest.fixture
def forum(ladder, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.RUNGS_PAGE_CACHE = False
    rng = random.Random(7)
    levels = list(Level.objects.all())
    people = User.objects.bulk_create(
        User(username=f"planner{n}", email=f"planner{n}@example.com", band="mid")
        for n in range(300)
    )
    tags = Tag.objects.bulk_create(Tag(name=f"topic-{n}", slug=f"topic-{n}") for n in range(TAGS))
    start = timezone.now() - timedelta(days=900)
    questions = Question.objects.bulk_create(
        (
            Question(
                author=rng.choice(people),
                title=f"Question {n} about growing at work",
                slug=f"question-{n}",
                body="…",
                body_html=BODY,
                excerpt=excerpt(BODY),
                level=rng.choice(levels),
                created_at=start + timedelta(minutes=n * 200),
                last_activity_at=start + timedelta(minutes=n * 200 + 30),
                answer_count=ANSWERS_EACH,
                score=rng.randint(-2, 30),
                is_hidden=n % 97 == 0,
            )
            for n in range(QUESTIONS)
        ),
        batch_size=2000,
    )
    TaggedQuestion.objects.bulk_create(
        (
            TaggedQuestion(content_object=question, tag=tag)
            for question in questions
            # Skewed: topic-0 on a third of the questions, the rest spread thin.
            for tag in {tags[0] if rng.random() < 0.33 else rng.choice(tags), rng.choice(tags)}
        ),
        batch_size=5000,
    )
    answers = Answer.objects.bulk_create(
        (
            Answer(
                question=question,
                author=rng.choice(people),
                body="…",
                body_html=BODY,
                created_at=question.created_at + timedelta(minutes=k + 1),
                score=rng.randint(-1, 10),
            )
            for question in questions
            for k in range(ANSWERS_EACH)
        ),
        batch_size=5000,
    )
    Comment.objects.bulk_create(
        (
            Comment(answer=answer, author=rng.choice(people), body="Good point.", body_html="x")
            for answer in answers[::2]
        ),
        batch_size=5000,
    )
    Vote.objects.bulk_create(
        (Vote(user=people[k], answer=answer, value=1) for answer in answers[:8000] for k in (1, 2)),
        batch_size=5000,
    )
    Notification.objects.bulk_create(
        (
            Notification(recipient=people[0], kind="answer", question=answer.question)
            for answer in answers[:3000]
        ),
        batch_size=5000,
    )
    rebuild_index()
    tallies.recount()
    related.refresh_all()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return {"questions": questions, "tags": tags, "reader": people[0]}


def _scans(plan: dict) -> list[tuple[str, str]]:
    """Every (node type, table) in a JSON plan tree."""
    found = [(plan["Node Type"], plan.get("Relation Name", ""))]
    for child in plan.get("Plans", []):
        found += _scans(child)
    return found


def _full_scans(queries: list[dict]) -> list[str]:
    problems = []
    with connection.cursor() as cursor:
        for query in queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
            (raw,) = cursor.fetchone()
            plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
            problems += [
                f"{table}: {sql[:160]}"
                for node, table in _scans(plan)
                if node == "Seq Scan" and table in CONTENT_TABLES
            ]
    return problems


PAGES = [
    "/",
    "/questions/",
    "/questions/?sort=votes",
    "/questions/?sort=active",
    "/questions/?sort=unanswered",
    "/questions/?page=250",
    "/questions/level/mid/",
    "/questions/level/senior/?sort=votes",
    "/questions/tagged/topic-0/",
    "/questions/tagged/topic-59/",
    "/questions/?level=mid&tag=topic-0",
    "/search/?q=manager",
    "/search/?q=question+growing",
    "/search/?q=growing&answers=accepted",
    "/search/?q=promtion+growng",  # nothing found: "did you mean" asks the trigram indexes
    "/tags/",
    "/feeds/questions/rss/",
    "/feeds/tag/topic-0/atom/",
    "/sitemap.xml",
    "/sitemap-questions.xml?p=2",
    "/ladder/mid/",
]


def _explained(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [f"{url} → {problem}" for problem in _full_scans(captured.captured_queries)]


def test_no_page_scans_a_content_table(client, forum):
    """One test, one forum: filling it is the slow part."""
    problems = []
    for url in PAGES:
        problems += _explained(client, url)
    # The Next link of a list seeks through the index with its cursor.
    first = client.get("/questions/?sort=votes").text
    cursor = first.split("after=")[1].split('"')[0]
    problems += _explained(client, f"/questions/?sort=votes&page=2&after={cursor}")
    question = next(q for q in reversed(forum["questions"]) if not q.is_hidden)
    problems += _explained(client, question.get_absolute_url())
    client.force_login(forum["reader"])
    problems += _explained(client, question.get_absolute_url())
    problems += _explained(client, "/notifications/")
    # Similar questions while typing a title: the full-text and trigram indexes answer.
    problems += _explained(client, "/questions/similar/?title=How+to+negotiate+a+raise+at+work")
    problems += _explained(client, "/questions/similar/?title=Question+about+growing+at+work")
    assert problems == [], "\n".join(problems)
