"""An assessment's results: readiness per competency, the radar chart, and for each gap the
ladder's growth actions and forum questions about it."""

from dataclasses import dataclass

from forum.models import Question
from growth import charts, scoring
from growth.models import Assessment
from growth.scoring import CompetencyScore, Scores
from growth.selectors.assessments import assessment_scores
from ladder.models import Competency, GrowthAction, Level, Track, Transition


@dataclass(frozen=True)
class Gap:
    score: CompetencyScore
    actions: list[GrowthAction]
    questions: list[Question]


@dataclass(frozen=True)
class Results:
    assessment: Assessment
    scores: Scores
    current_scores: Scores
    radar: charts.Radar
    gaps: list[Gap]

    @property
    def verdict(self) -> str:
        return self.scores.verdict

    @property
    def thresholds(self) -> dict[str, int]:
        """The verdict's and the standings' limits, in percent, to explain them on the page."""
        return {
            "ready": round(scoring.READY_AT * 100),
            "nearly": round(scoring.NEARLY_AT * 100),
            "strength": round(scoring.STRENGTH_AT * 100),
            "gap": round(scoring.GAP_BELOW * 100),
        }

    @property
    def rows(self) -> list[tuple[CompetencyScore, int | None]]:
        """Each competency's target score with the current level's percent beside it."""
        now = {c.competency.pk: c.percent for c in self.current_scores.competencies}
        return [(c, now.get(c.competency.pk)) for c in self.scores.competencies]


def growth_actions(
    *, current: Level, target: Level, track: Track | None = None
) -> list[GrowthAction]:
    """The ladder's growth actions for the steps between the two levels. Given a track, an
    action written for another one ("On the infrastructure track, ...") is left out: the
    ladder's actions have no track of their own, so their words say it."""
    low, high = sorted((current.order, target.order))
    actions = (
        GrowthAction.objects.filter(
            transition__from_level__order__gte=low, transition__to_level__order__lte=high
        )
        .select_related("competency")
        .order_by("transition__from_level__order", "order")
    )
    if track is not None:
        for other in Track.objects.exclude(pk=track.pk).values_list("slug", flat=True):
            actions = actions.exclude(text__icontains=f"{other} track")
    return list(actions)


def transition_for(*, current: Level, target: Level) -> Transition | None:
    """The ladder's step into the target level (None when aiming at one's own level)."""
    if target.order <= current.order:
        return None
    return Transition.objects.filter(to_level=target).first()


def questions_about(*, competencies: list[Competency], per_competency: int = 3):
    """Forum questions tagged with each competency's topics, best first."""
    tags = {tag for c in competencies for tag in c.tags}
    if not tags:
        return {}
    questions = list(
        Question.objects.visible()
        .filter(tags__slug__in=tags)
        .distinct()
        .prefetch_related("tags")
        .order_by("-score", "-created_at")[:100]
    )
    found = {}
    for competency in competencies:
        mine = [q for q in questions if set(competency.tags) & {t.slug for t in q.tags.all()}]
        found[competency.pk] = mine[:per_competency]
    return found


def results(*, assessment: Assessment) -> Results:
    scores, now = assessment_scores(assessment)
    labels = [c.competency.name for c in scores.competencies]
    current_by_competency = {c.competency.pk: c.readiness for c in now.competencies}
    radar = charts.radar(
        labels,
        [
            (
                f"Ready for {assessment.target_level.name.lower()}",
                [c.readiness for c in scores.competencies],
            ),
            (
                f"Meets {assessment.current_level.name.lower()} (now)",
                [current_by_competency.get(c.competency.pk, 0.0) for c in scores.competencies],
            ),
        ],
    )
    weak = scores.weak
    actions = growth_actions(
        current=assessment.current_level, target=assessment.target_level, track=assessment.track
    )
    questions = questions_about(competencies=[g.competency for g in weak])
    gaps = [
        Gap(
            score=gap,
            actions=[a for a in actions if a.competency_id == gap.competency.pk],
            questions=questions.get(gap.competency.pk, []),
        )
        for gap in weak
    ]
    return Results(assessment, scores, now, radar, gaps)
