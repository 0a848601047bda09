import pytest
from django.core.exceptions import ValidationError

from accounts.validators import not_anonymous


@pytest.mark.parametrize(
    "name", ["Anonymous", "anonymous · senior", "Deleted member", "  deleted   MEMBER 2"]
)
def test_names_the_site_uses_for_nobody_are_reserved(name):
    with pytest.raises(ValidationError):
        not_anonymous(name)


@pytest.mark.parametrize("name", ["Priya", "Deleted Scenes Fan", "Anon Y. Mous"])
def test_other_names_are_fine(name):
    not_anonymous(name)
