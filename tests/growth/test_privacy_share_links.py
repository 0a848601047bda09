"""Share links open one plan read-only, and die when turned off."""

import pytest
from django.urls import reverse

from growth import services
from growth.models import Plan
from tests.factories import UserFactory
from tests.growth import factories as growth
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestShareLinks:
    def test_a_live_link_works_logged_out_read_only(self, client, scene):
        token = services.plan_share(user=scene.plan.owner, plan=scene.plan)
        response = client.get(reverse("growth:shared", args=[token]))
        html = response.text
        assert response.status_code == 200
        assert "A growth plan shared with you (read-only)." in html
        assert f'<h1 id="plan-title">{scene.plan.title}</h1>' in html
        assert html.count('<section class="goal-print"') == 5
        # No edit controls: no form, no link back to editing, the export or the results.
        main = html.split('<main id="main"')[1].split("</main>")[0]
        assert "<form" not in main
        for control in ("<input", "<textarea", "<select", "<button"):
            assert control not in main
        for private in (
            reverse("growth:plan", args=[scene.plan.pk]),
            reverse("growth:plan_markdown", args=[scene.plan.pk]),
            reverse("growth:results", args=[scene.done.pk]),
        ):
            assert private not in html
        assert "Back to editing" not in html
        assert scene.owner.username not in html

    def test_headers_keep_the_token_out_of_referrers_and_search_engines(self, client, scene):
        token = services.plan_share(user=scene.plan.owner, plan=scene.plan)
        response = client.get(reverse("growth:shared", args=[token]))
        assert response["Referrer-Policy"] == "no-referrer"
        assert "noindex" in response["X-Robots-Tag"]
        assert '<meta name="robots" content="noindex, nofollow">' in response.text

    @pytest.mark.parametrize("who", ["another person", "a moderator"])
    def test_holders_of_the_link_can_read_it_signed_in_too(self, client, scene, who):
        client.force_login(UserFactory() if who == "another person" else moderator())
        token = services.plan_share(user=scene.plan.owner, plan=scene.plan)
        response = client.get(reverse("growth:shared", args=[token]))
        assert response.status_code == 200
        # The link opens this plan only: not its editor.
        assert client.get(reverse("growth:plan", args=[scene.plan.pk])).status_code == 404

    def test_a_turned_off_link_is_410_gone_at_once_and_says_so(self, client, scene):
        token = services.plan_share(user=scene.plan.owner, plan=scene.plan)
        shared = reverse("growth:shared", args=[token])
        assert client.get(shared).status_code == 200
        client.force_login(scene.owner)
        client.post(reverse("growth:plan_unshare", args=[scene.plan.pk]))
        client.logout()
        gone = client.get(shared)
        assert gone.status_code == 410
        assert "<h1>This link was turned off</h1>" in gone.text
        assert "The person who shared this growth plan turned the link off on " in gone.text
        assert scene.plan.title not in gone.text
        assert scene.owner.username not in gone.text
        assert gone["Referrer-Policy"] == "no-referrer"
        assert "noindex" in gone["X-Robots-Tag"]
        # Sharing again makes a new link; the old one stays turned off.
        new = services.plan_share(user=scene.plan.owner, plan=Plan.objects.get(pk=scene.plan.pk))
        assert new != token
        assert client.get(shared).status_code == 410
        assert client.get(reverse("growth:shared", args=[new])).status_code == 200

    def test_a_link_that_never_was_stays_404(self, client, scene):
        token = services.plan_share(user=scene.plan.owner, plan=scene.plan)
        services.plan_unshare(user=scene.plan.owner, plan=scene.plan)
        never = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        assert client.get(reverse("growth:shared", args=[never])).status_code == 404

    def test_nobody_can_change_anything_through_a_link(self, client, scene):
        """The shared page has no forms, and the action URLs want the owner's login."""
        token = services.plan_share(user=scene.plan.owner, plan=scene.plan)
        html = client.get(reverse("growth:shared", args=[token])).text
        assert "/growth/actions/" not in html
        assert "/growth/goals/" not in html
        action = scene.plan.goals.first().actions.first()
        for where in (
            reverse("growth:action_done", args=[action.pk]),
            reverse("growth:action_edit", args=[action.pk]),
            reverse("growth:action_remove", args=[action.pk]),
            reverse("growth:action_add", args=[action.goal_id]),
        ):
            response = client.post(where, {"done": "1", "text": "x"})
            assert response.status_code == 302
            assert response.url.startswith(reverse("account_login"))
        action.refresh_from_db()
        assert action.done_at is None

    @pytest.mark.parametrize(
        "token",
        ["not-a-token", "x" * 43, "A" * 200, "%20", "..", "None", "null"],
    )
    def test_made_up_tokens_are_404(self, client, scene, token):
        services.plan_share(user=scene.plan.owner, plan=scene.plan)
        growth.plan(UserFactory())  # a private plan: its token is empty
        response = client.get(reverse("growth:shared", args=[token]))
        assert response.status_code == 404

    def test_a_token_differing_by_one_character_is_404(self, client, scene):
        token = services.plan_share(user=scene.plan.owner, plan=scene.plan)
        flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
        assert client.get(reverse("growth:shared", args=[flipped])).status_code == 404
        assert client.get(reverse("growth:shared", args=[token[:-1]])).status_code == 404

    def test_a_token_with_a_nul_byte_is_404(self, client, scene):
        services.plan_share(user=scene.plan.owner, plan=scene.plan)
        response = client.get("/growth/shared/abc%00/")
        assert response.status_code == 404

    def test_the_shared_page_only_answers_get(self, client, scene):
        token = services.plan_share(user=scene.plan.owner, plan=scene.plan)
        response = client.post(reverse("growth:shared", args=[token]), {"title": "x"})
        assert response.status_code == 405
