"""How ready someone is for their target level, from their ratings. Pure functions: no queries.

Each rating is worth 0 (not yet), ½ (sometimes) or 1 (consistently). Readiness for a
competency is the average over what the target level expects in it (its own expectations and
those carried up from below); overall readiness is the average over all of them.
"""

from dataclasses import dataclass, field

from ladder.models import Competency, Expectation

POINTS = {0: 0.0, 1: 0.5, 2: 1.0}
STRENGTH_AT = 0.75  # readiness from here up is a strength
GAP_BELOW = 0.5  # readiness below this is a gap


@dataclass
class CompetencyScore:
    competency: Competency
    readiness: float  # 0..1 over the target level's expectations in this competency
    expectations: int
    rated: int
    not_yet: list[Expectation] = field(default_factory=list)
    sometimes: list[Expectation] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(self.readiness * 100)

    @property
    def standing(self) -> str:
        if self.readiness >= STRENGTH_AT:
            return "strength"
        return "gap" if self.readiness < GAP_BELOW else "developing"


@dataclass(frozen=True)
class Scores:
    competencies: list[CompetencyScore]
    overall: float

    @property
    def percent(self) -> int:
        return round(self.overall * 100)

    @property
    def strengths(self) -> list[CompetencyScore]:
        return sorted(
            (c for c in self.competencies if c.standing == "strength"),
            key=lambda c: -c.readiness,
        )

    @property
    def gaps(self) -> list[CompetencyScore]:
        return sorted(
            (c for c in self.competencies if c.standing == "gap"), key=lambda c: c.readiness
        )

    @property
    def developing(self) -> list[CompetencyScore]:
        return sorted(
            (c for c in self.competencies if c.standing == "developing"), key=lambda c: c.readiness
        )


def score(
    *,
    competencies: list[Competency],
    target_expectations: list[Expectation],
    ratings: dict[int, int],
) -> Scores:
    """`ratings` maps expectation id → 0, 1 or 2; unrated expectations count as not yet."""
    results = []
    for competency in competencies:
        expected = [e for e in target_expectations if e.competency_id == competency.pk]
        if not expected:
            continue
        points = [POINTS[ratings.get(e.pk, 0)] for e in expected]
        results.append(
            CompetencyScore(
                competency=competency,
                readiness=sum(points) / len(points),
                expectations=len(expected),
                rated=sum(1 for e in expected if e.pk in ratings),
                not_yet=[e for e in expected if ratings.get(e.pk, 0) == 0],
                sometimes=[e for e in expected if ratings.get(e.pk) == 1],
            )
        )
    every = [POINTS[ratings.get(e.pk, 0)] for e in target_expectations]
    return Scores(competencies=results, overall=sum(every) / len(every) if every else 0.0)
