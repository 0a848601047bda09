"""What a person follows, and the Following tab of the home page."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from taggit.models import Tag

from forum.models import Follow, Question, TaggedQuestion
from forum.selectors.lists import with_list_data
from ladder.models import Level

FOLLOWING_SHOWN = 30


@dataclass(frozen=True)
class FollowButton:
    """What a follow button shows and where it posts."""

    kind: str  # question, tag, level
    name: str  # "this question", "the tag career-growth", "Senior questions"
    action: str
    following: bool


def _names(target: Question | Tag | Level) -> tuple[str, dict, str]:
    """(kind, URL arguments, words for the button's hidden label) of a followable thing."""
    kind = Follow.field_for(target)
    if kind == "question":
        return kind, {"pk": target.pk}, "this question"
    if kind == "tag":
        return kind, {"slug": target.slug}, f"the tag {target.name}"
    return kind, {"slug": target.slug}, f"{target.name} questions"


def follow_button(*, viewer, target: Question | Tag | Level) -> FollowButton | None:
    """The button for a signed-in viewer (one query); None for anyone else."""
    if not (viewer and viewer.is_authenticated):
        return None
    link = {Follow.field_for(target): target}
    following = Follow.objects.filter(follower=viewer, **link).exists()
    return follow_button_after(target=target, following=following)


def follow_button_after(*, target, following: bool) -> FollowButton:
    """The button once a toggle said what the state is (no query)."""
    kind, kwargs, name = _names(target)
    action = reverse(f"forum:follow_{kind}", kwargs=kwargs)
    return FollowButton(kind=kind, name=name, action=action, following=following)


@dataclass(frozen=True)
class Following:
    questions: list[Question]
    tags: list[Tag]
    levels: list[Level]
    followed_question_ids: set[int]


def following_feed(*, person, limit: int = FOLLOWING_SHOWN) -> Following:
    """Recent activity in what `person` follows: visible questions they follow, or at a level
    or with a tag they follow, the latest activity first. Five queries at most, however much
    they follow."""
    follows = list(Follow.objects.filter(follower=person).values_list("question", "tag", "level"))
    question_ids = {q for q, _, _ in follows if q}
    tag_ids = [t for _, t, _ in follows if t]
    level_ids = [lv for _, _, lv in follows if lv]
    wanted = Q(pk__in=question_ids) | Q(level_id__in=level_ids)
    if tag_ids:
        tagged = TaggedQuestion.objects.filter(content_object=OuterRef("pk"), tag_id__in=tag_ids)
        wanted |= Q(Exists(tagged))
    questions: list[Question] = []
    if follows:
        found: QuerySet[Question] = Question.objects.visible().filter(wanted)
        questions = list(with_list_data(found.order_by("-last_activity_at", "-id"))[:limit])
    return Following(
        questions=questions,
        tags=list(Tag.objects.filter(pk__in=tag_ids).order_by("name")) if tag_ids else [],
        levels=list(Level.objects.filter(pk__in=level_ids)) if level_ids else [],
        followed_question_ids=question_ids,
    )
