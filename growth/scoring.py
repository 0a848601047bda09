"""How ready someone is for their target level, from their ratings. Pure functions: no queries.

Each rating is worth 0 (not yet), ½ (sometimes) or 1 (consistently). Readiness for a
competency is the average over what the target level expects in it (its own expectations and
those carried up from below); overall readiness is the average over all of them.

Some expectations form a group of which only some are needed (the senior "two of three":
architecture, mentoring, project leadership). Someone rated *consistently* on at least the
group's threshold has met it, and the group's other expectations are *waived*: left out of
every average, so they never show as a gap. Below the threshold the whole group counts as usual.
"""

from dataclasses import dataclass, field

from ladder.models import Competency, Expectation, ExpectationGroup

POINTS = {0: 0.0, 1: 0.5, 2: 1.0}
STRENGTH_AT = 0.75  # readiness from here up is a strength
GAP_BELOW = 0.5  # readiness below this is a gap
STRONG = 2  # a group counts an expectation as a strength when it is rated consistently
# The verdict on the results page, from overall readiness for the target level:
READY_AT = 0.8  # ready: this much overall, and no competency left as a gap
NEARLY_AT = 0.6  # nearly: this much overall (or ready-level with a gap left)
PRIORITIES = 3  # how many competencies the summary names as mattering most


@dataclass
class CompetencyScore:
    competency: Competency
    readiness: float  # 0..1 over the target level's expectations in this competency
    expectations: int
    rated: int
    not_yet: list[Expectation] = field(default_factory=list)
    sometimes: list[Expectation] = field(default_factory=list)
    waived: list[Expectation] = field(default_factory=list)  # not needed: its group is met

    @property
    def percent(self) -> int:
        return round(self.readiness * 100)

    @property
    def missing_weight(self) -> float:
        """How much is missing here, counted in expectations (½ for each "sometimes")."""
        return (1 - self.readiness) * self.expectations

    @property
    def standing(self) -> str:
        if self.readiness >= STRENGTH_AT:
            return "strength"
        return "gap" if self.readiness < GAP_BELOW else "developing"


@dataclass(frozen=True)
class GroupScore:
    """One group of the target level: which of its expectations are strengths."""

    group: ExpectationGroup
    members: list[Expectation]
    strong: list[Expectation]  # rated consistently

    @property
    def threshold(self) -> int:
        return self.group.threshold

    @property
    def met(self) -> bool:
        return len(self.strong) >= self.threshold

    @property
    def waived(self) -> list[Expectation]:
        """What the group no longer needs once it is met."""
        return [e for e in self.members if e not in self.strong] if self.met else []

    @property
    def short_by(self) -> int:
        return max(self.threshold - len(self.strong), 0)

    @property
    def pointer(self) -> str:
        """When someone's one strength in the group says something (leadership alone: have a
        look at management or product management), that note; otherwise empty."""
        if len(self.strong) == 1 and not self.met:
            return self.strong[0].group_note
        return ""


@dataclass(frozen=True)
class Scores:
    competencies: list[CompetencyScore]
    overall: float
    groups: list[GroupScore] = field(default_factory=list)

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

    @property
    def weak(self) -> list[CompetencyScore]:
        """Gaps and developing competencies, the ones that weigh most first: what is missing
        in a competency times how many expectations it holds (ties: the lower readiness)."""
        return sorted(self.gaps + self.developing, key=lambda c: (-c.missing_weight, c.readiness))

    @property
    def priorities(self) -> list[CompetencyScore]:
        return self.weak[:PRIORITIES]

    @property
    def verdict(self) -> str:
        """ready, nearly or not-yet (see READY_AT and NEARLY_AT)."""
        if self.overall >= READY_AT and not self.gaps:
            return "ready"
        return "nearly" if self.overall >= NEARLY_AT else "not-yet"


def score(
    *,
    competencies: list[Competency],
    target_expectations: list[Expectation],
    ratings: dict[int, int],
) -> Scores:
    """`ratings` maps expectation id → 0, 1 or 2; unrated expectations count as not yet.

    Expectations carry their group (`group`, with its threshold) when they belong to one.
    A rating of None (an item left empty) counts as unrated."""
    ratings = {pk: value for pk, value in ratings.items() if value is not None}
    groups = group_scores(target_expectations=target_expectations, ratings=ratings)
    waived = {e.pk for g in groups for e in g.waived}
    counted = [e for e in target_expectations if e.pk not in waived]
    results = []
    for competency in competencies:
        expected = [e for e in counted if e.competency_id == competency.pk]
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
                waived=[
                    e
                    for e in target_expectations
                    if e.pk in waived and e.competency_id == competency.pk
                ],
            )
        )
    every = [POINTS[ratings.get(e.pk, 0)] for e in counted]
    return Scores(
        competencies=results, overall=sum(every) / len(every) if every else 0.0, groups=groups
    )


def group_scores(
    *, target_expectations: list[Expectation], ratings: dict[int, int]
) -> list[GroupScore]:
    """The groups among the target's expectations, each with the members rated consistently."""
    members: dict[int, list[Expectation]] = {}
    for e in target_expectations:
        if e.group_id is not None:
            members.setdefault(e.group_id, []).append(e)
    return [
        GroupScore(
            group=group[0].group,
            members=group,
            strong=[e for e in group if ratings.get(e.pk) == STRONG],
        )
        for group in members.values()
    ]
