"""`manage.py load_demo` from other files: partial loads and refused content.

Kept apart from test_loader.py, whose module-wide demo load would be in the way.
"""

import re

import pytest
import yaml
from django.core.management.base import CommandError

from forum.demo import CONTENT_FILE
from forum.models import Question
from tests.forum.demo.test_loader import (
    assert_counters_match_reality,
    assert_reputation_is_a_fresh_recount,
    counts,
    demo_users,
    load_demo,
)


@pytest.fixture
def content():
    return yaml.safe_load(CONTENT_FILE.read_text(encoding="utf-8"))


def test_what_is_missing_from_an_earlier_load_is_added(ladder, tmp_path, content):
    """A first load from a shorter file, then the full one: only the difference is created."""
    short = {
        "people": content["people"],
        "questions": [
            {**question, "answers": (question.get("answers") or [])[:1], "comments": []}
            for question in content["questions"][:5]
        ],
    }
    first = tmp_path / "short.yaml"
    first.write_text(yaml.safe_dump(short, allow_unicode=True), encoding="utf-8")
    load_demo(file=first)
    partial = counts()

    out = load_demo()

    assert counts()["Question"] == len(content["questions"])
    assert counts()["Answer"] > partial["Answer"]
    created = int(re.search(r"created (\d+), already there (\d+)", out).group(1))
    assert created > 0
    assert_counters_match_reality()
    assert_reputation_is_a_fresh_recount()
    assert "(created 0, " in load_demo()


def test_bad_content_is_refused_before_anything_is_written(ladder, tmp_path, content):
    content["questions"][0]["votes"] = {"up": [content["questions"][0]["author"]]}
    content["questions"][1]["tags"] = ["Not A Slug", "a", "b", "c", "d", "e"]
    content["questions"][2]["level"] = "wizard"
    bad = tmp_path / "content.yaml"
    bad.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        load_demo(file=bad)
    message = str(raised.value)
    assert "votes on their own post" in message
    assert "tags" in message
    assert "unknown level 'wizard'" in message
    assert not demo_users().exists()
    assert not Question.objects.exists()
