"""The stored entries: kept up to date by writes, rebuilt in bulk (forum/search/index.py)."""

import pytest

from forum.models import Question
from forum.search import index
from forum.selectors.search import question_search
from forum.services.answers import answer_edit
from forum.services.visibility import visibility_set
from tests.factories import AnswerFactory, QuestionFactory

FILLER = "I have been at the company for three years and want to understand what comes next."


def ask(title: str, body: str = FILLER, **kwargs) -> Question:
    return QuestionFactory(title=title, body=body, **kwargs)


def found(query: str, **filters) -> list[int]:
    return question_search(query=query, **filters)


@pytest.mark.usefixtures("ladder")
class TestIndexUpkeep:
    """The stored entry is always what a rebuild would store, whichever write made it."""

    def test_posting_answers_appends_what_a_rebuild_would_build(self):
        question = ask("How do I prepare for a calibration meeting?")
        for body in ("Bring **evidence**: links to designs.", "Ask your manager for a dry run."):
            AnswerFactory(question=question, body=body)
        assert index.stored_document(question.pk) == index.fresh_document(question.pk)
        assert found("calibration evidence") == [question.pk]

    def test_edits_hides_and_restores_rebuild_the_entry(self):
        question = ask("What does ownership look like at mid level?")
        kept = AnswerFactory(question=question, body="Own one service end to end.")
        gone = AnswerFactory(question=question, body="Volunteer for the pager rotation.")
        visibility_set(contribution=gone, hidden=True, by=None, reason="spam")
        assert index.stored_document(question.pk) == index.fresh_document(question.pk)
        assert found("pager rotation") == []
        answer_edit(answer=kept, editor=kept.author, body="Own two services.")
        assert index.stored_document(question.pk) == index.fresh_document(question.pk)
        visibility_set(contribution=gone, hidden=False, by=None, reason="")
        assert found("pager rotation") == [question.pk]
        assert index.stored_document(question.pk) == index.fresh_document(question.pk)

    def test_markup_is_not_searchable_only_the_words(self):
        question = ask(
            "Where do I keep notes for my review?",
            body="Use a [shared doc](https://example.com/strong-notes) and **bold** headings.",
        )
        assert found("shared doc") == [question.pk]
        assert found("href") == []
        assert found("strong") == []

    def test_a_rebuild_stores_the_same_entries(self):
        question = ask("Is a lateral move a step back?")
        AnswerFactory(question=question, body="Not if you gain scope.")
        before = index.stored_document(question.pk)
        assert index.rebuild_index(batch_size=1) == Question.objects.visible().count()
        assert index.stored_document(question.pk) == before


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_outside_a_transaction_shares_the_work_between_connections(ladder):
    """PostgreSQL rebuilds on two connections at once (threads); the result is the same."""
    questions = [ask(f"Question number {n} about calibration") for n in range(5)]
    AnswerFactory(question=questions[0], body="Bring evidence to the calibration.")
    before = {q.pk: index.stored_document(q.pk) for q in questions}
    assert index.rebuild_index(batch_size=1) == 5
    assert {q.pk: index.stored_document(q.pk) for q in questions} == before
    assert found("calibration evidence") == [questions[0].pk]
