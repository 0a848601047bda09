"""The export's contents: every category, anonymous posts marked, nobody else's data."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from privacy.selectors import personal_export
from tests.privacy.conftest import EVIDENCE, FLAG_TEXT


@pytest.fixture
def export(footprint):
    data = personal_export(user=footprint.person)
    return data, json.dumps(data, cls=DjangoJSONEncoder)


def test_every_category_is_there(footprint, export):
    data, _ = export
    assert set(data) == {
        "format",
        "exported_at",
        "account",
        "settings",
        "email_addresses",
        "forum",
        "moderation",
        "growth",
    }
    account = data["account"]
    assert account["username"] == "priya"
    assert account["email"] == "priya@example.com"
    assert (account["display_name"], account["company"]) == ("Priya Kapoor", "Acme Widgets")
    assert (account["first_name"], account["last_name"]) == ("Priya", "Kapoor")
    assert account["headline"] == "Site Reliability Engineer"
    assert account["level_code"] == "L4"
    assert data["settings"] == {
        "email_frequency": "immediate",
        "show_readiness_on_profile": False,
        "order_of_answers": "votes",
    }
    assert {a["email"] for a in data["email_addresses"]} == {
        "priya@example.com",
        "priya@home.example",
    }
    forum = data["forum"]
    assert {q["title"] for q in forum["questions"]} == {
        footprint.named_question.title,
        footprint.anonymous_question.title,
    }
    assert {a["body"] for a in forum["answers"]} == {
        footprint.answer.body,
        footprint.anonymous_answer.body,
    }
    assert [c["body"] for c in forum["comments"]] == [footprint.comment.body]
    assert [(v["on"], v["on_id"], v["value"]) for v in forum["votes"]] == [
        ("question", footprint.others_question.pk, 1)
    ]
    # what they asked and answered, they follow (the anonymous ones too: only they see this)
    assert {f["question_id"] for f in forum["follows"]} >= {
        footprint.named_question.pk,
        footprint.anonymous_question.pk,
    }
    flags = data["moderation"]["flags"]
    assert [(f["reason"], f["text"]) for f in flags] == [("Needs a moderator", FLAG_TEXT)]
    growth = data["growth"]
    assert len(growth["assessments"]) == 2  # the plan's finished one and a draft
    evidence = [r["evidence"] for a in growth["assessments"] for r in a["ratings"]]
    assert EVIDENCE in evidence
    assert all(a["ratings"] for a in growth["assessments"])
    [plan] = growth["plans"]
    assert plan["title"] == footprint.plan.title
    assert plan["goals"]
    assert all("actions" in goal for goal in plan["goals"])
    assert any(goal["actions"] for goal in plan["goals"])
    assert plan["share_link"]["url"].endswith(f"/{footprint.plan.share_token}/")


def test_anonymous_posts_are_included_and_marked(footprint, export):
    data, _ = export
    by_title = {q["title"]: q for q in data["forum"]["questions"]}
    assert by_title[footprint.anonymous_question.title]["anonymous"] is True
    assert by_title[footprint.named_question.title]["anonymous"] is False
    by_body = {a["body"]: a for a in data["forum"]["answers"]}
    assert by_body[footprint.anonymous_answer.body]["anonymous"] is True


def test_nobody_elses_data(footprint, export):
    _, text = export
    for theirs in (
        "olu@example.com",
        "Olu Adebayo",
        "Globex",
        "Olu answers Priya.",
        footprint.other.plans.get().share_token,
    ):
        assert theirs not in text
    assert footprint.others_question.title not in text  # only its id, where she voted


def test_the_document_is_json(export):
    _, text = export
    assert json.loads(text)["format"] == "rungs-personal-data/1"
