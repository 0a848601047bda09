"""Curating answers and featuring questions (moderation/services/curation.py)."""

import pytest
from django.db import IntegrityError, transaction

from core.rules import ActionNotAllowed
from forum.models import Feature, Question
from forum.selectors.home import home
from forum.selectors.lists import featured_questions
from forum.selectors.threads import question_page
from forum.services.answers import answer_accept
from forum.services.votes import vote_cast
from moderation.models import AuditEntry
from moderation.services.curation import (
    answer_curate,
    answer_uncurate,
    feature_move,
    question_feature,
    question_unfeature,
    question_unfeature_from,
)
from moderation.services.visibility import contribution_hide, contribution_restore
from tests.factories import (
    AnswerFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import entries, fresh, moderator, only_entry

pytestmark = pytest.mark.usefixtures("ladder")


class TestCurate:
    def test_curating_keeps_note_curator_and_time_and_is_logged(self):
        mod, answer = moderator(), AnswerFactory()
        answer_curate(moderator=mod, answer=answer, note="  The clearest plan here.  ")
        answer = fresh(answer)
        assert answer.curated_by == mod
        assert answer.curated_note == "The clearest plan here."
        assert answer.curated_at is not None
        entry = only_entry(AuditEntry.Action.CURATE)
        assert (entry.actor, entry.target_kind, entry.target_id) == (mod, "answer", answer.pk)
        assert entry.reason == "The clearest plan here."

    def test_a_note_is_required(self):
        answer = AnswerFactory()
        with pytest.raises(ValueError, match="worth reading"):
            answer_curate(moderator=moderator(), answer=answer, note="   ")
        assert fresh(answer).curated_at is None
        assert not AuditEntry.objects.exists()

    def test_hidden_answers_cannot_be_curated(self):
        mod, answer = moderator(), AnswerFactory()
        contribution_hide(moderator=mod, contribution=answer, reason="Spam")
        with pytest.raises(ActionNotAllowed, match="Restore the answer"):
            answer_curate(moderator=mod, answer=fresh(answer), note="Good")

    def test_curated_answers_show_first_in_the_order_they_were_curated(self):
        question = QuestionFactory()
        plain, accepted, late, early, voted = (AnswerFactory(question=question) for _ in range(5))
        answer_accept(user=question.author, answer=accepted)
        vote_cast(user=UserFactory(), post=voted, value=1)
        mod = moderator()
        answer_curate(moderator=mod, answer=early, note="Read this first.")
        answer_curate(moderator=mod, answer=late, note="Then this one.")
        page = question_page(question=question, viewer=UserFactory())
        order = [item.post.pk for item in page.answers]
        assert order == [early.pk, late.pk, accepted.pk, voted.pk, plain.pk]
        assert page.answers[0].post.curated_by == mod

    def test_uncurating_clears_everything_and_is_logged(self):
        mod, answer = moderator(), AnswerFactory()
        answer_curate(moderator=mod, answer=answer, note="Good")
        answer_uncurate(moderator=mod, answer=answer, reason="Outdated now")
        answer = fresh(answer)
        assert (answer.curated_at, answer.curated_by, answer.curated_note) == (None, None, "")
        assert only_entry(AuditEntry.Action.UNCURATE).reason == "Outdated now"


class TestFeature:
    def test_features_go_to_the_end_of_their_page_in_order(self, ladder):
        mod = moderator()
        first, second, third = (QuestionFactory() for _ in range(3))
        for question in (first, second, third):
            question_feature(moderator=mod, question=question, level=None)
        question_feature(moderator=mod, question=third, level=ladder["mid"])
        assert featured_questions(level=None) == [first, second, third]
        assert featured_questions(level=ladder["mid"]) == [third]
        assert featured_questions(level=ladder["senior"]) == []
        assert home().featured == [first, second, third]
        feature = Feature.objects.get(question=third, level=None)
        assert (feature.position, feature.featured_by) == (3, mod)

    def test_featuring_twice_is_a_no_op(self):
        mod, question = moderator(), QuestionFactory()
        one = question_feature(moderator=mod, question=question, level=None)
        two = question_feature(moderator=mod, question=question, level=None)
        assert one.pk == two.pk
        assert Feature.objects.count() == 1
        assert len(entries(AuditEntry.Action.FEATURE)) == 1

    def test_the_database_allows_one_pin_per_page(self, ladder):
        mod, question = moderator(), QuestionFactory()
        question_feature(moderator=mod, question=question, level=None)
        question_feature(moderator=mod, question=question, level=ladder["mid"])
        for level in (None, ladder["mid"]):
            with pytest.raises(IntegrityError), transaction.atomic():
                Feature.objects.create(question=question, level=level, featured_by=mod)

    def test_moving_up_and_down_and_at_the_edges(self):
        mod = moderator()
        a, b, c = (QuestionFactory() for _ in range(3))
        features = {
            q.pk: question_feature(moderator=mod, question=q, level=None) for q in (a, b, c)
        }
        feature_move(moderator=mod, feature=features[c.pk], offset=-1)
        assert featured_questions(level=None) == [a, c, b]
        feature_move(moderator=mod, feature=features[c.pk], offset=-1)
        assert featured_questions(level=None) == [c, a, b]
        feature_move(moderator=mod, feature=features[c.pk], offset=-1)  # already first
        assert featured_questions(level=None) == [c, a, b]
        feature_move(moderator=mod, feature=features[a.pk], offset=1)
        assert featured_questions(level=None) == [c, b, a]
        feature_move(moderator=mod, feature=features[a.pk], offset=1)  # already last
        assert featured_questions(level=None) == [c, b, a]
        reorders = entries(AuditEntry.Action.REORDER)
        assert [e.details["to"] for e in reorders] == [2, 1, 1, 3, 3]
        assert {e.details["where"] for e in reorders} == {"home"}

    def test_moving_on_a_level_page_leaves_the_home_page_alone(self, ladder):
        mod = moderator()
        a, b = QuestionFactory(), QuestionFactory()
        for q in (a, b):
            question_feature(moderator=mod, question=q, level=None)
            question_feature(moderator=mod, question=q, level=ladder["mid"])
        feature = Feature.objects.get(question=b, level=ladder["mid"])
        feature_move(moderator=mod, feature=feature, offset=-1)
        assert featured_questions(level=ladder["mid"]) == [b, a]
        assert featured_questions(level=None) == [a, b]

    def test_unfeaturing_removes_the_feature_only_and_is_logged(self, ladder):
        mod, question = moderator(), QuestionFactory()
        feature = question_feature(moderator=mod, question=question, level=ladder["mid"])
        question_unfeature(moderator=mod, feature=feature)
        assert featured_questions(level=ladder["mid"]) == []
        assert Question.objects.filter(pk=question.pk).exists()
        assert only_entry(AuditEntry.Action.UNFEATURE).details == {"where": "mid"}

    def test_hidden_questions_cannot_be_featured_and_leave_the_features(self):
        mod = moderator()
        featured, hidden = QuestionFactory(), QuestionFactory()
        question_feature(moderator=mod, question=featured, level=None)
        contribution_hide(moderator=mod, contribution=hidden, reason="Spam")
        with pytest.raises(ActionNotAllowed, match="Hidden questions"):
            question_feature(moderator=mod, question=fresh(hidden), level=None)
        contribution_hide(moderator=mod, contribution=featured, reason="Spam")
        assert featured_questions(level=None) == []
        contribution_restore(moderator=mod, contribution=featured)
        assert featured_questions(level=None) == [featured]

    @pytest.mark.parametrize("offset", [0, 2, -3])
    def test_a_feature_moves_one_place_at_a_time(self, offset):
        mod = moderator()
        feature = question_feature(moderator=mod, question=QuestionFactory(), level=None)
        with pytest.raises(ValueError, match="one place up or down"):
            feature_move(moderator=mod, feature=feature, offset=offset)


def test_a_question_is_featured_on_its_own_level_only(ladder):
    question = QuestionFactory(level=ladder["mid"])
    with pytest.raises(ActionNotAllowed, match="own level"):
        question_feature(moderator=moderator(), question=question, level=ladder["senior"])
    assert not Feature.objects.exists()


def test_featuring_and_unfeaturing_twice_change_nothing_the_second_time(ladder):
    question, mod = QuestionFactory(), moderator()
    first = question_feature(moderator=mod, question=question, level=None)
    assert question_feature(moderator=mod, question=question, level=None) == first
    assert Feature.objects.count() == 1
    assert question_unfeature_from(moderator=mod, question=question, level=None)
    assert not question_unfeature_from(moderator=mod, question=question, level=None)
    assert not Feature.objects.exists()
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["feature", "unfeature"]  # the repeated clicks left no trace
