"""A plan's page: editing, sharing (growth/views/plans.py)."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from growth.models import Goal
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def person(client):
    user = UserFactory(band="mid", headline="Backend Engineer")
    client.force_login(user)
    return user


def url(name: str, *args) -> str:
    return reverse(f"growth:{name}", args=args)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestPlanPage:
    def test_the_form_has_a_label_for_every_field(self, client, person):
        plan = growth.plan(person)
        response = client.get(url("plan", plan.pk))
        html = response.text
        assert response.status_code == 200
        assert growth.unlabelled(html) == []
        names = [c["name"] for c in growth.controls(html)]
        assert names[:2] == ["title", "discuss"]
        assert names.count("goals-0-title") == 1
        assert len([n for n in names if n.endswith("-title") and n != "title"]) == 6  # 5 + 1
        assert "<legend>Goal 1</legend>" in html
        assert "<legend>Add a goal</legend>" in html
        assert "Private: only you can see this plan." in html
        assert f'href="{url("plan_markdown", plan.pk)}"' in html
        assert f'href="{url("plan_print", plan.pk)}"' in html
        assert '<meta name="robots" content="noindex">' in html

    def test_saving_the_page_untouched_keeps_everything(self, client, person):
        plan = growth.plan(person)
        before = list(plan.goals.values_list("pk", "title", "actions", "evidence", "target_date"))
        response = client.post(url("plan", plan.pk), growth.plan_page_post(plan))
        assert response.status_code == 302
        assert (
            list(plan.goals.values_list("pk", "title", "actions", "evidence", "target_date"))
            == before
        )

    def test_editing_adding_and_removing_goals(self, client, person):
        plan = growth.plan(person)
        first, second, *_ = plan.goals.all()
        data = growth.plan_page_post(plan)
        data.update(
            {
                "title": "Senior by autumn",
                "discuss": "Promotion timeline\n- Next project",
                "goals-0-title": "Write two design docs",
                "goals-0-actions": "Draft the RFC\nAsk for review",
                "goals-0-evidence": "RFC links",
                "goals-0-target_date": "2026-09-30",
                "goals-0-done": "on",
                "goals-1-DELETE": "on",
                "goals-5-title": "Mentor the new joiner",
                "goals-5-actions": "Pair weekly",
            }
        )
        response = client.post(url("plan", plan.pk), data)
        assert response.status_code == 302
        assert response.url == url("plan", plan.pk)
        assert messages_of(response) == ["Your plan is saved."]
        plan = fresh(plan)
        assert plan.title == "Senior by autumn"
        assert plan.discussion_topics == ["Promotion timeline", "Next project"]
        goals = list(plan.goals.all())
        assert len(goals) == 5
        assert [g.order for g in goals] == [0, 1, 2, 3, 4]
        assert goals[0].pk == first.pk
        assert goals[0].title == "Write two design docs"
        assert goals[0].competency.slug == "design"
        assert goals[0].done is True
        assert goals[0].target_date == date(2026, 9, 30)
        assert goals[0].action_list == ["Draft the RFC", "Ask for review"]
        assert goals[-1].title == "Mentor the new joiner"
        assert goals[-1].competency is None
        assert goals[-1].target_date is None
        assert not Goal.objects.filter(pk=second.pk).exists()

    def test_a_goal_id_from_someone_elses_plan_does_not_touch_it(self, client, person):
        plan = growth.plan(person)
        theirs = growth.plan(UserFactory()).goals.first()
        data = growth.plan_page_post(plan)
        data["goals-0-goal_id"] = str(theirs.pk)
        data["goals-0-title"] = "Hijacked"
        assert client.post(url("plan", plan.pk), data).status_code == 302
        untouched = Goal.objects.get(pk=theirs.pk)
        assert untouched.title == theirs.title
        assert untouched.plan_id == theirs.plan_id
        assert plan.goals.filter(title="Hijacked").exists()

    @pytest.mark.parametrize(
        ("goal", "error"),
        [
            ({"title": "", "actions": "Still has actions"}, "This field is required."),
            ({"target_date": "next spring"}, "Enter a valid date."),
            ({"target_date": "2026-02-30"}, "Enter a valid date."),
            ({"title": "x" * 201}, "Ensure this value has at most 200 characters"),
            ({"goal_id": "abc"}, None),
        ],
    )
    def test_a_bad_goal_is_400_and_nothing_is_saved(self, client, person, goal, error):
        plan = growth.plan(person)
        before = list(plan.goals.values_list("pk", "title", "target_date"))
        data = growth.plan_page_post(plan)
        data["title"] = "Changed title"
        data["goals-1-title"] = "Changed goal"
        data.update({f"goals-0-{key}": value for key, value in goal.items()})
        response = client.post(url("plan", plan.pk), data)
        assert response.status_code == 400
        if error:
            assert error in response.text
            assert 'class="errorlist' in response.text
        assert response.context["goals"].errors[0]
        assert fresh(plan).title == "From mid-level engineer to senior engineer"
        assert list(plan.goals.values_list("pk", "title", "target_date")) == before

    def test_a_missing_plan_title_is_400(self, client, person):
        plan = growth.plan(person)
        response = client.post(url("plan", plan.pk), growth.goal_post(plan, [], title=""))
        assert response.status_code == 400
        assert "This field is required." in response.text
        assert plan.goals.count() == 5

    def test_a_missing_management_form_is_400(self, client, person):
        plan = growth.plan(person)
        response = client.post(url("plan", plan.pk), {"title": "x", "discuss": ""})
        assert response.status_code == 400
        assert fresh(plan).title == "From mid-level engineer to senior engineer"

    def test_more_than_twenty_goals_is_400(self, client, person):
        plan = growth.plan(person)
        goals = [{"title": f"Goal {i}"} for i in range(21)]
        response = client.post(url("plan", plan.pk), growth.goal_post(plan, goals))
        assert response.status_code == 400
        assert "Please submit at most 20 forms." in response.text
        assert plan.goals.count() == 5

    def test_sharing_and_revoking(self, client, person):
        plan = growth.plan(person)
        response = client.post(url("plan_share", plan.pk))
        assert response.url == url("plan", plan.pk)
        assert messages_of(response) == [
            "Anyone with the link below can read this plan (not change it)."
        ]
        token = fresh(plan).share_token
        page = client.get(url("plan", plan.pk)).text
        assert f'value="http://testserver{url("shared", token)}"' in page
        assert '<label for="share-link">Share link</label>' in page
        assert "Turn the link off" in page
        response = client.post(url("plan_unshare", plan.pk))
        assert messages_of(response) == [
            "The share link is turned off. Anyone who had it now gets nothing."
        ]
        assert fresh(plan).share_token is None
        assert "Private: only you can see this plan." in client.get(url("plan", plan.pk)).text
