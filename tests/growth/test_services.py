"""Writes for self-assessments (growth/services.py): saving ratings, finishing, discarding."""

import pytest
from django.core.exceptions import ValidationError

from growth import services
from growth.models import Assessment, Rating
from growth.services import RatingInput
from ladder.models import Expectation
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestSave:
    def test_a_draft_saves_half_done(self):
        assessment = growth.start(UserFactory())
        first, second = growth.items(assessment)[:2]
        services.assessment_save(
            user=assessment.owner,
            assessment=assessment,
            ratings=[
                RatingInput(first.pk, CONSISTENTLY, "  https://example.com/design-doc  "),
                RatingInput(second.pk, NOT_YET),
            ],
        )
        assert fresh(assessment).status == Assessment.Status.DRAFT
        saved = {r.expectation_id: (r.value, r.evidence) for r in assessment.ratings.all()}
        assert saved == {
            first.pk: (CONSISTENTLY, "https://example.com/design-doc"),
            second.pk: (NOT_YET, ""),
        }

    def test_saving_again_updates_in_place(self):
        assessment = growth.start(UserFactory())
        first = growth.items(assessment)[0]
        services.assessment_save(
            user=assessment.owner, assessment=assessment, ratings=[RatingInput(first.pk, 0, "a")]
        )
        services.assessment_save(
            user=assessment.owner, assessment=assessment, ratings=[RatingInput(first.pk, 2, "b")]
        )
        assert list(assessment.ratings.values_list("value", "evidence")) == [(2, "b")]

    def test_evidence_over_500_characters_is_refused_and_nothing_is_written(self):
        assessment = growth.start(UserFactory())
        first, second = growth.items(assessment)[:2]
        with pytest.raises(ValidationError, match="at most 500 characters"):
            services.assessment_save(
                user=assessment.owner,
                assessment=assessment,
                ratings=[RatingInput(first.pk, 1, "fine"), RatingInput(second.pk, 1, "x" * 501)],
            )
        assert not assessment.ratings.exists()
        services.assessment_save(
            user=assessment.owner,
            assessment=assessment,
            ratings=[RatingInput(first.pk, 1, " " + "x" * 500 + " ")],  # trimmed, then counted
        )
        assert len(assessment.ratings.get().evidence) == 500

    def test_finishing_needs_every_expectation_and_says_how_many_are_left(self):
        assessment = growth.start(UserFactory())  # backend mid → senior: 74 to rate
        some = growth.items(assessment)[:5]
        with pytest.raises(ValidationError) as raised:
            services.assessment_save(
                user=assessment.owner,
                assessment=assessment,
                ratings=[RatingInput(e.pk, SOMETIMES) for e in some],
                finish=True,
            )
        assert raised.value.messages == ["Rate every expectation before finishing: 69 left."]
        # Nothing is written: not the ratings, not the status.
        assert not Rating.objects.filter(assessment=assessment).exists()
        assert fresh(assessment).status == Assessment.Status.DRAFT
        assert assessment.finished_at is None

    def test_finishing_counts_what_was_saved_before(self):
        assessment = growth.start(UserFactory())
        everything = growth.items(assessment)
        services.assessment_save(
            user=assessment.owner,
            assessment=assessment,
            ratings=[RatingInput(e.pk, 1) for e in everything[:60]],
        )
        with pytest.raises(ValidationError, match="13 left"):
            services.assessment_save(
                user=assessment.owner,
                assessment=assessment,
                ratings=[RatingInput(everything[60].pk, 1)],
                finish=True,
            )
        assert assessment.ratings.count() == 60
        services.assessment_save(
            user=assessment.owner,
            assessment=assessment,
            ratings=[RatingInput(e.pk, 2) for e in everything[60:]],
            finish=True,
        )
        assessment = fresh(assessment)
        assert assessment.status == Assessment.Status.FINISHED
        assert assessment.finished_at is not None
        assert assessment.ladder_version == "2026.11.2"
        assert assessment.ratings.count() == 74

    def test_a_rating_outside_the_scope_raises_and_writes_nothing(self):
        assessment = growth.start(UserFactory(), current="junior", target="mid")
        inside = growth.items(assessment)[0]
        senior_only = Expectation.objects.filter(level__slug="senior", track=None).first()
        other_track = Expectation.objects.filter(track__slug="infrastructure").first()
        for outside in (senior_only, other_track):
            with pytest.raises(ValidationError) as raised:
                services.assessment_save(
                    user=assessment.owner,
                    assessment=assessment,
                    ratings=[RatingInput(inside.pk, 2), RatingInput(outside.pk, 2)],
                )
            assert raised.value.messages == [
                "A rating is for an expectation this assessment does not cover."
            ]
        with pytest.raises(ValidationError):
            services.assessment_save(
                user=assessment.owner, assessment=assessment, ratings=[RatingInput(999_999_999, 1)]
            )
        assert not Rating.objects.filter(assessment=assessment).exists()

    @pytest.mark.parametrize("value", [3, 7, -1])
    def test_a_value_off_the_scale_raises_and_writes_nothing(self, value):
        assessment = growth.start(UserFactory())
        first, second = growth.items(assessment)[:2]
        with pytest.raises(ValidationError) as raised:
            services.assessment_save(
                user=assessment.owner,
                assessment=assessment,
                ratings=[RatingInput(first.pk, 2), RatingInput(second.pk, value)],
            )
        assert raised.value.messages == ["Ratings are not yet, sometimes or consistently."]
        assert not Rating.objects.filter(assessment=assessment).exists()

    def test_a_finished_assessment_cannot_be_saved_again(self):
        assessment = growth.finished(UserFactory(), value=SOMETIMES)
        first = growth.items(assessment)[0]
        with pytest.raises(ValidationError) as raised:
            services.assessment_save(
                user=assessment.owner, assessment=assessment, ratings=[RatingInput(first.pk, 2)]
            )
        assert raised.value.messages == [
            "This assessment is finished; start a new one to rate again."
        ]
        assert assessment.ratings.get(expectation=first).value == SOMETIMES
        with pytest.raises(ValidationError):
            services.assessment_save(
                user=assessment.owner, assessment=assessment, ratings=[], finish=True
            )


class TestDiscard:
    def test_a_draft_goes_with_its_ratings(self):
        assessment = growth.start(UserFactory())
        growth.rate_all(assessment, finish=False)
        services.assessment_discard(user=assessment.owner, assessment=assessment)
        assert not Assessment.objects.filter(pk=assessment.pk).exists()
        assert not Rating.objects.filter(assessment_id=assessment.pk).exists()

    def test_finished_assessments_are_kept(self):
        assessment = growth.finished(UserFactory())
        with pytest.raises(ValidationError) as raised:
            services.assessment_discard(user=assessment.owner, assessment=assessment)
        assert raised.value.messages == ["Finished assessments are kept."]
        assert Assessment.objects.filter(pk=assessment.pk).exists()
        assert assessment.ratings.count() == 74
