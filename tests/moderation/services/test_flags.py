"""Flags: raising them, enough of them hiding a contribution, dismissing them
(moderation/services/flags.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts import standing
from core.rules import ActionNotAllowed
from forum.models import Answer
from forum.selectors.lists import question_list
from forum.selectors.search import question_search
from forum.services.visibility import contribution_delete
from moderation import selectors
from moderation.models import AuditEntry, Flag
from moderation.services.flags import AlreadyFlagged, flag_create, flagger_weight, flags_dismiss
from moderation.services.visibility import contribution_hide, contribution_restore
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import (
    entries,
    established,
    flag,
    flagger,
    flags,
    fresh,
    member,
    moderator,
    only_entry,
)

pytestmark = pytest.mark.usefixtures("ladder")


class TestFlags:
    def test_a_flag_records_who_why_and_what(self):
        answer, flagger = AnswerFactory(), UserFactory()
        created = flag_create(
            flagger=flagger,
            contribution=answer,
            reason="needs-moderator",
            text="  Names a colleague.  ",
        )
        assert (created.flagger, created.answer, created.contribution) == (flagger, answer, answer)
        assert (created.reason, created.text, created.status) == (
            "needs-moderator",
            "Names a colleague.",
            Flag.Status.OPEN,
        )

    @pytest.mark.parametrize("reason", ["spam", "rude", "off-topic", "needs-moderator"])
    def test_every_kind_of_contribution_takes_every_reason(self, reason):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        for contribution in (question, answer, comment):
            assert flag(contribution, reason=reason).contribution == contribution

    def test_one_open_flag_per_person_and_item(self):
        answer, flagger = AnswerFactory(), UserFactory()
        flag(answer, by=flagger)
        with pytest.raises(AlreadyFlagged, match="already flagged this"):
            flag(answer, by=flagger, reason="rude")
        assert Flag.objects.count() == 1
        flag(answer.question, by=flagger)  # another item is fine
        flags_dismiss(moderator=moderator(), contribution=answer)
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
            flag_create(
                flagger=UserFactory(), contribution=AnswerFactory(), reason=reason, text=text
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
        contribution_delete(user=answer.author, contribution=answer)
        with pytest.raises(ActionNotAllowed):
            flag(fresh(answer))
        assert not Flag.objects.exists()

    def test_three_spam_or_abuse_flags_from_different_people_hide_an_answer(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question, body="Buy cheap watches at example dot com now")
        flag(answer, reason="spam")
        flag(answer, reason="rude")
        assert not fresh(answer).is_hidden
        assert question_search(query="watches") == [question.pk]
        flag(answer, reason="spam")
        answer = fresh(answer)
        assert answer.is_hidden
        assert answer.hidden_by is None
        assert answer.hidden_reason == "Hidden by flags, awaiting review"
        assert fresh(question).answer_count == 0
        assert question_search(query="watches") == []
        assert Flag.objects.filter(answer=answer, status="open").count() == 3  # still to review
        assert Answer.objects.filter(pk=answer.pk).exists()

    def test_the_threshold_comes_from_the_standing_module(self, monkeypatch):
        monkeypatch.setattr(standing, "FLAG_WEIGHT_TO_HIDE", 4)
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
        assert question not in question_list()
        assert question_search(query="spam") == []

    def test_restoring_dismisses_the_flags_that_hid_it(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        flags(answer, 3)
        mod = moderator()
        contribution_restore(moderator=mod, contribution=fresh(answer), reason="Not spam")
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
        assert flags_dismiss(moderator=moderator(), contribution=fresh(answer)) == 3
        assert not fresh(answer).is_hidden
        assert fresh(question).answer_count == 1
        assert only_entry(AuditEntry.Action.DISMISS_FLAGS).details == {"flags": 3}

    def test_dismissing_leaves_content_a_person_hid_hidden(self):
        answer = AnswerFactory()
        flag(answer)
        mod = moderator()
        contribution_hide(moderator=mod, contribution=answer, reason="Rude")
        flag_on_deleted = AnswerFactory()
        flag(flag_on_deleted)
        contribution_delete(user=flag_on_deleted.author, contribution=flag_on_deleted)
        for item in (answer, flag_on_deleted):
            flags_dismiss(moderator=mod, contribution=fresh(item))
            assert fresh(item).is_hidden

    def test_hiding_upholds_the_open_flags(self):
        comment = CommentFactory()
        flag(comment, reason="rude")
        flag(comment, reason="off-topic")
        mod = moderator()
        contribution_hide(moderator=mod, contribution=comment, reason="Personal attack")
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
        contribution_hide(moderator=mod, contribution=fresh(answer), reason="Spam, confirmed")
        answer = fresh(answer)
        assert answer.hidden_by == mod
        assert answer.hidden_reason == "Spam, confirmed"
        flags_dismiss(moderator=mod, contribution=answer)  # e.g. from a stale queue page
        assert fresh(answer).is_hidden


class TestFlagWeight:
    """Security test, issue 10: three fresh accounts (one unverified, seconds old) hid a
    moderator's question. Flags now weigh what their flagger's standing earns."""

    def test_fresh_and_unverified_accounts_hide_nothing(self):
        question = QuestionFactory()
        for _ in range(3):
            flag(question, by=UserFactory(), reason="spam")  # verified, but seconds old
        for _ in range(3):
            flag(question, by=member(verified=False), reason="rude")  # old enough, unverified
        question = fresh(question)
        assert not question.is_hidden
        assert set(Flag.objects.values_list("weight", flat=True)) == {0}
        assert Flag.objects.filter(question=question, status="open").count() == 6  # queued
        assert not AuditEntry.objects.exists()

    def test_established_flaggers_hide_an_ordinary_post(self):
        answer = AnswerFactory(body="Buy cheap watches at example dot com now")
        flag(answer, by=established(), reason="spam")
        assert not fresh(answer).is_hidden  # 3 of 6
        flag(answer, by=established(), reason="rude")
        answer = fresh(answer)
        assert answer.is_hidden
        assert answer.is_hidden_by_flags
        assert list(Flag.objects.values_list("weight", flat=True)) == [3, 3]

    @pytest.mark.parametrize("author", ["moderator", "established"])
    def test_moderators_and_established_members_posts_are_queued_not_hidden(self, author):
        writer = moderator() if author == "moderator" else established()
        question = QuestionFactory(author=writer)
        for _ in range(4):
            flag(question, by=established(), reason="spam")  # weight 12, twice the threshold
        assert not fresh(question).is_hidden
        (entry,) = selectors.flag_queue()
        assert entry.contribution == question
        assert entry.weight == 12
        assert not AuditEntry.objects.exists()

    def test_the_reported_attack_no_longer_hides_a_moderators_question(self):
        question = QuestionFactory(author=moderator())
        flag(question, by=UserFactory(verified=False), reason="spam")
        flag(question, by=UserFactory(), reason="spam")
        flag(question, by=UserFactory(), reason="rude")
        assert not fresh(question).is_hidden

    def test_rejected_flags_lower_the_weight_and_upheld_ones_raise_it(self):
        mod = moderator()
        person = flagger()
        assert flagger_weight(person) == 2
        for _ in range(2):
            flag(AnswerFactory(), by=person)
        for contribution in [f.contribution for f in Flag.objects.filter(flagger=person)]:
            flags_dismiss(moderator=mod, contribution=contribution)
        assert flagger_weight(person) == 0
        assert flag(AnswerFactory(), by=person).weight == 0
        helpful = flagger()
        for _ in range(standing.FLAG_HELPFUL_MIN_UPHELD):
            answer = AnswerFactory()
            flag(answer, by=helpful)
            contribution_hide(moderator=mod, contribution=answer, reason="Spam")
        assert flagger_weight(helpful) == 3

    def test_an_auto_hide_is_in_the_audit_log(self):
        answer = AnswerFactory()
        flags(answer, 3)
        entry = only_entry(AuditEntry.Action.AUTO_HIDE)
        assert entry.actor is None
        assert (entry.target_kind, entry.target_id) == ("answer", answer.pk)
        assert entry.details == {"flags": 3, "weight": 6, "threshold": 6}
        flag(fresh(answer).question)  # more flags elsewhere log nothing more for this answer
        assert len(entries(AuditEntry.Action.AUTO_HIDE)) == 1

    def test_off_topic_weight_does_not_count_towards_hiding(self):
        answer = AnswerFactory()
        for _ in range(3):
            flag(answer, by=established(), reason="off-topic")
        assert not fresh(answer).is_hidden
