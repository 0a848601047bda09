"""Assessments and plans, made through the growth services."""

from growth import selectors, services
from growth.models import Assessment, Rating
from ladder.models import Level, Track


def start(owner, *, track="backend", current="mid", target="senior") -> Assessment:
    return services.assessment_start(
        owner=owner,
        track=Track.objects.get(slug=track),
        current=Level.objects.get(slug=current),
        target=Level.objects.get(slug=target),
    )


def rate_all(assessment: Assessment, value=None, *, finish=True, by_competency=None):
    """Rate every expectation: `value`, or by_competency[slug] (default: sometimes)."""
    items = selectors.scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    ).items
    ratings = []
    for expectation in items:
        chosen = (by_competency or {}).get(expectation.competency.slug, value)
        ratings.append(
            services.RatingInput(
                expectation.pk, Rating.Value.SOMETIMES if chosen is None else chosen
            )
        )
    return services.assessment_save(assessment=assessment, ratings=ratings, finish=finish)


def finished(owner, **kwargs) -> Assessment:
    by_competency = kwargs.pop("by_competency", None)
    value = kwargs.pop("value", None)
    return rate_all(start(owner, **kwargs), value, by_competency=by_competency)
