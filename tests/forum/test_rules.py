"""Who may do what on the forum (forum/rules.py), and the reason given when they may not."""

import pytest

from core.rules import refusal
from forum.rules import (
    can_accept,
    can_answer,
    can_comment,
    can_delete,
    can_edit,
    can_flag,
    can_rollback,
    can_see,
    can_vote,
)
from forum.services.visibility import contribution_delete
from moderation.services.questions import question_close, question_lock
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


def test_a_lock_stops_answers_comments_votes_edits_accepts_and_deletes_and_says_why():
    answer = AnswerFactory()
    question, other = answer.question, UserFactory()
    question_lock(moderator=moderator(), question=question, reason="Heated thread")
    question.refresh_from_db()
    answer.question = question
    locked = "This thread is locked: Heated thread."
    checks = [
        (can_answer, other, question),
        (can_comment, other, answer),
        (can_vote, other, answer),
        (can_edit, answer.author, answer),
        (can_accept, question.author, answer),
        (can_delete, answer.author, answer),
    ]
    for rule, person, contribution in checks:
        assert not rule(person, contribution), rule.__name__
        assert refusal(rule, person, contribution) == locked, rule.__name__
    assert can_edit(moderator(), answer)  # moderators still edit
    assert can_flag(other, answer)  # and anyone may still ask them to look


def test_a_closed_question_takes_no_answers_and_says_so():
    question = QuestionFactory()
    question_close(moderator=moderator(), question=question, reason="off-topic")
    question.refresh_from_db()
    assert not can_answer(UserFactory(), question)
    said = refusal(can_answer, UserFactory(), question)
    assert said == "This question is closed, so it takes no new answers."
    assert can_comment(UserFactory(), question)


def test_rolling_back_needs_the_right_to_edit_first_then_no_moderator_edit_since():
    answer, stranger = AnswerFactory(), UserFactory()
    assert not can_rollback(stranger, answer, {answer.author_id})
    said = refusal(can_rollback, stranger, answer, {answer.author_id})
    assert said == (
        "Only the author, a moderator or a member with 2000 reputation can edit this post."
    )
    mod = moderator()
    assert not can_rollback(answer.author, answer, {answer.author_id, mod.pk})
    said = refusal(can_rollback, answer.author, answer, {mod.pk})
    assert said == "A moderator has edited this post since; ask a moderator to roll it back."
    assert can_rollback(mod, answer, {mod.pk})
    assert not can_rollback(mod, answer, set())  # nothing later to undo
    assert refusal(can_rollback, mod, answer, set()) == "This is already the newest revision."


def test_a_deleted_contribution_and_what_hangs_off_it_are_seen_by_moderators_only():
    question = QuestionFactory()
    comment = CommentFactory(post=question)
    contribution_delete(user=question.author, contribution=question)
    question.refresh_from_db()
    comment.question = question
    assert not can_see(UserFactory(), question)
    assert not can_see(UserFactory(), comment)  # its thread is gone
    assert can_see(moderator(), comment)
