"""Results, progress between two assessments and readiness on the profile
(growth/views/assessments.py, growth/panels.py)."""

import re

import pytest
from django.urls import reverse

from growth import scoring
from growth.models import Plan
from ladder.models import GrowthAction
from tests.factories import QuestionFactory, UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


MIXED = {"craft": CONSISTENTLY, "design": NOT_YET}  # the rest: sometimes


@pytest.fixture
def person(client):
    user = UserFactory(band="mid", headline="Backend Engineer")
    client.force_login(user)
    return user


def url(name: str, *args) -> str:
    return reverse(f"growth:{name}", args=args)


class TestResults:
    @pytest.fixture
    def done(self, person):
        return growth.finished(person, by_competency=MIXED)

    def test_a_draft_redirects_to_the_form(self, client, person):
        draft = growth.start(person)
        assert client.get(url("results", draft.pk)).url == url("assess", draft.pk)

    def test_headline_table_and_chart(self, client, done):
        response = client.get(url("results", done.pk))
        html = response.text
        assert response.status_code == 200
        assert "<h1>Readiness for senior engineer: 53%</h1>" in html
        assert "against ladder 2026.11.2" in html
        # The chart: an SVG image with a title and a description, then the same figures.
        svg = re.search(r'<svg viewBox="[^"]+" role="img" aria-labelledby="([^"]+)"', html)
        assert svg is not None
        assert svg.group(1) == "radar-title radar-desc"
        assert '<title id="radar-title">Readiness by competency</title>' in html
        assert 'id="radar-desc"' in html
        results = response.context["results"]
        for series in results.radar.series:
            assert f'points="{series.points}"' in html
        # Abbreviations on the spokes, spelt out in the key below the chart.
        assert 'text-anchor="start" dominant-baseline="central" font-size="15">EI</text>' in html
        assert "<div><dt>EI</dt><dd>Execution and independence</dd></div>" in html
        assert '<caption id="scores-caption">Readiness by competency</caption>' in html
        rows = re.findall(
            r'<th scope="row">([^<]+)</th>\s*<td>.*?</svg>\s*(\d+)%</td>\s*<td>(\d+)%</td>',
            html,
            re.S,
        )
        assert len(rows) == 10
        assert rows[0] == ("Technical craft", "100", "100")
        assert rows[3] == ("System design and architecture", "0", "0")
        assert rows[1] == ("Execution and independence", "50", "50")
        assert '<th scope="row">Overall</th><td>53%</td><td>53%</td>' in html

    def test_strengths_gaps_actions_and_questions(self, client, done):
        question = QuestionFactory(tags=["databases"], title="How do I get better at schemas?")
        response = client.get(url("results", done.pk))
        html = response.text
        assert "<li>Technical craft: 100%</li>" in html  # in the summary: already strong
        assert '<a href="#gap-design">System design and architecture</a> — 0%' in html
        gap = html.split('id="gap-design"')[1].split("</section>")[0]
        assert gap.count("<li>") == 8 + 1 + 1  # eight not yet, one growth action, one question
        action = GrowthAction.objects.get(
            transition__from_level__slug="mid", competency__slug="design"
        )
        assert f"<li>{action.text}</li>" in gap
        assert f'<a href="{question.get_absolute_url()}">{question.title}</a>' in gap
        assert '<a href="/questions/?competency=design">All questions about system design' in gap
        assert 'id="gap-craft"' not in html

    def test_the_summary_leads_the_page(self, client, done):
        html = client.get(url("results", done.pk)).text
        summary = html.split('<section class="panel summary')[1].split("</section>")[0]
        assert html.index('class="panel summary') < html.index('class="radar')
        assert summary.startswith(' summary--not-yet"')
        assert '<h2 id="summary-heading">Not yet ready for senior engineer</h2>' in summary
        # What matters most: what is missing times how many expectations it holds.
        priorities = re.findall(r'<li><a href="#gap-([a-z]+)">', summary)
        assert priorities == ["design", "operations", "growth"]
        assert (
            '<a href="#gap-design">System design and architecture</a>: 0% '
            '<span class="muted">(8 not yet, 0 sometimes, of 8)</span>'
        ) in summary
        assert "<li>Technical craft: 100%</li>" in summary
        # The thresholds are explained, with the numbers scoring.py uses.
        assert "<summary>How this is decided</summary>" in summary
        assert "<strong>Ready</strong> means at least 80% overall with no competency below 50%" in (
            summary
        )
        assert "<strong>nearly</strong> means at least 60% overall" in summary
        assert "Turn the gaps into a plan" in summary

    @pytest.mark.parametrize(
        ("ratings", "verdict"),
        [
            ({"value": CONSISTENTLY}, "Ready for senior engineer"),
            ({"value": CONSISTENTLY, "by_competency": {"design": NOT_YET}}, "Nearly ready"),
            ({"value": SOMETIMES}, "Not yet ready"),
        ],
    )
    def test_verdicts(self, client, person, ratings, verdict):
        done = growth.finished(person, **ratings)
        html = client.get(url("results", done.pk)).text
        assert f'<h2 id="summary-heading">{verdict}' in html

    def test_make_plan_then_open_it(self, client, done):
        page = client.get(url("results", done.pk))
        assert "Turn the gaps into a plan" in page.text
        response = client.post(url("make_plan", done.pk))
        plan = Plan.objects.get(assessment=done)
        assert response.status_code == 302
        assert response.url == url("plan", plan.pk)
        again = client.post(url("make_plan", done.pk))
        assert again.url == url("plan", plan.pk)
        assert Plan.objects.count() == 1
        assert "Open your growth plan" in client.get(url("results", done.pk)).text

    def test_make_plan_from_a_draft_is_400(self, client, person):
        draft = growth.start(person)
        response = client.post(url("make_plan", draft.pk))
        assert response.status_code == 400
        assert response.text == "Finish the assessment before making a plan from it."
        assert not Plan.objects.exists()

    def test_make_plan_only_answers_post(self, client, done):
        assert client.get(url("make_plan", done.pk)).status_code == 405


class TestCompare:
    @pytest.fixture
    def pair(self, person):
        before = growth.finished(person, value=SOMETIMES)
        after = growth.finished(person, by_competency=MIXED)
        return before, after

    def test_chart_and_table(self, client, pair):
        before, after = pair
        response = client.get(url("compare"), {"a": after.pk, "b": before.pk})
        html = response.text
        assert response.status_code == 200
        assert "<h1>Progress: 50% → 53%</h1>" in html
        assert 'role="img" aria-labelledby="bars-title"' in html
        assert html.count('<rect class="bars__after"') == 10
        assert '<rect class="bars__after" x="300.0" y="22.0" width="370.0"' in html  # craft 100%
        assert '<rect class="bars__before" x="300.0" y="10.0" width="185.0"' in html  # 50%
        assert '<caption id="change-caption">Change per competency</caption>' in html
        assert (
            '<tr><th scope="row">Technical craft</th><td>50%</td><td>100%</td>'
            '<td class="up">+50</td></tr>'
        ) in html
        assert (
            '<tr><th scope="row">System design and architecture</th><td>50%</td><td>0%</td>'
            '<td class="down">-50</td></tr>'
        ) in html
        assert '<td class="">0</td>' in html

    @pytest.mark.parametrize("query", [{"a": "x", "b": "1"}, {"a": "1"}, {}, {"a": "", "b": ""}])
    def test_not_numbers_are_400(self, client, person, query):
        response = client.get(url("compare"), query)
        assert response.status_code == 400
        assert response.text == "Choose two of your finished assessments."

    def test_a_draft_or_someone_elses_is_404(self, client, pair):
        before, _ = pair
        draft = growth.start(before.owner)
        theirs = growth.finished(UserFactory())
        for other in (draft, theirs):
            response = client.get(url("compare"), {"a": before.pk, "b": other.pk})
            assert response.status_code == 404


class TestProfile:
    def test_readiness_only_when_the_person_chooses(self, client, person):
        growth.finished(person, by_competency=MIXED)
        profile = reverse("accounts:profile", args=[person.username])
        client.logout()
        hidden = client.get(profile).text
        assert "<dt>Band</dt><dd>Mid-level</dd>" in hidden
        assert "Ready for" not in hidden
        person.show_readiness = True
        person.save(update_fields=["show_readiness"])
        shown = client.get(profile).text
        assert (
            "<dt>Ready for senior engineer</dt><dd>53% "
            '<span class="muted">(self-assessed)</span></dd>'
        ) in shown
        # Only the overall figure: nothing per competency.
        assert "System design" not in shown

    def test_nothing_without_a_finished_assessment(self, client):
        person = UserFactory(show_readiness=True)
        growth.start(person)
        response = client.get(reverse("accounts:profile", args=[person.username]))
        assert response.status_code == 200
        assert "Ready for" not in response.text


class TestTwoOfThree:
    """The senior group on the results page: two strengths of three are enough."""

    ARCH, MENTOR, LEAD = (
        "senior-design-architecture",
        "senior-mentoring-mentor",
        "senior-leadership-lead",
    )

    def test_a_strong_two_of_three_has_no_gap(self, client, person):
        done = growth.finished(person, value=CONSISTENTLY, by_key={self.LEAD: NOT_YET})
        html = client.get(url("results", done.pk)).text
        assert "<h1>Readiness for senior engineer: 100%</h1>" in html
        assert '<h2 id="summary-heading">Ready for senior engineer</h2>' in html
        assert "strong in 2 of 3</h2>" in html
        assert "<strong>Met:</strong>" in html
        assert "So these do not count against your readiness:" in html
        assert 'id="gap-leadership"' not in html
        strength = round(scoring.STRENGTH_AT * 100)
        assert (
            f"Every competency is a strength ({strength}% or more) or met through its group" in html
        )
        assert "No gaps below" not in html
        assert html.count("Each expectation counts 0 (not yet)") == 1  # said once

    def test_leadership_alone_points_to_management_or_product_management(self, client, person):
        done = growth.finished(
            person, value=CONSISTENTLY, by_key={self.ARCH: NOT_YET, self.MENTOR: NOT_YET}
        )
        html = client.get(url("results", done.pk)).text
        assert "strong in 1 of 3</h2>" in html
        assert "<strong>Not yet met:</strong>" in html
        assert "management or product management" in html
        client.post(url("make_plan", done.pk))
        plan = Plan.objects.get(assessment=done)
        assert any("management or product management" in t for t in plan.discussion_topics)

    def test_one_other_strength_has_no_pointer(self, client, person):
        done = growth.finished(
            person, value=CONSISTENTLY, by_key={self.LEAD: NOT_YET, self.MENTOR: NOT_YET}
        )
        html = client.get(url("results", done.pk)).text
        assert "strong in 1 of 3</h2>" in html
        assert "management or product management" not in html
