import pytest

from ladder.models import (
    Competency,
    Expectation,
    ExpectationGroup,
    GrowthAction,
    LadderVersion,
    Level,
    Source,
    Track,
    Transition,
)
from ladder.services import ladder_load
from tests.ladder.data import tiny, write


@pytest.fixture
def empty_ladder(db):
    """Remove the session's real ladder (inside this test's transaction only)."""
    for model in (
        GrowthAction,
        Transition,
        Expectation,
        ExpectationGroup,
        Level,
        Competency,
        Track,
        Source,
    ):
        model.objects.all().delete()
    LadderVersion.objects.all().delete()


@pytest.fixture
def tiny_ladder(empty_ladder, tmp_path):
    ladder_load(path=write(tmp_path, tiny()))
    return {level.slug: level for level in Level.objects.all()}
