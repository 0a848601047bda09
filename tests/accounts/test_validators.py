import pytest
from django.core.exceptions import ValidationError

from accounts.validators import name_not_reserved


@pytest.mark.parametrize(
    "name",
    [
        "Anonymous",
        "anonymous · senior",
        "Anon Y. Mous",  # reads as "anonymous" once spaces and dots are dropped
        "Deleted member",
        "  deleted   MEMBER 2",
        "deleted-3f2a9c",  # the handle an erased account is left with
    ],
)
def test_names_the_site_uses_for_nobody_are_reserved(name):
    with pytest.raises(ValidationError):
        name_not_reserved(name)


@pytest.mark.parametrize("name", ["Priya", "Deleted Scenes Fan", "Anna Nymous"])
def test_other_names_are_fine(name):
    name_not_reserved(name)
