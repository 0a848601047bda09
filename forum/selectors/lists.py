"""Question lists: by level, tag or competency, in four orders, paged without counting."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from taggit.models import Tag

from core.paging import Page, keyset_page, offset_page
from forum.models import Feature, LevelStat, Question, TaggedQuestion, TagStat
from ladder.models import Competency, Level

SORTS = {
    "newest": ("-created_at", "-id"),
    "active": ("-last_activity_at", "-id"),
    "votes": ("-score", "-created_at", "-id"),
    "unanswered": ("-created_at", "-id"),
}
DEFAULT_SORT = "newest"
PAGE_SIZE = 20
# Rows the list pages never show: loading them would only move bytes.
LIST_SKIPS = ("body", "body_html", "related_ids")


def with_list_data(queryset: QuerySet[Question]) -> QuerySet[Question]:
    """What a question row in any list shows: author card, level, tags and the excerpt."""
    return queryset.select_related("author", "level").prefetch_related("tags").defer(*LIST_SKIPS)


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
    return with_list_data(questions.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT])))


@dataclass(frozen=True)
class ListFilters:
    sort: str
    level: Level | None = None
    tag: Tag | None = None
    competency: Competency | None = None


def list_filters(
    *, sort: str = "", level: str = "", tag: str = "", competency: str = ""
) -> ListFilters:
    """A list's filters from the slugs in its address; a 404 for one that names nothing. An
    unknown sort falls back to the default."""
    found = ListFilters(
        sort=sort if sort in SORTS else DEFAULT_SORT,
        level=Level.objects.filter(slug=level).first() if level else None,
        tag=Tag.objects.filter(slug=tag).first() if tag else None,
        competency=Competency.objects.filter(slug=competency).first() if competency else None,
    )
    if level and found.level is None:
        raise Http404(f"There is no level called “{level[:40]}”.")
    if competency and found.competency is None:
        raise Http404(f"There is no competency called “{competency[:40]}”.")
    if tag and found.tag is None:
        raise Http404(f"No questions are tagged “{tag}”.")
    return found


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


def question_page_of_list(*, filters: ListFilters, number: int = 1, cursor: str = "") -> Page:
    """One page of a question list. With a cursor (from the previous page's Next link) the
    database seeks to it; without, page `number` skips through the index alone."""
    sort, level, tag, competency = filters.sort, filters.level, filters.tag, filters.competency
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


def featured_questions(*, level: Level | None) -> list[Question]:
    """Questions a moderator featured on the home page (level None) or a level's page, in
    order."""
    features = (
        Feature.objects.filter(level=level, question__is_hidden=False)
        .select_related("question__author", "question__level")
        .prefetch_related("question__tags")
        .defer(*(f"question__{name}" for name in LIST_SKIPS))
        .order_by("position", "featured_at")
    )
    return [feature.question for feature in features]
