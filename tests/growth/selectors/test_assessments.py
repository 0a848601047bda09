"""One's own assessments, the rating sheet, progress and readiness
(growth/selectors/assessments.py)."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from growth import services
from growth.models import Assessment
from growth.selectors.assessments import (
    assessment_get,
    assessment_list,
    draft_for,
    latest_readiness,
    rating_sheet,
)
from growth.selectors.assessments import progress as read_progress
from growth.selectors.plans import plan_get, plan_list
from ladder.models import Competency
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


MIXED = {"craft": CONSISTENTLY, "design": NOT_YET}  # the rest: sometimes


def finished_on(owner, days_ago: int, **kwargs) -> Assessment:
    assessment = growth.finished(owner, **kwargs)
    Assessment.objects.filter(pk=assessment.pk).update(
        finished_at=timezone.now() - timedelta(days=days_ago),
        created_at=timezone.now() - timedelta(days=days_ago),
    )
    assessment.refresh_from_db()
    return assessment


class TestThroughTheOwner:
    def test_assessment_get(self):
        owner, stranger = UserFactory(), UserFactory()
        assessment = growth.start(owner)
        assert assessment_get(owner=owner, pk=assessment.pk) == assessment
        with pytest.raises(Http404):
            assessment_get(owner=stranger, pk=assessment.pk)
        with pytest.raises(Http404):
            assessment_get(owner=owner, pk=assessment.pk + 1000)

    def test_assessment_list_is_ones_own_newest_first(self):
        owner = UserFactory()
        old = finished_on(owner, 30)
        new = finished_on(owner, 2)
        draft = growth.start(owner)
        growth.finished(UserFactory())
        assert assessment_list(owner=owner) == [draft, new, old]

    def test_draft_for(self):
        owner = UserFactory()
        assert draft_for(owner=owner) is None
        growth.finished(owner)
        assert draft_for(owner=owner) is None
        draft = growth.start(owner)
        assert draft_for(owner=owner) == draft
        assert draft_for(owner=UserFactory()) is None

    def test_plan_get_and_list(self):
        owner, stranger = UserFactory(), UserFactory()
        plan = growth.plan(owner)
        growth.plan(stranger)
        assert plan_get(owner=owner, pk=plan.pk) == plan
        assert plan_list(owner=owner) == [plan]
        with pytest.raises(Http404):
            plan_get(owner=stranger, pk=plan.pk)


class TestRatingSheet:
    def test_grouped_by_competency_with_saved_ratings(self):
        assessment = growth.start(UserFactory())
        first = growth.items(assessment)[0]
        services.assessment_save(
            user=assessment.owner,
            assessment=assessment,
            ratings=[services.RatingInput(first.pk, 2, "my RFC")],
        )
        sheet = rating_sheet(assessment=assessment)
        assert [block.competency.slug for block in sheet] == list(
            Competency.objects.order_by("order").values_list("slug", flat=True)
        )
        assert sum(len(block.items) for block in sheet) == 74
        assert [len(block.items) for block in sheet] == [15, 6, 6, 10, 9, 7, 5, 5, 4, 7]
        expectation, rating = sheet[0].items[0]
        assert expectation == first
        assert (rating.value, rating.evidence) == (2, "my RFC")
        assert all(rating is None for block in sheet for _, rating in block.items[1:])


class TestProgress:
    def test_earlier_first_whatever_the_order_given(self):
        owner = UserFactory()
        before = finished_on(owner, 60, value=SOMETIMES)
        after = finished_on(owner, 1, by_competency=MIXED)
        for a, b in ((before, after), (after, before)):
            progress = read_progress(owner=owner, earlier_pk=a.pk, later_pk=b.pk)
            assert (progress.earlier, progress.later) == (before, after)
            assert (progress.overall_before, progress.overall_after) == (50, 53)
            rows = {c.slug: (b, a, change) for c, b, a, change in progress.rows}
            assert len(rows) == 10
            assert rows["craft"] == (50, 100, 50)
            assert rows["design"] == (50, 0, -50)
            assert rows["delivery"] == (50, 50, 0)
            bars = {bar.label: bar for bar in progress.chart.bars}
            craft = bars["Technical craft"]
            assert (craft.before_width, craft.after_width, craft.change) == (185.0, 370.0, 50)
            assert bars["System design and architecture"].after_width == 0.0

    def test_assessments_against_different_targets(self):
        owner = UserFactory()
        junior = finished_on(owner, 400, current="junior", target="mid", value=CONSISTENTLY)
        mid = finished_on(owner, 3, value=NOT_YET)
        progress = read_progress(owner=owner, earlier_pk=mid.pk, later_pk=junior.pk)
        assert progress.earlier == junior
        assert (progress.overall_before, progress.overall_after) == (100, 0)
        assert {change for *_, change in progress.rows} == {-100}

    def test_drafts_and_other_peoples_are_404(self):
        owner = UserFactory()
        done = growth.finished(owner)
        draft = growth.start(owner)
        theirs = growth.finished(UserFactory())
        for other in (draft, theirs):
            with pytest.raises(Http404):
                read_progress(owner=owner, earlier_pk=done.pk, later_pk=other.pk)


class TestLatestReadiness:
    def test_none_without_a_finished_assessment(self):
        person = UserFactory()
        assert latest_readiness(person=person) is None
        growth.start(person)
        assert latest_readiness(person=person) is None

    def test_the_latest_finished_one(self, ladder):
        person = UserFactory()
        finished_on(person, 100, current="junior", target="mid", value=CONSISTENTLY)
        finished_on(person, 5, by_competency=MIXED)
        finished_on(UserFactory(), 1, value=NOT_YET)
        growth.start(person)
        assert latest_readiness(person=person) == (53, ladder["senior"])
