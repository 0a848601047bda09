import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-and-unusual-passphrase"


def confirm_email(page: Page, address: str) -> None:
    """Open the link in the sign-up mail and confirm: verification is mandatory."""
    (message,) = [m for m in mail.outbox if m.to == [address]]
    link = re.search(r"http://[^/\s]+(/accounts/confirm-email/\S+/)", message.body).group(1)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()


def test_sign_up_log_in_and_edit_the_profile(page: Page, ladder):
    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify your e-mail address")
    confirm_email(page, "sam@example.com")
    expect(page.get_by_role("navigation", name="Account")).to_contain_text("sam")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    page.get_by_role("link", name="Log in").click()
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="sam").click()
    page.get_by_role("link", name="Edit your profile").click()
    page.get_by_label("Display name").fill("Sam Okafor")
    page.get_by_label("Headline role").fill("Site Reliability Engineer")
    page.get_by_label("Company").fill("Acme Cloud")
    page.get_by_label("Level code").fill("L4")
    page.get_by_role("button", name="Save profile").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sam Okafor")
    expect(page.get_by_text("Site Reliability Engineer · L4 (mid)")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Your profile is saved.")
    assert re.search(r"/users/sam/$", page.url)
    assert User.objects.get(username="sam").band == "mid"
