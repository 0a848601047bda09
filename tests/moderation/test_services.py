"""Moderator actions through the services: every rule, every counter, every audit entry."""

from datetime import UTC, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from accounts.models import User
from forum import permissions, selectors
from forum import services as forum_services
from forum.models import Answer, Comment, Feature, Notification, Question, Revision, Vote
from forum.permissions import ActionNotAllowed
from moderation import services
from moderation.models import AuditEntry, Flag, Suspension
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
    superuser,
)
from tests.moderation.factories import flag, flags, fresh, moderator, moderators_group

pytestmark = pytest.mark.usefixtures("ladder")


def entries(action: str | None = None) -> list[AuditEntry]:
    found = AuditEntry.objects.order_by("id")
    return list(found.filter(action=action) if action else found)


def only_entry(action: str) -> AuditEntry:
    (entry,) = entries(action)
    return entry


# The moderator role ---------------------------------------------------------------------------


class TestModeratorFlagSync:
    """User.is_moderator mirrors membership of the Moderators group, however it changes."""

    def test_the_data_migrations_give_the_group_read_access_to_the_records(self):
        group = moderators_group()
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert codenames == {"view_flag", "view_auditentry", "view_suspension"}

    def test_user_groups_add_and_remove(self):
        user = UserFactory()
        assert not user.is_moderator
        user.groups.add(moderators_group())
        assert user.is_moderator  # the signal updates the instance too
        assert fresh(user).is_moderator
        assert permissions.can_moderate(user)
        user.groups.remove(moderators_group())
        assert not user.is_moderator
        assert not fresh(user).is_moderator
        assert not permissions.can_moderate(user)

    def test_user_groups_clear_and_set(self):
        user = UserFactory()
        other = Group.objects.create(name="Mentors")
        user.groups.set([moderators_group(), other])
        assert fresh(user).is_moderator
        user.groups.set([other])
        assert not fresh(user).is_moderator
        user.groups.add(moderators_group())
        user.groups.clear()
        assert not fresh(user).is_moderator

    def test_group_user_set_add_remove_and_clear(self):
        group = moderators_group()
        first, second, bystander = UserFactory(), UserFactory(), UserFactory()
        group.user_set.add(first, second)
        assert [fresh(u).is_moderator for u in (first, second, bystander)] == [True, True, False]
        group.user_set.remove(first)
        assert [fresh(u).is_moderator for u in (first, second)] == [False, True]
        group.user_set.add(first)
        group.user_set.clear()
        assert not User.objects.filter(is_moderator=True).exists()

    def test_other_groups_do_not_make_moderators(self):
        group = Group.objects.create(name="Mentors")
        user = UserFactory()
        group.user_set.add(user)
        user.groups.add(group)
        assert not fresh(user).is_moderator
        mod = moderator()
        group.user_set.add(mod)
        group.user_set.clear()
        mod.groups.remove(group)
        assert fresh(mod).is_moderator  # leaving another group keeps the role

    def test_deleting_the_group_removes_the_role(self):
        mods = [moderator(), moderator()]
        moderators_group().delete()
        assert not any(fresh(m).is_moderator for m in mods)

    def test_deleting_another_group_leaves_moderators_alone(self):
        mod = moderator()
        group = Group.objects.create(name="Mentors")
        mod.groups.add(group)
        group.delete()
        assert fresh(mod).is_moderator

    def test_superusers_moderate_without_the_group(self):
        assert permissions.can_moderate(UserFactory(is_superuser=True))
        assert not permissions.can_moderate(UserFactory(is_staff=True))

    def test_a_suspended_moderator_cannot_moderate(self):
        mod = moderator()
        services.user_suspend(moderator=superuser(), user=mod, days=3, reason="Cooling off")
        assert not permissions.can_moderate(mod)
        with pytest.raises(ActionNotAllowed, match="suspended"):
            services.question_lock(moderator=mod, question=QuestionFactory(), reason="Heated")


@pytest.mark.parametrize(
    "act",
    [
        lambda who, q, a: services.answer_curate(moderator=who, answer=a, note="Worth reading."),
        lambda who, q, a: services.answer_uncurate(moderator=who, answer=a),
        lambda who, q, a: services.question_feature(moderator=who, question=q, level=None),
        lambda who, q, a: services.question_close(
            moderator=who, question=q, reason="off-topic", note="x"
        ),
        lambda who, q, a: services.question_reopen(moderator=who, question=q),
        lambda who, q, a: services.question_lock(moderator=who, question=q, reason="x"),
        lambda who, q, a: services.question_unlock(moderator=who, question=q),
        lambda who, q, a: services.content_hide(moderator=who, item=a, reason="x"),
        lambda who, q, a: services.content_restore(moderator=who, item=a),
        lambda who, q, a: services.flags_dismiss(moderator=who, item=a),
        lambda who, q, a: services.user_warn(moderator=who, item=a, message="Be kind."),
        lambda who, q, a: services.user_suspend(moderator=who, user=a.author, days=1, reason="x"),
        lambda who, q, a: services.author_reveal(moderator=who, item=a, reason="x"),
    ],
    ids=[
        "curate",
        "uncurate",
        "feature",
        "close",
        "reopen",
        "lock",
        "unlock",
        "hide",
        "restore",
        "dismiss",
        "warn",
        "suspend",
        "reveal",
    ],
)
def test_ordinary_people_cannot_moderate(act):
    question = QuestionFactory()
    answer = AnswerFactory(question=question, is_anonymous=True)
    before = (
        Answer.objects.values().get(pk=answer.pk),
        Question.objects.values().get(pk=question.pk),
    )
    for who in (UserFactory(), question.author, answer.author):
        with pytest.raises(ActionNotAllowed):
            act(who, question, answer)
    after = Answer.objects.values().get(pk=answer.pk), Question.objects.values().get(pk=question.pk)
    assert before == after
    assert not AuditEntry.objects.exists()
    assert not Suspension.objects.exists()
    assert not Feature.objects.exists()


# Curating -------------------------------------------------------------------------------------


class TestCurate:
    def test_curating_keeps_note_curator_and_time_and_is_logged(self):
        mod, answer = moderator(), AnswerFactory()
        services.answer_curate(moderator=mod, answer=answer, note="  The clearest plan here.  ")
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
            services.answer_curate(moderator=moderator(), answer=answer, note="   ")
        assert fresh(answer).curated_at is None
        assert not AuditEntry.objects.exists()

    def test_hidden_answers_cannot_be_curated(self):
        mod, answer = moderator(), AnswerFactory()
        services.content_hide(moderator=mod, item=answer, reason="Spam")
        with pytest.raises(ActionNotAllowed, match="Restore the answer"):
            services.answer_curate(moderator=mod, answer=fresh(answer), note="Good")

    def test_curated_answers_show_first_in_the_order_they_were_curated(self):
        question = QuestionFactory()
        plain, accepted, late, early, voted = (AnswerFactory(question=question) for _ in range(5))
        forum_services.answer_accept(user=question.author, answer=accepted)
        forum_services.vote_cast(user=UserFactory(), post=voted, value=1)
        mod = moderator()
        services.answer_curate(moderator=mod, answer=early, note="Read this first.")
        services.answer_curate(moderator=mod, answer=late, note="Then this one.")
        page = selectors.question_page(question=question, viewer=UserFactory())
        order = [item.post.pk for item in page.answers]
        assert order == [early.pk, late.pk, accepted.pk, voted.pk, plain.pk]
        assert page.answers[0].post.curated_by == mod

    def test_uncurating_clears_everything_and_is_logged(self):
        mod, answer = moderator(), AnswerFactory()
        services.answer_curate(moderator=mod, answer=answer, note="Good")
        services.answer_uncurate(moderator=mod, answer=answer, reason="Outdated now")
        answer = fresh(answer)
        assert (answer.curated_at, answer.curated_by, answer.curated_note) == (None, None, "")
        assert only_entry(AuditEntry.Action.UNCURATE).reason == "Outdated now"


# Featuring ------------------------------------------------------------------------------------


class TestFeature:
    def test_pins_go_to_the_end_of_their_page_in_order(self, ladder):
        mod = moderator()
        first, second, third = (QuestionFactory() for _ in range(3))
        for question in (first, second, third):
            services.question_feature(moderator=mod, question=question, level=None)
        services.question_feature(moderator=mod, question=third, level=ladder["mid"])
        assert selectors.featured(level=None) == [first, second, third]
        assert selectors.featured(level=ladder["mid"]) == [third]
        assert selectors.featured(level=ladder["senior"]) == []
        assert selectors.home().featured == [first, second, third]
        feature = Feature.objects.get(question=third, level=None)
        assert (feature.position, feature.featured_by) == (3, mod)

    def test_featuring_twice_is_a_no_op(self):
        mod, question = moderator(), QuestionFactory()
        one = services.question_feature(moderator=mod, question=question, level=None)
        two = services.question_feature(moderator=mod, question=question, level=None)
        assert one.pk == two.pk
        assert Feature.objects.count() == 1
        assert len(entries(AuditEntry.Action.FEATURE)) == 1

    def test_the_database_allows_one_pin_per_page(self, ladder):
        mod, question = moderator(), QuestionFactory()
        services.question_feature(moderator=mod, question=question, level=None)
        services.question_feature(moderator=mod, question=question, level=ladder["mid"])
        for level in (None, ladder["mid"]):
            with pytest.raises(IntegrityError), transaction.atomic():
                Feature.objects.create(question=question, level=level, featured_by=mod)

    def test_moving_up_and_down_and_at_the_edges(self):
        mod = moderator()
        a, b, c = (QuestionFactory() for _ in range(3))
        pins = {
            q.pk: services.question_feature(moderator=mod, question=q, level=None)
            for q in (a, b, c)
        }
        services.feature_move(moderator=mod, feature=pins[c.pk], offset=-1)
        assert selectors.featured(level=None) == [a, c, b]
        services.feature_move(moderator=mod, feature=pins[c.pk], offset=-1)
        assert selectors.featured(level=None) == [c, a, b]
        services.feature_move(moderator=mod, feature=pins[c.pk], offset=-1)  # already first
        assert selectors.featured(level=None) == [c, a, b]
        services.feature_move(moderator=mod, feature=pins[a.pk], offset=1)
        assert selectors.featured(level=None) == [c, b, a]
        services.feature_move(moderator=mod, feature=pins[a.pk], offset=1)  # already last
        assert selectors.featured(level=None) == [c, b, a]
        reorders = entries(AuditEntry.Action.REORDER)
        assert [e.details["to"] for e in reorders] == [2, 1, 1, 3, 3]
        assert {e.details["where"] for e in reorders} == {"home"}

    def test_moving_on_a_level_page_leaves_the_home_page_alone(self, ladder):
        mod = moderator()
        a, b = QuestionFactory(), QuestionFactory()
        for q in (a, b):
            services.question_feature(moderator=mod, question=q, level=None)
            services.question_feature(moderator=mod, question=q, level=ladder["mid"])
        pin = Feature.objects.get(question=b, level=ladder["mid"])
        services.feature_move(moderator=mod, feature=pin, offset=-1)
        assert selectors.featured(level=ladder["mid"]) == [b, a]
        assert selectors.featured(level=None) == [a, b]

    def test_unpinning_removes_the_pin_only_and_is_logged(self, ladder):
        mod, question = moderator(), QuestionFactory()
        pin = services.question_feature(moderator=mod, question=question, level=ladder["mid"])
        services.question_unfeature(moderator=mod, feature=pin)
        assert selectors.featured(level=ladder["mid"]) == []
        assert Question.objects.filter(pk=question.pk).exists()
        assert only_entry(AuditEntry.Action.UNFEATURE).details == {"where": "mid"}

    def test_hidden_questions_cannot_be_featured_and_leave_the_pins(self):
        mod = moderator()
        pinned, hidden = QuestionFactory(), QuestionFactory()
        services.question_feature(moderator=mod, question=pinned, level=None)
        services.content_hide(moderator=mod, item=hidden, reason="Spam")
        with pytest.raises(ActionNotAllowed, match="Hidden questions"):
            services.question_feature(moderator=mod, question=fresh(hidden), level=None)
        services.content_hide(moderator=mod, item=pinned, reason="Spam")
        assert selectors.featured(level=None) == []
        services.content_restore(moderator=mod, item=pinned)
        assert selectors.featured(level=None) == [pinned]


# Closing and reopening ------------------------------------------------------------------------


class TestClose:
    def test_close_with_a_reason_refuses_new_answers(self):
        mod, question = moderator(), QuestionFactory()
        services.question_close(
            moderator=mod, question=question, reason="needs-details", note="Which company?"
        )
        question = fresh(question)
        assert question.is_closed
        assert (question.close_reason, question.close_note, question.closed_by) == (
            "needs-details",
            "Which company?",
            mod,
        )
        with pytest.raises(ActionNotAllowed, match="closed, so it takes no new answers"):
            AnswerFactory(question=question)
        assert question.answer_count == 0
        entry = only_entry(AuditEntry.Action.CLOSE)
        assert entry.details == {"reason": "needs-details", "duplicate_of": None}
        assert entry.reason == "Which company?"

    def test_a_closed_question_still_takes_comments_and_votes(self):
        question = QuestionFactory()
        services.question_close(moderator=moderator(), question=question, reason="off-topic")
        question = fresh(question)
        CommentFactory(post=question)
        forum_services.vote_cast(user=UserFactory(), post=question, value=1)
        assert fresh(question).comment_count == 1

    def test_a_duplicate_needs_a_visible_original(self):
        mod, question, original = moderator(), QuestionFactory(), QuestionFactory()
        with pytest.raises(ValueError, match="must link"):
            services.question_close(moderator=mod, question=question, reason="duplicate")
        with pytest.raises(ValueError, match="another, visible question"):
            services.question_close(
                moderator=mod, question=question, reason="duplicate", duplicate_of=question
            )
        services.content_hide(moderator=mod, item=original, reason="Spam")
        with pytest.raises(ValueError, match="another, visible question"):
            services.question_close(
                moderator=mod, question=question, reason="duplicate", duplicate_of=fresh(original)
            )
        assert not fresh(question).is_closed
        assert not entries(AuditEntry.Action.CLOSE)

    def test_a_duplicate_links_the_original(self):
        mod, question, original = moderator(), QuestionFactory(), QuestionFactory()
        services.question_close(
            moderator=mod, question=question, reason="duplicate", duplicate_of=original
        )
        question = fresh(question)
        assert question.duplicate_of == original
        assert only_entry(AuditEntry.Action.CLOSE).details["duplicate_of"] == original.pk
        assert list(original.duplicates.all()) == [question]

    def test_other_reasons_drop_the_original(self):
        mod, question, original = moderator(), QuestionFactory(), QuestionFactory()
        services.question_close(
            moderator=mod, question=question, reason="off-topic", duplicate_of=original
        )
        assert fresh(question).duplicate_of is None

    def test_an_unknown_reason_is_refused(self):
        question = QuestionFactory()
        with pytest.raises(ValueError, match="Choose a reason"):
            services.question_close(moderator=moderator(), question=question, reason="boring")
        assert not fresh(question).is_closed

    def test_reopening_takes_answers_again(self):
        mod, question, original = moderator(), QuestionFactory(), QuestionFactory()
        services.question_close(
            moderator=mod, question=question, reason="duplicate", duplicate_of=original
        )
        services.question_reopen(moderator=mod, question=question, reason="Not the same thing")
        question = fresh(question)
        assert not question.is_closed
        assert (question.close_reason, question.duplicate_of, question.closed_by) == (
            "",
            None,
            None,
        )
        AnswerFactory(question=question)
        assert fresh(question).answer_count == 1
        assert only_entry(AuditEntry.Action.REOPEN).reason == "Not the same thing"

    def test_the_database_requires_a_reason_for_closed_questions(self):
        question = QuestionFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Question.objects.filter(pk=question.pk).update(closed_at=timezone.now())
        with pytest.raises(IntegrityError), transaction.atomic():
            Question.objects.filter(pk=question.pk).update(duplicate_of=QuestionFactory())


# Locking --------------------------------------------------------------------------------------


class TestLock:
    @pytest.fixture
    def locked(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        services.question_lock(moderator=moderator(), question=question, reason="Heated thread")
        return fresh(question), Answer.objects.select_related("question").get(pk=answer.pk)

    def test_lock_stops_answers_comments_votes_edits_and_accepts(self, locked):
        question, answer = locked
        voter = UserFactory()
        attempts = [
            lambda: AnswerFactory(question=question),
            lambda: CommentFactory(post=question),
            lambda: CommentFactory(post=answer),
            lambda: forum_services.vote_cast(user=voter, post=question, value=1),
            lambda: forum_services.vote_cast(user=voter, post=answer, value=-1),
            lambda: forum_services.answer_edit(
                answer=answer, editor=answer.author, body="A changed body, long enough to count."
            ),
            lambda: forum_services.question_edit(
                question=question,
                editor=question.author,
                title=question.title,
                body="A changed body, long enough to count.",
                level=question.level,
                tags=["promotion"],
            ),
            lambda: forum_services.answer_accept(user=question.author, answer=answer),
        ]
        for attempt in attempts:
            with pytest.raises(ActionNotAllowed, match="This thread is locked: Heated thread"):
                attempt()
        question = fresh(question)
        assert (question.answer_count, question.comment_count, question.score) == (1, 0, 0)
        assert not Vote.objects.exists()
        assert Revision.objects.count() == 2  # the question's and the answer's first

    def test_moderators_still_edit_a_locked_thread(self, locked):
        _question, answer = locked
        mod = moderator()
        forum_services.answer_edit(
            answer=answer, editor=mod, body="Edited by a moderator to remove a name.", reason="PII"
        )
        assert fresh(answer).body == "Edited by a moderator to remove a name."
        entry = only_entry(AuditEntry.Action.EDIT)
        assert (entry.actor, entry.target_kind, entry.reason) == (mod, "answer", "PII")

    def test_unlocking_restores_everything(self, locked):
        question, answer = locked
        services.question_unlock(moderator=moderator(), question=question, reason="Calm again")
        question = fresh(question)
        answer.question = question
        assert not question.is_locked
        assert question.lock_reason == ""
        AnswerFactory(question=question)
        CommentFactory(post=answer)
        forum_services.vote_cast(user=UserFactory(), post=answer, value=1)
        forum_services.answer_accept(user=question.author, answer=answer)
        assert fresh(question).answer_count == 2
        assert fresh(answer).score == 1
        assert [e.action for e in entries()] == ["lock", "unlock"]


# Flags ----------------------------------------------------------------------------------------


class TestFlags:
    def test_a_flag_records_who_why_and_what(self):
        answer, flagger = AnswerFactory(), UserFactory()
        created = services.flag_create(
            flagger=flagger, item=answer, reason="needs-moderator", text="  Names a colleague.  "
        )
        assert (created.flagger, created.answer, created.target) == (flagger, answer, answer)
        assert (created.reason, created.text, created.status) == (
            "needs-moderator",
            "Names a colleague.",
            Flag.Status.OPEN,
        )

    @pytest.mark.parametrize("reason", ["spam", "rude", "off-topic", "needs-moderator"])
    def test_every_kind_of_item_takes_every_reason(self, reason):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        for item in (question, answer, comment):
            assert flag(item, reason=reason).target == item

    def test_one_open_flag_per_person_and_item(self):
        answer, flagger = AnswerFactory(), UserFactory()
        flag(answer, by=flagger)
        with pytest.raises(services.AlreadyFlagged, match="already flagged this"):
            flag(answer, by=flagger, reason="rude")
        assert Flag.objects.count() == 1
        flag(answer.question, by=flagger)  # another item is fine
        services.flags_dismiss(moderator=moderator(), item=answer)
        flag(answer, by=flagger)  # and again once the first was handled
        assert Flag.objects.filter(answer=answer).count() == 2

    @pytest.mark.parametrize(
        ("reason", "text", "field", "message"),
        [
            ("needs-moderator", "   ", "text", "Say what a moderator should look at."),
            ("boring", "", "reason", "Choose what is wrong."),
        ],
    )
    def test_bad_input_is_a_field_error_not_already_flagged(self, reason, text, field, message):
        with pytest.raises(ValidationError) as raised:
            services.flag_create(
                flagger=UserFactory(), item=AnswerFactory(), reason=reason, text=text
            )
        assert raised.value.message_dict == {field: [message]}
        assert not Flag.objects.exists()

    @pytest.mark.parametrize("kind", ["question", "answer", "comment"])
    def test_the_database_enforces_one_open_flag(self, kind):
        question = QuestionFactory()
        items = {"question": question, "answer": AnswerFactory(question=question)}
        items["comment"] = CommentFactory(post=items["answer"])
        flagger = UserFactory()
        Flag.objects.create(flagger=flagger, reason="spam", **{kind: items[kind]})
        with pytest.raises(IntegrityError), transaction.atomic():
            Flag.objects.create(flagger=flagger, reason="rude", **{kind: items[kind]})
        Flag.objects.create(
            flagger=flagger,
            reason="rude",
            status="dismissed",
            handled_at=timezone.now(),
            **{kind: items[kind]},
        )

    def test_the_database_wants_one_target_and_text_for_needs_moderator(self):
        answer, flagger = AnswerFactory(), UserFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Flag.objects.create(flagger=flagger, reason="needs-moderator", answer=answer)
        with pytest.raises(IntegrityError), transaction.atomic():
            Flag.objects.create(
                flagger=flagger, reason="spam", answer=answer, question=answer.question
            )
        with pytest.raises(IntegrityError), transaction.atomic():
            Flag.objects.create(flagger=flagger, reason="spam")

    def test_nobody_flags_their_own_or_hidden_content(self):
        answer = AnswerFactory()
        with pytest.raises(ActionNotAllowed, match="cannot flag"):
            flag(answer, by=answer.author)
        forum_services.post_delete(user=answer.author, item=answer)
        with pytest.raises(ActionNotAllowed):
            flag(fresh(answer))
        assert not Flag.objects.exists()

    def test_three_spam_or_abuse_flags_from_different_people_hide_an_answer(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question, body="Buy cheap watches at example dot com now")
        flag(answer, reason="spam")
        flag(answer, reason="rude")
        assert not fresh(answer).is_hidden
        assert selectors.question_search(query="watches") == [question.pk]
        flag(answer, reason="spam")
        answer = fresh(answer)
        assert answer.is_hidden
        assert answer.hidden_by is None
        assert answer.hidden_reason == "Hidden by flags, awaiting review"
        assert fresh(question).answer_count == 0
        assert selectors.question_search(query="watches") == []
        assert Flag.objects.filter(answer=answer, status="open").count() == 3  # still to review
        assert Answer.objects.filter(pk=answer.pk).exists()

    def test_the_threshold_comes_from_settings(self, settings):
        settings.RUNGS_FLAGS_TO_HIDE = 2
        answer = AnswerFactory()
        flag(answer, reason="rude")
        assert not fresh(answer).is_hidden
        flag(answer, reason="spam")
        assert fresh(answer).is_hidden

    def test_off_topic_and_needs_moderator_flags_do_not_hide(self):
        comment = CommentFactory()
        flag(comment, reason="spam")
        flag(comment, reason="spam")
        flag(comment, reason="off-topic")
        flag(comment, reason="needs-moderator")
        assert not fresh(comment).is_hidden

    def test_flags_hide_a_comment_and_its_count_drops(self):
        question = QuestionFactory()
        comment = CommentFactory(post=question)
        assert fresh(question).comment_count == 1
        flags(comment, 3, reason="rude")
        assert fresh(comment).is_hidden
        assert fresh(question).comment_count == 0

    def test_flags_hide_a_question_from_the_lists(self):
        question = QuestionFactory(title="Hidden by three people who saw spam")
        flags(question, 3)
        assert fresh(question).is_hidden
        assert question not in selectors.question_list()
        assert selectors.question_search(query="spam") == []

    def test_restoring_dismisses_the_flags_that_hid_it(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        flags(answer, 3)
        mod = moderator()
        services.content_restore(moderator=mod, item=fresh(answer), reason="Not spam")
        answer = fresh(answer)
        assert not answer.is_hidden
        assert (answer.hidden_at, answer.hidden_by, answer.hidden_reason) == (None, None, "")
        assert fresh(question).answer_count == 1
        assert set(Flag.objects.values_list("status", "handled_by")) == {("dismissed", mod.pk)}
        entry = only_entry(AuditEntry.Action.RESTORE)
        assert (entry.reason, entry.details) == ("Not spam", {"flags": 3})

    def test_dismissing_shows_again_what_the_flags_hid(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        flags(answer, 3)
        assert services.flags_dismiss(moderator=moderator(), item=fresh(answer)) == 3
        assert not fresh(answer).is_hidden
        assert fresh(question).answer_count == 1
        assert only_entry(AuditEntry.Action.DISMISS_FLAGS).details == {"flags": 3}

    def test_dismissing_leaves_content_a_person_hid_hidden(self):
        answer = AnswerFactory()
        flag(answer)
        mod = moderator()
        services.content_hide(moderator=mod, item=answer, reason="Rude")
        flag_on_deleted = AnswerFactory()
        flag(flag_on_deleted)
        forum_services.post_delete(user=flag_on_deleted.author, item=flag_on_deleted)
        for item in (answer, flag_on_deleted):
            services.flags_dismiss(moderator=mod, item=fresh(item))
            assert fresh(item).is_hidden

    def test_hiding_upholds_the_open_flags(self):
        comment = CommentFactory()
        flag(comment, reason="rude")
        flag(comment, reason="off-topic")
        mod = moderator()
        services.content_hide(moderator=mod, item=comment, reason="Personal attack")
        assert set(Flag.objects.values_list("status", flat=True)) == {"upheld"}
        entry = only_entry(AuditEntry.Action.HIDE)
        assert (entry.reason, entry.details, entry.target_kind) == (
            "Personal attack",
            {"flags": 2},
            "comment",
        )

    def test_keeping_flag_hidden_content_hidden_records_the_moderators_decision(self):
        answer = AnswerFactory()
        flags(answer, 3)
        mod = moderator()
        services.content_hide(moderator=mod, item=fresh(answer), reason="Spam, confirmed")
        answer = fresh(answer)
        assert answer.hidden_by == mod
        assert answer.hidden_reason == "Spam, confirmed"
        services.flags_dismiss(moderator=mod, item=answer)  # e.g. from a stale queue page
        assert fresh(answer).is_hidden


# Warnings -------------------------------------------------------------------------------------


class TestWarn:
    def test_a_warning_notifies_the_author_and_upholds_the_flags(self):
        answer = AnswerFactory()
        comment = CommentFactory(post=answer)
        flag(comment, reason="rude")
        mod = moderator()
        notification = services.user_warn(
            moderator=mod, item=comment, message="  Please keep it civil.  "
        )
        assert (notification.recipient, notification.kind, notification.actor) == (
            comment.author,
            Notification.Kind.WARNING,
            mod,
        )
        assert notification.message == "Please keep it civil."
        assert (notification.question, notification.answer, notification.comment) == (
            answer.question,
            None,
            comment,
        )
        assert Flag.objects.get().status == "upheld"
        entry = only_entry(AuditEntry.Action.WARN)
        assert (entry.target_kind, entry.target_id) == ("user", comment.author.pk)
        assert entry.details == {"about": f"comment {comment.pk}", "flags": 1}
        assert entry.reason == "Please keep it civil."


# Hiding, deleting, restoring ------------------------------------------------------------------


class TestSoftDelete:
    def test_authors_delete_their_own_posts_which_stay_in_the_database(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        forum_services.post_delete(user=comment.author, item=comment)
        forum_services.post_delete(user=answer.author, item=answer)
        forum_services.post_delete(user=question.author, item=question)
        for item in (comment, answer, question):
            item = fresh(item)
            assert item.is_hidden
            assert item.hidden_by == item.author
            assert item.hidden_reason == "Deleted by its author"
        assert fresh(answer).comment_count == 0
        assert fresh(question).answer_count == 0
        assert (Question.objects.count(), Answer.objects.count(), Comment.objects.count()) == (
            1,
            1,
            1,
        )
        assert not AuditEntry.objects.exists()  # an author's own delete is no moderator action

    def test_only_the_author_deletes(self):
        answer = AnswerFactory()
        for someone in (UserFactory(), answer.question.author, moderator()):
            with pytest.raises(ActionNotAllowed, match="Only the author"):
                forum_services.post_delete(user=someone, item=answer)
        forum_services.post_delete(user=answer.author, item=answer)
        with pytest.raises(ActionNotAllowed):  # already deleted
            forum_services.post_delete(user=answer.author, item=fresh(answer))

    def test_moderators_hide_and_restore_anything_keeping_counters_true(self):
        mod = moderator()
        question = QuestionFactory(title="A question about staff engineer scope")
        answer = AnswerFactory(question=question)
        on_question, on_answer = CommentFactory(post=question), CommentFactory(post=answer)
        for item in (on_question, on_answer, answer, question):
            services.content_hide(moderator=mod, item=item, reason="Testing")
        question, answer = fresh(question), fresh(answer)
        assert (question.answer_count, question.comment_count, answer.comment_count) == (0, 0, 0)
        assert all(fresh(i).hidden_by == mod for i in (on_question, on_answer, answer, question))
        assert selectors.question_search(query="staff engineer") == []
        for item in (question, answer, on_answer, on_question):
            services.content_restore(moderator=mod, item=fresh(item))
        question, answer = fresh(question), fresh(answer)
        assert (question.answer_count, question.comment_count, answer.comment_count) == (1, 1, 1)
        assert selectors.question_search(query="staff engineer") == [question.pk]
        assert [e.action for e in entries()] == ["hide"] * 4 + ["restore"] * 4

    def test_hiding_twice_or_restoring_what_is_shown_moves_no_counter(self):
        mod = moderator()
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        services.content_hide(moderator=mod, item=answer, reason="Once")
        services.content_hide(moderator=mod, item=fresh(answer), reason="Twice")
        assert fresh(question).answer_count == 0
        services.content_restore(moderator=mod, item=fresh(answer))
        services.content_restore(moderator=mod, item=fresh(answer))
        assert fresh(question).answer_count == 1

    def test_a_moderator_restores_what_an_author_deleted(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        forum_services.post_delete(user=answer.author, item=answer)
        services.content_restore(moderator=moderator(), item=fresh(answer), reason="By mistake")
        assert not fresh(answer).is_hidden
        assert fresh(question).answer_count == 1

    def test_no_path_removes_a_post_comment_vote_or_revision(self, ladder):
        mod, voter = moderator(), UserFactory()
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        forum_services.vote_cast(user=voter, post=answer, value=1)
        forum_services.vote_cast(user=voter, post=answer, value=1)  # retracted, not deleted
        forum_services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        revision = answer.revisions.get(number=1)
        forum_services.post_rollback(post=fresh(answer), revision=revision, editor=mod)
        flags(comment, 3)
        services.flags_dismiss(moderator=mod, item=fresh(comment))
        services.content_hide(moderator=mod, item=fresh(comment), reason="x")
        forum_services.post_delete(user=answer.author, item=fresh(answer))
        services.content_hide(moderator=mod, item=question, reason="x")
        services.question_close(moderator=mod, question=fresh(question), reason="off-topic")
        services.question_lock(moderator=mod, question=fresh(question), reason="x")
        counts = (
            Question.objects.count(),
            Answer.objects.count(),
            Comment.objects.count(),
            Vote.objects.count(),
            Revision.objects.count(),
        )
        assert counts == (1, 1, 1, 1, 4)
        assert Vote.objects.get().value == 0
        with pytest.raises(ProtectedError):
            Question.objects.filter(pk=question.pk).delete()
        with pytest.raises(ProtectedError):
            Answer.objects.filter(pk=answer.pk).delete()


# Suspensions ----------------------------------------------------------------------------------


class TestSuspend:
    def test_a_suspension_stops_every_kind_of_participation(self):
        mod, person = moderator(), UserFactory()
        question = QuestionFactory()
        answer = AnswerFactory(question=question, author=person)
        other = AnswerFactory(question=question)
        suspension = services.user_suspend(
            moderator=mod, user=person, days=7, reason="Repeated personal attacks"
        )
        assert (suspension.user, suspension.created_by, suspension.reason) == (
            person,
            mod,
            "Repeated personal attacks",
        )
        assert suspension.ends_at - suspension.starts_at == timedelta(days=7)
        assert suspension.is_live
        assert person.is_suspended  # the instance is refreshed by the service
        assert fresh(person).suspended_until == suspension.ends_at
        attempts = [
            lambda: QuestionFactory(author=person),
            lambda: AnswerFactory(question=question, author=person),
            lambda: CommentFactory(post=question, author=person),
            lambda: forum_services.vote_cast(user=person, post=other, value=1),
            lambda: flag(other, by=person),
            lambda: forum_services.answer_edit(answer=answer, editor=person, body="e" * 40),
            lambda: forum_services.post_delete(user=person, item=answer),
        ]
        for attempt in attempts:
            with pytest.raises(
                ActionNotAllowed, match=r"suspended until .* UTC: Repeated personal"
            ):
                attempt()
        assert not permissions.can_ask(person)
        entry = only_entry(AuditEntry.Action.SUSPEND)
        assert (entry.target_kind, entry.target_id, entry.details["days"]) == (
            "user",
            person.pk,
            7,
        )

    def test_the_refusal_says_why_and_until_when(self):
        person = UserFactory()
        suspension = services.user_suspend(
            moderator=moderator(), user=person, days=3, reason="Spam links"
        )
        message = permissions.refusal(permissions.can_ask, person)
        until = suspension.ends_at.astimezone(UTC).strftime("%-d %B %Y, %H:%M")
        assert message == f"Your account is suspended until {until} UTC: Spam links"

    def test_lifting_restores_rights_and_is_logged(self):
        mod, person = moderator(), UserFactory()
        suspension = services.user_suspend(moderator=mod, user=person, days=7, reason="x")
        services.suspension_lift(moderator=mod, suspension=suspension, reason="Apologised")
        person = fresh(person)
        assert not person.is_suspended
        assert (person.suspended_until, person.suspension_reason) == (None, "")
        suspension = fresh(suspension)
        assert (suspension.lifted_by, suspension.is_live) == (mod, False)
        QuestionFactory(author=person)
        assert only_entry(AuditEntry.Action.LIFT_SUSPENSION).reason == "Apologised"

    def test_lifting_one_of_two_keeps_the_other(self):
        mod, person = moderator(), UserFactory()
        long = services.user_suspend(moderator=mod, user=person, days=30, reason="Long one")
        short = services.user_suspend(moderator=mod, user=person, days=2, reason="Short one")
        assert (fresh(person).suspended_until, person.suspension_reason) == (
            long.ends_at,
            "Long one",
        )
        services.suspension_lift(moderator=mod, suspension=long)
        assert (fresh(person).suspended_until, person.suspension_reason) == (
            short.ends_at,
            "Short one",
        )
        services.suspension_lift(moderator=mod, suspension=short)
        assert not fresh(person).is_suspended

    def test_only_who_may_suspend_a_moderator_may_lift_it(self):
        suspended_mod = moderator()
        suspension = services.user_suspend(
            moderator=superuser(), user=suspended_mod, days=3, reason="Cooling off"
        )
        with pytest.raises(ActionNotAllowed, match="Only a superuser"):
            services.suspension_lift(moderator=moderator(), suspension=suspension)
        assert fresh(suspension).is_live
        services.suspension_lift(moderator=superuser(), suspension=suspension)
        assert not fresh(suspended_mod).is_suspended

    def test_an_ended_suspension_is_not_lifted_again(self):
        mod, person = moderator(), UserFactory()
        suspension = services.user_suspend(moderator=mod, user=person, days=1, reason="x")
        Suspension.objects.filter(pk=suspension.pk).update(
            starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() - timedelta(1)
        )
        services.suspension_lift(moderator=mod, suspension=suspension)
        assert fresh(suspension).lifted_at is None
        assert not entries(AuditEntry.Action.LIFT_SUSPENSION)

    def test_a_suspension_ends_by_itself(self):
        person = UserFactory()
        services.user_suspend(moderator=moderator(), user=person, days=1, reason="x")
        User.objects.filter(pk=person.pk).update(suspended_until=timezone.now() - timedelta(1))
        assert not fresh(person).is_suspended
        QuestionFactory(author=person)

    @pytest.mark.parametrize("days", [0, -1, 366])
    def test_from_one_to_365_days(self, days):
        with pytest.raises(ValueError, match="1 to 365 days"):
            services.user_suspend(moderator=moderator(), user=UserFactory(), days=days, reason="x")
        assert not Suspension.objects.exists()

    def test_nobody_suspends_themselves(self):
        mod = moderator()
        with pytest.raises(ActionNotAllowed, match="themselves"):
            services.user_suspend(moderator=mod, user=mod, days=1, reason="x")

    def test_suspended_people_can_still_sign_in_and_read(self):
        person = UserFactory()
        services.user_suspend(moderator=moderator(), user=person, days=1, reason="x")
        assert fresh(person).is_active
        question = QuestionFactory()
        assert permissions.can_see(person, question)


# Reveal ---------------------------------------------------------------------------------------


class TestReveal:
    def test_only_with_a_reason_and_always_logged(self):
        mod = moderator()
        answer = AnswerFactory(is_anonymous=True)
        with pytest.raises(ValueError, match="why"):
            services.author_reveal(moderator=mod, item=answer, reason="  ")
        assert not AuditEntry.objects.exists()
        assert services.author_reveal(moderator=mod, item=answer, reason="Spam ring") == (
            answer.author
        )
        entry = only_entry(AuditEntry.Action.REVEAL)
        assert (entry.actor, entry.target_kind, entry.target_id, entry.reason) == (
            mod,
            "answer",
            answer.pk,
            "Spam ring",
        )
        assert entry.details == {"user_id": answer.author.pk, "username": answer.author.username}

    def test_nothing_to_reveal_on_a_signed_post(self):
        with pytest.raises(ActionNotAllowed, match="reveal"):
            services.author_reveal(moderator=moderator(), item=AnswerFactory(), reason="Curious")

    def test_the_audit_label_of_an_anonymous_post_names_nobody(self):
        question = QuestionFactory(is_anonymous=True, title="An anonymous question about a PIP")
        services.author_reveal(moderator=moderator(), item=question, reason="Abuse report")
        entry = only_entry(AuditEntry.Action.REVEAL)
        assert entry.target_label == "An anonymous question about a PIP"


# The audit log --------------------------------------------------------------------------------


class TestAuditLog:
    def test_entries_are_append_only(self):
        mod, question = moderator(), QuestionFactory()
        services.question_lock(moderator=mod, question=question, reason="Heated")
        entry = only_entry(AuditEntry.Action.LOCK)
        entry.reason = "Rewritten history"
        with pytest.raises(ValueError, match="append-only"):
            entry.save()
        with pytest.raises(ValueError, match="append-only"):
            entry.delete()
        assert fresh(entry).reason == "Heated"

    def test_an_entry_describes_its_target_as_it_was(self):
        mod = moderator()
        question = QuestionFactory(title="Original title for this question")
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer, body="A comment that will be hidden soon.")
        services.question_lock(moderator=mod, question=question, reason="r1")
        services.content_hide(moderator=mod, item=answer, reason="r2")
        services.content_hide(moderator=mod, item=comment, reason="r3")
        services.user_suspend(moderator=mod, user=comment.author, days=1, reason="r4")
        labels = [(e.target_kind, e.target_label, e.target_url) for e in entries()]
        assert labels == [
            ("question", "Original title for this question", question.get_absolute_url()),
            ("answer", "Answer to “Original title for this question”", answer.get_absolute_url()),
            ("comment", "Comment: A comment that will be hidden soon.", comment.get_absolute_url()),
            ("user", f"@{comment.author.username}", comment.author.get_absolute_url()),
        ]
        assert all(e.actor == mod and e.created_at for e in entries())

    def test_every_moderator_action_is_recorded(self, ladder):
        mod = moderator()
        question, original = QuestionFactory(), QuestionFactory()
        answer = AnswerFactory(question=question, is_anonymous=True)
        comment = CommentFactory(post=question)
        services.answer_curate(moderator=mod, answer=answer, note="n")
        services.answer_uncurate(moderator=mod, answer=answer)
        pin = services.question_feature(moderator=mod, question=question, level=ladder["mid"])
        services.feature_move(moderator=mod, feature=pin, offset=1)
        services.question_unfeature(moderator=mod, feature=pin)
        forum_services.answer_edit(answer=answer, editor=mod, body="m" * 40, reason="typo")
        forum_services.post_rollback(
            post=fresh(answer), revision=answer.revisions.get(number=1), editor=mod
        )
        services.question_close(
            moderator=mod, question=question, reason="duplicate", duplicate_of=original
        )
        services.question_reopen(moderator=mod, question=question)
        services.question_lock(moderator=mod, question=question, reason="l")
        services.question_unlock(moderator=mod, question=question)
        services.content_hide(moderator=mod, item=comment, reason="h")
        services.content_restore(moderator=mod, item=fresh(comment))
        flag(comment)
        services.flags_dismiss(moderator=mod, item=comment)
        services.user_warn(moderator=mod, item=comment, message="w")
        suspension = services.user_suspend(moderator=mod, user=comment.author, days=1, reason="s")
        services.suspension_lift(moderator=mod, suspension=suspension)
        services.author_reveal(moderator=mod, item=answer, reason="r")
        assert [e.action for e in entries()] == [
            "curate",
            "uncurate",
            "feature",
            "reorder",
            "unfeature",
            "edit",
            "edit",
            "close",
            "reopen",
            "lock",
            "unlock",
            "hide",
            "restore",
            "dismiss-flags",
            "warn",
            "suspend",
            "lift-suspension",
            "reveal",
        ]
        assert {e.actor_id for e in entries()} == {mod.pk}
        assert entries("edit")[1].reason == "Rolled back to revision 1"

    def test_a_moderator_editing_their_own_post_is_not_a_moderator_action(self, ladder):
        mod = moderator()
        question = QuestionFactory(author=mod)
        forum_services.question_edit(
            question=question,
            editor=mod,
            title="My own question, reworded",
            body="My own body, reworded and long enough.",
            level=ladder["senior"],
            tags=["promotion"],
        )
        assert not AuditEntry.objects.exists()


class TestNoNoise:
    """Repeating an action that changed nothing leaves no audit entry; the log cannot be edited
    in bulk; notifications about hidden content disappear."""

    def test_restoring_visible_content_and_reopening_an_open_question_log_nothing(self):
        question = QuestionFactory()
        mod = moderator()
        services.content_restore(moderator=mod, item=question)
        services.question_reopen(moderator=mod, question=question)
        services.question_unlock(moderator=mod, question=question)
        assert not AuditEntry.objects.exists()

    def test_the_audit_log_refuses_bulk_updates_and_deletes(self):
        services.question_lock(moderator=moderator(), question=QuestionFactory(), reason="Heat")
        with pytest.raises(ValueError, match="append-only"):
            AuditEntry.objects.update(reason="rewritten")
        with pytest.raises(ValueError, match="append-only"):
            AuditEntry.objects.all().delete()
        assert AuditEntry.objects.get().reason == "Heat"

    def test_notifications_about_hidden_answers_leave_the_inbox(self):
        from forum.selectors import notification_list, notification_unread_count

        answer = AnswerFactory()
        asker = answer.question.author
        assert notification_unread_count(recipient=asker) == 1
        services.content_hide(moderator=moderator(), item=answer, reason="Spam")
        assert notification_unread_count(recipient=asker) == 0
        assert notification_list(recipient=asker) == []


def test_a_question_is_featured_on_its_own_level_only(ladder):
    question = QuestionFactory(level=ladder["mid"])
    with pytest.raises(ActionNotAllowed, match="own level"):
        services.question_feature(moderator=moderator(), question=question, level=ladder["senior"])
    assert not Feature.objects.exists()


def test_the_feature_toggle_pins_then_unpins(ladder):
    question, mod = QuestionFactory(), moderator()
    assert services.question_feature_toggle(moderator=mod, question=question, level=None)
    assert not services.question_feature_toggle(moderator=mod, question=question, level=None)
    assert not Feature.objects.exists()
