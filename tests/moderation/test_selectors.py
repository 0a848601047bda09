"""What moderators read (moderation/selectors.py)."""

import pytest

from forum.services.visibility import contribution_delete
from moderation import selectors
from moderation.models import AuditEntry, Flag
from moderation.services.curation import question_feature
from moderation.services.flags import flags_dismiss
from moderation.services.people import user_suspend, user_warn
from moderation.services.questions import question_lock
from moderation.services.visibility import contribution_hide, contribution_restore
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.moderation.factories import flag, flags, fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestFlagQueue:
    def test_one_entry_per_item_heaviest_then_oldest_flag_first_with_all_its_flags(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        first = flag(answer, reason="rude")
        flag(comment, reason="needs-moderator", text="Names a real person")
        second = flag(answer, reason="off-topic")
        flag(question, reason="spam")
        queue = selectors.flag_queue()
        # Spam and abuse weigh 2 each here (answer, question: oldest first); "needs a
        # moderator" counts nothing towards hiding, so the comment comes last.
        assert [(entry.contribution.kind, entry.contribution, entry.weight) for entry in queue] == [
            ("answer", answer, 2),
            ("question", question, 2),
            ("comment", comment, 0),
        ]
        assert queue[0].flags == [first, second]
        assert queue[0].reasons == ["Off-topic", "Rude or abusive"]
        assert queue[2].flags[0].text == "Names a real person"
        assert selectors.queue_size() == 3

    def test_handled_flags_leave_the_queue(self):
        mod = moderator()
        answer, comment, question = AnswerFactory(), CommentFactory(), QuestionFactory()
        for item in (answer, comment, question):
            flag(item)
        flags_dismiss(moderator=mod, contribution=answer)
        contribution_hide(moderator=mod, contribution=comment, reason="Rude")
        assert [entry.contribution for entry in selectors.flag_queue()] == [question]
        user_warn(moderator=mod, contribution=question, message="Please stop")
        assert selectors.flag_queue() == []
        assert selectors.queue_size() == 0

    def test_items_hidden_by_flags_wait_in_the_queue(self):
        answer = AnswerFactory()
        flags(answer, 3)
        (entry,) = selectors.flag_queue()
        assert entry.contribution.is_hidden
        assert len(entry.flags) == 3
        assert selectors.queue_size() == 1

    def test_the_queue_size_counts_items_not_flags(self):
        answer, comment = AnswerFactory(), CommentFactory()
        flags(answer, 2)
        flags(comment, 2, reason="off-topic")
        flag(answer.question, reason="off-topic")
        assert Flag.objects.count() == 5
        assert selectors.queue_size() == 3


class TestHiddenContributions:
    def test_every_kind_newest_hidden_first(self):
        mod = moderator()
        q1, q2 = QuestionFactory(), QuestionFactory()
        answer = AnswerFactory(question=q1)
        comment = CommentFactory(post=answer)
        visible = AnswerFactory(question=q1)
        contribution_hide(moderator=mod, contribution=q1, reason="First")
        contribution_delete(user=q2.author, contribution=q2)
        flags(answer, 3)
        contribution_hide(moderator=mod, contribution=comment, reason="Rude")
        hidden = selectors.hidden_contributions()
        assert hidden.questions == [q2, q1]
        assert hidden.answers == [answer]
        assert hidden.comments == [comment]
        assert visible not in hidden.answers
        contribution_restore(moderator=mod, contribution=fresh(q1))
        assert selectors.hidden_contributions().questions == [q2]

    def test_the_limit_applies_per_kind(self):
        mod = moderator()
        for _ in range(3):
            contribution_hide(moderator=mod, contribution=AnswerFactory(), reason="x")
        hidden = selectors.hidden_contributions(limit=2)
        assert len(hidden.answers) == 2
        assert len(hidden.questions) == 0


class TestFeaturesByPage:
    def test_home_first_then_each_level_in_ladder_order(self, ladder):
        mod = moderator()
        a, b = QuestionFactory(), QuestionFactory(level=ladder["senior"])
        question_feature(moderator=mod, question=a, level=None)
        question_feature(moderator=mod, question=b, level=None)
        question_feature(moderator=mod, question=b, level=ladder["senior"])
        pages = selectors.features_by_page()
        assert [g.where for g in pages] == [
            "Home page",
            "Junior engineer page",
            "Mid-level engineer page",
            "Senior engineer page",
        ]
        assert [f.question for f in pages[0].features] == [a, b]
        assert [f.question for f in pages[3].features] == [b]
        assert pages[1].features == pages[2].features == []


class TestAuditLog:
    @pytest.fixture
    def logged(self):
        alice, bob = moderator(username="alice-mod"), moderator(username="bob-mod")
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        question_lock(moderator=alice, question=question, reason="Heated")
        contribution_hide(moderator=bob, contribution=answer, reason="Spam")
        user_suspend(moderator=alice, user=answer.author, days=2, reason="Spam")
        return alice, bob

    def test_newest_first(self, logged):
        assert [e.action for e in selectors.audit_log()] == ["suspend", "hide", "lock"]

    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            ({"action": "lock"}, ["lock"]),
            ({"actor": "alice-mod"}, ["suspend", "lock"]),
            ({"actor": "bob-mod"}, ["hide"]),
            ({"kind": "user"}, ["suspend"]),
            ({"kind": "answer"}, ["hide"]),
            ({"actor": "alice-mod", "kind": "question"}, ["lock"]),
            ({"actor": "alice-mod", "action": "hide"}, []),
            ({"actor": "nobody"}, []),
        ],
    )
    def test_filters(self, logged, filters, expected):
        assert [e.action for e in selectors.audit_log(**filters)] == expected

    def test_moderator_names(self, logged):
        moderator(username="idle-mod")
        assert selectors.moderator_names() == ["alice-mod", "bob-mod"]


class TestPersonRecord:
    def test_standing_suspensions_and_warnings(self):
        mod, person = moderator(), UserFactory()
        question = QuestionFactory(author=person)
        answer = AnswerFactory(author=person)
        comment = CommentFactory(author=person)
        flag(question)
        flag(answer)
        flag(answer)
        contribution_delete(user=person, contribution=comment)
        contribution_hide(moderator=mod, contribution=answer, reason="Spam")
        user_warn(moderator=mod, contribution=question, message="First warning")
        suspension = user_suspend(moderator=mod, user=person, days=3, reason="Spam")
        question_lock(moderator=mod, question=question, reason="Not about the person")
        record = selectors.person_record(person=person)
        assert record.person == person
        assert record.flagged == 3
        assert record.hidden == 2
        assert record.suspensions == [suspension]
        assert [w.message for w in record.warnings] == ["First warning"]

    def test_a_clean_record(self):
        record = selectors.person_record(person=UserFactory())
        assert (record.flagged, record.hidden) == (0, 0)
        assert record.suspensions == record.warnings == []


class TestQuestionPageFacts:
    def test_open_flags_on_everything_shown_and_where_it_is_featured(self, ladder):
        mod = moderator()
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        on_question, on_answer = CommentFactory(post=question), CommentFactory(post=answer)
        elsewhere = AnswerFactory()
        flag(question)
        flags(answer, 2, reason="off-topic")
        flag(on_answer, reason="rude")
        flag(elsewhere)
        dismissed = AnswerFactory(question=question)
        flag(dismissed)
        flags_dismiss(moderator=mod, contribution=dismissed)
        question_feature(moderator=mod, question=question, level=ladder["mid"])
        answer_ids = [answer.pk, dismissed.pk]
        counts = selectors.open_flag_counts(question=question, answer_ids=answer_ids)
        assert counts == {
            ("question", question.pk): 1,
            ("answer", answer.pk): 2,
            ("comment", on_answer.pk): 1,
        }
        assert counts["comment", on_question.pk] == 0
        assert selectors.featured_on(question=question) == {ladder["mid"].pk}


def test_audit_entries_are_listed_with_their_actor_in_one_query(django_assert_num_queries):
    mod = moderator()
    for _ in range(5):
        question_lock(moderator=mod, question=QuestionFactory(), reason="x")
    with django_assert_num_queries(1):
        assert {e.actor.username for e in selectors.audit_log()} == {mod.username}
    assert AuditEntry.objects.count() == 5
