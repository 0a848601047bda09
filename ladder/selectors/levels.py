"""The ladder's levels: the matrix, one level in full, what is in force at a level."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects

from ladder.models import (
    Competency,
    Expectation,
    ExpectationGroup,
    GrowthAction,
    LadderVersion,
    Level,
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


def expectations_of(*, track: Track | None, max_order: int | None = None) -> list[Expectation]:
    queryset = (
        Expectation.objects.active()
        .for_track(track)
        .select_related("level", "competency", "track", "group")
        .prefetch_related("sources")
    )
    if max_order is not None:
        queryset = queryset.filter(level__order__lte=max_order)
    return list(queryset)


def expectations_upto(*, track: Track | None, level: Level) -> list[Expectation]:
    """Active expectations of `level` and the levels below, for one track (or all)."""
    return expectations_of(track=track, max_order=level.order)


def in_force(expectations: list[Expectation], level: Level) -> list[Expectation]:
    """What is expected at `level`: its own expectations plus those carried up from below,
    minus the ones a later expectation (up to this level) has replaced."""
    upto = [e for e in expectations if e.level.order <= level.order]
    replaced = {e.supersedes_id for e in upto if e.supersedes_id}
    return [e for e in upto if e.pk not in replaced]


@dataclass(frozen=True)
class GroupInForce:
    """A group (e.g. senior "two of three") with its members as they stand at a level."""

    group: ExpectationGroup
    members: list[Expectation]

    @property
    def threshold(self) -> int:
        return self.group.threshold

    @property
    def pointers(self) -> list[Expectation]:
        """Members that say what it means when they are someone's only strength."""
        return [e for e in self.members if e.group_note]


def groups_in_force(expectations: list[Expectation]) -> list[GroupInForce]:
    """The groups among these expectations (those in force at one level), in ladder order,
    with the groups' sources fetched (one query, and only when there is a group)."""
    found: dict[int, GroupInForce] = {}
    for e in expectations:
        if e.group is not None:
            found.setdefault(e.group_id, GroupInForce(e.group, [])).members.append(e)
    groups = sorted(found.values(), key=lambda g: (g.group.level_id, g.group.order, g.group.pk))
    prefetch_related_objects([g.group for g in groups], "sources")
    return groups


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
    expectations = expectations_of(track=track)
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
    groups: list[GroupInForce]
    transition_in: Transition | None
    next_level: Level | None
    previous_level: Level | None


def level_detail(
    *, level: Level, track: Track | None, levels: list[Level] | None = None
) -> LevelDetail:
    """One level in full: what it adds, and what it still expects from the levels below.

    `levels` (all of them, in order) saves a query when the caller already has them."""
    expectations = in_force(expectations_of(track=track, max_order=level.order), level)
    blocks = {c.pk: CompetencyBlock(competency=c) for c in Competency.objects.all()}
    for e in expectations:
        block = blocks[e.competency_id]
        (block.own if e.level_id == level.pk else block.carried).append(e)
    levels = levels if levels is not None else level_list()
    position = [lv.pk for lv in levels].index(level.pk)
    return LevelDetail(
        level=level,
        blocks=list(blocks.values()),
        groups=groups_in_force(expectations),
        transition_in=transitions_with_actions(to_level=level).first(),
        next_level=levels[position + 1] if position + 1 < len(levels) else None,
        previous_level=levels[position - 1] if position > 0 else None,
    )


def transitions_with_actions(*, with_sources: bool = False, **filters):
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
