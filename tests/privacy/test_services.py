"""account_delete: every personal field gone, posts and votes kept, all or nothing, once."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from accounts.models import DELETED_MEMBER, User
from core.rules import ActionNotAllowed
from forum.models import Answer, Comment, Follow, Notification, Question, Vote
from growth.models import Assessment, Goal, Plan, Rating
from moderation.models import AuditEntry, Flag
from moderation.services.people import user_suspend
from privacy import services
from tests.factories import UserFactory, superuser
from tests.moderation.factories import moderator

PERSONAL = ("priya", "Priya", "Kapoor", "priya@", "Acme Widgets", "Site Reliability", "L4")


def test_every_personal_field_is_erased(footprint):
    person = footprint.person
    services.account_delete(user=person)
    row = User.objects.get(pk=person.pk)
    assert row.username.startswith("deleted-")
    assert "priya" not in row.username
    assert row.email == ""
    assert (row.first_name, row.last_name, row.display_name) == ("", "", "")
    assert (row.headline, row.company, row.level_code, row.band) == ("", "", "", "")
    assert (row.email_frequency, row.digest_sent_at) == ("none", None)
    assert not row.show_readiness
    assert row.last_login is None
    assert row.erased_at is not None
    assert not row.is_active
    assert not row.has_usable_password()
    assert (row.is_staff, row.is_superuser, row.is_moderator) == (False, False, False)
    assert not row.groups.exists()
    assert row.public_name == DELETED_MEMBER
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not EmailAddress.objects.filter(email__icontains="priya").exists()
    assert not Assessment.objects.filter(owner=person).exists()
    assert not Rating.objects.filter(assessment__owner=person).exists()
    assert not Plan.objects.filter(owner=person).exists()
    assert not Goal.objects.filter(plan__owner=person).exists()
    assert not Plan.objects.filter(share_token=footprint.plan.share_token).exists()
    assert not Notification.objects.filter(recipient=person).exists()
    assert not Follow.objects.filter(follower=person).exists()  # asked, so followed
    # The whole row, every column, says nothing about who they were.
    values = json.dumps(User.objects.filter(pk=person.pk).values().get(), cls=DjangoJSONEncoder)
    for word in PERSONAL:
        assert word not in values


def test_posts_votes_and_flags_stay(footprint):
    person = footprint.person
    named, answer = footprint.named_question, footprint.answer
    before = {
        "questions": Question.objects.filter(author=person).count(),
        "answers": Answer.objects.filter(author=person).count(),
        "comments": Comment.objects.filter(author=person).count(),
        "votes cast": Vote.objects.filter(user=person).count(),
        "flags": Flag.objects.filter(flagger=person).count(),
    }
    reputation = User.objects.get(pk=person.pk).reputation
    others_score = Question.objects.get(pk=footprint.others_question.pk).score
    services.account_delete(user=person)
    assert before == {
        "questions": Question.objects.filter(author=person).count(),
        "answers": Answer.objects.filter(author=person).count(),
        "comments": Comment.objects.filter(author=person).count(),
        "votes cast": Vote.objects.filter(user=person).count(),
        "flags": Flag.objects.filter(flagger=person).count(),
    }
    assert Question.objects.get(pk=named.pk).score == 1
    assert Answer.objects.get(pk=answer.pk).score == 1
    assert Question.objects.get(pk=footprint.others_question.pk).score == others_score == 1
    assert User.objects.get(pk=person.pk).reputation == reputation
    assert Question.objects.get(pk=footprint.anonymous_question.pk).is_anonymous
    assert Answer.objects.get(pk=footprint.anonymous_answer.pk).is_anonymous


def test_the_audit_entry_holds_nothing_personal(footprint):
    person = footprint.person
    services.account_delete(user=person)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ERASE)
    assert (entry.actor_id, entry.target_kind, entry.target_id) == (person.pk, "user", person.pk)
    assert entry.target_label == DELETED_MEMBER
    assert entry.target_url == ""
    text = json.dumps(
        [entry.target_label, entry.target_url, entry.reason, entry.details], cls=DjangoJSONEncoder
    )
    for word in PERSONAL:
        assert word not in text


def test_deleting_twice_changes_nothing_the_second_time(footprint):
    person = footprint.person
    services.account_delete(user=person)
    username = User.objects.get(pk=person.pk).username
    services.account_delete(user=User.objects.get(pk=person.pk))
    assert User.objects.get(pk=person.pk).username == username
    assert AuditEntry.objects.filter(action=AuditEntry.Action.ERASE).count() == 1


def test_all_or_nothing(footprint, monkeypatch):
    """A failure in the last step leaves every app's data as it was."""
    person = footprint.person

    def broken(**kwargs):
        raise RuntimeError("the audit log is down")

    monkeypatch.setattr(services, "account_erasure_log", broken)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.account_delete(user=person)
    row = User.objects.get(pk=person.pk)
    assert (row.username, row.erased_at, row.is_active) == ("priya", None, True)
    assert EmailAddress.objects.filter(user=person).count() == 2
    assert Plan.objects.filter(owner=person).exists()
    assert Notification.objects.filter(recipient=person).exists()


def test_the_old_handle_and_address_are_free_again(footprint):
    services.account_delete(user=footprint.person)
    newcomer = UserFactory(username="priya", email="priya@example.com")
    assert newcomer.pk != footprint.person.pk


def test_a_suspended_person_may_still_leave(footprint):
    user_suspend(
        moderator=moderator(), user=footprint.person, days=3, reason="Cooling off for a while"
    )
    services.account_delete(user=User.objects.get(pk=footprint.person.pk))
    assert User.objects.get(pk=footprint.person.pk).erased_at is not None


def test_a_moderator_loses_the_role(ladder):
    mod = moderator()
    services.account_delete(user=mod)
    mod.refresh_from_db()
    assert not mod.is_moderator
    assert not mod.groups.exists()


def test_a_deactivated_account_cannot_ask(ladder):
    admin = superuser()
    admin.is_active = False
    admin.save()
    with pytest.raises(ActionNotAllowed):
        services.account_delete(user=admin)
    assert User.objects.get(pk=admin.pk).erased_at is None
