"""Seeding from start to end: bodies, people and tags, the threads, then the app's rebuilders.

The derived tables (search index, tag and level tallies, related questions, reputation) are
filled by the application's own set-based rebuilders, timed one by one.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from allauth.account.models import EmailAddress
from django.db import connection
from django.db.models import Count
from taggit.models import Tag

from accounts.models import User
from forum import related, tallies
from forum.models import Answer, Comment, Notification, Question, Revision, TaggedQuestion, Vote
from forum.search.index import rebuild_index
from forum.services.reputation import reputation_recompute
from ladder.models import Level
from moderation.models import AuditEntry
from seeding import bodies, people, shapes, topics
from seeding.records import Recorder
from seeding.shapes import DAY, HOUR, Plan, rng_for
from seeding.threads import Drawer, Post
from seeding.writer import Writer, analyze, in_background

CHUNK = 1_000  # questions per transaction: bounded memory and deferred foreign-key checks


class Refused(Exception):
    """The database is not one seed_scale may fill."""


class Timings(dict[str, float]):
    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self[name] = time.perf_counter() - started


def _refuse_unless_empty() -> None:
    if Question.objects.exists():
        raise Refused(
            "The forum already has questions; seed_scale only fills an empty one "
            "(start from a fresh database: migrate, load_ladder, seed_scale)."
        )
    if not set(topics.LEVEL_WORDS) <= set(Level.objects.values_list("slug", flat=True)):
        raise Refused("The ladder's levels are missing: run `manage.py load_ladder` first.")


def _giants(plan: Plan) -> dict[int, int]:
    """Which questions get 150–400 answers (the first of them at least 200)."""
    rng = rng_for(plan.seed, "giants")
    chosen = rng.sample(range(plan.questions), plan.giants)
    return {index: rng.randint(200 if n == 0 else 150, 400) for n, index in enumerate(chosen)}


def _threads(
    plan: Plan,
    writer: Writer,
    crowd: people.People,
    subjects: topics.Topics,
    pools: bodies.Pools,
    say: Callable[[str], None],
) -> None:
    """Draw every thread in time order and hand each chunk of rows to the writer."""
    rng = rng_for(plan.seed, "threads")
    recorder = Recorder(plan, writer, crowd, subjects, pools)
    sizes = {
        "question": len(pools.questions),
        "answer": len(pools.answers),
        "comment": len(pools.comments),
    }
    ids = {"answer": recorder.answers.new_id, "comment": recorder.comments.new_id}
    drawer = Drawer(rng, crowd, ids, sizes)
    giants = _giants(plan)
    times = shapes.question_times(rng_for(plan.seed, "times"), plan.questions)
    started, step = time.perf_counter(), max(CHUNK, plan.questions // 10)
    for index, created in enumerate(times):
        asker = drawer.person(crowd.ask, created)
        band = crowd.band(asker)
        anonymous = rng.random() < shapes.ANONYMOUS_QUESTION
        question = Post(recorder.questions.new_id(), asker, anonymous, band, created)
        level = subjects.pick_level(rng, band)
        tag_ids = subjects.pick_tags(rng)
        other = tag_ids[-1] if len(tag_ids) > 1 else subjects.pick_tags(rng)[0]
        title = topics.title(rng, subjects.phrases[tag_ids[0]], subjects.phrases[other], level)
        giant = giants.get(index)
        answers = giant if giant else shapes.answer_count(rng)
        thread = drawer.thread(question, answers, 2 * DAY if giant else 8 * HOUR)
        drawer.hide(thread, crowd.moderators, keep_question=giant is not None)
        recorder.record(thread, level=level, tag_ids=tag_ids, title=title)
        if (index + 1) % CHUNK == 0:
            writer.flush()
        if (index + 1) % step == 0 and index + 1 < plan.questions:
            say(f"  {index + 1} threads drawn and queued ({time.perf_counter() - started:.0f}s)")
    writer.finish()


REBUILDERS: tuple[tuple[str, Callable[[], object]], ...] = (
    ("  search.index.rebuild_index", rebuild_index),
    ("  tallies.recount", tallies.recount),
    ("  related.refresh_all", related.refresh_all),
    ("  services.reputation.reputation_recompute", reputation_recompute),
)


def _rebuild(timings: Timings, parallel: bool) -> None:
    """The app's rebuilders. On PostgreSQL the search index (work for the database) is rebuilt
    on a second connection while the others run: they touch different tables."""

    def timed(name: str, rebuild: Callable[[], object]) -> Callable[[], None]:
        def work() -> None:
            with timings.phase(name):
                rebuild()

        return work

    steps = [timed(name, rebuild) for name, rebuild in REBUILDERS]
    if not parallel:
        for step in steps:
            step()
        return
    wait = in_background(steps[0])
    try:
        for step in steps[1:]:
            step()
    finally:
        wait()


def seed(*, questions: int, seed: int, until: datetime, say: Callable[[str], None]) -> Timings:
    _refuse_unless_empty()
    plan = Plan.for_size(questions, seed, until)
    timings, started = Timings(), time.perf_counter()
    with timings.phase("bodies (render pool)"):
        pools = bodies.build(plan)
    say(f"Rendered {pools.size} distinct bodies in {timings['bodies (render pool)']:.1f}s")
    # Threads only on PostgreSQL outside a transaction (tests wrap each test in one, and their
    # data would be invisible to other connections); SQLite writes from one connection anyway.
    parallel = connection.vendor == "postgresql" and not connection.in_atomic_block
    writer = Writer()
    with timings.phase("people and tags"):
        crowd = people.create(plan, writer)
        subjects = topics.create(plan, writer)
        writer.finish()
    with timings.phase("threads (generate + write)"):
        threaded = Writer(threads=2 if parallel else 0)
        try:
            _threads(plan, threaded, crowd, subjects, pools, say)
        finally:
            threaded.close()
    with timings.phase("moderators group"):
        people.make_moderators(crowd)
    with timings.phase("analyze"):
        analyze(table.name for table in writer.tables + threaded.tables)
    with timings.phase("rebuilders (wall clock; each below)"):
        _rebuild(timings, parallel)
    with timings.phase("analyze derived"):
        analyze(["forum_question_search", "forum_tagstat", "forum_levelstat", "forum_question",
                 "accounts_user"])  # fmt: skip
    timings["total"] = time.perf_counter() - started
    return timings


def summary() -> list[str]:
    """Counts per table, the biggest thread and the most popular tag's share."""
    models = (User, EmailAddress, Tag, Question, TaggedQuestion, Answer, Comment, Vote, Revision,
              Notification, AuditEntry)  # fmt: skip
    lines = [f"  {m._meta.db_table:<24} {m.objects.count():>10,}" for m in models]
    table = "forum_question_search" if connection.vendor == "postgresql" else "forum_question_fts"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - a fixed name
        lines.append(f"  {table:<24} {cursor.fetchone()[0]:>10,}")
    biggest = Question.objects.order_by("-answer_count", "pk").values("pk", "answer_count").first()
    if biggest:
        lines.append(f"Biggest thread: question {biggest['pk']}, {biggest['answer_count']} answers")
    visible = Question.objects.visible().count()
    top = (
        TaggedQuestion.objects.filter(content_object__is_hidden=False)
        .values("tag__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "tag__name")
        .first()
    )
    if top and visible:
        lines.append(
            f"Top tag: {top['tag__name']} on {top['n'] / visible:.1%} of visible questions"
        )
    return lines
