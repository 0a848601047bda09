"""Hostile values in every address and query parameter that reaches the database: a 4xx, never a
500 (the attack: PostgreSQL refuses NUL characters, `str.isdigit()` accepts "²" which `int()`
does not, and a number past the integer columns' range overflows).

Run on PostgreSQL too: the NUL cases only fail there."""

from urllib.parse import quote

import pytest
from django.test import Client

from forum.models import Question
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.growth import factories as growth
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")

# A NUL, a superscript two (a digit to str.isdigit, not to int), a number past every integer
# column, a negative number, a broken IPv6 address (urlsplit raises on it), non-ASCII digits.
BAD = ["\x00", "²", "99999999999999999999", "-1", "http://[::1", "٣"]

# {x} is where the bad value goes. Who asks: anyone, a signed-in person, a moderator.
GET_URLS = [
    ("anon", "/users/{x}/"),
    ("anon", "/questions/{x}/"),
    ("anon", "/questions/{x}/a-slug/"),
    ("anon", "/questions/{q}/{x}/"),
    ("anon", "/questions/level/{x}/"),
    ("anon", "/questions/tagged/{x}/"),
    ("anon", "/questions/{x}/revisions/"),
    ("anon", "/answers/{x}/revisions/"),
    ("anon", "/questions/?level={x}"),
    ("anon", "/questions/?competency={x}"),
    ("anon", "/questions/?tag={x}"),
    ("anon", "/questions/?sort={x}"),
    ("anon", "/questions/?page={x}"),
    ("anon", "/questions/?after={x}"),
    ("anon", "/questions/?{x}=1"),
    ("anon", "/questions/level/mid/?competency={x}&page={x}"),
    ("anon", "/questions/{q}/a-slug/?comments=answer-{x}&page={x}"),
    ("anon", "/questions/{q}/revisions/?from={x}&to={x}"),
    ("anon", "/tags/?page={x}&q={x}"),
    ("anon", "/tags/{x}/"),
    ("anon", "/tags/{x}/history/"),
    ("anon", "/search/?q={x}&level={x}&tag={x}&page={x}"),
    ("anon", "/feeds/level/{x}/rss/"),
    ("anon", "/feeds/tag/{x}/atom/"),
    ("anon", "/ladder/{x}/"),
    ("anon", "/ladder/mid/?track={x}"),
    ("anon", "/ladder/compare/{x}/senior/"),
    ("anon", "/ladder/compare/?from={x}&to={x}&track={x}"),
    ("anon", "/growth/shared/{x}/"),
    ("anon", "/sitemap-{x}.xml"),
    ("anon", "/sitemap-questions.xml?p={x}"),
    ("user", "/questions/ask/?level={x}"),
    ("user", "/questions/{x}/edit/"),
    ("user", "/answers/{x}/edit/"),
    ("user", "/notifications/?page={x}"),
    ("user", "/flag/answer/{x}/"),
    ("user", "/growth/assessments/{x}/"),
    ("user", "/growth/assessments/{x}/results/"),
    ("user", "/growth/assessments/compare/?a={x}&b={x}"),
    ("user", "/growth/plans/{x}/"),
    ("user", "/growth/plans/{x}/print/"),
    ("user", "/growth/plans/{x}/plan.md"),
    ("user", "/growth/plans/{x}/unshare/"),
    ("mod", "/moderation/people/{x}/"),
    ("mod", "/moderation/?page={x}"),
    ("mod", "/moderation/hidden/?page={x}"),
    ("mod", "/moderation/log/?action={x}&actor={x}&kind={x}&page={x}"),
    ("mod", "/moderation/?kind={x}&reason={x}"),
    ("mod", "/moderation/question/{x}/duplicates/?duplicate_of={x}"),
    ("mod", "/moderation/question/{q}/duplicates/?duplicate_of={x}"),
    ("mod", "/tags/{x}/edit/"),
]

POST_URLS = [
    ("user", "/questions/ask/", {"level": "{x}", "title": "{x}", "body": "{x}", "tags": "{x}"}),
    ("user", "/answers/{a}/vote/", {"value": "{x}"}),
    ("user", "/growth/assessments/new/", {"track": "{x}", "current": "{x}", "target": "{x}"}),
    ("user", "/growth/assessments/{d}/", {"rating-{x}": "{x}", "save": "1"}),
    ("user", "/growth/goals/{g}/actions/", {"text": "{x}", "due": "{x}"}),
    ("user", "/growth/actions/{c}/", {"text": "{x}", "due": "{x}"}),
    ("user", "/growth/actions/{c}/done/", {"done": "{x}"}),
    ("user", "/growth/actions/{x}/remove/", {}),
    ("user", "/revisions/{x}/rollback/", {"reason": "{x}"}),
    ("mod", "/moderation/question/{q}/close/", {"reason": "duplicate", "duplicate_of": "{x}"}),
    ("mod", "/moderation/question/{q}/close/", {"reason": "{x}", "note": "{x}"}),
    ("mod", "/moderation/question/{q}/close/", {"reason": "duplicate", "original": "{x}"}),
    ("mod", "/moderation/question/{q}/feature/", {"where": "{x}"}),
    ("mod", "/moderation/bulk/", {"action": "{x}", "items": "{x}", "reason": "{x}"}),
    ("mod", "/moderation/bulk/", {"action": "dismiss", "items": "answer:{x}:0:{x}"}),
    ("mod", "/tags/promotion/edit/", {"excerpt": "{x}", "body": "{x}", "base_revision": "{x}"}),
    ("user", "/questions/{q}/votes/close/", {"reason": "{x}", "duplicate_of": "{x}"}),
    ("mod", "/moderation/featured/{x}/", {"direction": "{x}"}),
    ("mod", "/moderation/people/{x}/suspend/", {"days": "{x}", "reason": "{x}"}),
    ("mod", "/moderation/answer/{a}/curate/", {"note": "{x}", "next": "{x}"}),
]


@pytest.fixture
def scene(client):
    person = UserFactory()
    question = QuestionFactory()
    answer = AnswerFactory(question=question)
    goal = growth.plan(person).goals.first()
    draft = growth.start(person)
    browsers = {"anon": Client(), "user": Client(), "mod": Client()}
    browsers["user"].force_login(person)
    browsers["mod"].force_login(moderator())
    ids = {"q": question.pk, "a": answer.pk, "d": draft.pk}
    return browsers, ids | {"g": goal.pk, "c": goal.actions.first().pk}


def _fill(template: str, bad: str, ids: dict) -> str:
    return template.format(x=bad, **{k: str(v) for k, v in ids.items()})


@pytest.mark.parametrize("bad", BAD, ids=repr)
@pytest.mark.parametrize(("who", "url"), GET_URLS)
def test_a_bad_value_in_an_address_is_a_4xx(scene, who, url, bad):
    browsers, ids = scene
    response = browsers[who].get(_fill(url, quote(bad, safe=""), ids))
    assert response.status_code < 500
    if "\x00" in bad or url.startswith(("/users/{x}", "/moderation/people/{x}")):
        assert 400 <= response.status_code < 500


@pytest.mark.parametrize("bad", BAD, ids=repr)
@pytest.mark.parametrize(("who", "url", "data"), POST_URLS)
def test_a_bad_value_in_a_form_is_a_4xx_or_a_form_error(scene, who, url, data, bad):
    browsers, ids = scene
    sent = {_fill(key, bad, ids): _fill(value, bad, ids) for key, value in data.items()}
    before = Question.objects.filter(closed_at__isnull=False).count()
    response = browsers[who].post(_fill(url, quote(bad, safe=""), ids), sent)
    assert response.status_code < 500
    assert Question.objects.filter(closed_at__isnull=False).count() == before


@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_a_huge_or_negative_question_number_is_404(client, bad):
    response = client.get(f"/questions/{quote(bad, safe='')}/")
    assert response.status_code == 404
