"""Fixtures the moderation tests share: a moderator's browser and a small thread."""

import pytest
from django.test import Client

from tests.factories import AnswerFactory, CommentFactory, QuestionFactory
from tests.moderation.factories import moderator


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
