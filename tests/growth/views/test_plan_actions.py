"""A plan's actions on the page, one by one (growth/views/plans.py: action_*): plain forms
that come back to the plan, htmx swaps of one row, and input that must not get through."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from growth import services
from growth.models import Plan, PlanAction
from tests.factories import UserFactory
from tests.growth import factories as growth
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def person(client):
    user = UserFactory(band="mid", headline="Backend Engineer")
    client.force_login(user)
    return user


@pytest.fixture
def plan(person) -> Plan:
    return growth.plan(person)


def url(name: str, *args) -> str:
    return reverse(f"growth:{name}", args=args)


def message_of(response) -> str:
    """The message the request left (earlier ones wait for a page to show them)."""
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


def state() -> list[tuple]:
    return list(
        PlanAction.objects.order_by("pk").values_list("pk", "goal_id", "text", "due", "done_at")
    )


def first_action(plan: Plan) -> PlanAction:
    return plan.goals.first().actions.first()


class TestWithoutJavaScript:
    def test_tick_and_untick(self, client, plan):
        action = first_action(plan)
        back = f"{url('plan', plan.pk)}#goal-{action.goal_id}"
        response = client.post(url("action_done", action.pk), {"done": "1"})
        assert (response.status_code, response.url) == (302, back)
        assert message_of(response) == "Done. Nicely."
        assert PlanAction.objects.get(pk=action.pk).done_at is not None
        response = client.post(url("action_done", action.pk), {"done": "0"})
        assert response.url == back
        assert message_of(response) == "Marked as not done yet."
        assert PlanAction.objects.get(pk=action.pk).done_at is None

    def test_edit_redate_add_remove(self, client, plan):
        action = first_action(plan)
        goal = action.goal
        response = client.post(
            url("action_edit", action.pk), {"text": "Write the RFC", "due": "2027-02-01"}
        )
        assert response.status_code == 302
        assert message_of(response) == "Action saved."
        action.refresh_from_db()
        assert (action.text, action.due) == ("Write the RFC", date(2027, 2, 1))
        response = client.post(url("action_add", goal.pk), {"text": "Present it", "due": ""})
        assert response.status_code == 302
        assert message_of(response) == "Action added."
        added = goal.actions.last()
        assert (added.text, added.due) == ("Present it", None)
        response = client.post(url("action_remove", added.pk))
        assert message_of(response) == "Action removed."
        assert not PlanAction.objects.filter(pk=added.pk).exists()

    def test_every_action_has_labelled_forms(self, client, plan):
        html = client.get(url("plan", plan.pk)).text
        assert growth.unlabelled(html) == []
        action = first_action(plan)
        row = html.split(f'<li class="plan-action" id="action-{action.pk}">')[1].split("</li>")[0]
        assert f'action="{url("action_done", action.pk)}"' in row
        assert f'action="{url("action_edit", action.pk)}"' in row
        assert f'href="{url("action_remove", action.pk)}"' in row  # asks first
        assert '<span class="visually-hidden">Mark as done</span>' in row
        assert f'aria-describedby="action-text-{action.pk}"' in row
        due = action.due
        assert f"Due {due.day} {due:%b %Y}" in row
        assert f'<label for="edit-due-{action.pk}">Due</label>' in row


class TestWithHtmx:
    def test_a_tick_swaps_the_row_and_the_progress(self, client, plan):
        action = first_action(plan)
        response = client.post(url("action_done", action.pk), {"done": "1"}, **HTMX)
        html = response.text
        assert response.status_code == 200
        assert html.lstrip().startswith(
            f'<li class="plan-action plan-action--done" id="action-{action.pk}">'
        )
        assert "<html" not in html
        assert f'id="goal-progress-{action.goal_id}" hx-swap-oob="true"' in html
        assert '<label for="plan-progress-bar">1 of 10 actions done</label>' in html
        assert 'id="plan-progress" hx-swap-oob="true"' in html
        assert "data-focus" in html  # plan.js gives focus back to the tick button

    def test_an_added_action_is_appended_and_the_form_comes_back_empty(self, client, plan):
        goal = plan.goals.first()
        response = client.post(url("action_add", goal.pk), {"text": "Present it"}, **HTMX)
        added = goal.actions.last()
        assert added.text == "Present it"
        assert response.text.lstrip().startswith(f'<li class="plan-action" id="action-{added.pk}">')
        assert f'<details class="plan-add" id="add-{goal.pk}" open hx-swap-oob="true">' in (
            response.text
        )
        assert "0 of 3 done" in response.text

    def test_a_refused_add_comes_back_as_the_form_with_the_error(self, client, plan):
        goal = plan.goals.first()
        before = state()
        response = client.post(url("action_add", goal.pk), {"text": "   "}, **HTMX)
        assert response["HX-Retarget"] == f"#add-{goal.pk}"
        assert response["HX-Reswap"] == "outerHTML"
        assert "This field is required." in response.text or "Write what you" in response.text
        assert 'class="errorlist' in response.text
        assert state() == before

    def test_a_refused_edit_keeps_the_row_open_with_what_was_typed(self, client, plan):
        action = first_action(plan)
        before = state()
        response = client.post(
            url("action_edit", action.pk), {"text": "Kept words", "due": "0000-00-00"}, **HTMX
        )
        assert "Enter a valid date." in response.text
        assert '<details class="plan-action__edit" open>' in response.text
        assert 'value="Kept words"' in response.text
        assert state() == before

    def test_remove_answers_with_no_row(self, client, plan):
        action = first_action(plan)
        response = client.post(url("action_remove", action.pk), **HTMX)
        assert f'id="action-{action.pk}"' not in response.text
        assert "0 of 1 done" in response.text
        assert "0 of 9 actions done" in response.text


class TestBadInput:
    @pytest.mark.parametrize(
        ("data", "error"),
        [
            ({"text": ""}, "This field is required."),
            ({"text": "x" * 10_000}, "Ensure this value has at most 300 characters"),
            ({"text": "Nul\x00byte"}, "Null characters are not allowed."),
            ({"text": "Fine", "due": "0000-00-00"}, "Enter a valid date."),
            ({"text": "Fine", "due": "99999-01-01"}, "Enter a valid date."),
            ({"text": "Fine", "due": "0001-01-01"}, "Choose a date between 2000 and 2100."),
            ({"text": "Fine", "due": "9999-12-31"}, "Choose a date between 2000 and 2100."),
            ({"text": "Fine", "due": "next week"}, "Enter a valid date."),
        ],
    )
    @pytest.mark.parametrize("kind", ["add", "edit"])
    def test_is_a_form_error_and_nothing_is_saved(self, client, plan, data, error, kind):
        action = first_action(plan)
        where = (
            url("action_add", action.goal_id) if kind == "add" else url("action_edit", action.pk)
        )
        before = state()
        response = client.post(where, data)
        assert response.status_code == 400
        assert error in response.text
        assert growth.unlabelled(response.text) == []
        assert state() == before

    @pytest.mark.parametrize("value", ["", "2", "yes", "\x00", "1" * 5000])
    def test_done_must_be_1_or_0(self, client, plan, value):
        action = first_action(plan)
        before = state()
        response = client.post(url("action_done", action.pk), {"done": value})
        assert response.status_code == 400
        assert state() == before

    def test_a_full_goal_refuses_one_more(self, client, plan):
        goal = plan.goals.first()
        for i in range(20 - goal.actions.count()):
            services.plan_action_add(user=plan.owner, goal=goal, text=f"Step {i}")
        response = client.post(url("action_add", goal.pk), {"text": "One too many"})
        assert response.status_code == 400
        assert "A goal holds at most 20 actions." in response.text
        assert goal.actions.count() == 20

    @pytest.mark.parametrize(
        "where",
        ["/growth/actions/abc/done/", "/growth/actions/-1/done/", "/growth/goals/1e3/actions/"],
    )
    def test_non_numeric_ids_are_404(self, client, plan, where):
        assert client.post(where, {"done": "1", "text": "x"}).status_code == 404

    def test_ids_that_do_not_exist_are_404(self, client, plan):
        for where in (
            url("action_done", 999_999),
            url("action_edit", 999_999),
            url("action_remove", 999_999),
            url("action_add", 999_999),
        ):
            assert client.post(where, {"done": "1", "text": "x"}).status_code == 404

    def test_only_post(self, client, plan):
        action = first_action(plan)
        for where in (
            url("action_done", action.pk),
            url("action_edit", action.pk),
            url("action_add", action.goal_id),
        ):
            assert client.get(where).status_code == 405

    def test_removing_asks_first_and_a_get_changes_nothing(self, client, plan):
        action = first_action(plan)
        services.plan_action_toggle(user=plan.owner, action=action, done=True)
        response = client.get(url("action_remove", action.pk))
        assert response.status_code == 200
        html = response.text
        assert "<h1>Remove this action?</h1>" in html
        assert action.text in html
        assert "You ticked it off on" in html
        assert '<form method="post" class="form-actions">' in html
        assert '<button type="submit" class="btn btn--danger">Remove the action</button>' in html
        assert PlanAction.objects.filter(pk=action.pk).exists()
        response = client.post(url("action_remove", action.pk))
        assert response.status_code == 302
        assert not PlanAction.objects.filter(pk=action.pk).exists()


class TestWhoMay:
    """Anonymous → log in; another person or a moderator → 404; nothing changes."""

    @pytest.fixture
    def theirs(self) -> Plan:
        return growth.plan(UserFactory())

    def requests(self, plan: Plan) -> list[tuple[str, dict]]:
        action = first_action(plan)
        return [
            (url("action_done", action.pk), {"done": "1"}),
            (url("action_edit", action.pk), {"text": "Taken over", "due": "2027-01-01"}),
            (url("action_remove", action.pk), {}),
            (url("action_add", action.goal_id), {"text": "Taken over"}),
        ]

    def test_logged_out(self, client, theirs):
        client.logout()
        before = state()
        for where, data in self.requests(theirs):
            response = client.post(where, data)
            assert response.status_code == 302
            assert response.url.startswith(reverse("account_login"))
            response = client.post(where, data, **HTMX)
            assert response["HX-Redirect"].startswith(reverse("account_login"))
        assert state() == before

    @pytest.mark.parametrize("who", ["another person", "a moderator"])
    def test_everyone_but_the_owner_gets_404(self, client, theirs, who):
        client.force_login(UserFactory() if who == "another person" else moderator())
        before = state()
        for where, data in self.requests(theirs):
            assert client.post(where, data).status_code == 404
            assert client.post(where, data, **HTMX).status_code == 404
        # Nor can they read an action's words through the "Remove this action?" page.
        assert client.get(url("action_remove", first_action(theirs).pk)).status_code == 404
        assert state() == before

    def test_a_foreign_action_id_through_ones_own_session(self, client, plan, theirs):
        """The owner of one plan cannot reach into another's by changing the id."""
        before = state()
        for where, data in self.requests(theirs):
            assert client.post(where, data).status_code == 404
        assert state() == before
        # Their own still work.
        for where, data in self.requests(plan)[:2]:
            assert client.post(where, data).status_code == 302
