"""A plan as Markdown and as a page to print (growth/views/plans.py, growth/export.py)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

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
                    why="Design is half the step.",
                    support="Priya, staff engineer",
                    evidence="RFC links",
                    target_date=date(2026, 9, 30),
                    done=True,
                    competency=first.competency,
                    goal_id=first.pk,
                ),
                GoalInput(title="Mentor the new joiner"),
            ],
            remove=plan.goals.exclude(pk=first.pk).values_list("pk", flat=True),
        )
        drafted, reviewed = first.actions.all()
        services.plan_action_update(
            user=person, action=drafted, text="Draft the RFC", due=date(2026, 8, 1)
        )
        services.plan_action_update(user=person, action=reviewed, text="Ask for review", due=None)
        services.plan_action_toggle(user=person, action=drafted, done=True)
        mentor = plan.goals.get(title="Mentor the new joiner")
        services.plan_action_add(user=person, goal=mentor, text="Pair weekly")
        response = client.get(url("plan_markdown", plan.pk))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/markdown; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="growth-plan-{plan.pk}.md"'
        finished = plan.assessment.finished_at
        today = timezone.localdate()
        assert response.content.decode() == (
            "# Senior by autumn\n"
            "\n"
            "From **Mid-level engineer** to **Senior engineer** (Backend track), "
            f"assessed on {finished.day} {finished:%B %Y}.\n"
            "\n"
            "Progress: 1 of 3 actions done.\n"
            "\n"
            "## Write two design docs (reached)\n"
            "\n"
            "By 30 September 2026 · 1 of 2 actions done.\n"
            "\n"
            "Design is half the step.\n"
            "\n"
            "Actions:\n"
            "\n"
            f"- [x] Draft the RFC (done {today.day} {today:%B %Y})\n"
            "- [ ] Ask for review\n"
            "\n"
            "Who can help:\n"
            "\n"
            "- Priya, staff engineer\n"
            "- Questions others asked about system design and architecture: "
            "http://testserver/questions/?competency=design\n"
            "\n"
            "Evidence to collect:\n"
            "\n"
            "- RFC links\n"
            "\n"
            "## Mentor the new joiner\n"
            "\n"
            "0 of 1 action done.\n"
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

    def test_markdown_of_a_generated_plan_has_due_dates_and_helpers(self, client, person):
        plan = growth.plan(person)
        text = client.get(url("plan_markdown", plan.pk)).content.decode()
        assert "Progress: 0 of 10 actions done." in text
        assert text.count("- [ ] ") == 10
        assert text.count("(due ") == 10
        assert text.count("Who can help:") == 5
        assert "Work towards" not in text

    def test_print_page(self, client, person):
        plan = growth.plan(person)
        response = client.get(url("plan_print", plan.pk))
        html = response.text
        assert response.status_code == 200
        assert f'<h1 id="plan-title">{plan.title}</h1>' in html
        assert html.count('<section class="goal-print"') == 5
        assert html.count('<ul class="checklist">') == 5
        assert "0 of 10 actions done" in html
        assert html.count("<h3>Who can help</h3>") == 5
        assert '<h2 id="discuss-heading">To discuss with my manager</h2>' in html
        assert "data-print" in html
        assert f'<a href="{url("plan", plan.pk)}">Back to editing</a>' in html
        assert "print-page" in html
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert "shared with you" not in html
