"""Starting an assessment (growth/services.py: assessment_start), and the database's own rules."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.rules import ActionNotAllowed
from growth.models import Assessment, Rating
from growth.services import assessment_start
from ladder.models import Level, Track
from moderation.services.people import user_suspend
from tests.factories import UserFactory, superuser
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


class TestStart:
    def test_starts_a_draft(self, ladder):
        person = UserFactory()
        assessment = growth.start(person, current="junior", target="mid")
        assert assessment.owner == person
        assert assessment.status == Assessment.Status.DRAFT
        assert (assessment.current_level, assessment.target_level) == (
            ladder["junior"],
            ladder["mid"],
        )
        assert assessment.track.slug == "backend"
        assert assessment.finished_at is None
        assert assessment.ladder_version == ""

    def test_a_second_start_returns_the_draft_in_progress(self):
        person = UserFactory()
        first = growth.start(person)
        again = growth.start(person, track="infrastructure", current="junior", target="mid")
        assert again.pk == first.pk
        assert again.track.slug == "backend"  # the draft as it was
        assert Assessment.objects.filter(owner=person).count() == 1

    def test_after_finishing_a_new_draft_can_start(self):
        person = UserFactory()
        done = growth.finished(person)
        new = growth.start(person)
        assert new.pk != done.pk
        assert list(Assessment.objects.filter(owner=person).values_list("status", flat=True)) == [
            "draft",
            "finished",
        ]

    def test_drafts_of_different_people_are_independent(self):
        one, two = growth.start(UserFactory()), growth.start(UserFactory())
        assert one.pk != two.pk


class TestWhoAndWhat:
    """The service's own rules: the form only parses the choice (growth/forms.py)."""

    def test_a_target_below_the_current_level_is_refused(self, ladder):
        person = UserFactory()
        with pytest.raises(ValidationError) as refused:
            growth.start(person, current="senior", target="mid")
        assert refused.value.message_dict == {"target": ["Aim at your level or one above it."]}
        assert not Assessment.objects.exists()

    def test_the_same_level_checks_consistency(self, ladder):
        assessment = growth.start(UserFactory(), current="mid", target="mid")
        assert assessment.current_level == assessment.target_level == ladder["mid"]

    @pytest.mark.parametrize("who", ["nobody", "an inactive person"])
    def test_only_someone_signed_in_starts_one(self, ladder, who):
        person = AnonymousUser() if who == "nobody" else UserFactory(is_active=False)
        with pytest.raises(ActionNotAllowed, match="Log in to assess yourself"):
            assessment_start(
                owner=person,
                track=Track.objects.get(slug="backend"),
                current=Level.objects.get(slug="mid"),
                target=Level.objects.get(slug="senior"),
            )
        assert not Assessment.objects.exists()

    def test_a_suspension_does_not_stop_a_self_assessment(self):
        person = UserFactory()
        user_suspend(moderator=superuser(), user=person, days=3, reason="Cooling off")
        assert growth.start(person).owner == person


class TestConstraints:
    def test_the_database_allows_one_draft_per_person(self, ladder):
        person = UserFactory()
        track = growth.start(person).track
        with pytest.raises(IntegrityError), transaction.atomic():
            Assessment.objects.create(
                owner=person, track=track, current_level=ladder["mid"], target_level=ladder["mid"]
            )
        assert Assessment.objects.filter(owner=person).count() == 1

    def test_finished_ones_are_not_limited(self, ladder):
        person = UserFactory()
        for _ in range(3):
            growth.finished(person, value=SOMETIMES)
        assert Assessment.objects.filter(owner=person, status="finished").count() == 3

    def test_finished_needs_a_date_and_a_draft_has_none(self, ladder):
        person = UserFactory()
        track = growth.start(UserFactory()).track
        with pytest.raises(IntegrityError), transaction.atomic():
            Assessment.objects.create(
                owner=person,
                track=track,
                current_level=ladder["mid"],
                target_level=ladder["senior"],
                status="finished",
            )
        with pytest.raises(IntegrityError), transaction.atomic():
            Assessment.objects.create(
                owner=person,
                track=track,
                current_level=ladder["mid"],
                target_level=ladder["senior"],
                finished_at=timezone.now(),
            )

    def test_ratings_on_the_scale_and_once_per_expectation(self):
        assessment = growth.start(UserFactory())
        expectation = growth.items(assessment)[0]
        with pytest.raises(IntegrityError), transaction.atomic():
            Rating.objects.create(assessment=assessment, expectation=expectation, value=3)
        Rating.objects.create(assessment=assessment, expectation=expectation, value=2)
        with pytest.raises(IntegrityError), transaction.atomic():
            Rating.objects.create(assessment=assessment, expectation=expectation, value=1)
