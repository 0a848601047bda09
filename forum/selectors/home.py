"""The front page."""

from dataclasses import dataclass

from taggit.models import Tag

from forum.models import Question
from forum.selectors.lists import featured_questions, question_list
from forum.selectors.tags import LevelCount, levels_with_counts, tags_popular


@dataclass(frozen=True)
class Home:
    featured: list[Question]
    newest: list[Question]
    active: list[Question]
    levels: list[LevelCount]
    tags: list[Tag]


def home(*, size: int = 5) -> Home:
    """Featured questions, the newest, and the ones with the most going on; each question
    shows once."""
    featured = featured_questions(level=None)
    newest = list(question_list(sort="newest").exclude(pk__in=[q.pk for q in featured])[:size])
    shown = [q.pk for q in featured + newest]
    most_active = (
        question_list()
        .filter(answer_count__gt=0)
        .exclude(pk__in=shown)
        .order_by("-answer_count", "-last_activity_at", "-id")
    )
    return Home(
        featured=featured,
        newest=newest,
        active=list(most_active[:size]),
        levels=levels_with_counts(),
        tags=tags_popular(limit=20),
    )
