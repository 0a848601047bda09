"""Reads of the career ladder: the matrix, one level, the diff between two levels, the export."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from ladder.models import (
    Competency,
    Expectation,
    GrowthAction,
    LadderVersion,
    Level,
    Source,
    Track,
    Transition,
)


def ladder_version() -> str:
    latest = LadderVersion.objects.order_by("-loaded_at", "-id").values_list("version").first()
    return latest[0] if latest else "not loaded"


def level_list() -> list[Level]:
    return list(Level.objects.all())


def track_list() -> list[Track]:
    return list(Track.objects.all())


def _expectations(*, track: Track | None, max_order: int | None = None) -> list[Expectation]:
    queryset = (
        Expectation.objects.active()
        .for_track(track)
        .select_related("level", "competency", "track")
        .prefetch_related("sources")
    )
    if max_order is not None:
        queryset = queryset.filter(level__order__lte=max_order)
    return list(queryset)


def expectations_upto(*, track: Track | None, level: Level) -> list[Expectation]:
    """Active expectations of `level` and the levels below, for one track (or all)."""
    return _expectations(track=track, max_order=level.order)


def in_force(expectations: list[Expectation], level: Level) -> list[Expectation]:
    """What is expected at `level`: its own expectations plus those carried up from below,
    minus the ones a later expectation (up to this level) has replaced."""
    upto = [e for e in expectations if e.level.order <= level.order]
    replaced = {e.supersedes_id for e in upto if e.supersedes_id}
    return [e for e in upto if e.pk not in replaced]


@dataclass(frozen=True)
class LadderOverview:
    version: str
    levels: list[Level]
    competencies: list[Competency]
    tracks: list[Track]


def ladder_overview() -> LadderOverview:
    return LadderOverview(
        version=ladder_version(),
        levels=level_list(),
        competencies=list(Competency.objects.all()),
        tracks=track_list(),
    )


@dataclass(frozen=True)
class MatrixCell:
    level: Level
    expectations: list[Expectation]


@dataclass(frozen=True)
class MatrixRow:
    competency: Competency
    cells: list[MatrixCell]  # one per level, in level order


@dataclass(frozen=True)
class LadderMatrix:
    levels: list[Level]
    rows: list[MatrixRow]
    expectation_count: int


def ladder_matrix(*, track: Track | None) -> LadderMatrix:
    """Levels across, competencies down; each cell holds what is new at that level."""
    levels = level_list()
    expectations = _expectations(track=track)
    cells: dict[tuple[int, int], list[Expectation]] = defaultdict(list)
    for e in expectations:
        cells[e.competency_id, e.level_id].append(e)
    rows = [
        MatrixRow(
            competency=c, cells=[MatrixCell(level, cells[c.pk, level.pk]) for level in levels]
        )
        for c in Competency.objects.all()
    ]
    return LadderMatrix(levels=levels, rows=rows, expectation_count=len(expectations))


@dataclass(frozen=True)
class CompetencyBlock:
    competency: Competency
    own: list[Expectation] = field(default_factory=list)
    carried: list[Expectation] = field(default_factory=list)


@dataclass(frozen=True)
class LevelDetail:
    level: Level
    blocks: list[CompetencyBlock]
    transition_in: Transition | None
    next_level: Level | None
    previous_level: Level | None


def level_detail(
    *, level: Level, track: Track | None, levels: list[Level] | None = None
) -> LevelDetail:
    """One level in full: what it adds, and what it still expects from the levels below.

    `levels` (all of them, in order) saves a query when the caller already has them."""
    expectations = in_force(_expectations(track=track, max_order=level.order), level)
    blocks = {c.pk: CompetencyBlock(competency=c) for c in Competency.objects.all()}
    for e in expectations:
        block = blocks[e.competency_id]
        (block.own if e.level_id == level.pk else block.carried).append(e)
    levels = levels if levels is not None else level_list()
    position = [lv.pk for lv in levels].index(level.pk)
    return LevelDetail(
        level=level,
        blocks=list(blocks.values()),
        transition_in=_transitions(to_level=level).first(),
        next_level=levels[position + 1] if position + 1 < len(levels) else None,
        previous_level=levels[position - 1] if position > 0 else None,
    )


def _transitions(*, with_sources: bool = False, **filters):
    """Transitions with their growth actions (and the actions' sources) prefetched."""
    return (
        Transition.objects.filter(**filters)
        .select_related("from_level", "to_level")
        .prefetch_related(
            *(["sources"] if with_sources else []),
            Prefetch(
                "actions",
                queryset=GrowthAction.objects.select_related("competency").prefetch_related(
                    "sources"
                ),
            ),
        )
    )


@dataclass(frozen=True)
class Change:
    before: Expectation
    after: list[Expectation]


@dataclass(frozen=True)
class CompetencyDiff:
    competency: Competency
    new: list[Expectation]
    changed: list[Change]
    stays: list[Expectation]

    @property
    def size(self) -> int:
        return len(self.new) + len(self.changed)


@dataclass(frozen=True)
class LevelComparison:
    lower: Level
    higher: Level
    track: Track | None
    competencies: list[CompetencyDiff]
    transitions: list[Transition]

    @property
    def new_count(self) -> int:
        return sum(len(d.new) for d in self.competencies)

    @property
    def changed_count(self) -> int:
        return sum(len(d.changed) for d in self.competencies)

    @property
    def stays_count(self) -> int:
        return sum(len(d.stays) for d in self.competencies)

    @property
    def biggest_shifts(self) -> list[CompetencyDiff]:
        ranked = sorted(self.competencies, key=lambda d: d.size, reverse=True)
        return [d for d in ranked if d.size][:3]


def level_compare(*, lower: Level, higher: Level, track: Track | None) -> LevelComparison:
    """Per competency: what is new at `higher`, what changes from `lower`, and what stays."""
    if lower.order >= higher.order:
        raise ValueError("compare a lower level with a higher one")
    expectations = _expectations(track=track, max_order=higher.order)
    by_pk = {e.pk: e for e in expectations}
    before = {e.pk for e in in_force(expectations, lower)}
    after = in_force(expectations, higher)

    diffs = {
        c.pk: CompetencyDiff(c, new=[], changed=[], stays=[]) for c in Competency.objects.all()
    }
    changes: dict[int, Change] = {}
    for e in after:
        diff = diffs[e.competency_id]
        if e.pk in before:
            diff.stays.append(e)
            continue
        ancestor = by_pk.get(e.supersedes_id)
        while ancestor is not None and ancestor.pk not in before:
            ancestor = by_pk.get(ancestor.supersedes_id)
        if ancestor is None:
            diff.new.append(e)
        elif ancestor.pk in changes:
            changes[ancestor.pk].after.append(e)
        else:
            changes[ancestor.pk] = Change(before=ancestor, after=[e])
            diff.changed.append(changes[ancestor.pk])
    transitions = _transitions(
        from_level__order__gte=lower.order, to_level__order__lte=higher.order
    )
    return LevelComparison(
        lower=lower,
        higher=higher,
        track=track,
        competencies=list(diffs.values()),
        transitions=list(transitions),
    )


@dataclass(frozen=True)
class SourceUse:
    source: Source
    expectation_count: int
    action_count: int
    expectations_by_level: list[tuple[Level, list[Expectation]]]


def source_list() -> list[SourceUse]:
    """Each document and what Rungs took from it."""
    sources = Source.objects.annotate(
        expectation_count=Count(
            "expectations", filter=Q(expectations__is_active=True), distinct=True
        ),
        action_count=Count("actions", distinct=True),
    )
    cited = defaultdict(lambda: defaultdict(list))
    for e in _expectations(track=None):
        for source in e.sources.all():
            cited[source.pk][e.level].append(e)
    return [
        SourceUse(
            source=s,
            expectation_count=s.expectation_count,
            action_count=s.action_count,
            expectations_by_level=list(cited[s.pk].items()),
        )
        for s in sources
    ]


def ladder_export() -> dict:
    """The whole ladder as plain data for /ladder/export.json."""
    expectations = _expectations(track=None)
    keys = {e.pk: e.key for e in expectations}
    return {
        "version": ladder_version(),
        "levels": [
            {"slug": lv.slug, "name": lv.name, "codes": lv.codes, "summary": lv.summary}
            for lv in level_list()
        ],
        "competencies": [
            {"slug": c.slug, "name": c.name, "description": c.description}
            for c in Competency.objects.all()
        ],
        "tracks": [{"slug": t.slug, "name": t.name} for t in track_list()],
        "expectations": [
            {
                "key": e.key,
                "level": e.level.slug,
                "competency": e.competency.slug,
                "track": e.track.slug if e.track else None,
                "text": e.text,
                "examples": e.examples,
                "note": e.note,
                "supersedes": keys.get(e.supersedes_id),
                "sources": [s.short_name for s in e.sources.all()],
            }
            for e in expectations
        ],
        "transitions": [
            {
                "from": t.from_level.slug,
                "to": t.to_level.slug,
                "summary": t.summary,
                "sources": [s.short_name for s in t.sources.all()],
                "actions": [
                    {
                        "competency": a.competency.slug,
                        "text": a.text,
                        "sources": [s.short_name for s in a.sources.all()],
                    }
                    for a in t.actions.all()
                ],
            }
            for t in _transitions(with_sources=True)
        ],
    }
