"""Look-alike names (accounts/names.py, accounts/forms.py, accounts/adapter.py).

Security test, issue 10: the "Anonymous" guard was bypassed by a leading zero-width space or a
Cyrillic "А"; "mod ♦", another member's display name and right-to-left overrides were
accepted; sign-up accepted the username "аlice" (Cyrillic а) when "alice" existed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import names
from accounts.models import User
from tests.accounts.support import sign_up
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EDIT_URL = reverse("accounts:profile_edit")
PROFILE = {"headline": "", "company": "", "level_code": "", "email_frequency": "immediate"}


def edit_display_name(client, person, name: str):
    client.force_login(person)
    return client.post(EDIT_URL, {**PROFILE, "display_name": name})


class TestSkeleton:
    @pytest.mark.parametrize(
        ("one", "other"),
        [
            ("alice", "аlice"),  # Cyrillic а
            ("alice", "aIice"),  # capital i for l
            ("alice", "ALICE"),
            ("alice", "ａｌｉｃｅ"),  # fullwidth
            ("Jane Doe", "jane_doe"),
            ("modern", "rnodern"),
            ("Anonymous", "Ａnonymous"),
        ],
    )
    def test_look_alikes_share_a_skeleton(self, one, other):
        assert names.skeletons(one) & names.skeletons(other)

    @pytest.mark.parametrize(("one", "other"), [("alice", "alicia"), ("Sam", "Pam")])
    def test_different_names_do_not(self, one, other):
        assert not names.skeletons(one) & names.skeletons(other)

    def test_names_are_stored_in_nfkc(self):
        assert names.normalise(" ｓａｍ ") == "sam"


class TestDisplayName:
    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("\u200bAnonymous", "invisible characters"),
            ("Sam\u200d", "invisible characters"),
            ("\u3164", "invisible characters"),  # Hangul filler: a blank letter
            ("Sam \u202eevil", "direction of the text"),
            ("\u2066Sam", "direction of the text"),
            ("Аnonymous", "reserved or looks like one"),  # Cyrillic А
            ("anonymous senior", "reserved or looks like one"),
            ("mod ♦", "mark is for moderators"),
            ("Sam ◆", "mark is for moderators"),
            ("M0D", "reserved or looks like one"),
            ("Deleted member", "reserved or looks like one"),
            ("Administrator", "reserved or looks like one"),
            ("ｓｔａｆｆ", "reserved or looks like one"),
        ],
    )
    def test_refused_with_a_clear_form_error(self, client, name, message):
        person = UserFactory(display_name="Before")
        response = edit_display_name(client, person, name)
        assert response.status_code == 200
        assert message in response.context["form"].errors["display_name"][0]
        person.refresh_from_db()
        assert person.display_name == "Before"

    def test_another_members_name_or_username_is_refused(self, client):
        UserFactory(username="alice", display_name="Alice Liddell")
        person = UserFactory(display_name="Before")
        for name in ("Alice Liddell", "Аlice Liddell", "alice", "aIice", "ALICE"):
            response = edit_display_name(client, person, name)
            errors = response.context["form"].errors["display_name"]
            assert errors == [
                "Another member goes by this name, or one that looks just like it. Choose another."
            ], name

    def test_ones_own_names_and_ordinary_names_are_fine(self, client):
        person = UserFactory(username="sam", display_name="Sam")
        for name in ("Sam", "SAM", "Sam Okafor", "José Núñez", "Иванов", ""):
            response = edit_display_name(client, person, name)
            assert response.status_code == 302, (name, response.context["form"].errors)

    def test_stored_normalised_with_its_skeleton(self, client):
        person = UserFactory(display_name="Before")
        edit_display_name(client, person, "Ｓａｍ Okafor")
        person.refresh_from_db()
        assert (person.display_name, person.display_name_skeleton) == ("Sam Okafor", "sarnokafor")


class TestUsername:
    def test_sign_up_refuses_a_look_alike_of_an_existing_username(self, client):
        UserFactory(username="alice")
        for username in ("аlice", "aIice", "ALICE"):  # Cyrillic а, capital i, capitals
            response = sign_up(client, username=username)
            assert response.status_code == 200
            assert response.context["form"].errors["username"], username
        assert list(User.objects.values_list("username", flat=True)) == ["alice"]

    def test_sign_up_refuses_a_look_alike_of_a_display_name(self, client):
        UserFactory(username="someone", display_name="Grace Hopper")
        response = sign_up(client, username="grace_hopper")
        assert "looks just like another member" in response.context["form"].errors["username"][0]

    @pytest.mark.parametrize(
        "username", ["Аnonymous", "m0derator", "admin", "ａｄｍｉｎ", "\u200balice2", "mod♦"]
    )
    def test_sign_up_refuses_reserved_and_invisible(self, client, username):
        response = sign_up(client, username=username)
        assert response.status_code == 200
        assert response.context["form"].errors["username"]
        assert not User.objects.exists()

    def test_a_new_username_is_stored_in_nfkc_with_its_skeleton(self, client):
        response = sign_up(client, username="ｎｅｗｐｅｒｓｏｎ")
        assert response.status_code == 302
        person = User.objects.get()
        assert (person.username, person.username_skeleton) == ("newperson", "newperson")

    def test_the_validator_is_usable_alone(self):
        with pytest.raises(ValidationError):
            names.validate_not_reserved("Аdmin")
        names.validate_not_reserved("Adele")
