"""Suggested edits (forum/services/suggestions.py) and their database constraints."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.privileges import REPUTATION, Privilege
from core.rules import ActionNotAllowed
from forum import edits
from forum.identity import actor_name
from forum.models import Answer, Notification, SuggestedEdit
from forum.services.answers import answer_edit
from forum.services.suggestions import (
    SuggestionRefused,
    SuggestionStale,
    suggestion_accept,
    suggestion_create,
    suggestion_reject,
)
from moderation.services.questions import question_lock
from tests.factories import AnswerFactory, QuestionFactory, UserFactory, holder
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")
BODY = "Write down what senior means at your company, then ask your manager where you fall short."


def suggest(post, suggester=None, **extra):
    values = {"body": BODY, "reason": "Clearer wording", "base_revision": 1}
    if post.kind == "question":
        values |= {"title": "How do I show senior-level impact, clearly?", "tags": ["promotion"]}
    return suggestion_create(
        suggester=suggester or holder(Privilege.SUGGEST_EDITS), post=post, **(values | extra)
    )


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestSuggesting:
    def test_a_suggestion_waits_and_changes_nothing_yet(self):
        answer = AnswerFactory()
        suggestion = suggest(answer)
        assert suggestion.status == "pending"
        assert suggestion.base_revision == 1
        assert fresh(answer).body != BODY
        assert answer.revisions.count() == 1

    def test_needs_the_privilege(self):
        answer = AnswerFactory()
        below = UserFactory(reputation=REPUTATION[Privilege.SUGGEST_EDITS] - 1)
        with pytest.raises(ActionNotAllowed, match="Suggesting edits needs 5 reputation"):
            suggest(answer, below)
        assert not SuggestedEdit.objects.exists()

    def test_not_on_your_own_post_nor_by_someone_who_edits_directly(self):
        answer = AnswerFactory()
        with pytest.raises(ActionNotAllowed, match="your own post"):
            suggest(answer, answer.author)
        with pytest.raises(ActionNotAllowed, match="edit this post directly"):
            suggest(answer, holder(Privilege.EDIT_FREELY))
        with pytest.raises(ActionNotAllowed):
            suggest(answer, moderator())

    def test_not_on_a_locked_thread(self):
        answer = AnswerFactory()
        question_lock(moderator=moderator(), question=answer.question, reason="Heated")
        with pytest.raises(ActionNotAllowed, match="locked"):
            suggest(fresh(answer))

    def test_one_pending_suggestion_per_post_per_person(self):
        answer, suggester = AnswerFactory(), holder(Privilege.SUGGEST_EDITS)
        suggest(answer, suggester)
        with pytest.raises(SuggestionRefused, match="already have a suggestion waiting"):
            suggest(answer, suggester, body=BODY + " Again.")
        suggest(answer)  # someone else may
        assert SuggestedEdit.objects.count() == 2

    def test_a_suggestion_that_changes_nothing_is_refused(self):
        answer = AnswerFactory()
        with pytest.raises(SuggestionRefused, match="changes nothing"):
            suggest(answer, body=answer.body)

    def test_made_from_an_old_revision_it_is_an_edit_conflict(self):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body=BODY + " Author's.")
        with pytest.raises(edits.EditConflict):
            suggest(answer, base_revision=1)


class TestDeciding:
    def test_the_author_accepts_and_the_suggester_is_credited_with_a_revision(self):
        question = QuestionFactory(is_anonymous=True)
        suggester = holder(Privilege.SUGGEST_EDITS)
        suggestion = suggest(question, suggester, tags=["promotion", "career-growth"])
        accepted = suggestion_accept(reviewer=question.author, suggestion=suggestion)
        assert (accepted.status, accepted.reviewer) == ("accepted", question.author)
        question = fresh(question)
        assert question.body == BODY
        assert question.title == "How do I show senior-level impact, clearly?"
        assert sorted(question.tags.names()) == ["career-growth", "promotion"]
        assert question.is_anonymous  # an anonymous post stays so
        latest = question.revisions.last()
        assert (latest.number, latest.editor, latest.reason) == (2, suggester, "Clearer wording")
        assert accepted.revision == latest

    def test_a_reviewer_or_a_moderator_decides_too(self):
        first, second = AnswerFactory(), AnswerFactory()
        suggestion_accept(reviewer=holder(Privilege.REVIEW_EDITS), suggestion=suggest(first))
        suggestion_reject(reviewer=moderator(), suggestion=suggest(second), reason="Not better")
        assert fresh(first).body == BODY
        assert fresh(second).body != BODY

    def test_who_may_not_decide(self):
        answer, suggester = AnswerFactory(), holder(Privilege.SUGGEST_EDITS)
        suggestion = suggest(answer, suggester)
        below = UserFactory(reputation=REPUTATION[Privilege.REVIEW_EDITS] - 1)
        for person in (suggester, below, holder(Privilege.EDIT_FREELY, is_active=False)):
            with pytest.raises(ActionNotAllowed):
                suggestion_accept(reviewer=person, suggestion=suggestion)
        with pytest.raises(ActionNotAllowed, match="your own suggestion"):
            suggestion_reject(reviewer=suggester, suggestion=suggestion, reason="Mine")
        assert fresh(suggestion).status == "pending"

    def test_a_stale_suggestion_is_refused_and_rejecting_it_still_works(self):
        answer = AnswerFactory()
        suggestion = suggest(answer)
        answer_edit(answer=answer, editor=answer.author, body=BODY + " The author's own.")
        with pytest.raises(SuggestionStale, match="edited after this suggestion was made"):
            suggestion_accept(reviewer=answer.author, suggestion=suggestion)
        assert fresh(answer).body.endswith("The author's own.")
        assert fresh(suggestion).status == "pending"
        suggestion_reject(reviewer=answer.author, suggestion=suggestion, reason="Out of date")
        assert fresh(suggestion).status == "rejected"

    def test_rejecting_keeps_it_with_the_reason_and_needs_one(self):
        answer = AnswerFactory()
        suggestion = suggest(answer)
        with pytest.raises(SuggestionRefused, match="Say why"):
            suggestion_reject(reviewer=answer.author, suggestion=suggestion, reason="   ")
        rejected = suggestion_reject(
            reviewer=answer.author, suggestion=suggestion, reason="Changes my meaning"
        )
        assert (rejected.status, rejected.review_reason) == ("rejected", "Changes my meaning")
        assert SuggestedEdit.objects.count() == 1  # nothing is deleted

    def test_decided_once(self):
        answer = AnswerFactory()
        suggestion = suggest(answer)
        suggestion_accept(reviewer=answer.author, suggestion=suggestion)
        with pytest.raises(SuggestionRefused, match="already accepted"):
            suggestion_reject(reviewer=answer.author, suggestion=suggestion, reason="Oops")
        with pytest.raises(SuggestionRefused, match="already accepted"):
            suggestion_accept(reviewer=moderator(), suggestion=suggestion)
        assert Answer.objects.get(pk=answer.pk).revisions.count() == 2

    def test_after_a_decision_the_same_person_may_suggest_again(self):
        answer, suggester = AnswerFactory(), holder(Privilege.SUGGEST_EDITS)
        first = suggest(answer, suggester)
        suggestion_reject(reviewer=answer.author, suggestion=first, reason="No")
        suggest(answer, suggester)
        assert SuggestedEdit.objects.filter(suggester=suggester).count() == 2


class TestConstraints:
    def _row(self, **extra):
        answer = AnswerFactory()
        values = {
            "answer": answer,
            "suggester": UserFactory(),
            "base_revision": 1,
            "body": BODY,
            "reason": "r",
        }
        return values | extra

    @pytest.mark.parametrize(
        "extra",
        [
            {"status": "maybe"},
            {"status": "accepted"},  # decided, but by nobody
            {"status": "rejected", "reviewed_at": timezone.now()},
        ],
    )
    def test_bad_rows_are_refused_by_the_database(self, extra):
        with pytest.raises(IntegrityError), transaction.atomic():
            SuggestedEdit.objects.create(**self._row(**extra))

    def test_a_rejection_needs_a_reason_and_nobody_reviews_their_own(self):
        values = self._row()
        reviewer = UserFactory()
        decided = {"status": "rejected", "reviewer": reviewer, "reviewed_at": timezone.now()}
        with pytest.raises(IntegrityError), transaction.atomic():
            SuggestedEdit.objects.create(**values, **decided)  # no reason
        with pytest.raises(IntegrityError), transaction.atomic():
            SuggestedEdit.objects.create(
                **(values | {"reviewer": values["suggester"]}),
                **{k: v for k, v in decided.items() if k != "reviewer"},
                review_reason="x",
            )

    def test_two_pending_rows_for_one_person_and_post_are_refused(self):
        values = self._row()
        SuggestedEdit.objects.create(**values)
        with pytest.raises(IntegrityError), transaction.atomic():
            SuggestedEdit.objects.create(**values)

    def test_exactly_one_post(self):
        values = self._row(question=QuestionFactory())
        with pytest.raises(IntegrityError), transaction.atomic():
            SuggestedEdit.objects.create(**values)


class TestNotifications:
    def test_the_author_is_told_of_a_suggestion_by_the_suggester(self):
        answer = AnswerFactory()
        suggester = holder(Privilege.SUGGEST_EDITS)
        suggestion = suggest(answer, suggester)
        told = Notification.objects.get(recipient=answer.author)
        assert (told.kind, told.actor, told.suggestion) == ("edit-suggested", suggester, suggestion)
        assert told.get_absolute_url() == suggestion.get_absolute_url()
        assert f"{actor_name(told)} {told.verb}" == (
            f"{suggester.public_name} suggested an edit to your answer"
        )

    def test_the_suggester_hears_the_decision_from_a_reviewer_named_by_nobody(self):
        question = QuestionFactory(is_anonymous=True)
        accepted = suggest(question)
        suggestion_accept(reviewer=question.author, suggestion=accepted)
        told = Notification.objects.get(recipient=accepted.suggester)
        assert (told.kind, told.actor) == ("suggestion-accepted", None)
        assert actor_name(told) == "A reviewer"
        assert question.author.public_name not in told.verb

        answer = AnswerFactory()
        turned_down = suggest(answer)
        reason = "Changes the meaning"
        suggestion_reject(reviewer=moderator(), suggestion=turned_down, reason=reason)
        told = Notification.objects.get(recipient=turned_down.suggester)
        assert (told.kind, told.message) == ("suggestion-rejected", "Changes the meaning")
        assert f"{actor_name(told)} {told.verb}" == (
            "A reviewer turned down your suggested edit to the answer"
        )
