"""The forum's proportions and the skewed distributions behind them.

Everything is a function of the number of questions N and a `random.Random`, so the same seed
always gives the same forum. Times are whole seconds from the start of the three-year window.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from random import Random

YEARS = 3
SPAN = YEARS * 365 * 86_400  # seconds of history ending at --until
DEFAULT_UNTIL = datetime(2026, 11, 1, tzinfo=UTC)
HOUR, DAY = 3_600, 86_400

# Rates per question, answer, comment (the brief's shares).
UNANSWERED = 0.10
ANSWERS_MEAN = 10.6  # exponential mean; 1 + its floor averages 11.1, so 10 per question overall
ANSWERS_CAP = 80
QUESTION_VOTES, ANSWER_VOTES = 4.7, 2.35  # means: with accepted answers, ~30 votes per question
QUESTION_COMMENTS, ANSWER_COMMENTS = 1.5, 0.35  # about 5 comments per question
ANONYMOUS_QUESTION, ANONYMOUS_ANSWER = 0.08, 0.03
ACCEPTED = 0.40  # of answered questions
EDITED = 0.04
UPVOTE, RETRACTED = 0.85, 0.03
HIDDEN_BY_MODERATOR = {"question": 0.005, "answer": 0.01, "comment": 0.01}
DELETED_BY_AUTHOR = {"question": 0.002, "answer": 0.003, "comment": 0.003}


@dataclass(frozen=True)
class Plan:
    """How big each part of the forum is for N questions."""

    questions: int
    seed: int
    until: datetime
    people: int
    tags: int
    moderators: int
    question_bodies: int
    answer_bodies: int
    comment_bodies: int
    giants: int  # threads of 150–400 answers

    @classmethod
    def for_size(cls, questions: int, seed: int, until: datetime) -> "Plan":
        return cls(
            questions=questions,
            seed=seed,
            until=until,
            people=max(20, questions // 5),
            tags=min(300, max(20, questions // 10)),
            moderators=max(2, questions // 10_000),
            # Rendering is the slow part: a few thousand distinct bodies, reused across rows.
            question_bodies=min(3_000, max(40, questions // 4)),
            answer_bodies=min(10_000, max(120, questions)),
            comment_bodies=min(5_000, max(100, questions // 2)),
            giants=questions // 2_000,
        )

    @property
    def start(self) -> datetime:
        return self.until - timedelta(seconds=SPAN)

    def clock(self) -> Callable[[int | None], datetime | None]:
        """Seconds into the window as datetimes (fromtimestamp: one C call, no timedelta)."""
        base = self.start.timestamp()

        def at(moment: int | None) -> datetime | None:
            return None if moment is None else datetime.fromtimestamp(base + moment, UTC)

        return at


def rng_for(seed: int, phase: str) -> Random:
    """One generator per phase, so changing one phase's draws leaves the others alone."""
    return Random(f"rungs-seed:{seed}:{phase}")  # noqa: S311 - reproducible test data, not secrets


def zipf_weights(count: int, exponent: float) -> list[float]:
    return [1 / rank**exponent for rank in range(1, count + 1)]


def cumulative(weights: list[float]) -> list[float]:
    return list(accumulate(weights))


TAGS_PER_QUESTION = (1, 2, 3, 4, 5)
_TAG_COUNT_SHARES = (0.18, 0.32, 0.27, 0.15, 0.08)
TAGS_WEIGHTS = cumulative(list(_TAG_COUNT_SHARES))


def tag_exponent(count: int, top_share: float = 0.37) -> float:
    """The Zipf exponent that puts the most popular tag on about `top_share` of questions,
    whatever the number of tags (bisection on the chance of drawing it in a few tries)."""
    mean_tags = sum(
        n * share for n, share in zip(TAGS_PER_QUESTION, _TAG_COUNT_SHARES, strict=True)
    )
    low, high = 0.0, 3.0
    for _ in range(40):
        middle = (low + high) / 2
        weights = zipf_weights(count, middle)
        share = 1 - (1 - weights[0] / sum(weights)) ** mean_tags
        low, high = (middle, high) if share < top_share else (low, middle)
    return (low + high) / 2


def lomax_scale(mean: float, alpha: float, cap: int) -> float:
    """The scale at which floor(Lomax(alpha, scale)), capped, has the given mean."""

    def floored_mean(scale: float) -> float:
        return sum((1 + k / scale) ** -alpha for k in range(1, cap + 1))

    low, high = 1e-3, 1e3
    for _ in range(60):
        middle = math.sqrt(low * high)
        low, high = (middle, high) if floored_mean(middle) < mean else (low, middle)
    return math.sqrt(low * high)


def skewed_count(rng: Random, scale: float, alpha: float, cap: int) -> int:
    """Pareto-skewed counts: most posts get few votes or comments, a few get very many."""
    return min(cap, int(scale * (rng.paretovariate(alpha) - 1)))


def answer_count(rng: Random) -> int:
    if rng.random() < UNANSWERED:
        return 0
    return min(ANSWERS_CAP, 1 + int(rng.expovariate(1 / ANSWERS_MEAN)))


def question_times(rng: Random, count: int) -> list[int]:
    """Question times, in order, with traffic growing: three times as many questions at the end
    of the window as at its start (density 1 + 2x, sampled by inverting its distribution)."""
    times = [(-1 + math.sqrt(1 + 8 * rng.random())) / 2 * SPAN for _ in range(count)]
    return sorted(int(t) for t in times)


def after(rng: Random, start: int, median: float, limit: int, sigma: float = 1.6) -> int:
    """A moment after `start`, usually soon (log-normal delay), never after `limit`."""
    if limit <= start:
        return limit
    moment = start + 1 + int(median * math.exp(sigma * rng.gauss()))
    return moment if moment <= limit else start + 1 + int(rng.random() * (limit - start - 1))


def body_length(rng: Random, median: int, low: int, high: int, sigma: float = 0.55) -> int:
    return max(low, min(high, int(median * math.exp(sigma * rng.gauss()))))


def view_count(rng: Random, answers: int, score: int, age_days: float) -> int:
    """Views grow with answers, score and age, with a long tail of very popular threads."""
    base = 8 + 6 * answers + 4 * max(score, 0) + 2 * math.sqrt(age_days)
    return int(base * rng.paretovariate(1.8))
