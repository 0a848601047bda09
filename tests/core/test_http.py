"""Request parsing and small response helpers every app's views share (core/http.py), and the
text rule for what people type (core/text.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from core.http import (
    form_data,
    login_required,
    safe_next,
    url_with_params,
    visitor_key,
    whole_number,
)
from core.text import one_line
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class _Htmx:
    def __init__(self, on: bool):
        self.on = on

    def __bool__(self) -> bool:
        return self.on


def _request(method="get", path="/questions/?sort=votes&page=2", htmx=False, user=None, **extra):
    request = getattr(RequestFactory(), method)(path, **extra)
    request.htmx = _Htmx(htmx)
    request.user = user or AnonymousUser()
    return request


@login_required
def _page(request):
    return HttpResponse("ok")


def test_login_required_sends_visitors_to_log_in_and_back():
    response = _page(_request())
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/questions/%3Fsort%3Dvotes%26page%3D2"


def test_a_refused_post_comes_back_to_the_page_its_form_was_on():
    request = _request("post", "/answers/1/vote/", HTTP_REFERER="http://testserver/questions/1/x/")
    assert _page(request).url == "/accounts/login/?next=/questions/1/x/"


def test_htmx_gets_a_full_page_redirect_instead_of_a_swapped_in_form():
    response = _page(_request(htmx=True))
    assert response["HX-Redirect"].startswith("/accounts/login/")


def test_form_data_binds_a_post_even_an_empty_one():
    assert form_data(_request("post", "/x/")) is not None
    assert form_data(_request()) is None


def test_url_with_params_changes_and_removes_parameters():
    request = _request()
    assert url_with_params(request, page=None) == "/questions/?sort=votes"
    assert url_with_params(request, sort="newest", page=None) == "/questions/?sort=newest"
    assert url_with_params(request, sort=None, page=None) == "/questions/"


def test_a_visitor_is_their_account_or_a_hash_of_address_and_browser():
    person = UserFactory()
    assert visitor_key(_request(user=person)) == f"u{person.pk}"
    one = visitor_key(_request(HTTP_USER_AGENT="Firefox"))
    assert one.startswith("a")
    assert one != visitor_key(_request(HTTP_USER_AGENT="Chromium"))
    assert one == visitor_key(_request(HTTP_USER_AGENT="Firefox"))


def test_one_line_folds_whitespace_and_trims():
    assert one_line("  a\n\tb   c ") == "a b c"


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("7", 7),
        ("007", 7),
        ("9" * 18, 10**18 - 1),
        ("9" * 19, None),  # past a 64-bit id column
        ("²", None),  # str.isdigit() says yes, int() says no
        ("٣", None),  # int() says 3: not a digit anyone types in our addresses
        ("-1", None),
        (" 7", None),
        ("1_000", None),
        ("", None),
        ("7\x00", None),
    ],
)
def test_whole_number_takes_ascii_digits_only(raw, number):
    assert whole_number(raw) == number


class TestRejectNul:
    def test_a_nul_in_the_path_is_404(self, client):
        assert client.get("/users/a%00b/").status_code == 404

    def test_a_nul_in_the_query_string_is_400(self, client):
        assert client.get("/questions/?sort=new%00").status_code == 400
        assert client.get("/questions/?x%00=1").status_code == 400

    def test_other_addresses_pass(self, client, ladder):
        assert client.get("/questions/?sort=new").status_code == 200


@pytest.mark.parametrize(
    ("wanted", "within", "expected"),
    [
        ("/questions/1/", "/", "/questions/1/"),
        ("https://evil.example/", "/", "/fallback/"),
        ("//evil.example/x", "/", "/fallback/"),
        ("", "/", "/fallback/"),
        ("/moderation/hidden/", "/moderation/", "/moderation/hidden/"),
        ("/questions/1/", "/moderation/", "/fallback/"),
    ],
)
def test_safe_next_keeps_to_this_site(rf, wanted, within, expected):
    request = rf.post("/anywhere/", {"next": wanted})
    assert safe_next(request, "/fallback/", within=within) == expected
