"""A thread as one reader sees it: the question, a page of answers, the first comments of each
post, the reader's votes. Also the lookup every contribution page starts from."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Model, Q, QuerySet, When, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from taggit.models import Tag

from accounts.models import AnswerSort, User
from core.pagecache import remember
from core.paging import Page, offset_page
from forum.identity import AuthorCard, author_card
from forum.models import Answer, Comment, Question, Vote
from forum.rules import can_see, can_see_hidden
from forum.selectors.sidebar import level_highlights, question_related
from ladder.models import Expectation

ANSWERS_PER_PAGE = 30
COMMENTS_SHOWN = 5  # per post; the rest fold behind "show N more comments"
# Curated answers first (in the order moderators curated them), then the accepted one, then
# the best scored, oldest first among equals.
ANSWER_ORDER = ("curated_first", "curated_at", "-is_accepted", "-score", "created_at", "id")
# The orders a reader may choose. Only "votes" lifts curated and accepted answers to the top:
# "newest" and "oldest" are plain time orders (the badges still mark those answers).
ANSWER_ORDERS: dict[str, tuple[str, ...]] = {
    AnswerSort.VOTES: ANSWER_ORDER,
    AnswerSort.NEWEST: ("-created_at", "-id"),
    AnswerSort.OLDEST: ("created_at", "id"),
}


@dataclass
class CommentView:
    comment: Comment
    author: AuthorCard
    tools: list[str] = field(default_factory=list)  # HTML from forum.slots.CONTRIBUTION_TOOLS


@dataclass
class PostView:
    """A question or answer as the viewer sees it: its author card, comments and their vote."""

    post: Question | Answer
    author: AuthorCard
    comments: list[CommentView] = field(default_factory=list)
    more_comments: int = 0  # comments not shown until asked for
    my_vote: int = 0
    variant: str | None = None  # what its shared fragment depends on (forum/fragments.py)
    html: str | None = None  # that fragment, when it is shared
    tools: list[str] = field(default_factory=list)  # HTML from forum.slots.CONTRIBUTION_TOOLS


@dataclass(frozen=True)
class QuestionPage:
    """The lazy parts are read only when their cached fragment is missing."""

    question: PostView
    answers: list[PostView]
    answer_page: Page
    related: Sequence[Question]
    expectations: Sequence[Expectation]
    tags: Sequence[Tag]
    answer_sort: str = AnswerSort.VOTES

    @property
    def sort_param(self) -> str:
        """What links within the page carry to keep the order: nothing for the default."""
        return "" if self.answer_sort == AnswerSort.VOTES else self.answer_sort

    @property
    def posts(self) -> list[PostView]:
        return [self.question, *self.answers]


def _shown[M: Model](model: type[M], see_hidden: bool) -> QuerySet[M]:
    """Every row for those who may see hidden ones (moderators), else what the public sees."""
    return model.objects.all() if see_hidden else model.objects.visible()


def _question(pk: int, *, see_hidden: bool) -> Question | None:
    """One question with what its page header shows; None if missing or hidden from view."""
    return (
        _shown(Question, see_hidden)
        .select_related("author", "level", "duplicate_of", "closed_by", "locked_by")
        .filter(pk=pk)
        .first()
    )


def question_get(*, pk: int, viewer: User | None = None) -> Question | None:
    """Moderators see hidden questions too (marked as such); everyone else only what is shown."""
    return _question(pk, see_hidden=viewer is not None and can_see_hidden(viewer))


_THREAD_OF = {
    "answer": ("question", "author"),
    "comment": ("question", "answer__question", "author"),
}


def contribution_get_or_404(*, kind: str, pk: int, viewer: User) -> Question | Answer | Comment:
    """A question, answer or comment the viewer may see, with its thread; else a 404."""
    if kind == "question":
        contribution = question_get(pk=pk, viewer=viewer)
    else:
        model = Answer if kind == "answer" else Comment
        contribution = model.objects.select_related(*_THREAD_OF[kind]).filter(pk=pk).first()
    if contribution is None or not can_see(viewer, contribution):
        raise Http404(f"There is no such {kind}, or it has been removed.")
    return contribution


def _answers_page(
    *, question: Question, see_hidden: bool, number: int, sort: str = AnswerSort.VOTES
) -> Page:
    answers = (
        _shown(Answer, see_hidden)
        .filter(question=question)
        .select_related("author", "curated_by")
        .annotate(curated_first=Case(When(curated_at__isnull=False, then=0), default=1))
    )
    total = question.answer_count
    if see_hidden:  # moderators page through hidden answers too
        total = Answer.objects.filter(question=question).count()
    pages = max(1, -(-total // ANSWERS_PER_PAGE))
    return offset_page(
        answers,
        number=min(max(number, 1), pages),
        per_page=ANSWERS_PER_PAGE,
        ordering=ANSWER_ORDERS[sort],
        total=total,
    )


def _comments(
    *, question: Question, answers: list[Answer], see_hidden: bool, expand: tuple[str, int] | None
) -> QuerySet[Comment]:
    """The first few comments of each post shown, with each post's total; all of them for the
    post named by `expand`."""
    by_post = [F("question_id"), F("answer_id")]
    comments = (
        _shown(Comment, see_hidden)
        .filter(Q(question=question) | Q(answer__in=answers))
        .select_related("author")
        .annotate(
            position=Window(RowNumber(), partition_by=by_post, order_by=["created_at", "id"]),
            on_post=Window(Count("id"), partition_by=by_post),
        )
    )
    shown = Q(position__lte=COMMENTS_SHOWN)
    if expand is not None:
        kind, pk = expand
        shown |= Q(**{f"{kind}_id": pk})
    return comments.filter(shown).order_by("created_at", "id")


@dataclass(frozen=True)
class Thread:
    """What a question page shows that is the same for every reader of one kind (the public,
    or moderators): the question, one page of answers, the first comments of each post."""

    question: Question
    answers: Page
    comments: list[Comment]  # each with `on_post`, how many its post has
    answer_sort: str = AnswerSort.VOTES


def _thread(
    *,
    question_id: int,
    see_hidden: bool,
    answer_page: int,
    expand: tuple[str, int] | None,
    sort: str = AnswerSort.VOTES,
) -> Thread | None:
    question = _question(question_id, see_hidden=see_hidden)
    if question is None:
        return None
    answers = _answers_page(question=question, see_hidden=see_hidden, number=answer_page, sort=sort)
    comments = _comments(
        question=question, answers=answers.items, see_hidden=see_hidden, expand=expand
    )
    return Thread(question=question, answers=answers, comments=list(comments), answer_sort=sort)


def question_thread(
    *,
    question_id: int,
    viewer: User,
    version: Sequence[int],
    answer_page: int = 1,
    expand: tuple[str, int] | None = None,
    sort: str = AnswerSort.VOTES,
) -> Thread | None:
    """The thread, from the cache while `version` (the question's generation) holds; None when
    there is no such question for this viewer."""
    see_hidden = can_see_hidden(viewer)
    return remember(
        ("thread", question_id, tuple(version), see_hidden, answer_page, expand, str(sort)),
        lambda: _thread(
            question_id=question_id,
            see_hidden=see_hidden,
            answer_page=answer_page,
            expand=expand,
            sort=sort,
        ),
    )


def question_page(
    *,
    question: Question,
    viewer: User,
    answer_page: int = 1,
    expand: tuple[str, int] | None = None,
    thread: Thread | None = None,
    sort: str = AnswerSort.VOTES,
) -> QuestionPage:
    """A question as the viewer sees it: one page of answers, the first comments of each post
    (all of them on the post `expand` names, ("answer", 12)), votes, related questions. The
    shared part comes from `thread` when the caller has it (the page view reads it from the
    cache), else from the database."""
    if thread is None:
        thread = _thread(
            question_id=question.pk,
            see_hidden=can_see_hidden(viewer),
            answer_page=answer_page,
            expand=expand,
            sort=sort,
        )
    question = thread.question
    answers = thread.answers.items
    for answer in answers:
        answer.question = question  # the rules read it; do not fetch it 30 times
    views = {("question", question.pk): PostView(question, author_card(question, viewer))}
    for answer in answers:
        views["answer", answer.pk] = PostView(answer, author_card(answer, viewer))

    for comment in thread.comments:
        key = (
            ("question", comment.question_id)
            if comment.question_id
            else ("answer", comment.answer_id)
        )
        # The rules read the comment's thread: hand it the objects already loaded.
        if comment.question_id:
            comment.question = question
        else:
            comment.answer = views[key].post
        view = views[key]
        view.comments.append(CommentView(comment, author_card(comment, viewer)))
        view.more_comments = comment.on_post - len(view.comments)

    if viewer.is_authenticated:
        votes = Vote.objects.filter(user=viewer).filter(
            Q(question=question) | Q(answer__in=[a.pk for a in answers])
        )
        for question_id, answer_id, value in votes.values_list("question_id", "answer_id", "value"):
            views["question" if question_id else "answer", question_id or answer_id].my_vote = value

    return QuestionPage(
        question=views["question", question.pk],
        answers=[views["answer", a.pk] for a in answers],
        answer_page=thread.answers,
        related=SimpleLazyObject(lambda: question_related(question=question)),
        expectations=SimpleLazyObject(lambda: level_highlights(level=question.level)),
        tags=SimpleLazyObject(lambda: list(question.tags.order_by("name"))),
        answer_sort=thread.answer_sort,
    )
