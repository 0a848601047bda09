"""Runs inside Django, through `manage.py shell`: makes the bench's user and chooses, from the
seeded data, what to measure (pages, search queries) and where to write (questions, answers).

Prints a single line, `PICKS {json}`, that bench/scale.py reads.
"""

import json
import math
import os
import random
import re
from collections import Counter

BENCH_USERNAME = "bench-runner"
BENCH_EMAIL = "bench-runner@bench.rungs.localhost"
SEARCHES = 200
# PostgreSQL's English configuration drops these; a query of them alone matches nothing.
STOPWORDS = set(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself""".split()
)
WORD = re.compile(r"[a-z]+")


def main() -> None:
    from django.db.models import Count, F
    from django.db.models.functions import Abs

    from forum.models import Answer, Question, TaggedQuestion
    from ladder.models import Level

    rng = random.Random(int(os.environ.get("BENCH_SEED", "1")))
    writes = int(os.environ.get("BENCH_WRITE_TARGETS", "60"))
    user = _bench_user(os.environ["BENCH_PASSWORD"])

    visible = Question.objects.visible()
    open_questions = visible.filter(closed_at__isnull=True, locked_at__isnull=True)
    ten = (
        open_questions.annotate(off=Abs(F("answer_count") - 10)).order_by("off", "pk").first()
        or visible.order_by("pk").first()
    )
    most = visible.order_by("-answer_count", "pk").first()
    if ten is None or most is None:
        raise SystemExit("The database holds no visible questions: did seeding work?")
    tag = (
        TaggedQuestion.objects.filter(content_object__is_hidden=False)
        .values("tag__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "tag__slug")
        .first()
    )
    levels = list(Level.objects.order_by("order").values_list("slug", flat=True))

    try:
        from forum.selectors.lists import PAGE_SIZE
    except ImportError:
        PAGE_SIZE = 20
    question_count = visible.count()
    last_page = max(1, math.ceil(question_count / PAGE_SIZE))

    titles = list(visible.order_by("pk").values_list("title", flat=True)[:30000])
    searches, popular = _search_queries(titles, rng)

    # Where the bench writes: open threads with few answers, never the measured pages.
    measured = {ten.pk, most.pk}
    quiet = list(
        open_questions.filter(answer_count__lte=5)
        .exclude(pk__in=measured)
        .order_by("pk")
        .values_list("pk", "slug")[:20000]
    )
    rng.shuffle(quiet)
    answer_ids = list(
        Answer.objects.visible()
        .filter(question__in=open_questions.exclude(pk__in=measured))
        .exclude(author=user)
        .order_by("pk")
        .values_list("pk", "question_id", "question__slug")[:50000]
    )
    rng.shuffle(answer_ids)
    popular_tags = [
        row["tag__slug"]
        for row in TaggedQuestion.objects.values("tag__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "tag__slug")[:3]
    ]

    def url(pk: int, slug: str) -> str:
        return f"/questions/{pk}/{slug}/"

    picks = {
        "user": {"id": user.pk, "email": BENCH_EMAIL},
        "counts": _counts(),
        "levels": levels,
        "question_ten": {"id": ten.pk, "url": ten.get_absolute_url(), "answers": ten.answer_count},
        "question_most": {
            "id": most.pk,
            "url": most.get_absolute_url(),
            "answers": most.answer_count,
        },
        "tag": {"slug": tag["tag__slug"], "questions": tag["n"]} if tag else None,
        "page_size": PAGE_SIZE,
        "last_page": last_page,
        "searches": searches,
        "popular_search": popular,
        "answer_targets": [{"id": pk, "url": url(pk, slug)} for pk, slug in quiet[:writes]],
        "comment_targets": [
            {"id": pk, "url": url(pk, slug)} for pk, slug in quiet[writes : 2 * writes]
        ],
        "vote_targets": [
            {"id": pk, "question_url": url(qid, slug)} for pk, qid, slug in answer_ids[:writes]
        ],
        "ask_tags": popular_tags,
        "ask_level": "mid" if "mid" in levels else levels[0],
    }
    print("PICKS " + json.dumps(picks))


def _bench_user(password: str):
    from allauth.account.models import EmailAddress

    from accounts.models import User

    user = User.objects.filter(username=BENCH_USERNAME).first() or User(username=BENCH_USERNAME)
    user.email = BENCH_EMAIL
    user.display_name = "Bench Runner"
    user.band = "mid"
    user.is_active = True
    user.set_password(password)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=BENCH_EMAIL, defaults={"verified": True, "primary": True}
    )
    return user


def _counts() -> dict:
    from django.contrib.auth import get_user_model
    from taggit.models import Tag

    from forum.models import Answer, Comment, Question, Vote

    return {
        "questions": Question.objects.count(),
        "answers": Answer.objects.count(),
        "comments": Comment.objects.count(),
        "votes": Vote.objects.count(),
        "users": get_user_model().objects.count(),
        "tags": Tag.objects.count(),
    }


def _search_queries(titles: list[str], rng: random.Random) -> tuple[list[str], str]:
    """200 different queries made of words that occur in the titles: common words, pairs of
    them, rare words, and "quoted phrases" lifted from real titles."""
    tokenised = [WORD.findall(title.lower()) for title in titles]
    counts = Counter(w for words in tokenised for w in set(words) if _meaningful(w))
    if not counts:
        return ["promotion"], "promotion"
    common = [w for w, _ in counts.most_common(80)]
    rare = sorted(w for w, n in counts.items() if n <= 2 and len(w) >= 4)
    rng.shuffle(rare)
    phrases = []
    for words in rng.sample(tokenised, min(len(tokenised), 400)):
        if len(words) >= 3:
            start = rng.randrange(len(words) - 1)
            piece = words[start : start + rng.choice((2, 3))]
            if len(piece) >= 2 and _meaningful(piece[0]) and _meaningful(piece[-1]):
                phrases.append('"' + " ".join(piece) + '"')
    pairs = [f"{a} {b}" for a, b in (rng.sample(common, 2) for _ in range(200)) if len(common) > 1]

    queries: list[str] = []
    for source, wanted in ((common, 60), (pairs, 40), (rare, 50), (phrases, 50)):
        queries += [q for q in dict.fromkeys(source) if q not in queries][:wanted]
    for q in [*pairs, *phrases, *common]:  # small data: top up with whatever is left
        if len(queries) >= SEARCHES:
            break
        if q not in queries:
            queries.append(q)
    rng.shuffle(queries)
    return queries[:SEARCHES], common[0]


def _meaningful(word: str) -> bool:
    return len(word) >= 3 and word not in STOPWORDS
