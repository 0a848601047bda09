"""Saving an assessment a step at a time, evidence without a rating, and starting again from the
previous answers (growth/services.py: assessment_save, assessment_finish, assessment_start)."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from growth import services
from growth.models import Assessment, Rating
from growth.selectors.assessments import assessment_scores, step_of
from growth.selectors.personal import personal_data
from growth.services import RatingInput
from ladder.models import Competency
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


def fresh(obj):
    obj.refresh_from_db()
    return obj


def save(assessment, ratings, **kwargs):
    return services.assessment_save(
        user=assessment.owner, assessment=assessment, ratings=ratings, **kwargs
    )


class TestEvidenceWithoutARating:
    def test_is_kept_as_not_rated(self):
        assessment = growth.start(UserFactory())
        first = growth.items(assessment)[0]
        save(assessment, [RatingInput(first.pk, None, "  The payments refactor \x00 ")])
        rating = assessment.ratings.get()
        assert (rating.value, rating.evidence, rating.is_rated) == (
            None,
            "The payments refactor",
            False,
        )

    def test_an_empty_answer_keeps_nothing(self):
        assessment = growth.start(UserFactory())
        first = growth.items(assessment)[0]
        save(assessment, [RatingInput(first.pk, None, "A note")])
        save(assessment, [RatingInput(first.pk, None, "   ")])
        assert not assessment.ratings.exists()

    def test_no_rating_sent_keeps_one_saved_from_another_tab(self):
        """A stale tab shows the item unrated; its submit sends evidence only. The steps cannot
        clear a rating, so the one saved meanwhile stays; the evidence is what was sent."""
        assessment = growth.start(UserFactory())
        first = growth.items(assessment)[0]
        save(assessment, [RatingInput(first.pk, CONSISTENTLY, "A note")])
        save(assessment, [RatingInput(first.pk, None, "A note, longer")])
        assert list(assessment.ratings.values_list("value", "evidence")) == [
            (CONSISTENTLY, "A note, longer")
        ]
        save(assessment, [RatingInput(first.pk, None, "")])
        assert list(assessment.ratings.values_list("value", "evidence")) == [(CONSISTENTLY, "")]

    def test_a_save_from_a_stale_copy_cannot_reopen_a_finished_assessment(self):
        assessment = growth.start(UserFactory())
        stale = Assessment.objects.get(pk=assessment.pk)  # the second tab's copy: a draft
        growth.rate_all(assessment, finish=False)
        services.assessment_finish(user=assessment.owner, assessment=assessment)
        with pytest.raises(ValidationError, match="finished"):
            save(stale, [RatingInput(growth.items(stale)[0].pk, SOMETIMES)])
        with pytest.raises(ValidationError, match="finished"):
            services.assessment_finish(user=stale.owner, assessment=stale)
        assessment.refresh_from_db()
        assert assessment.status == Assessment.Status.FINISHED
        assert assessment.finished_at is not None

    def test_counts_as_unrated_when_finishing(self):
        assessment = growth.start(UserFactory())
        first, *rest = growth.items(assessment)
        save(assessment, [RatingInput(e.pk, SOMETIMES) for e in rest])
        save(assessment, [RatingInput(first.pk, None, "Evidence only")])
        with pytest.raises(ValidationError) as refused:
            services.assessment_finish(user=assessment.owner, assessment=assessment)
        assert refused.value.messages == ["Rate every expectation before finishing: 1 left."]
        assert fresh(assessment).status == Assessment.Status.DRAFT
        save(assessment, [RatingInput(first.pk, NOT_YET, "Evidence only")])
        services.assessment_finish(user=assessment.owner, assessment=assessment)
        assert fresh(assessment).status == Assessment.Status.FINISHED

    def test_counts_as_not_yet_in_the_scores(self):
        """A null never reaches the scoring: readiness is what it would be without the row."""
        one, two = growth.start(UserFactory()), growth.start(UserFactory())
        items = growth.items(one)
        for assessment in (one, two):
            save(assessment, [RatingInput(e.pk, CONSISTENTLY) for e in items[1:]])
        save(one, [RatingInput(items[0].pk, None, "Only a note")])
        assert assessment_scores(one)[0] == assessment_scores(two)[0]
        assert assessment_scores(one)[0].percent < 100

    def test_is_in_the_export_without_a_rating(self):
        assessment = growth.start(UserFactory())
        first = growth.items(assessment)[0]
        save(assessment, [RatingInput(first.pk, None, "Only a note")])
        [exported] = personal_data(owner=assessment.owner)["assessments"][0]["ratings"]
        assert (exported["rating"], exported["evidence"], exported["carried_from"]) == (
            None,
            "Only a note",
            None,
        )

    def test_the_database_takes_an_empty_value_but_nothing_off_the_scale(self):
        assessment = growth.start(UserFactory())
        first, second = growth.items(assessment)[:2]
        Rating.objects.create(assessment=assessment, expectation=first, value=None)
        with pytest.raises(IntegrityError), transaction.atomic():
            Rating.objects.create(assessment=assessment, expectation=second, value=3)


class TestOneStep:
    def test_a_step_saves_only_its_own_competency(self):
        assessment = growth.start(UserFactory())
        craft = Competency.objects.get(slug="craft")
        items = growth.items(assessment)
        mine = [e for e in items if e.competency_id == craft.pk]
        other = next(e for e in items if e.competency_id != craft.pk)
        with pytest.raises(ValidationError, match="does not cover"):
            save(
                assessment,
                [RatingInput(mine[0].pk, 2), RatingInput(other.pk, 2)],
                competency=craft,
            )
        assert not assessment.ratings.exists()  # not even the one of this step
        save(assessment, [RatingInput(e.pk, 2) for e in mine], competency=craft)
        assert assessment.ratings.count() == len(mine)

    def test_the_step_tells_where_the_whole_stands(self):
        assessment = growth.start(UserFactory())
        items = growth.items(assessment)
        save(assessment, [RatingInput(e.pk, 1) for e in items if e.competency.slug == "craft"])
        step = step_of(assessment=assessment)
        assert step.competency.slug == "delivery"  # the first with something to rate
        assert (step.number, step.count) == (2, 10)
        assert (step.competencies_done, step.rated, step.total) == (1, 15, 74)
        assert step.previous.slug == "craft"
        assert step.next.slug == "proactivity"
        assert step_of(assessment=assessment, slug="growth").next is None


class TestStartingAgain:
    def earlier(self, person, **kwargs):
        done = growth.finished(person, **kwargs)
        done.finished_at = datetime(2026, 3, 3, 12, tzinfo=UTC)
        done.save(update_fields=["finished_at"])
        first = growth.items(done)[0]
        done.ratings.filter(expectation=first).update(evidence="PR #42")
        return done

    def test_a_new_draft_starts_from_the_last_answers_marked_with_their_date(self):
        person = UserFactory()
        self.earlier(person, by_competency={"craft": CONSISTENTLY, "design": NOT_YET})
        draft = growth.start(person)
        ratings = {r.expectation.competency.slug: r for r in draft.ratings.all()}
        assert draft.ratings.count() == 74
        assert ratings["craft"].value == CONSISTENTLY
        assert ratings["design"].value == NOT_YET
        assert {str(r.carried_from) for r in draft.ratings.all()} == {"2026-03-03"}
        first = growth.items(draft)[0]
        assert draft.ratings.get(expectation=first).evidence == "PR #42"
        step = step_of(assessment=draft)
        assert (step.rated, step.unrated, step.carried) == (74, 0, 74)
        assert str(step.carried_from) == "2026-03-03"

    def test_confirming_or_changing_an_answer_clears_its_mark(self):
        person = UserFactory()
        self.earlier(person, value=SOMETIMES)
        draft = growth.start(person)
        first, second = growth.items(draft)[:2]
        save(draft, [RatingInput(first.pk, SOMETIMES), RatingInput(second.pk, CONSISTENTLY)])
        marks = dict(draft.ratings.values_list("expectation_id", "carried_from"))
        assert (marks[first.pk], marks[second.pk]) == (None, None)
        step = step_of(assessment=draft)
        assert step.carried == 72
        assert (step.confirmed, step.competencies_done) == (2, 0)  # the bar counts confirmed
        # Resuming goes to the first step with answers still to check, not back to step 1.
        save(
            draft,
            [
                RatingInput(e.pk, SOMETIMES)
                for e in growth.items(draft)
                if e.competency_id == first.competency_id
            ],
        )
        resumed = step_of(assessment=draft)
        assert resumed.index == 1
        assert resumed.competencies_done == 1
        # Carried answers count as answered: the draft can be finished as it stands.
        services.assessment_finish(user=person, assessment=draft)
        assert fresh(draft).status == Assessment.Status.FINISHED

    def test_only_what_the_new_assessment_covers_and_only_the_same_track(self):
        person = UserFactory()
        self.earlier(person, current="junior", target="mid")
        draft = growth.start(person, current="mid", target="senior")
        covered = {e.pk for e in growth.items(draft)}
        carried = set(draft.ratings.values_list("expectation_id", flat=True))
        assert carried
        assert carried < covered
        services.assessment_discard(user=person, assessment=draft)
        other_track = growth.start(person, track="infrastructure", current="junior", target="mid")
        assert not other_track.ratings.exists()

    def test_the_latest_finished_one_is_the_one_copied(self):
        person = UserFactory()
        self.earlier(person, value=NOT_YET)
        growth.finished(person, value=CONSISTENTLY)  # starts from the first, then rates again
        draft = growth.start(person)
        assert set(draft.ratings.values_list("value", flat=True)) == {CONSISTENTLY}

    def test_a_first_assessment_starts_empty_and_a_second_start_copies_nothing_more(self):
        person = UserFactory()
        draft = growth.start(person)
        assert not draft.ratings.exists()
        self.earlier(UserFactory())  # someone else's answers are never copied
        assert not growth.start(person).ratings.exists()

    def test_the_marks_are_in_the_export(self):
        person = UserFactory()
        self.earlier(person)
        growth.start(person)
        exported = personal_data(owner=person)["assessments"]
        draft = next(a for a in exported if a["status"] == "draft")
        assert {str(r["carried_from"]) for r in draft["ratings"]} == {"2026-03-03"}

    def test_erasing_ones_data_takes_the_copies_too(self):
        person = UserFactory()
        self.earlier(person)
        growth.start(person)
        services.personal_data_erase(owner=person)
        assert not Rating.objects.exists()
        assert not Assessment.objects.exists()
