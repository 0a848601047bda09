"""Two people editing one post from the same revision: the second gets a conflict, with the
difference, instead of silently undoing the first."""

import re

import pytest
from django.test import Client

from forum import edits
from forum.models import Revision
from forum.services.answers import answer_edit
from forum.services.questions import question_edit
from tests.factories import PASSWORD, AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")

BODY = "I lead the migration now and my manager says it is not yet senior-level scope."


@pytest.fixture
def moderator():
    return UserFactory(is_moderator=True)


def _edit(question, editor, body, base_revision):
    return question_edit(
        question=question,
        editor=editor,
        title=question.title,
        body=body,
        level=question.level,
        tags=list(question.tags.names()),
        base_revision=base_revision,
    )


def test_saving_over_a_newer_revision_is_a_conflict(moderator):
    question = QuestionFactory()
    _edit(question, moderator, BODY + " (moderator)", base_revision=1)
    with pytest.raises(edits.EditConflict) as raised:
        _edit(question, question.author, BODY + " (author)", base_revision=1)
    assert (raised.value.base.number, raised.value.current.number) == (1, 2)
    assert raised.value.diff.has_changes
    question.refresh_from_db()
    assert question.body.endswith("(moderator)")
    assert question.revisions.count() == 2


def test_an_edit_from_the_latest_revision_or_without_one_saves(moderator):
    question = QuestionFactory()
    _edit(question, moderator, BODY, base_revision=1)
    _edit(question, question.author, BODY + " again", base_revision=2)
    _edit(question, question.author, BODY + " and again", base_revision=None)  # a rollback
    assert question.revisions.count() == 4


def test_answers_too(moderator):
    answer = AnswerFactory()
    answer_edit(answer=answer, editor=moderator, body=BODY, base_revision=1)
    with pytest.raises(edits.EditConflict):
        answer_edit(answer=answer, editor=answer.author, body=BODY + "!", base_revision=1)


def _form_fields(question):
    return {
        "title": question.title,
        "level": question.level.slug,
        "tags": ", ".join(sorted(question.tags.names())),
        "reason": "",
    }


def test_through_the_forms_the_second_editor_sees_the_difference(client, moderator):
    question = QuestionFactory(body=BODY)
    author_client = client  # two people, two browsers
    author_client.login(username=question.author.username, password=PASSWORD)
    page = author_client.get(f"/questions/{question.pk}/edit/")
    assert page.context["form"]["base_revision"].value() == 1
    moderator_client = Client()
    moderator_client.login(username=moderator.username, password=PASSWORD)
    saved = moderator_client.post(
        f"/questions/{question.pk}/edit/",
        {
            **_form_fields(question),
            "body": BODY + " Moderator's clarification.",
            "base_revision": 1,
        },
    )
    assert saved.status_code == 302

    mine = BODY + " My own addition."
    conflict = author_client.post(
        f"/questions/{question.pk}/edit/",
        {**_form_fields(question), "body": mine, "base_revision": 1},
    )
    assert conflict.status_code == 409
    html = conflict.text
    assert "while you were editing" in html
    assert re.search(r"<ins>[^<]*<span[^>]*>\[added: </span>[^<]*clarification\.", html)
    assert conflict.context["form"]["body"].value() == mine  # their text is kept
    assert conflict.context["form"]["base_revision"].value() == "2"
    question.refresh_from_db()
    assert question.body.endswith("clarification.")
    assert Revision.objects.filter(question=question).count() == 2

    again = author_client.post(
        f"/questions/{question.pk}/edit/",
        {**_form_fields(question), "body": mine, "base_revision": 2},
    )
    assert again.status_code == 302
    question.refresh_from_db()
    assert question.body == mine


def test_the_answer_form_carries_its_revision(client, moderator):
    answer = AnswerFactory(body=BODY)
    client.login(username=answer.author.username, password=PASSWORD)
    page = client.get(f"/answers/{answer.pk}/edit/")
    assert 'name="base_revision" value="1"' in page.text
    answer_edit(answer=answer, editor=moderator, body=BODY + " (edited)", base_revision=1)
    conflict = client.post(
        f"/answers/{answer.pk}/edit/", {"body": BODY + " (mine)", "base_revision": 1, "reason": ""}
    )
    assert conflict.status_code == 409
    assert re.search(r"\[added: </span>\s*\(edited\)", conflict.text)
