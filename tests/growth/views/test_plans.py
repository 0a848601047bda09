"""A plan's page: editing, sharing (growth/views/plans.py)."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from growth import services
from growth.models import ACTION_LENGTH, Goal, PlanAction
from growth.services import GoalInput
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
        # Each action has its own small form (words and date), each goal an "add" form,
        # then the plan's own form: title, topics, goals.
        assert names.count("text") == 10 + 5
        assert names.count("due") == 10 + 5
        assert names[names.index("title") : names.index("title") + 2] == ["title", "discuss"]
        assert "goals-0-actions" not in names
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
        fields = ("pk", "title", "support", "evidence", "target_date", "actions__text")
        before = list(plan.goals.values_list(*fields))
        response = client.post(url("plan", plan.pk), growth.plan_page_post(plan))
        assert response.status_code == 302
        assert list(plan.goals.values_list(*fields)) == before

    def test_editing_adding_and_removing_goals(self, client, person):
        plan = growth.plan(person)
        first, second, *_ = plan.goals.all()
        data = growth.plan_page_post(plan)
        data.update(
            {
                "title": "Senior by autumn",
                "discuss": "Promotion timeline\n- Next project",
                "goals-0-title": "Write two design docs",
                "goals-0-support": "Priya\n- My manager",
                "goals-0-evidence": "RFC links",
                "goals-0-target_date": "2026-09-30",
                "goals-0-done": "on",
                "goals-1-DELETE": "on",
                "goals-5-title": "Mentor the new joiner",
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
        assert goals[0].support_list == ["Priya", "My manager"]
        assert goals[0].actions.count() == 2  # untouched by the goal form
        assert goals[-1].title == "Mentor the new joiner"
        assert goals[-1].competency is None
        assert goals[-1].target_date is None
        assert not Goal.objects.filter(pk=second.pk).exists()

    def test_a_stale_tab_keeps_the_goals_added_since_and_their_actions(self, client, person):
        """The form was opened when the plan had one goal; four more (one action ticked off)
        came since. Saving the stale form edits the first goal and removes nothing."""
        plan = growth.plan(person)
        first, *since = plan.goals.all()
        actions = list(PlanAction.objects.filter(goal__plan=plan).values_list("pk", flat=True))
        ticked = since[0].actions.first()
        services.plan_action_toggle(user=person, action=ticked, done=True)
        stale = growth.goal_post(
            plan,
            [{"goal_id": str(first.pk), "title": "Edited in the old tab"}],
            initial=1,
        )
        response = client.post(url("plan", plan.pk), stale)
        assert response.status_code == 302
        assert [g.pk for g in plan.goals.all()] == [first.pk, *(g.pk for g in since)]
        assert fresh(first).title == "Edited in the old tab"
        kept = PlanAction.objects.filter(goal__plan=plan).values_list("pk", flat=True)
        assert sorted(kept) == sorted(actions)
        assert fresh(ticked).done_at is not None

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
            ({"title": "", "evidence": "Still has evidence"}, "This field is required."),
            ({"target_date": "0000-00-00"}, "Enter a valid date."),
            ({"target_date": "99999-01-01"}, "Enter a valid date."),
            ({"target_date": "0001-01-01"}, "Choose a date between 2000 and 2100."),
            ({"title": "Nul\x00byte"}, "Null characters are not allowed."),
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
            assert '<details class="plan-edit" id="plan-edit" open>' in response.text
        assert response.context["goals"].errors[0]
        assert fresh(plan).title == "From mid-level engineer to senior engineer"
        assert list(plan.goals.values_list("pk", "title", "target_date")) == before

    def test_the_edit_link_opens_the_folded_form_without_javascript(self, client, person):
        plan = growth.plan(person)
        closed = client.get(url("plan", plan.pk)).text
        assert '<details class="plan-edit" id="plan-edit">' in closed
        assert 'href="?edit=1#plan-edit">Edit goals and topics</a>' in closed
        opened = client.get(url("plan", plan.pk) + "?edit=1").text
        assert '<details class="plan-edit" id="plan-edit" open>' in opened

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
        assert response.url == url("plan", plan.pk) + "#sharing"
        assert messages_of(response) == [
            "Anyone with the link below can read this plan (not change it)."
        ]
        token = fresh(plan).share_token
        page = client.get(url("plan", plan.pk)).text
        assert f'value="http://testserver{url("shared", token)}"' in page
        assert '<label for="share-link">Share link</label>' in page
        # The copy button waits for plan.js; without it the read-only field is there to copy.
        assert 'data-copy="share-link" hidden>Copy link</button>' in page
        assert f'href="{url("plan_unshare", plan.pk)}">Turn the link off…</a>' in page
        # Turning it off asks first, on a page of its own (no JavaScript needed)...
        confirm = client.get(url("plan_unshare", plan.pk))
        assert confirm.status_code == 200
        assert "<h1>Turn off the link?</h1>" in confirm.text
        assert '<button type="submit" class="btn btn--danger">Turn the link off</button>' in (
            confirm.text
        )
        assert fresh(plan).share_token == token  # asking changes nothing
        # ...and the button there turns it off.
        response = client.post(url("plan_unshare", plan.pk))
        assert messages_of(response) == [
            "The share link is turned off. Anyone who opens it is told so."
        ]
        assert fresh(plan).share_token is None
        assert "Private: only you can see this plan." in client.get(url("plan", plan.pk)).text
        # Nothing to turn off: the question page sends one back to the plan.
        assert client.get(url("plan_unshare", plan.pk)).url == url("plan", plan.pk)


class TestProgress:
    def test_a_goal_without_actions_or_helpers_says_so_plainly(self, client, person):
        """No "0 of 0 done", and no "Who can help" heading over an empty list."""
        plan = growth.plan(person)
        services.plan_update(
            user=person,
            plan=plan,
            title=plan.title,
            discuss="",
            goals=[GoalInput(title="Mentor the new joiner")],
            remove=plan.goals.values_list("pk", flat=True),
        )
        page = client.get(url("plan", plan.pk))
        html = page.text
        assert "0 of 0" not in html
        assert html.count("No actions yet") == 2  # the plan's and the goal's
        assert "Who can help</h3>" not in html
        printed = client.get(url("plan_print", plan.pk)).text
        assert "0 of 0" not in printed
        assert "No actions yet" in printed

    def test_no_heading_hides_in_a_summary(self, client, person):
        html = client.get(url("plan", growth.plan(person).pk)).text
        for summary in html.split("<summary")[1:]:
            assert "<h" not in summary.split("</summary>")[0]
        assert '<h2 id="plan-edit-heading">Edit goals and topics</h2>' in html

    def test_action_fields_take_their_length_from_the_model(self, client, person):
        html = client.get(url("plan", growth.plan(person).pk)).text
        assert f'maxlength="{ACTION_LENGTH}"' in html
        assert 'maxlength=""' not in html

    def test_the_plan_shows_progress_per_goal_and_overall(self, client, person):
        plan = growth.plan(person)
        goal = plan.goals.first()
        first = goal.actions.first()
        client.post(url("action_done", first.pk), {"done": "1"})
        html = client.get(url("plan", plan.pk)).text
        assert (
            '<label for="plan-progress-bar">1 of 10 actions done</label> '
            '<progress id="plan-progress-bar" max="10" value="1">10%</progress>'
        ) in html
        assert (
            f'<label for="goal-progress-bar-{goal.pk}">1 of 2 done</label> '
            f'<progress id="goal-progress-bar-{goal.pk}" max="2" value="1">50%</progress>'
        ) in html
        done = html.split(f'id="action-{first.pk}"')[1].split("</li>")[0]
        today = timezone.localdate()
        assert f"Done {today.day} {today:%b %Y}" in done
        assert "Mark as not done" in done

    def test_who_can_help_links_to_the_forum(self, client, person):
        plan = growth.plan(person)
        html = client.get(url("plan", plan.pk)).text
        assert (
            '<li><a href="/questions/?competency=design">Questions others asked about '
            "system design and architecture</a> on the forum</li>"
        ) in html
        assert "Your manager: agree which actions fit this quarter&#x27;s work." in html
