"""Every read of the forum. Each list or page is a fixed number of queries, whatever its size."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Case, Count, F, OuterRef, Q, QuerySet, Subquery, When, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from taggit.models import Tag

from accounts.models import User
from core.pagecache import remember
from core.paging import Page, keyset_page, offset_page
from forum import search
from forum.identity import AuthorCard, author_card
from forum.models import (
    Answer,
    Comment,
    Feature,
    LevelStat,
    Notification,
    Question,
    Revision,
    TaggedQuestion,
    TagStat,
    Vote,
)
from forum.notifications import unread_key
from forum.permissions import can_rollback, can_see, can_see_hidden
from ladder.models import Competency, Expectation, Level

SORTS = {
    "newest": ("-created_at", "-id"),
    "active": ("-last_activity_at", "-id"),
    "votes": ("-score", "-created_at", "-id"),
    "unanswered": ("-created_at", "-id"),
}
DEFAULT_SORT = "newest"
PAGE_SIZE = 20
# Rows the list pages never show: loading them would only move bytes.
_LIST_SKIPS = ("body", "body_html", "related_ids")


def _with_list_data(queryset: QuerySet[Question]) -> QuerySet[Question]:
    """What a question row in any list shows: author card, level, tags and the excerpt."""
    return queryset.select_related("author", "level").prefetch_related("tags").defer(*_LIST_SKIPS)


def question_list(
    *,
    sort: str = DEFAULT_SORT,
    level: Level | None = None,
    tag: Tag | str | None = None,
    competency: Competency | None = None,
) -> QuerySet[Question]:
    questions = Question.objects.visible()
    if sort == "unanswered":
        questions = questions.unanswered()
    if level is not None:
        questions = questions.filter(level=level)
    if isinstance(tag, Tag):  # by id: the planner then knows how common the tag is
        questions = questions.filter(tags=tag.pk)
    elif tag:
        questions = questions.filter(tags__slug=tag)
    if competency is not None:  # questions about it: tagged with any of its topics
        about = TaggedQuestion.objects.filter(tag__slug__in=competency.tags)
        questions = questions.filter(pk__in=about.values("content_object_id"))
    return _with_list_data(questions.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT])))


def question_count(*, level: Level | None = None, tag: Tag | None = None) -> int | None:
    """How many visible questions a list holds, from the counters; None for combinations the
    counters do not cover (counting those would read every matching row)."""
    if tag is not None and level is not None:
        return None
    if tag is not None:
        stat = TagStat.objects.filter(tag=tag).values_list("questions", flat=True).first()
        return stat or 0
    counts = LevelStat.objects.all() if level is None else LevelStat.objects.filter(level=level)
    return sum(counts.values_list("questions", flat=True))


def question_page_of_list(
    *,
    sort: str,
    level: Level | None = None,
    tag: Tag | None = None,
    competency: Competency | None = None,
    number: int = 1,
    cursor: str = "",
) -> Page:
    """One page of a question list. With a cursor (from the previous page's Next link) the
    database seeks to it; without, page `number` skips through the index alone."""
    ordering = SORTS[sort]
    questions = question_list(sort=sort, level=level, tag=tag, competency=competency)
    total = None
    if sort != "unanswered" and competency is None:
        total = question_count(level=level, tag=tag)
    if cursor:
        page = keyset_page(
            questions,
            cursor=cursor,
            number=number,
            per_page=PAGE_SIZE,
            ordering=ordering,
            total=total,
        )
        if page is not None:
            return page
    return offset_page(questions, number=number, per_page=PAGE_SIZE, ordering=ordering, total=total)


def question_links(*, level: Level, sort: str = DEFAULT_SORT, limit: int = 5) -> list[Question]:
    """Just titles and scores, for side panels: one light query."""
    questions = question_list(sort=sort, level=level).select_related(None).prefetch_related(None)
    return list(questions.only("pk", "slug", "title", "score")[:limit])


ANSWERS_PER_PAGE = 30
COMMENTS_SHOWN = 5  # per post; the rest fold behind "show N more comments"
# Curated answers first (in the order moderators curated them), then the accepted one, then
# the best scored, oldest first among equals.
ANSWER_ORDER = ("curated_first", "curated_at", "-is_accepted", "-score", "created_at", "id")


@dataclass
class CommentView:
    comment: Comment
    author: AuthorCard
    open_flags: int = 0  # filled in for moderators


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
    open_flags: int = 0  # filled in for moderators


@dataclass(frozen=True)
class QuestionPage:
    """The lazy parts are read only when their cached fragment is missing."""

    question: PostView
    answers: list[PostView]
    answer_page: Page
    related: Sequence[Question]
    expectations: Sequence[Expectation]
    tags: Sequence[Tag]


def _visible_to(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Moderators see hidden content too (marked as such); everyone else only what is shown."""
    return queryset if viewer is not None and can_see_hidden(viewer) else queryset.visible()


def question_get(*, pk: int, viewer: User | None = None) -> Question | None:
    return (
        _visible_to(Question.objects.all(), viewer)
        .select_related("author", "level", "duplicate_of", "closed_by", "locked_by")
        .filter(pk=pk)
        .first()
    )


_ITEM_RELATED = {
    "answer": ("question", "author"),
    "comment": ("question", "answer__question", "author"),
}


def item_get_or_404(*, kind: str, pk: int, viewer: User) -> Question | Answer | Comment:
    """A question, answer or comment the viewer may see, with its thread; else a 404."""
    if kind == "question":
        item = question_get(pk=pk, viewer=viewer)
    else:
        model = Answer if kind == "answer" else Comment
        item = model.objects.select_related(*_ITEM_RELATED[kind]).filter(pk=pk).first()
    if item is None or not can_see(viewer, item):
        raise Http404(f"There is no such {kind}, or it has been removed.")
    return item


def _answers_page(*, question: Question, see_hidden: bool, number: int) -> Page:
    answers = (
        (Answer.objects.all() if see_hidden else Answer.objects.visible())
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
        ordering=ANSWER_ORDER,
        total=total,
    )


def _comments(
    *, question: Question, answers: list[Answer], see_hidden: bool, expand: tuple[str, int] | None
) -> QuerySet[Comment]:
    """The first few comments of each post shown, with each post's total; all of them for the
    post named by `expand`."""
    by_post = [F("question_id"), F("answer_id")]
    comments = (
        (Comment.objects.all() if see_hidden else Comment.objects.visible())
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


def _thread(
    *, question_id: int, see_hidden: bool, answer_page: int, expand: tuple[str, int] | None
) -> Thread | None:
    questions = Question.objects.all() if see_hidden else Question.objects.visible()
    question = (
        questions.select_related("author", "level", "duplicate_of", "closed_by", "locked_by")
        .filter(pk=question_id)
        .order_by()
    )
    question = next(iter(question), None)
    if question is None:
        return None
    answers = _answers_page(question=question, see_hidden=see_hidden, number=answer_page)
    comments = _comments(
        question=question, answers=answers.items, see_hidden=see_hidden, expand=expand
    )
    return Thread(question=question, answers=answers, comments=list(comments))


def question_thread(
    *,
    question_id: int,
    viewer: User,
    version: Sequence[int],
    answer_page: int = 1,
    expand: tuple[str, int] | None = None,
) -> Thread | None:
    """The thread, from the cache while `version` (the question's generation) holds; None when
    there is no such question for this viewer."""
    see_hidden = can_see_hidden(viewer)
    return remember(
        ("thread", question_id, tuple(version), see_hidden, answer_page, expand),
        lambda: _thread(
            question_id=question_id, see_hidden=see_hidden, answer_page=answer_page, expand=expand
        ),
    )


def question_page(
    *,
    question: Question,
    viewer: User,
    answer_page: int = 1,
    expand: tuple[str, int] | None = None,
    thread: Thread | None = None,
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
        )
    question = thread.question
    answers = thread.answers.items
    for answer in answers:
        answer.question = question  # permission checks read it; do not fetch it 30 times
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
    )


def question_related(*, question: Question) -> list[Question]:
    """The related questions stored for this one (forum/related.py), those still visible."""
    if not question.related_ids:
        return []
    found = Question.objects.visible().filter(pk__in=question.related_ids)
    by_id = {q.pk: q for q in found.only("pk", "slug", "title", "score", "answer_count")}
    return [by_id[pk] for pk in question.related_ids if pk in by_id]


def level_highlights(*, level: Level, limit: int = 6) -> list[Expectation]:
    """A few of what a level adds, one per competency, for the question page's sidebar."""
    expectations = (
        Expectation.objects.active()
        .filter(level=level, track__isnull=True)
        .select_related("competency")
        .order_by("competency__order", "order")
    )
    picked, seen = [], set()
    for expectation in expectations:
        if expectation.competency_id not in seen:
            seen.add(expectation.competency_id)
            picked.append(expectation)
    return picked[:limit]


@dataclass(frozen=True)
class LevelCount:
    level: Level
    questions: int


def levels_with_counts() -> list[LevelCount]:
    counted = LevelStat.objects.filter(level=OuterRef("pk")).values("questions")
    levels = Level.objects.annotate(n=Coalesce(Subquery(counted), 0)).order_by("order")
    return [LevelCount(level, level.n) for level in levels]


def tags_popular(*, limit: int | None = 30) -> list[Tag]:
    """Tags with how many visible questions carry them (`tag.n`), most used first."""
    stats = TagStat.objects.filter(questions__gt=0).select_related("tag")
    stats = stats.order_by("-questions", "tag__name")
    tags = []
    for stat in stats[:limit] if limit else stats:
        stat.tag.n = stat.questions
        tags.append(stat.tag)
    return tags


def tag_get(*, slug: str) -> Tag | None:
    return Tag.objects.filter(slug=slug).first()


def featured(*, level: Level | None) -> list[Question]:
    """Questions a moderator pinned on the home page (level None) or a level's page, in order."""
    features = (
        Feature.objects.filter(level=level, question__is_hidden=False)
        .select_related("question__author", "question__level")
        .prefetch_related("question__tags")
        .defer(*(f"question__{name}" for name in _LIST_SKIPS))
        .order_by("position", "featured_at")
    )
    return [feature.question for feature in features]


@dataclass(frozen=True)
class Home:
    featured: list[Question]
    newest: list[Question]
    active: list[Question]
    levels: list[LevelCount]
    tags: list[Tag]


def home(*, size: int = 5) -> Home:
    """The front page: pins, the newest questions, and the ones with the most going on; each
    question shows once."""
    pinned = featured(level=None)
    newest = list(question_list(sort="newest").exclude(pk__in=[q.pk for q in pinned])[:size])
    shown = [q.pk for q in pinned + newest]
    most_active = (
        question_list()
        .filter(answer_count__gt=0)
        .exclude(pk__in=shown)
        .order_by("-answer_count", "-last_activity_at", "-id")
    )
    return Home(
        featured=pinned,
        newest=newest,
        active=list(most_active[:size]),
        levels=levels_with_counts(),
        tags=tags_popular(limit=20),
    )


def question_search(*, query: str, level: Level | None = None, tag: str | None = None) -> list[int]:
    """Ids of visible questions matching `query` (and the filters), best match first."""
    ranked = search.matching_ids(query)
    if not ranked:
        return []
    allowed = set(
        question_list(level=level, tag=tag).filter(pk__in=ranked).values_list("pk", flat=True)
    )
    return [pk for pk in ranked if pk in allowed]


def question_rows(*, ids: Sequence[int]) -> dict[int, Question]:
    """The visible ones among these questions, with what a row in a list shows."""
    return {q.pk: q for q in _with_list_data(Question.objects.visible().filter(pk__in=ids))}


@dataclass(frozen=True)
class Activity:
    questions: list[Question]
    answers: list[Answer]


def user_activity(*, person: User, viewer: User, limit: int = 20) -> Activity:
    """A person's questions and answers. Anonymous ones appear only to the person themselves."""
    own = viewer.is_authenticated and viewer.pk == person.pk
    questions = Question.objects.visible().filter(author=person)
    answers = Answer.objects.visible().filter(author=person)
    if not own:
        questions, answers = (
            questions.filter(is_anonymous=False),
            answers.filter(is_anonymous=False),
        )
    return Activity(
        questions=list(questions.select_related("level").order_by("-created_at")[:limit]),
        answers=list(answers.select_related("question").order_by("-created_at")[:limit]),
    )


def _notifications(recipient: User) -> QuerySet[Notification]:
    """A person's notifications, minus those about content that has since been hidden (but a
    moderator's warning stays, even when, as often, its subject was hidden)."""
    about_hidden = Q(question__is_hidden=True) | Q(answer__is_hidden=True)
    about_hidden |= Q(comment__is_hidden=True)
    return Notification.objects.filter(recipient=recipient).exclude(
        about_hidden & ~Q(kind=Notification.Kind.WARNING)
    )


def notification_list(*, recipient: User, limit: int = 50) -> list[Notification]:
    return list(
        _notifications(recipient)
        .select_related("actor", "question")
        .order_by("-created_at", "-id")[:limit]
    )


UNREAD_SHOWN = 99  # the badge says "99+" beyond this: counting further would read them all


UNREAD_KEPT = 600  # seconds; every write that changes the count also forgets it


def notification_unread_count(*, recipient: User) -> int:
    """Unread notifications, counted up to UNREAD_SHOWN + 1, kept in the cache until a new
    notification or a read changes it."""

    def count() -> int:
        unread = _notifications(recipient).filter(read_at__isnull=True)
        return unread.values("pk")[: UNREAD_SHOWN + 1].count()

    return cache.get_or_set(unread_key(recipient.pk), count, UNREAD_KEPT)


def tag_suggestions(*, limit: int = 60) -> list[str]:
    return [tag.name for tag in tags_popular(limit=limit)]


@dataclass(frozen=True)
class RevisionEntry:
    revision: Revision
    editor: AuthorCard
    can_roll_back: bool  # may the viewer roll the post back to this revision?


def revision_history(*, post: Question | Answer, viewer: User) -> list[RevisionEntry]:
    """Every revision, oldest first. An anonymous author's own edits stay anonymous."""
    revisions = list(post.revisions.select_related("editor", "level").order_by("number"))
    entries = []
    for index, revision in enumerate(revisions):
        if revision.editor_id == post.author_id:
            card = author_card(post, viewer)
        else:  # a moderator's edit, shown under their name
            card = author_card(_Signed(revision.editor), viewer)
        later = {r.editor_id for r in revisions[index + 1 :]}
        allowed = bool(later) and can_rollback(viewer, post, later)
        entries.append(RevisionEntry(revision, card, allowed))
    return entries


@dataclass(frozen=True)
class _Signed:
    """Something written under its author's own name (for author_card)."""

    author: User
    is_anonymous: bool = False
    author_band: str = ""

    @property
    def author_id(self) -> int:
        return self.author.pk


@dataclass(frozen=True)
class ModerationPanel:
    pinned_home: bool
    pinned_level: bool


def moderation_panel(*, question: Question, page: QuestionPage) -> ModerationPanel:
    """For moderators: where the question is pinned, and open flags on everything shown."""
    from moderation.models import Flag

    pinned = set(Feature.objects.filter(question=question).values_list("level_id", flat=True))
    answer_ids = [item.post.pk for item in page.answers]
    flags = Flag.objects.filter(status=Flag.Status.OPEN).filter(
        Q(question=question)
        | Q(answer__in=answer_ids)
        | Q(comment__question=question)
        | Q(comment__answer__in=answer_ids)
    )
    counts = Counter(flag.target_key for flag in flags.only("question", "answer", "comment"))
    for item in (page.question, *page.answers):
        item.open_flags = counts.get((item.post.kind, item.post.pk), 0)
        for comment in item.comments:
            comment.open_flags = counts.get(("comment", comment.comment.pk), 0)
    return ModerationPanel(pinned_home=None in pinned, pinned_level=question.level_id in pinned)
