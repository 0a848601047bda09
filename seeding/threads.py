"""One question's thread, as a timeline: the question, its answers, comments, edits, the
accepted answer and what was hidden, each at a moment that respects the app's rules.

Answers and comments come after their post; edits, accepts and hides happen while a post can
still take them (a post is hidden only after the last thing that happened to it); whoever
posted anonymously stays anonymous in the thread (`forum.identity.speaks_anonymously`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from forum.services.visibility import AUTHOR_DELETED
from seeding import shapes
from seeding.people import People
from seeding.shapes import DAY, HOUR, after, skewed_count

MODERATOR_REASONS = (
    "Spam",
    "Rude or abusive",
    "Off-topic for this forum",
    "Names a colleague who can be identified",
    "Shares confidential company details",
    "Self-promotion",
)


class Post:
    """A question, an answer or a comment while its thread is being drawn."""

    __slots__ = (
        "anonymous", "author", "band", "body", "comments", "created", "edited", "hidden_at",
        "hidden_by", "id", "latest", "original", "reason",
    )  # fmt: skip

    def __init__(self, post_id: int, author: int, anonymous: bool, band: str, created: int):
        self.id, self.author, self.anonymous, self.band = post_id, author, anonymous, band
        self.created = self.latest = created
        self.body = self.original = 0  # pool indexes: the current body, revision 1's body
        self.edited: int | None = None
        self.hidden_at: int | None = None
        self.hidden_by: int | None = None
        self.reason = ""
        self.comments: list[Post] = []


@dataclass
class Thread:
    question: Post
    answers: list[Post] = field(default_factory=list)
    accepted: Post | None = None
    accepted_at: int = 0

    def posts(self) -> list[Post]:
        return [self.question, *self.answers]


def _anonymous_here(author: int, question: Post, answers: list[Post]) -> bool:
    """identity.speaks_anonymously while drawing: the person asked the question anonymously,
    or gave one of `answers` (those posted so far) anonymously."""
    return any(p.anonymous and p.author == author for p in (question, *answers))


class Drawer:
    """Draws threads one after another from one random generator (so: reproducibly)."""

    def __init__(
        self,
        rng: Random,
        people: People,
        ids: dict[str, Callable[[], int]],
        pool_sizes: dict[str, int],
    ) -> None:
        self.rng, self.people, self.ids, self.pool_sizes = rng, people, ids, pool_sizes
        self.comment_scale = {
            "question": shapes.lomax_scale(shapes.QUESTION_COMMENTS, 1.7, 60),
            "answer": shapes.lomax_scale(shapes.ANSWER_COMMENTS, 1.7, 60),
        }

    def person(self, weights: list[float], moment: int) -> int:
        return self.people.pick(self.rng, weights, moment)

    def thread(self, question: Post, answers: int, spread: float) -> Thread:
        """A thread for `question` with `answers` answers, arriving `spread` apart (median)."""
        thread = Thread(question)
        self._body(question, "question")
        times = sorted(
            after(self.rng, question.created, spread, shapes.SPAN, 1.8) for _ in range(answers)
        )
        for moment in times:
            author = self.person(self.people.answer, moment)
            anonymous = self.rng.random() < shapes.ANONYMOUS_ANSWER or _anonymous_here(
                author, question, thread.answers
            )
            answer = Post(self.ids["answer"](), author, anonymous, self.people.band(author), moment)
            self._body(answer, "answer")
            thread.answers.append(answer)
        for post in thread.posts():
            self._comments(post, thread)
        self._accept(thread)
        return thread

    def _body(self, post: Post, kind: str) -> None:
        """Pick the body; a few posts were edited later, and revision 1 keeps another body."""
        size = self.pool_sizes[kind]
        post.body = post.original = self.rng.randrange(size)
        if size > 1 and self.rng.random() < shapes.EDITED:
            post.original = (post.body + 1 + self.rng.randrange(size - 1)) % size
            post.edited = after(self.rng, post.created, 2 * HOUR, shapes.SPAN, 2.0)
            post.latest = max(post.latest, post.edited)

    def _comments(self, post: Post, thread: Thread) -> None:
        rng, question = self.rng, thread.question
        kind = "question" if post is question else "answer"
        count = skewed_count(rng, self.comment_scale[kind], 1.7, 60)
        for moment in sorted(after(rng, post.created, 3 * HOUR, shapes.SPAN) for _ in range(count)):
            draw = rng.random()
            if draw < 0.22:
                author = post.author  # replying under their own post
            elif draw < 0.35 and post is not question:
                author = question.author
            else:
                author = self.person(self.people.vote, moment)
            earlier = [answer for answer in thread.answers if answer.created <= moment]
            anonymous = _anonymous_here(author, question, earlier)
            comment = Post(
                self.ids["comment"](), author, anonymous, self.people.band(author), moment
            )
            comment.body = rng.randrange(self.pool_sizes["comment"])
            post.comments.append(comment)
            post.latest = max(post.latest, moment)

    def _accept(self, thread: Thread) -> None:
        if not thread.answers or self.rng.random() >= shapes.ACCEPTED:
            return
        chosen = self.rng.choice(thread.answers)
        if chosen.author == thread.question.author and self.rng.random() < 0.8:
            chosen = self.rng.choice(thread.answers)  # accepting one's own answer is rare
        thread.accepted = chosen
        thread.accepted_at = after(self.rng, chosen.created, DAY, shapes.SPAN)

    def hide(self, thread: Thread, moderators: list[int], keep_question: bool) -> None:
        """Hide a few comments, answers and questions after everything else happened to them
        (never the accepted answer, never a kept question)."""
        question = thread.question
        for post in thread.posts():
            for comment in post.comments:
                self._maybe_hide(comment, "comment", moderators)
        for answer in thread.answers:
            if answer is not thread.accepted:
                self._maybe_hide(answer, "answer", moderators)
        if not keep_question:
            question.latest = max(
                [question.latest, thread.accepted_at, *(a.latest for a in thread.answers)]
            )
            self._maybe_hide(question, "question", moderators)

    def _maybe_hide(self, post: Post, kind: str, moderators: list[int]) -> None:
        moderated = shapes.HIDDEN_BY_MODERATOR[kind]
        draw = self.rng.random()
        if draw >= moderated + shapes.DELETED_BY_AUTHOR[kind]:
            return
        others = [m for m in moderators if m != post.author]
        post.hidden_at = after(self.rng, post.latest, DAY, shapes.SPAN)
        if draw < moderated and others:
            post.hidden_by = self.rng.choice(others)
            post.reason = self.rng.choice(MODERATOR_REASONS)
        else:
            post.hidden_by, post.reason = post.author, AUTHOR_DELETED
