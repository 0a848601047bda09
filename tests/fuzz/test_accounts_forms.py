"""Fuzzing the profile form, and allauth's sign-up, log-in and password forms as Rungs sets
them up."""

from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from accounts.bands import Band
from accounts.forms import ProfileForm
from accounts.models import User
from tests.factories import PASSWORD, UserFactory
from tests.fuzz import strategies as S
from tests.fuzz.support import FuzzCase, as_client, assert_fits, fuzz, posted, refused, row_values

# A password the validators accept (long, not common, not all digits), or anything.
PASSWORD_TEXT = S.mostly(
    st.from_regex(r"[A-Za-z0-9!?é ]{6,30}", fullmatch=True).map(lambda p: f"Rg-{p}-7q!"),
    S.junk_text(128),
)

PROFILE = {
    "display_name": S.text(0, 60),
    "headline": S.text(0, 80),
    "company": S.text(0, 80),
    "level_code": S.text(0, 30),
    "band_override": S.choice(["", *Band.values]),
    "email_frequency": S.choice(["", "immediate", "daily", "weekly", "none", "hourly"]),
    "show_readiness": S.checkbox,
}


class TestProfileForm(FuzzCase):
    @classmethod
    def setUpTestData(cls):
        cls.person = UserFactory(reputation=5)

    @fuzz
    @given(data=S.form(PROFILE))
    @example(data={"display_name": "Ada\x00", "level_code": "L5"})
    @example(data={"display_name": "Ada", "band_override": "staff\x00"})
    def test_profile(self, data):
        browser = as_client(self.person)  # logging in sets last_login: before the snapshot
        before = row_values(self.person)
        url = reverse("accounts:profile_edit")
        response = self.submit("accounts: profile", browser, url, data)
        self.tally("accounts: profile", not refused(response))
        if refused(response):
            self.assert_no_writes(response, (self.person, before))
            return
        form = ProfileForm(posted(response), instance=User.objects.get(pk=self.person.pk))
        assert form.is_valid()
        person = User.objects.get(pk=self.person.pk)
        for field in ("display_name", "headline", "company", "level_code"):
            assert getattr(person, field) == form.cleaned_data[field].strip()
        assert_fits(person)
        # Fields the form does not offer stay as they were.
        for field in (
            "username",
            "email",
            "reputation",
            "is_moderator",
            "is_staff",
            "is_superuser",
        ):
            assert getattr(person, field) == before[field]


class TestAllauthForms(FuzzCase):
    @classmethod
    def setUpTestData(cls):
        cls.person = UserFactory(email="known@example.com")

    @fuzz
    @given(
        data=S.form(
            {
                "email": S.mostly(st.emails().filter(lambda e: len(e) <= 254), S.junk_text(254)),
                "username": S.mostly(
                    st.from_regex(r"[a-z][a-z0-9_]{2,20}", fullmatch=True), S.junk_text(150)
                ),
                "password1": PASSWORD_TEXT,
                "password2": st.one_of(st.just("same"), PASSWORD_TEXT),
            }
        )
    )
    @example(
        data={
            "email": "new\x00@example.com",
            "username": "newbie\x00",
            "password1": "x",
            "password2": "x",
        }
    )
    def test_signup(self, data):
        if "password1" in data and data.get("password2") == "same":
            data["password2"] = data["password1"]
        browser = as_client(self.person)
        browser.logout()
        response = self.submit(
            "accounts: sign up (allauth)", browser, reverse("account_signup"), data
        )
        self.tally("accounts: sign up (allauth)", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        assert_fits(User.objects.latest("pk"))

    @fuzz
    @given(
        data=S.form(
            {
                "login": S.mostly(st.just("known@example.com"), S.junk_text(254)),
                "password": S.mostly(st.just(PASSWORD), S.junk_text(128)),
                "remember": S.checkbox,
            }
        )
    )
    def test_login(self, data):
        browser = as_client(self.person)
        browser.logout()
        response = self.submit(
            "accounts: log in (allauth)", browser, reverse("account_login"), data
        )
        self.tally("accounts: log in (allauth)", not refused(response))
        if refused(response):
            self.assert_no_writes(response)

    @fuzz
    @given(
        data=S.form(
            {
                "oldpassword": S.mostly(st.just(PASSWORD), S.junk_text(128)),
                "password1": PASSWORD_TEXT,
                "password2": st.one_of(st.just("same"), PASSWORD_TEXT),
            }
        )
    )
    def test_password_change(self, data):
        if "password1" in data and data.get("password2") == "same":
            data["password2"] = data["password1"]
        browser = as_client(self.person)
        before = row_values(self.person)
        url = reverse("account_change_password")
        response = self.submit("accounts: change password (allauth)", browser, url, data)
        self.tally("accounts: change password (allauth)", not refused(response))
        if refused(response):
            self.assert_no_writes(response, (self.person, before))


class TestAccountDeletion(FuzzCase):
    """The deletion page's password: only the right one erases, anything else changes nothing."""

    @classmethod
    def setUpTestData(cls):
        cls.person = UserFactory(display_name="Priya Kapoor", headline="Backend engineer")

    @fuzz
    @given(data=S.form({"password": PASSWORD_TEXT}))
    @example(data={"password": PASSWORD + "\x00"})
    @example(data={"password": ["a", "b"]})
    @example(data={"password": PASSWORD})
    def test_delete(self, data):
        browser = as_client(self.person)
        before = row_values(self.person)
        response = self.submit("privacy: delete account", browser, reverse("privacy:delete"), data)
        self.tally("privacy: delete account", not refused(response))
        if refused(response):
            self.assert_no_writes(response, (self.person, before))
            return
        assert posted(response).get("password") == PASSWORD  # only the real password erases
        person = User.objects.get(pk=self.person.pk)
        assert person.is_erased
        assert not person.is_active
        assert (person.display_name, person.headline, person.email) == ("", "", "")
