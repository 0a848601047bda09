"""What moderators read, and what hidden content does to what everyone else reads."""

import pytest

from forum import selectors as forum_selectors
from forum import services as forum_services
from forum.models import Answer, Comment, Question
from moderation import selectors, services
from moderation.models import AuditEntry, Flag
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.moderation.factories import flag, flags, fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestFlagQueue:
    def test_one_entry_per_item_oldest_flag_first_with_all_its_flags(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        first = flag(answer, reason="rude")
        flag(comment, reason="needs-moderator", text="Names a real person")
        second = flag(answer, reason="off-topic")
        flag(question, reason="spam")
        queue = selectors.flag_queue()
        assert [(entry.item.kind, entry.item) for entry in queue] == [
            ("answer", answer),
            ("comment", comment),
            ("question", question),
        ]
        assert queue[0].flags == [first, second]
        assert queue[0].reasons == ["Off-topic", "Rude or abusive"]
        assert queue[1].flags[0].text == "Names a real person"
        assert selectors.queue_size() == 3

    def test_handled_flags_leave_the_queue(self):
        mod = moderator()
        answer, comment, question = AnswerFactory(), CommentFactory(), QuestionFactory()
        for item in (answer, comment, question):
            flag(item)
        services.flags_dismiss(moderator=mod, item=answer)
        services.content_hide(moderator=mod, item=comment, reason="Rude")
        assert [entry.item for entry in selectors.flag_queue()] == [question]
        services.user_warn(moderator=mod, item=question, message="Please stop")
        assert selectors.flag_queue() == []
        assert selectors.queue_size() == 0

    def test_items_hidden_by_flags_wait_in_the_queue(self):
        answer = AnswerFactory()
        flags(answer, 3)
        (entry,) = selectors.flag_queue()
        assert entry.item.is_hidden
        assert len(entry.flags) == 3
        assert selectors.queue_size() == 1

    def test_the_queue_size_counts_items_not_flags(self):
        answer, comment = AnswerFactory(), CommentFactory()
        flags(answer, 2)
        flags(comment, 2, reason="off-topic")
        flag(answer.question, reason="off-topic")
        assert Flag.objects.count() == 5
        assert selectors.queue_size() == 3


class TestHiddenContent:
    def test_every_kind_newest_hidden_first(self):
        mod = moderator()
        q1, q2 = QuestionFactory(), QuestionFactory()
        answer = AnswerFactory(question=q1)
        comment = CommentFactory(post=answer)
        visible = AnswerFactory(question=q1)
        services.content_hide(moderator=mod, item=q1, reason="First")
        forum_services.post_delete(user=q2.author, item=q2)
        flags(answer, 3)
        services.content_hide(moderator=mod, item=comment, reason="Rude")
        hidden = selectors.hidden_content()
        assert hidden.questions == [q2, q1]
        assert hidden.answers == [answer]
        assert hidden.comments == [comment]
        assert visible not in hidden.answers
        services.content_restore(moderator=mod, item=fresh(q1))
        assert selectors.hidden_content().questions == [q2]

    def test_the_limit_applies_per_kind(self):
        mod = moderator()
        for _ in range(3):
            services.content_hide(moderator=mod, item=AnswerFactory(), reason="x")
        hidden = selectors.hidden_content(limit=2)
        assert len(hidden.answers) == 2
        assert len(hidden.questions) == 0


class TestPins:
    def test_home_first_then_each_level_in_ladder_order(self, ladder):
        mod = moderator()
        a, b = QuestionFactory(), QuestionFactory(level=ladder["senior"])
        services.question_feature(moderator=mod, question=a, level=None)
        services.question_feature(moderator=mod, question=b, level=None)
        services.question_feature(moderator=mod, question=b, level=ladder["senior"])
        groups = selectors.pins()
        assert [g.where for g in groups] == [
            "Home page",
            "Junior engineer page",
            "Mid-level engineer page",
            "Senior engineer page",
        ]
        assert [f.question for f in groups[0].features] == [a, b]
        assert [f.question for f in groups[3].features] == [b]
        assert groups[1].features == groups[2].features == []


class TestAuditLog:
    @pytest.fixture
    def logged(self):
        alice, bob = moderator(username="alice-mod"), moderator(username="bob-mod")
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        services.question_lock(moderator=alice, question=question, reason="Heated")
        services.content_hide(moderator=bob, item=answer, reason="Spam")
        services.user_suspend(moderator=alice, user=answer.author, days=2, reason="Spam")
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
        forum_services.post_delete(user=person, item=comment)
        services.content_hide(moderator=mod, item=answer, reason="Spam")
        services.user_warn(moderator=mod, item=question, message="First warning")
        suspension = services.user_suspend(moderator=mod, user=person, days=3, reason="Spam")
        services.question_lock(moderator=mod, question=question, reason="Not about the person")
        record = selectors.person_record(person=person)
        assert record.person == person
        assert record.flagged_items == 3
        assert record.hidden_items == 2
        assert record.suspensions == [suspension]
        assert [w.message for w in record.warnings] == ["First warning"]

    def test_a_clean_record(self):
        record = selectors.person_record(person=UserFactory())
        assert (record.flagged_items, record.hidden_items) == (0, 0)
        assert record.suspensions == record.warnings == []


class TestModerationPanel:
    def test_open_flags_on_everything_shown_and_where_it_is_pinned(self, ladder):
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
        services.flags_dismiss(moderator=mod, item=dismissed)
        services.question_feature(moderator=mod, question=question, level=ladder["mid"])
        page = forum_selectors.question_page(question=question, viewer=mod)
        panel = forum_selectors.moderation_panel(question=question, page=page)
        assert (panel.pinned_home, panel.pinned_level) == (False, True)
        assert page.question.open_flags == 1
        by_pk = {item.post.pk: item for item in page.answers}
        assert by_pk[answer.pk].open_flags == 2
        assert by_pk[dismissed.pk].open_flags == 0
        assert page.question.comments[0].open_flags == 0
        assert by_pk[answer.pk].comments[0].comment == on_answer
        assert by_pk[answer.pk].comments[0].open_flags == 1
        assert on_question.pk  # shown, unflagged


class TestHiddenContentLeavesThePublicSite:
    @pytest.fixture
    def hidden_question(self, ladder):
        shown = QuestionFactory(title="A visible question about promotions", tags=["promotion"])
        gone = QuestionFactory(
            title="A hidden question about quarterly promotions", tags=["promotion", "secret-tag"]
        )
        AnswerFactory(question=shown)
        AnswerFactory(question=gone)
        services.content_hide(moderator=moderator(), item=gone, reason="Spam")
        return shown, fresh(gone)

    def test_lists_home_levels_tags_search_related_and_profiles(self, hidden_question, ladder):
        shown, gone = hidden_question
        assert list(forum_selectors.question_list()) == [shown]
        assert list(forum_selectors.question_list(level=ladder["mid"])) == [shown]
        assert list(forum_selectors.question_list(tag="promotion")) == [shown]
        home = forum_selectors.home()
        assert gone not in home.newest
        assert gone not in home.active
        assert {c.level.slug: c.questions for c in home.levels}["mid"] == 1
        assert {t.name: t.n for t in home.tags} == {"promotion": 1}
        assert forum_selectors.question_search(query="promotions") == [shown.pk]
        Question.objects.filter(pk=shown.pk).update(related_ids=[gone.pk])
        shown.refresh_from_db()
        assert forum_selectors.question_related(question=shown) == []
        activity = forum_selectors.user_activity(person=gone.author, viewer=gone.author)
        assert activity.questions == []
        assert forum_selectors.question_get(pk=gone.pk, viewer=UserFactory()) is None
        assert forum_selectors.question_get(pk=gone.pk, viewer=moderator()) == gone
        assert Question.objects.filter(pk=gone.pk).exists()

    def test_hidden_answers_and_comments_show_only_to_moderators(self):
        question = QuestionFactory()
        kept, gone = AnswerFactory(question=question), AnswerFactory(question=question)
        comment = CommentFactory(post=question)
        mod = moderator()
        services.content_hide(moderator=mod, item=gone, reason="Spam")
        services.content_hide(moderator=mod, item=comment, reason="Rude")
        question = fresh(question)
        assert (question.answer_count, question.comment_count) == (1, 0)
        public = forum_selectors.question_page(question=question, viewer=UserFactory())
        assert [item.post for item in public.answers] == [kept]
        assert public.question.comments == []
        for_mod = forum_selectors.question_page(question=question, viewer=mod)
        assert {item.post.pk for item in for_mod.answers} == {kept.pk, gone.pk}
        assert [c.comment for c in for_mod.question.comments] == [comment]
        assert Answer.objects.count() == 2
        assert Comment.objects.count() == 1

    def test_a_hidden_answers_own_activity_leaves_the_profile(self):
        answer = AnswerFactory()
        forum_services.post_delete(user=answer.author, item=answer)
        activity = forum_selectors.user_activity(person=answer.author, viewer=answer.author)
        assert activity.answers == []


def test_audit_entries_are_listed_with_their_actor_in_one_query(django_assert_num_queries):
    mod = moderator()
    for _ in range(5):
        services.question_lock(moderator=mod, question=QuestionFactory(), reason="x")
    with django_assert_num_queries(1):
        assert {e.actor.username for e in selectors.audit_log()} == {mod.username}
    assert AuditEntry.objects.count() == 5
