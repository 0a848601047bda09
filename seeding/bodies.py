"""The pool of distinct bodies, each rendered once by the application's own markdown pipeline.

Rendering costs a few milliseconds per body, far too much for a million rows, so the seeder
draws a few thousand distinct texts, renders each once with `render_markdown` /
`render_inline` (in two worker processes when there are many) and reuses them across rows.
No HTML is ever written by hand here.
"""

import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from core.text import one_line
from forum.markdown import excerpt, render_inline, render_markdown
from seeding import prose
from seeding.shapes import Plan, body_length, rng_for

PROCESSES = 2
# Below this many texts, starting worker processes costs more than it saves.
PARALLEL_FROM = 800
CHUNK = 250


@dataclass(frozen=True)
class Pools:
    questions: list[tuple[str, str, str]]  # (markdown, html, excerpt)
    answers: list[tuple[str, str]]  # (markdown, html)
    comments: list[tuple[str, str]]  # (stored one-line text, html)

    @property
    def size(self) -> int:
        return len(self.questions) + len(self.answers) + len(self.comments)


def _render_chunk(job: tuple[str, list[str]]) -> list[tuple[str, ...]]:
    """Worker: render one chunk of texts with the application's functions."""
    kind, texts = job
    if kind == "question":
        return [(text, html, excerpt(html)) for text in texts for html in [render_markdown(text)]]
    if kind == "answer":
        return [(text, render_markdown(text)) for text in texts]
    # A comment is stored as one line (comment_create), rendered from what was typed.
    return [(one_line(text), render_inline(text)) for text in texts]


def _distinct(rng: Random, count: int, make: Callable[[Random], str]) -> list[str]:
    """`count` different texts (fewer if the generator runs out of variety), in draw order."""
    seen: dict[str, None] = {}
    for _ in range(count * 3):
        seen.setdefault(make(rng), None)
        if len(seen) == count:
            break
    return list(seen)


def texts(plan: Plan) -> dict[str, list[str]]:
    rng = rng_for(plan.seed, "bodies")
    return {
        "question": _distinct(
            rng,
            plan.question_bodies,
            lambda r: prose.question_body(r, body_length(r, 850, 400, 2500)),
        ),
        "answer": _distinct(
            rng,
            plan.answer_bodies,
            lambda r: prose.answer_body(r, body_length(r, 280, 150, 3000, 0.8)),
        ),
        "comment": _distinct(rng, plan.comment_bodies, prose.comment_text),
    }


def build(plan: Plan) -> Pools:
    drawn = texts(plan)
    jobs = [
        (kind, items[start : start + CHUNK])
        for kind, items in drawn.items()
        for start in range(0, len(items), CHUNK)
    ]
    if sum(len(items) for items in drawn.values()) >= PARALLEL_FROM:
        # "spawn": the workers start clean, sharing no database connection with this process.
        with multiprocessing.get_context("spawn").Pool(PROCESSES) as workers:
            results = workers.map(_render_chunk, jobs, chunksize=1)
    else:
        results = [_render_chunk(job) for job in jobs]
    rendered: dict[str, list] = {"question": [], "answer": [], "comment": []}
    for (kind, _), rows in zip(jobs, results, strict=True):
        rendered[kind].extend(rows)
    return Pools(
        questions=rendered["question"],
        answers=rendered["answer"],
        comments=rendered["comment"],
    )
