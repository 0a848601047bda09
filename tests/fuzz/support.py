"""What every fuzz test shares: the base test case, the row-count snapshot, the submit helper
and the checks on what an accepted submission stored."""

from collections import Counter, defaultdict

from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.test import Client
from hypothesis import settings
from hypothesis.extra.django import TestCase

from core import pagecache
from forum.services.questions import views_settled

# form name -> outcome ("accepted", "refused") -> number of submissions, printed at the end of
# the run by tests/fuzz/conftest.py. Replays while Hypothesis shrinks a failure count too.
TALLY: defaultdict[str, Counter] = defaultdict(Counter)

# Every table a form could write to: the project's apps (the audit log is moderation's), and
# allauth's e-mail addresses for the sign-up form.
COUNTED_APPS = ("accounts", "forum", "moderation", "growth", "account", "taggit")


def fuzz(test):
    """The fuzz profile (tests/fuzz/conftest.py) on one test."""
    return settings(settings.get_profile("rungs-fuzz"))(test)


def _counted_models() -> list[type[models.Model]]:
    return [
        model
        for label in COUNTED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def row_counts() -> dict[str, int]:
    """How many rows each table of the forum, moderation, growth and accounts apps holds (the
    audit log included)."""
    return {model._meta.db_table: model._base_manager.count() for model in _counted_models()}


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {
        table: (before[table], after[table]) for table in before if before[table] != after[table]
    }


def as_client(user) -> Client:
    """The default test client, which re-raises any exception a view lets escape."""
    browser = Client()
    browser.force_login(user)
    return browser


class FuzzCase(TestCase):
    """Each Hypothesis example runs in a transaction of its own, rolled back after it
    (hypothesis.extra.django); what setUpTestData makes is shared by all of a class's examples.
    The cache (rate limits, stored pages) starts empty for every example."""

    def setup_example(self):
        super().setup_example()
        cache.clear()
        pagecache.recent.clear()
        views_settled.clear()

    def submit(self, form: str, browser: Client, url: str, data, *, method: str = "post"):
        """Send `data` to `url`; a server error or an exception escaping the view fails the test.

        Returns the response and the tables whose row counts changed."""
        before = row_counts()
        response = browser.post(url, data) if method == "post" else browser.get(url, data)
        assert response.status_code < 500, (form, url, data, response.status_code)
        writes = changed(before, row_counts())
        response.writes = writes
        return response

    def tally(self, form: str, accepted: bool) -> None:
        TALLY[form]["accepted" if accepted else "refused"] += 1

    def assert_no_writes(self, response, *also) -> None:
        """A refused submission leaves every counted table (and the audit log) as it was."""
        assert response.writes == {}, (response.status_code, response.writes)
        for obj, snapshot in also:
            assert row_values(obj) == snapshot, "a refused submission changed a row"


def refused(response) -> bool:
    """Not a redirect: a 4xx, or the form shown again."""
    return response.status_code not in (301, 302, 303)


def row_values(obj) -> dict:
    """A row as it is in the database now (for checking that nothing changed)."""
    return type(obj)._base_manager.filter(pk=obj.pk).values().first() or {}


def assert_fits(obj) -> None:
    """Every text column of a stored row fits its field and holds no NUL character."""
    obj = type(obj)._base_manager.get(pk=obj.pk)
    for field in obj._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(obj, field.attname)
        if value is None:
            continue
        assert "\x00" not in value, (field.name, value[:80])
        if field.max_length is not None:
            assert len(value) <= field.max_length, (field.name, len(value), field.max_length)


def posted(response):
    """The POST data as the view received it (after the client's encoding)."""
    return response.wsgi_request.POST


def last_pk(model) -> int:
    return model._base_manager.order_by("-pk").values_list("pk", flat=True).first() or 0


def assert_new_rows_fit(model, since: int) -> list:
    """Every row of `model` added after pk `since` fits its fields; returns them."""
    rows = list(model._base_manager.filter(pk__gt=since))
    for row in rows:
        assert_fits(row)
    return rows
