"""A plan behind a share link (growth/selectors/plans.py)."""

import pytest
from django.http import Http404

from growth import services
from growth.selectors.plans import LinkTurnedOff, plan_shared
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


class TestShared:
    def test_a_live_token_finds_the_plan(self):
        plan = growth.shared_plan(UserFactory())
        assert plan_shared(token=plan.share_token) == plan

    @pytest.mark.parametrize("token", ["nope", "x" * 43])
    def test_made_up_tokens_are_404(self, token):
        growth.shared_plan(UserFactory())
        growth.plan(UserFactory())  # unshared: share_token is NULL
        with pytest.raises(Http404):
            plan_shared(token=token)

    def test_an_empty_token_does_not_open_a_private_plan(self):
        private = growth.plan(UserFactory())
        assert private.share_token is None
        with pytest.raises(Http404):
            plan_shared(token="")

    def test_a_turned_off_token_says_so(self):
        plan = growth.shared_plan(UserFactory())
        token = plan.share_token
        services.plan_unshare(user=plan.owner, plan=plan)
        with pytest.raises(LinkTurnedOff) as gone:
            plan_shared(token=token)
        assert gone.value.revoked_at is not None

    def test_a_turned_off_token_of_an_erased_person_is_404(self):
        plan = growth.shared_plan(UserFactory())
        token = plan.share_token
        services.plan_unshare(user=plan.owner, plan=plan)
        services.personal_data_erase(owner=plan.owner)
        with pytest.raises(Http404):
            plan_shared(token=token)
