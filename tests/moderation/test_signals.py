"""User.is_moderator follows the Moderators group, however it changes (moderation/signals.py)."""

import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.rules import can_moderate
from tests.factories import (
    UserFactory,
)
from tests.moderation.factories import fresh, moderator, moderators_group

pytestmark = pytest.mark.usefixtures("ladder")


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
        assert can_moderate(user)
        user.groups.remove(moderators_group())
        assert not user.is_moderator
        assert not fresh(user).is_moderator
        assert not can_moderate(user)

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
