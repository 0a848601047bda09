"""A plan as Markdown and as a page to print (growth/views/plans.py, growth/export.py)."""

from datetime import date

import pytest
from django.urls import reverse

from growth import services
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


class TestExports:
    def test_markdown(self, client, person):
        plan = growth.plan(person)
        first = plan.goals.first()
        services.plan_update(
            user=plan.owner,
            plan=plan,
            title="Senior by autumn",
            discuss="Promotion timeline\nNext project",
            goals=[
                GoalInput(
                    title="Write two design docs",
                    actions="Draft the RFC\nAsk for review",
                    evidence="RFC links",
                    target_date=date(2026, 9, 30),
                    done=True,
                    goal_id=first.pk,
                ),
                GoalInput(title="Mentor the new joiner", actions="Pair weekly"),
            ],
        )
        response = client.get(url("plan_markdown", plan.pk))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/markdown; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="growth-plan-{plan.pk}.md"'
        assessed = f"{plan.assessment.finished_at:%d %B %Y}"
        assert response.content.decode() == (
            "# Senior by autumn\n"
            "\n"
            "From **Mid-level engineer** to **Senior engineer** (Backend track), "
            f"assessed on {assessed}.\n"
            "\n"
            "## Write two design docs (done)\n"
            "\n"
            "Target date: 30 September 2026\n"
            "\n"
            "Actions:\n"
            "\n"
            "- [x] Draft the RFC\n"
            "- [x] Ask for review\n"
            "\n"
            "Evidence to collect:\n"
            "\n"
            "- RFC links\n"
            "\n"
            "## Mentor the new joiner\n"
            "\n"
            "Actions:\n"
            "\n"
            "- [ ] Pair weekly\n"
            "\n"
            "## To discuss with my manager\n"
            "\n"
            "- Promotion timeline\n"
            "- Next project\n"
            "\n"
            "Made with Rungs.\n"
        )

    def test_print_page(self, client, person):
        plan = growth.plan(person)
        response = client.get(url("plan_print", plan.pk))
        html = response.text
        assert response.status_code == 200
        assert f'<h1 id="plan-title">{plan.title}</h1>' in html
        assert html.count('<section class="goal-print"') == 5
        assert '<h2 id="discuss-heading">To discuss with my manager</h2>' in html
        assert "data-print" in html
        assert f'<a href="{url("plan", plan.pk)}">Back to editing</a>' in html
        assert "print-page" in html
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert "shared with you" not in html
