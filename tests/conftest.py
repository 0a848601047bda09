import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from core import pagecache
from forum.services.questions import views_settled
from ladder.models import Level
from ladder.services import ladder_load
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory
from tests.moderation.factories import moderator

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse to run
# there without this. Only the test process sets it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots",
        action="store_true",
        help="Also refresh the README screenshots in docs/img/ (make screenshots).",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # pytest regroups tests around parametrised fixtures after pytest-django has put the
    # transactional ones last; put them last again, since their flush empties every table.
    items.sort(key=lambda item: "live_server" in item.fixturenames)
    if config.getoption("--screenshots"):
        return
    skip = pytest.mark.skip(reason="README screenshots are refreshed by `make screenshots`")
    for item in items:
        if "screenshot" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium; Playwright never downloads a browser of its own here."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real ladder once; transactions roll back around each test and keep it."""
    with django_db_blocker.unblock():
        ladder_load(path=settings.LADDER_DATA_FILE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache (view counts, rate limits, pages) starts empty for every test."""
    cache.clear()
    pagecache.recent.clear()
    views_settled.clear()
    yield
    cache.clear()
    pagecache.recent.clear()
    views_settled.clear()


@pytest.fixture(autouse=True)
def _empty_search_index(request):
    """Flushing after a live-server test leaves the raw-SQL search tables alone; empty them."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        return
    request.getfixturevalue("transactional_db")
    from forum.search.index import clear_index

    clear_index()


@pytest.fixture
def ladder(db):
    """The real ladder. Transactional tests (live server) flush the tables, so reload then."""
    if not Level.objects.exists():
        ladder_load(path=settings.LADDER_DATA_FILE, force=True)
    return {level.slug: level for level in Level.objects.all()}


@pytest.fixture
def mod_client():
    """A moderator's browser, separate from `client` so both can be used in one test."""
    mod = moderator(username="mod-ada", display_name="Ada Moderator")
    browser = Client()
    browser.force_login(mod)
    browser.user = mod
    return browser


@pytest.fixture
def thread():
    question = QuestionFactory(title="How do I recover from a bad quarter review?")
    answer = AnswerFactory(question=question, body="Write down three outcomes and agree on them.")
    comment = CommentFactory(post=answer, body="Which outcomes did your manager agree to?")
    return question, answer, comment
