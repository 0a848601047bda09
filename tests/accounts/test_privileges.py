"""What reputation unlocks (accounts/privileges.py): the table, the page, and the docs' copy."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from accounts import standing
from accounts.privileges import LADDER, REPUTATION, Privilege, holds, ladder_for
from tests.factories import UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.django_db
DOCS = Path(settings.BASE_DIR) / "docs" / "forum.md"
PAGE = reverse("privileges")


def docs_table() -> list[tuple[int, str]]:
    """(reputation, privilege) for each row of the table under "## Privileges" in the docs."""
    section = DOCS.read_text().split("\n## Privileges\n", 1)[1].split("\n## ", 1)[0]
    return [
        (int(match[1]), match[2].strip())
        for match in re.finditer(r"^\| (\d+) \| ([^|]+) \|", section, flags=re.MULTILINE)
    ]


class TestTable:
    def test_the_docs_table_is_the_ladder_exactly(self):
        assert docs_table() == [(step.reputation, step.title) for step in LADDER]

    def test_every_privilege_has_one_step_in_rising_order(self):
        assert sorted(step.privilege for step in LADDER) == sorted(Privilege)
        reputations = [step.reputation for step in LADDER]
        assert reputations == sorted(reputations)

    def test_flag_weight_and_the_table_share_one_constant(self):
        assert REPUTATION[Privilege.FLAG_WEIGHT] == standing.FLAG_WEIGHT_REPUTATION
        joined = timezone.now() - timedelta(days=10)
        below = UserFactory.build(reputation=REPUTATION[Privilege.FLAG_WEIGHT] - 1)
        at = UserFactory.build(reputation=REPUTATION[Privilege.FLAG_WEIGHT])
        below.date_joined = at.date_joined = joined
        assert not holds(below, Privilege.FLAG_WEIGHT)
        assert holds(at, Privilege.FLAG_WEIGHT)
        weight = standing.flag_weight
        assert weight(at, email_verified=True) == weight(below, email_verified=True) + 1


class TestHolds:
    @pytest.mark.parametrize("privilege", list(Privilege))
    def test_from_the_threshold_on(self, privilege):
        assert not holds(UserFactory(reputation=REPUTATION[privilege] - 1), privilege)
        assert holds(UserFactory(reputation=REPUTATION[privilege]), privilege)

    def test_visitors_hold_nothing_and_moderators_and_staff_hold_everything(self):
        assert not any(holds(AnonymousUser(), p) for p in Privilege)
        assert all(holds(moderator(), p) for p in Privilege)
        assert all(holds(UserFactory(is_staff=True), p) for p in Privilege)

    def test_ladder_for_says_what_is_missing(self):
        rows = {row.step.privilege: row for row in ladder_for(UserFactory(reputation=60))}
        assert rows[Privilege.DOWNVOTE].held
        assert rows[Privilege.DOWNVOTE].missing == 0
        assert not rows[Privilege.CLOSE_VOTE].held
        assert rows[Privilege.CLOSE_VOTE].missing == REPUTATION[Privilege.CLOSE_VOTE] - 60


class TestPage:
    def test_visitors_see_the_table_and_an_invitation_to_log_in(
        self, client, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(0):
            response = client.get(PAGE)
        assert response.status_code == 200
        for step in LADDER:
            assert f'<th scope="row">{step.title}</th>' in response.text
        assert "Log in</a> to see which of these you hold" in response.text
        assert "to go" not in response.text

    def test_a_member_sees_their_reputation_and_what_they_hold(
        self, client, django_assert_max_num_queries
    ):
        client.force_login(UserFactory(reputation=60))
        with django_assert_max_num_queries(3):
            response = client.get(PAGE)
        text = response.text
        assert "Your reputation: <strong>60</strong>" in text
        assert text.count("✓ Held") == 3  # suggest edits, vote down, heavier flags
        assert f"{REPUTATION[Privilege.EDIT_FREELY] - 60} to go" in text
        assert "verified e-mail address" in text  # the flag weight step's other conditions

    def test_moderators_are_told_they_hold_them_all(self, client):
        client.force_login(moderator())
        text = client.get(PAGE).text
        assert "As a moderator, you hold them all." in text
        assert text.count("✓ Held") == len(LADDER)

    def test_only_reading(self, client):
        assert client.post(PAGE).status_code == 405

    def test_the_profile_and_the_footer_link_to_it(self, client):
        person = UserFactory()
        text = client.get(person.get_absolute_url()).text
        assert f'<a class="profile__privileges" href="{PAGE}">What reputation unlocks</a>' in text
        assert f'<a href="{PAGE}">Privileges</a>' in text
        client.force_login(person)
        assert "What it unlocks for you" in client.get(person.get_absolute_url()).text


def test_reviewers_find_the_review_queue_from_the_page(client):
    client.force_login(UserFactory(reputation=REPUTATION[Privilege.REVIEW_EDITS]))
    assert f'<a href="{reverse("forum:review_edits")}">Open the review queue</a>' in (
        client.get(PAGE).text
    )
    client.force_login(UserFactory(reputation=0))
    assert "Open the review queue" not in client.get(PAGE).text
