"""A person's questions and answers, for their profile."""

from dataclasses import dataclass

from accounts.models import User
from forum.identity import attributed_to
from forum.models import Answer, Question


@dataclass(frozen=True)
class Activity:
    questions: list[Question]
    answers: list[Answer]


def user_activity(*, person: User, viewer: User, limit: int = 20) -> Activity:
    """A person's questions and answers. Anonymous ones appear only to the person themselves."""
    attributed = attributed_to(person, viewer)
    questions = Question.objects.listable().filter(attributed)
    answers = Answer.objects.listable().filter(attributed)
    return Activity(
        questions=list(questions.select_related("level").order_by("-created_at")[:limit]),
        answers=list(answers.select_related("question").order_by("-created_at")[:limit]),
    )
