"""A person with something of every kind Rungs keeps, and another person beside them."""

from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from forum.models import Answer, Comment, Question
from forum.services.votes import vote_cast
from growth import services as growth_services
from growth.models import Plan, Rating
from moderation.services.flags import flag_create
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.growth import factories as growth


@dataclass
class Footprint:
    person: User
    other: User
    named_question: Question
    anonymous_question: Question
    answer: Answer
    anonymous_answer: Answer
    comment: Comment
    others_question: Question
    plan: Plan


EVIDENCE = "Led the incident review for the March outage"
FLAG_TEXT = "This answer copies a blog post word for word"


def make_footprint() -> Footprint:
    person = UserFactory(
        username="priya",
        email="priya@example.com",
        display_name="Priya Kapoor",
        first_name="Priya",
        last_name="Kapoor",
        headline="Site Reliability Engineer",
        company="Acme Widgets",
        level_code="L4",
    )
    EmailAddress.objects.create(user=person, email="priya@home.example", verified=False)
    other = UserFactory(
        username="olu", email="olu@example.com", display_name="Olu Adebayo", company="Globex"
    )
    others_question = QuestionFactory(author=other, title="Olu asks about staff-level scope?")
    named = QuestionFactory(author=person, title="Priya asks how to lead a migration?")
    anonymous = QuestionFactory(
        author=person, title="A secret question about my PIP?", is_anonymous=True
    )
    answer = AnswerFactory(author=person, question=others_question, body="Priya's named answer.")
    anonymous_answer = AnswerFactory(
        author=person,
        question=QuestionFactory(author=other),
        body="Priya's anonymous answer on a hard topic.",
        is_anonymous=True,
    )
    comment = CommentFactory(author=person, post=answer, body="Priya's comment on her answer.")
    AnswerFactory(author=other, question=named, body="Olu answers Priya.")  # notifies Priya
    vote_cast(user=person, post=others_question, value=1)
    vote_cast(user=other, post=named, value=1)
    vote_cast(user=other, post=answer, value=1)
    flag_create(
        flagger=person,
        contribution=AnswerFactory(author=other),
        reason="needs-moderator",
        text=FLAG_TEXT,
    )
    plan = growth.shared_plan(person)
    draft = growth.start(person)
    first = growth.items(draft)[0]
    growth_services.assessment_save(
        user=person,
        assessment=draft,
        ratings=[growth_services.RatingInput(first.pk, Rating.Value.SOMETIMES, EVIDENCE)],
    )
    # Olu's own private things, which must never show up in Priya's export.
    growth.shared_plan(other)
    return Footprint(
        person=person,
        other=other,
        named_question=named,
        anonymous_question=anonymous,
        answer=answer,
        anonymous_answer=anonymous_answer,
        comment=comment,
        others_question=others_question,
        plan=plan,
    )


@pytest.fixture
def footprint(ladder) -> Footprint:
    return make_footprint()


def grow(footprint: Footprint, n: int) -> None:
    """n more of everything the person can have several of."""
    person, other = footprint.person, footprint.other
    for i in range(n):
        question = QuestionFactory(author=person, title=f"Priya's extra question number {i}?")
        answer = AnswerFactory(author=person, question=footprint.others_question, body=f"A{i}.")
        CommentFactory(author=person, post=answer, body=f"Extra comment {i}.")
        CommentFactory(author=person, post=question, body=f"Comment on a question {i}.")
        vote_cast(user=person, post=AnswerFactory(author=other), value=1)
        flag_create(flagger=person, contribution=CommentFactory(author=other), reason="spam")
        growth.shared_plan(person)
