"""Tags and levels with how many visible questions they hold (from the counters); a tag's page:
its description and wiki, its top askers and answerers."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from taggit.models import Tag

from accounts.models import User
from forum.identity import named
from forum.models import Answer, LevelStat, Question, TagStat, TagWiki, TagWikiRevision
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
    """A tag offered while a question's tags are typed, with its wiki's short description
    (empty while nobody has written one)."""

    name: str
    questions: int
    description: str = ""


def tags_matching(
    *, start: str, exclude: Iterable[str] = (), limit: int = 8
) -> list[TagSuggestion]:
    """Tags in use that begin with `start` (all of them for ""), most asked about first,
    leaving out those already typed, each with its description. One indexed query."""
    stats = TagStat.objects.filter(questions__gt=0).exclude(tag__name__in=list(exclude))
    if start:
        stats = stats.filter(tag__name__startswith=start)
    stats = stats.order_by("-questions", "tag__name")
    found = stats.values_list("tag__name", "questions", "tag__wiki__excerpt")[:limit]
    return [TagSuggestion(name, questions, excerpt or "") for name, questions, excerpt in found]


def tag_descriptions(names: Iterable[str]) -> dict[str, str]:
    """Each named tag's short description (tags without one are left out), in one query, for
    the tag index (tag suggestions read theirs in their own query)."""
    names = list(names)
    if not names:
        return {}
    rows = TagWiki.objects.filter(tag__name__in=names).exclude(excerpt="")
    return dict(rows.values_list("tag__name", "excerpt"))


TOP_PEOPLE = 5  # askers and answerers shown on a tag's page


@dataclass(frozen=True)
class TopPerson:
    person: User
    score: int  # their posts' scores added up, over the tag's questions
    posts: int


@dataclass(frozen=True)
class TagPage:
    tag: Tag
    questions: int  # visible questions carrying it
    wiki: TagWiki | None
    askers: list[TopPerson]
    answerers: list[TopPerson]


def _top(rows: QuerySet, limit: int) -> list[TopPerson]:
    """The people behind `rows` (signed, visible posts) by their summed score, then by how
    many they wrote; erased accounts name nobody and are left out."""
    ranked = list(
        rows.filter(named(), author__erased_at__isnull=True)
        .values("author")
        .annotate(total=Sum("score"), posts=Count("pk"))
        .order_by("-total", "-posts", "author")[:limit]
    )
    people = User.objects.in_bulk([row["author"] for row in ranked])
    return [TopPerson(people[row["author"]], row["total"], row["posts"]) for row in ranked]


def tag_page(*, tag: Tag, limit: int = TOP_PEOPLE) -> TagPage:
    """A tag with its counter, its wiki (if written) and its top askers and answerers: only
    visible posts under their author's name, answers only on visible questions."""
    stat = TagStat.objects.filter(tag=tag).values_list("questions", flat=True).first()
    questions = Question.objects.visible().filter(tags=tag)
    answers = Answer.objects.visible().filter(question__in=questions.values("pk"))
    return TagPage(
        tag=tag,
        questions=stat or 0,
        wiki=TagWiki.objects.filter(tag=tag).select_related("updated_by").first(),
        askers=_top(questions, limit),
        answerers=_top(answers, limit),
    )


def tag_wiki(*, tag: Tag) -> TagWiki | None:
    return TagWiki.objects.filter(tag=tag).first()


def tag_wiki_revisions(*, tag: Tag) -> list[TagWikiRevision]:
    return list(TagWikiRevision.objects.filter(wiki__tag=tag).select_related("editor"))
