"""The growth tests' shared scene: one person's drafts, finished assessments and plan."""

import pytest

from growth import services
from tests.factories import UserFactory
from tests.growth import factories as growth
from tests.growth.factories import Scene


@pytest.fixture
def scene() -> Scene:
    owner = UserFactory(show_readiness=False)
    earlier = growth.finished(owner, value=1)
    done = growth.finished(owner, by_competency={"craft": 2, "design": 0})
    plan = services.plan_generate(user=done.owner, assessment=done)
    draft = growth.start(owner)
    growth.rate_all(draft, 2, finish=False)
    return Scene(owner, draft, done, earlier, plan)
