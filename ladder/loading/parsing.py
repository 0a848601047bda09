"""Each section of the ladder file, checked and turned into specs; references between them
(levels, competencies, sources, supersedes) resolved and checked too."""

from dataclasses import dataclass
from typing import Any

import yaml

from ladder.loading.records import Record, records_of, unique
from ladder.loading.specs import (
    ActionSpec,
    CompetencySpec,
    ExpectationSpec,
    GroupSpec,
    LadderDataError,
    LadderSpec,
    LevelSpec,
    MemberSpec,
    SourceSpec,
    TrackSpec,
    TransitionSpec,
)
from ladder.models import Source

SOURCE_KINDS = tuple(Source.Kind.values)


def parse_ladder_text(text: str | bytes) -> LadderSpec:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise LadderDataError(f"not valid YAML: {error}") from None
    return parse_ladder(data)


def parse_ladder(data: Any) -> LadderSpec:
    if not isinstance(data, dict):
        raise LadderDataError("the file must hold a mapping with version, sources, levels…")
    known = {
        "version",
        "sources",
        "tracks",
        "levels",
        "competencies",
        "expectations",
        "transitions",
        "groups",
    }
    if unknown := sorted(set(data) - known):
        raise LadderDataError(f"unknown top-level section(s): {', '.join(unknown)}")
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise LadderDataError("'version': must be non-empty text, e.g. \"2026.11.1\"")

    sources = [_source(r) for r in records_of(data, "sources", "short_name")]
    tracks = [_track(r) for r in records_of(data, "tracks", "slug")]
    levels = [_level(r) for r in records_of(data, "levels", "slug")]
    competencies = [_competency(r) for r in records_of(data, "competencies", "slug")]
    unique([s.short_name for s in sources], "sources")
    unique([t.slug for t in tracks], "tracks")
    unique([lv.slug for lv in levels], "levels")
    unique([str(lv.order) for lv in levels], "levels (order)")
    unique([c.slug for c in competencies], "competencies")

    refs = _Refs(
        sources=[s.short_name for s in sources],
        tracks=[t.slug for t in tracks],
        levels={lv.slug: lv.order for lv in levels},
        competencies=[c.slug for c in competencies],
    )
    expectations = [_expectation(r, refs) for r in records_of(data, "expectations", "key")]
    unique([e.key for e in expectations], "expectations")
    _check_supersedes(expectations, refs)
    groups = [_group(r, refs) for r in records_of(data, "groups", "slug", required=False)]
    unique([g.slug for g in groups], "groups")
    _check_groups(groups, {e.key: e for e in expectations})
    transitions = [_transition(r, refs) for r in records_of(data, "transitions", "from")]
    unique([f"{t.from_level}->{t.to_level}" for t in transitions], "transitions")
    return LadderSpec(
        version=version.strip(),
        sources=sources,
        tracks=tracks,
        levels=levels,
        competencies=competencies,
        expectations=expectations,
        transitions=transitions,
        groups=groups,
    )


@dataclass(frozen=True)
class _Refs:
    sources: list[str]
    tracks: list[str]
    levels: dict[str, int]
    competencies: list[str]

    def check_sources(self, record: Record, name: str = "sources") -> list[str]:
        cited = record.text_list(name, required=True)
        for short_name in cited:
            record.one_of(name, self.sources, short_name)
        return cited

    def check_citation(self, record: Record) -> tuple[list[str], bool]:
        """Either documents that support the item, or `own_guidance: true` and none: what no
        document says must not cite one."""
        own = record.boolean("own_guidance")
        if not own:
            return self.check_sources(record), False
        if record.text_list("sources"):
            record.fail("must be empty when own_guidance is true", "sources")
        return [], True


def _source(r: Record) -> SourceSpec:
    spec = SourceSpec(
        short_name=r.slug("short_name"),
        title=r.text("title", max_length=200),
        kind=r.text("kind"),
        file=r.text("file", max_length=100),
        summary=r.text("summary"),
    )
    r.one_of("kind", SOURCE_KINDS, spec.kind)
    r.done()
    return spec


def _track(r: Record) -> TrackSpec:
    spec = TrackSpec(
        slug=r.slug("slug"),
        name=r.text("name", max_length=80),
        description=r.text("description", required=False),
    )
    r.done()
    return spec


def _level(r: Record) -> LevelSpec:
    spec = LevelSpec(
        slug=r.slug("slug"),
        name=r.text("name", max_length=80),
        order=r.integer("order"),
        codes=r.text_list("codes"),
        summary=r.text("summary"),
    )
    r.done()
    return spec


def _competency(r: Record) -> CompetencySpec:
    spec = CompetencySpec(
        slug=r.slug("slug"),
        name=r.text("name", max_length=80),
        description=r.text("description"),
        tags=r.text_list("tags", slugs=True),
    )
    r.done()
    return spec


def _expectation(r: Record, refs: _Refs) -> ExpectationSpec:
    sources, own_guidance = refs.check_citation(r)
    spec = ExpectationSpec(
        key=r.slug("key"),
        level=r.slug("level"),
        competency=r.slug("competency"),
        track=r.slug("track", required=False),
        text=r.text("text", max_length=400),
        examples=r.text_list("examples"),
        sources=sources,
        note=r.text("note", required=own_guidance, max_length=600),
        supersedes=r.slug("supersedes", required=False),
        own_guidance=own_guidance,
    )
    r.one_of("level", list(refs.levels), spec.level)
    r.one_of("competency", refs.competencies, spec.competency)
    r.one_of("track", refs.tracks, spec.track)
    r.done()
    return spec


def _check_supersedes(expectations: list[ExpectationSpec], refs: _Refs) -> None:
    """A grown-up expectation replaces one a level down, in the same competency."""
    by_key = {e.key: e for e in expectations}
    rank = {
        slug: position for position, slug in enumerate(sorted(refs.levels, key=refs.levels.get))
    }
    for index, e in enumerate(expectations):
        if e.supersedes is None:
            continue
        where = f"expectations[{index}] ({e.key}), field 'supersedes'"
        older = by_key.get(e.supersedes)
        if older is None:
            raise LadderDataError(f"{where}: no expectation has the key {e.supersedes!r}")
        if rank[older.level] != rank[e.level] - 1:
            raise LadderDataError(f"{where}: {e.supersedes!r} is not on the level directly below")
        if older.competency != e.competency:
            raise LadderDataError(f"{where}: {e.supersedes!r} belongs to another competency")
        if older.track is not None and older.track != e.track:
            raise LadderDataError(f"{where}: {e.supersedes!r} belongs to another track")


def _group(r: Record, refs: _Refs) -> GroupSpec:
    slug, level = r.slug("slug"), r.slug("level")
    r.one_of("level", list(refs.levels), level)
    members = []
    for index, item in enumerate(r.mapping_list("members")):
        member = Record(item, f"{r.where}.members[{index}]")
        members.append(
            MemberSpec(
                expectation=member.slug("expectation"),
                if_only_strength=member.text("if_only_strength", required=False, max_length=600),
            )
        )
        member.done()
    if len(members) < 2:
        r.fail("a group needs at least two expectations", "members")
    threshold = r.integer("threshold")
    if threshold > len(members):
        r.fail(f"{threshold} is more than the group's {len(members)} expectations", "threshold")
    spec = GroupSpec(
        slug=slug,
        level=level,
        name=r.text("name", max_length=120),
        summary=r.text("summary"),
        threshold=threshold,
        sources=refs.check_sources(r),
        members=members,
    )
    r.done()
    return spec


def _check_groups(groups: list[GroupSpec], by_key: dict[str, ExpectationSpec]) -> None:
    """Members exist, sit on the group's level, apply to every track, and join one group."""
    grouped: dict[str, str] = {}
    for index, g in enumerate(groups):
        for m_index, member in enumerate(g.members):
            where = f"groups[{index}] ({g.slug}).members[{m_index}], field 'expectation'"
            e = by_key.get(member.expectation)
            if e is None:
                raise LadderDataError(f"{where}: no expectation has the key {member.expectation!r}")
            if e.level != g.level:
                raise LadderDataError(f"{where}: {e.key!r} is not on the level {g.level!r}")
            if e.track is not None:
                raise LadderDataError(
                    f"{where}: {e.key!r} belongs to one track; a group's expectations apply "
                    "to every track"
                )
            if e.key in grouped:
                raise LadderDataError(f"{where}: {e.key!r} is already in {grouped[e.key]!r}")
            grouped[e.key] = g.slug


def _transition(r: Record, refs: _Refs) -> TransitionSpec:
    from_level, to_level = r.slug("from"), r.slug("to")
    r.one_of("from", list(refs.levels), from_level)
    r.one_of("to", list(refs.levels), to_level)
    if refs.levels[to_level] <= refs.levels[from_level]:
        r.fail(f"must name a higher level than {from_level!r}", "to")
    actions = []
    for index, item in enumerate(r.mapping_list("actions")):
        action = Record(item, f"{r.where}.actions[{index}]")
        sources, own_guidance = refs.check_citation(action)
        spec = ActionSpec(
            competency=action.slug("competency"),
            text=action.text("text", max_length=400),
            sources=sources,
            own_guidance=own_guidance,
        )
        action.one_of("competency", refs.competencies, spec.competency)
        action.done()
        actions.append(spec)
    spec = TransitionSpec(
        from_level=from_level,
        to_level=to_level,
        summary=r.text("summary"),
        sources=refs.check_sources(r),
        actions=actions,
    )
    r.done()
    return spec
