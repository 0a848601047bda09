"""Assessments: one's own, what each rates, the scores they give, progress between two."""

from dataclasses import dataclass, field

from django.http import Http404

from accounts.models import User
from growth import charts
from growth.models import Assessment, Rating
from growth.scoring import Scores, score
from ladder.models import Competency, Expectation, Level, Track
from ladder.selectors.levels import expectations_upto, in_force


def assessment_get(*, owner: User, pk: int) -> Assessment:
    found = (
        Assessment.objects.filter(owner=owner, pk=pk)
        .select_related("track", "current_level", "target_level", "plan")
        .first()
    )
    if found is None:
        raise Http404("There is no such assessment among yours.")
    return found


def assessment_list(*, owner: User) -> list[Assessment]:
    return list(
        Assessment.objects.filter(owner=owner)
        .select_related("track", "current_level", "target_level")
        .prefetch_related("plan")
        .order_by("-created_at")
    )


def draft_for(*, owner: User) -> Assessment | None:
    return (
        Assessment.objects.filter(owner=owner, status=Assessment.Status.DRAFT)
        .select_related("current_level", "target_level")
        .first()
    )


@dataclass(frozen=True)
class Scope:
    """What one assessment rates: the target level's expectations, plus the current level's."""

    target: list[Expectation]  # in force at the target level: these make readiness
    current: list[Expectation]  # in force at the current level
    items: list[Expectation]  # everything to rate, in display order

    @property
    def ids(self) -> set[int]:
        return {e.pk for e in self.items}


def scope(*, track: Track, current: Level, target: Level) -> Scope:
    upto = max((current, target), key=lambda level: level.order)
    expectations = expectations_upto(track=track, level=upto)
    at_target = in_force(expectations, target)
    at_current = in_force(expectations, current)
    chosen = {e.pk: e for e in at_target}
    chosen.update({e.pk: e for e in expectations if e.level_id == current.pk})
    items = sorted(
        chosen.values(), key=lambda e: (e.competency.order, e.level.order, e.order, e.pk)
    )
    return Scope(target=at_target, current=at_current, items=items)


@dataclass
class CompetencyForm:
    competency: Competency
    items: list[tuple[Expectation, Rating | None]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def rated(self) -> int:
        return sum(1 for _, rating in self.items if rating is not None and rating.is_rated)

    @property
    def unrated(self) -> int:
        return self.total - self.rated

    @property
    def carried(self) -> int:
        return sum(1 for _, rating in self.items if rating is not None and rating.carried_from)

    @property
    def first_unrated(self) -> Expectation | None:
        return next((e for e, r in self.items if r is None or not r.is_rated), None)


def rating_sheet(*, assessment: Assessment, submitted: list | None = None) -> list[CompetencyForm]:
    """The assessment as a form: per competency, each expectation with its rating — the saved
    one, or what was just submitted when that could not be saved (so no choice is lost).
    Expectations come with their level, track and sources: no query per expectation."""
    chosen = scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    )
    saved = {r.expectation_id: r for r in assessment.ratings.all()}
    for entry in submitted or []:
        saved[entry.expectation_id] = Rating(
            expectation_id=entry.expectation_id, value=entry.value, evidence=entry.evidence
        )
    sheet: dict[int, CompetencyForm] = {}
    for expectation in chosen.items:
        block = sheet.setdefault(
            expectation.competency_id, CompetencyForm(competency=expectation.competency)
        )
        block.items.append((expectation, saved.get(expectation.pk)))
    return list(sheet.values())


@dataclass(frozen=True)
class Step:
    """One competency of an assessment as a step of the form, with where the whole stands."""

    assessment: Assessment
    sheet: list[CompetencyForm]
    index: int  # 0-based position of this step

    @property
    def block(self) -> CompetencyForm:
        return self.sheet[self.index]

    @property
    def competency(self) -> Competency:
        return self.block.competency

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def count(self) -> int:
        return len(self.sheet)

    @property
    def previous(self) -> Competency | None:
        return self.sheet[self.index - 1].competency if self.index > 0 else None

    @property
    def next(self) -> Competency | None:
        return self.sheet[self.index + 1].competency if self.index + 1 < self.count else None

    @property
    def competencies_done(self) -> int:
        """Steps with every answer given and confirmed (none left from an earlier assessment)."""
        return sum(1 for block in self.sheet if not block.unrated and not block.carried)

    @property
    def total(self) -> int:
        return sum(block.total for block in self.sheet)

    @property
    def rated(self) -> int:
        return sum(block.rated for block in self.sheet)

    @property
    def unrated(self) -> int:
        return self.total - self.rated

    @property
    def carried(self) -> int:
        return sum(block.carried for block in self.sheet)

    @property
    def confirmed(self) -> int:
        """Rated in this assessment: what the progress bar fills with."""
        return self.rated - self.carried

    @property
    def carried_from(self):
        """The date the carried answers come from (one earlier assessment), if any are left."""
        return next(
            (r.carried_from for b in self.sheet for _, r in b.items if r and r.carried_from),
            None,
        )

    @property
    def first_unrated_step(self) -> CompetencyForm | None:
        return next((block for block in self.sheet if block.unrated), None)


def step_of(*, assessment: Assessment, slug: str | None = None, submitted=None) -> Step:
    """The step of competency `slug` (404 when the assessment has no such step); with no slug,
    the first step with unrated expectations, else the first with answers carried over from an
    earlier assessment to check, else the first step."""
    sheet = rating_sheet(assessment=assessment, submitted=submitted)
    if not sheet:
        raise Http404("This assessment has nothing to rate.")
    slugs = [block.competency.slug for block in sheet]
    if slug is None:  # where to resume: the first step with anything to rate, then to check
        first = next(
            (i for i, block in enumerate(sheet) if block.unrated),
            next((i for i, block in enumerate(sheet) if block.carried), 0),
        )
        return Step(assessment, sheet, first)
    if slug not in slugs:
        raise Http404("This assessment has no such step.")
    return Step(assessment, sheet, slugs.index(slug))


def assessment_scores(assessment: Assessment) -> tuple[Scores, Scores]:
    chosen = scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    )
    ratings = dict(
        assessment.ratings.filter(value__isnull=False).values_list("expectation_id", "value")
    )
    competencies = list(Competency.objects.order_by("order"))
    return (
        score(competencies=competencies, target_expectations=chosen.target, ratings=ratings),
        score(competencies=competencies, target_expectations=chosen.current, ratings=ratings),
    )


@dataclass(frozen=True)
class Progress:
    earlier: Assessment
    later: Assessment
    rows: list[tuple[Competency, int, int, int]]  # competency, before %, after %, change
    chart: charts.Bars
    overall_before: int
    overall_after: int


def progress(*, owner: User, earlier_pk: int, later_pk: int) -> Progress:
    """Readiness per competency in two of one's finished assessments, oldest first."""
    pair = [assessment_get(owner=owner, pk=pk) for pk in (earlier_pk, later_pk)]
    if any(a.status != Assessment.Status.FINISHED for a in pair):
        raise Http404("Only finished assessments can be compared.")
    earlier, later = sorted(pair, key=lambda a: (a.finished_at, a.pk))
    before, after = assessment_scores(earlier)[0], assessment_scores(later)[0]
    after_by = {c.competency.pk: c for c in after.competencies}
    rows = []
    for old in before.competencies:
        new = after_by.get(old.competency.pk)
        if new is not None:
            rows.append((old.competency, old.percent, new.percent, new.percent - old.percent))
    chart = charts.paired_bars([(c.name, b / 100, a / 100) for c, b, a, _ in rows])
    return Progress(earlier, later, rows, chart, before.percent, after.percent)


def latest_readiness(*, person: User) -> tuple[int, Level] | None:
    """Overall readiness in the person's latest finished assessment, for their profile."""
    latest = (
        Assessment.objects.filter(owner=person, status=Assessment.Status.FINISHED)
        .select_related("track", "current_level", "target_level")
        .order_by("-finished_at")
        .first()
    )
    if latest is None:
        return None
    return assessment_scores(latest)[0].percent, latest.target_level
