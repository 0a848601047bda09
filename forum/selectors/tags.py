"""Tags and levels with how many visible questions they hold (from the counters)."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from taggit.models import Tag

from forum.models import LevelStat, TagStat
from ladder.models import Level


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


def tag_suggestions(*, limit: int = 60) -> list["TagSuggestion"]:
    """The tags offered in a question's tags field before anything is typed."""
    return tags_matching(start="", limit=limit)


@dataclass(frozen=True)
class TagSuggestion:
    """A tag offered while a question's tags are typed. `description` is empty until tags
    carry one; the suggestion list shows it whenever it is there."""

    name: str
    questions: int
    description: str = ""


def tags_matching(
    *, start: str, exclude: Iterable[str] = (), limit: int = 8
) -> list[TagSuggestion]:
    """Tags in use that begin with `start` (all of them for ""), most asked about first,
    leaving out those already typed. One indexed query."""
    stats = TagStat.objects.filter(questions__gt=0).exclude(tag__name__in=list(exclude))
    if start:
        stats = stats.filter(tag__name__startswith=start)
    stats = stats.order_by("-questions", "tag__name").values_list("tag__name", "questions")
    return [TagSuggestion(name, questions) for name, questions in stats[:limit]]
