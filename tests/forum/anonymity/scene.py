"""The scene every anonymity test looks at: two anonymous posts by one person, with everything
around them; and the check that a page names nobody who wrote anonymously."""

from dataclasses import dataclass

import pytest
from django.core import mail

from accounts.models import User
from forum.models import Answer, Comment, Question
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

LABEL = "Anonymous · mid-level"
MINE = "Posted anonymously — only you can see it is yours"
ONLY_YOU = "Anonymous — only you see this"
SECRETS = (
    "zq-secret-author",
    "Zenobia Quill",
    "Zenobia",
    "zenobia.quill@quillworks.example",
    "Quillworks",
    "Staff Platform Sorcerer",
    "/users/zq-secret-author/",
)
QUESTION_WORD = "blindsided"  # only in the anonymous question
ANSWER_WORD = "escalation"  # only in the anonymous answer


def assert_no_identity(text: str, where: str) -> None:
    lowered = text.lower()
    leaks = [secret for secret in SECRETS if secret.lower() in lowered]
    assert not leaks, f"{where} shows {leaks}"


@dataclass
class Scene:
    author: User  # the person who posts anonymously
    asker: User  # asks a public question the author answers anonymously
    helper: User  # answers the author's anonymous question
    viewer: User  # anyone else who is signed in
    question: Question  # the anonymous question
    other: Question  # the asker's public question, sharing a tag with the anonymous one
    answer: Answer  # the author's anonymous answer on the asker's question
    helper_answer: Answer
    own_comment: Comment  # the author on their own anonymous question
    reply: Comment  # the author on the helper's answer to their anonymous question
    emails_to_others: list


@pytest.fixture
def scene(ladder, django_capture_on_commit_callbacks) -> Scene:
    author = UserFactory(
        username="zq-secret-author",
        display_name="Zenobia Quill",
        email="zenobia.quill@quillworks.example",
        company="Quillworks",
        headline="Staff Platform Sorcerer",
        level_code="L4",
        band="mid",
    )
    asker = UserFactory(username="open-asker", display_name="Olive Asker")
    helper = UserFactory(username="kind-helper", display_name="Harold Helper")
    viewer = UserFactory(username="curious-viewer", display_name="Victor Viewer")
    with django_capture_on_commit_callbacks(execute=True):
        question = QuestionFactory(
            author=author,
            is_anonymous=True,
            title="How do I respond to a surprise performance plan?",
            body=f"I was {QUESTION_WORD} by a plan from my manager after a good review.",
            tags=["pip", "manager"],
        )
        other = QuestionFactory(
            author=asker,
            title="What does a mid-level engineer own during a PIP?",
            body="My team lead mentioned ownership but never said of what exactly.",
            tags=["pip"],
        )
        answer = AnswerFactory(
            author=author,
            question=other,
            is_anonymous=True,
            body=f"Write down every {ANSWER_WORD} path you own and agree it with your manager.",
        )
        helper_answer = AnswerFactory(
            author=helper,
            question=question,
            body="Ask HR for the written criteria and keep a weekly log of what you deliver.",
        )
        own_comment = CommentFactory(
            author=author, post=question, body="Update: the plan is six weeks long."
        )
        reply = CommentFactory(
            author=author, post=helper_answer, body="Thank you, I asked HR for the criteria."
        )
    return Scene(
        author=author,
        asker=asker,
        helper=helper,
        viewer=viewer,
        question=question,
        other=other,
        answer=answer,
        helper_answer=helper_answer,
        own_comment=own_comment,
        reply=reply,
        emails_to_others=[m for m in mail.outbox if author.email not in m.recipients()],
    )
