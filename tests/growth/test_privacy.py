"""Assessments and plans are their owner's alone: everyone else, moderators included, gets a 404."""

import pytest
from django.urls import reverse

from growth.models import Assessment, Goal, Plan, PlanAction, Rating, RevokedShareLink
from moderation.services.people import user_suspend
from tests.factories import UserFactory, superuser
from tests.growth import factories as growth
from tests.growth.factories import Scene
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


LOGIN = reverse("account_login")


def snapshot() -> tuple:
    """Everything a request could change."""
    return (
        list(Assessment.objects.order_by("pk").values_list("pk", "status", "finished_at")),
        list(Rating.objects.order_by("pk").values_list("pk", "value", "evidence", "carried_from")),
        list(Plan.objects.order_by("pk").values_list("pk", "title", "discuss", "share_token")),
        list(Goal.objects.order_by("pk").values_list("pk", "title", "done", "target_date")),
        list(PlanAction.objects.order_by("pk").values_list("pk", "text", "due", "done_at")),
        list(RevokedShareLink.objects.order_by("pk").values_list("pk", "token")),
    )


def step(assessment, item) -> str:
    return reverse("growth:assess_step", args=[assessment.pk, item.competency.slug])


def requests(s: Scene) -> list[tuple[str, str, str, dict]]:
    """(label, method, URL, data) for every growth URL that acts on someone's things."""
    item = growth.items(s.draft)[0]
    compare = reverse("growth:compare")
    plan_data = growth.plan_page_post(s.plan) | {"title": "Taken over"}
    goal = s.plan.goals.first()
    action = goal.actions.first()
    edit = {"text": "Taken over", "due": "2027-01-01"}
    return [
        ("assess draft", "get", reverse("growth:assess", args=[s.draft.pk]), {}),
        ("assess finished", "get", reverse("growth:assess", args=[s.done.pk]), {}),
        ("assess step", "get", step(s.draft, item), {}),
        ("assess step of finished", "get", step(s.done, item), {}),
        (
            "save step",
            "post",
            step(s.draft, item),
            {f"rating-{item.pk}": "0", f"evidence-{item.pk}": "Mine", "go": "next"},
        ),
        (
            "autosave",
            "post",
            step(s.draft, item),
            {f"rating-{item.pk}": "0", "autosave": "1"},
        ),
        ("finish draft", "post", step(s.draft, item), {"go": "finish"}),
        ("save and leave", "post", step(s.draft, item), {"go": "leave"}),
        ("discard page", "get", reverse("growth:discard", args=[s.draft.pk]), {}),
        ("discard draft", "post", reverse("growth:discard", args=[s.draft.pk]), {}),
        ("results", "get", reverse("growth:results", args=[s.done.pk]), {}),
        ("results of draft", "get", reverse("growth:results", args=[s.draft.pk]), {}),
        ("make plan", "post", reverse("growth:make_plan", args=[s.done.pk]), {}),
        ("make plan earlier", "post", reverse("growth:make_plan", args=[s.earlier.pk]), {}),
        ("compare", "get", f"{compare}?a={s.earlier.pk}&b={s.done.pk}", {}),
        ("plan", "get", reverse("growth:plan", args=[s.plan.pk]), {}),
        ("edit plan", "post", reverse("growth:plan", args=[s.plan.pk]), plan_data),
        ("markdown", "get", reverse("growth:plan_markdown", args=[s.plan.pk]), {}),
        ("print", "get", reverse("growth:plan_print", args=[s.plan.pk]), {}),
        ("share", "post", reverse("growth:plan_share", args=[s.plan.pk]), {}),
        ("unshare", "post", reverse("growth:plan_unshare", args=[s.plan.pk]), {}),
        ("unshare question", "get", reverse("growth:plan_unshare", args=[s.plan.pk]), {}),
        ("add action", "post", reverse("growth:action_add", args=[goal.pk]), {"text": "Mine"}),
        ("edit action", "post", reverse("growth:action_edit", args=[action.pk]), edit),
        ("tick action", "post", reverse("growth:action_done", args=[action.pk]), {"done": "1"}),
        ("remove action", "post", reverse("growth:action_remove", args=[action.pk]), {}),
    ]


def _walk(client, scene: Scene, expected: str):
    before = snapshot()
    seen = []
    for label, method, where, data in requests(scene):
        response = getattr(client, method)(where, data)
        if expected == "login":
            ok = response.status_code == 302 and response.url.startswith(f"{LOGIN}?next=")
        else:
            ok = response.status_code == 404
        if not ok:
            seen.append(f"{label}: {method.upper()} {where} → {response.status_code}")
        body = response.content.decode()
        assert "From mid-level engineer to senior engineer" not in body  # the plan's title
        assert "become someone who" not in body  # its goals
    assert not seen, "\n".join(seen)
    assert snapshot() == before


@pytest.mark.parametrize("who", ["another person", "a moderator", "a suspended moderator"])
def test_everyone_else_gets_404(client, scene, who):
    viewer = UserFactory() if who == "another person" else moderator()
    if who == "a suspended moderator":
        user_suspend(moderator=superuser(), user=viewer, days=1, reason="Cool off")
    client.force_login(viewer)
    _walk(client, scene, "404")


def test_logged_out_goes_to_log_in(client, scene):
    _walk(client, scene, "login")


@pytest.mark.parametrize("name", ["dashboard", "start"])
def test_the_pages_without_an_id_are_for_signed_in_people(client, name):
    response = client.get(reverse(f"growth:{name}"))
    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={reverse(f'growth:{name}')}"


def test_a_moderators_dashboard_shows_none_of_it(client, scene):
    client.force_login(moderator())
    html = client.get(reverse("growth:dashboard")).text
    assert "No assessments yet." in html
    assert reverse("growth:plan", args=[scene.plan.pk]) not in html
    assert scene.plan.title not in html


def test_the_owner_walks_the_same_urls(client, scene):
    """The control: the same requests by the owner are answered (not 404)."""
    client.force_login(scene.owner)
    for label, method, where, data in requests(scene):
        if label == "discard draft":
            continue  # would end the scene for the requests after it
        response = getattr(client, method)(where, data)
        assert response.status_code in (200, 302, 400), f"{label} → {response.status_code}"


class TestProfileReadiness:
    def test_off_by_default(self, client, scene):
        response = client.get(reverse("accounts:profile", args=[scene.owner.username]))
        assert response.status_code == 200
        assert "Ready for" not in response.text

    def test_only_the_overall_figure_when_on(self, client, scene):
        scene.owner.show_readiness = True
        scene.owner.save(update_fields=["show_readiness"])
        html = client.get(reverse("accounts:profile", args=[scene.owner.username])).text
        assert "<dt>Ready for senior engineer</dt><dd>53%" in html
        for detail in ("Technical craft", "System design", "Strength", scene.plan.title):
            assert detail not in html
        assert "/growth/" not in html.split('<main id="main"')[1]


class TestAdmin:
    """growth/admin.py promises support staff only who and when, never what a plan says."""

    def test_the_list_shows_metadata_only(self, client, scene):
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
        response = client.get(reverse("admin:growth_assessment_changelist"))
        assert response.status_code == 200
        assert "Work towards" not in response.text
        for name in ("assessment", "plan"):
            pk = scene.done.pk if name == "assessment" else scene.plan.pk
            page = client.get(reverse(f"admin:growth_{name}_change", args=[pk]))
            assert page.status_code == 403

    def test_no_admin_page_shows_what_a_plan_says(self, client, scene):
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
        goal = scene.plan.goals.first().title
        pages = [
            client.get(reverse("admin:growth_plan_changelist")),
            client.get(reverse("admin:growth_plan_delete", args=[scene.plan.pk])),
            client.get(reverse("admin:growth_assessment_delete", args=[scene.done.pk])),
            client.post(
                reverse("admin:growth_plan_changelist"),
                {"action": "delete_selected", "_selected_action": [scene.plan.pk]},
            ),
        ]
        leaks = [
            response.request["PATH_INFO"]
            for response in pages
            if scene.plan.title in response.text or goal in response.text
        ]
        assert leaks == []
