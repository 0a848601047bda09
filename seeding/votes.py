"""Votes: the most numerous rows (about 30 per question), so this loop is kept lean.

Counts per post are Pareto-skewed (most posts get a handful, a few get hundreds); 85% are
upvotes; a few were clicked again later and sit at 0 (services.vote_cast never deletes a vote).
Nobody votes on their own post, and nobody votes twice on one post.
"""

import math
from bisect import bisect
from datetime import UTC, datetime
from random import Random

from seeding import shapes
from seeding.people import People
from seeding.shapes import DAY, HOUR, after, skewed_count
from seeding.writer import Table

ALPHA = 1.6
DELAY, SIGMA = 12 * HOUR, 2.0  # most votes come within a day or two of the post


class Voting:
    def __init__(self, rng: Random, people: People, table: Table, start: datetime) -> None:
        self.rng, self.people, self.table = rng, people, table
        self.base = start.timestamp()
        self.cap = max(1, min(len(people.ids) - 1, 2_000))
        self.scale = {
            "question": shapes.lomax_scale(shapes.QUESTION_VOTES, ALPHA, self.cap),
            "answer": shapes.lomax_scale(shapes.ANSWER_VOTES, ALPHA, self.cap),
        }

    def cast(self, kind: str, post_id: int, author: int, created: int, horizon: int,
             boost: float = 1.0) -> int:  # fmt: skip
        """Votes on one post, all before `horizon` (when it was hidden); returns the score."""
        rng, add, new_id, base = self.rng, self.table.add, self.table.new_id, self.base
        random, gauss, exp, fromtimestamp = rng.random, rng.gauss, math.exp, datetime.fromtimestamp
        count = skewed_count(rng, self.scale[kind], ALPHA, self.cap)
        if boost > 1:
            count = min(self.cap, int(count * boost) + 1)
        question, answer = (post_id, None) if kind == "question" else (None, post_id)
        score, room = 0, horizon - created - 1
        for voter in self._voters(count, author, created):
            moment = created + 1 + int(DELAY * exp(SIGMA * gauss()))  # `after`, inlined
            if moment > horizon:
                moment = created + 1 + int(random() * room) if room > 0 else horizon
            value = 1 if random() < shapes.UPVOTE else -1
            at = fromtimestamp(base + moment, UTC)
            changed = at
            if random() < shapes.RETRACTED:  # clicked again later: the row stays, at 0
                value = 0
                changed = fromtimestamp(base + after(rng, moment, DAY, horizon), UTC)
            score += value
            add((new_id(), voter, question, answer, value, at, changed))
        return score

    def _voters(self, count: int, author: int, created: int) -> list[int]:
        """`count` different people who had joined when the post appeared, never its author,
        the more active ones more often."""
        rng, ids, weights = self.rng, self.people.ids, self.people.vote
        joined = self.people.joined_by(created)
        count = min(count, joined - 1)
        if count <= 0:
            return []
        if count * 3 > joined:
            drawn = rng.sample(range(joined), min(joined, count + 1))
            return [v for v in (ids[i] for i in drawn) if v != author][:count]
        random, last, total = rng.random, joined - 1, weights[joined - 1]
        chosen: dict[int, None] = {}
        for _ in range(10):
            for _ in range(count - len(chosen)):
                chosen[ids[bisect(weights, random() * total, 0, last)]] = None
            chosen.pop(author, None)
            if len(chosen) >= count:
                break
        return list(chosen)[:count]
