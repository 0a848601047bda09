"""Read and validate ladder/data/ladder.yaml into plain dataclasses.

Validation is strict so that a typo never reaches the site: every error names the record
(its position and key) and the field at fault. Writing to the database is services.ladder_load.
"""

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ladder.models import Source

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_KINDS = tuple(Source.Kind.values)


class LadderDataError(Exception):
    """The data file is malformed; the message says where and why."""


@dataclass(frozen=True)
class SourceSpec:
    short_name: str
    title: str
    kind: str
    file: str
    summary: str


@dataclass(frozen=True)
class TrackSpec:
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class LevelSpec:
    slug: str
    name: str
    order: int
    codes: list[str]
    summary: str


@dataclass(frozen=True)
class CompetencySpec:
    slug: str
    name: str
    description: str
    tags: list[str]


@dataclass(frozen=True)
class ExpectationSpec:
    key: str
    level: str
    competency: str
    track: str | None
    text: str
    examples: list[str]
    sources: list[str]
    note: str
    supersedes: str | None


@dataclass(frozen=True)
class ActionSpec:
    competency: str
    text: str
    sources: list[str]


@dataclass(frozen=True)
class TransitionSpec:
    from_level: str
    to_level: str
    summary: str
    sources: list[str]
    actions: list[ActionSpec]


@dataclass(frozen=True)
class LadderSpec:
    version: str
    sources: list[SourceSpec]
    tracks: list[TrackSpec]
    levels: list[LevelSpec]
    competencies: list[CompetencySpec]
    expectations: list[ExpectationSpec]
    transitions: list[TransitionSpec]


@dataclass
class _Record:
    """One mapping from the file, read field by field; complains in the record's own terms."""

    data: Any
    where: str
    _seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not isinstance(self.data, dict):
            self.fail(f"expected a mapping of fields, got {type(self.data).__name__}")

    def fail(self, message: str, name: str | None = None) -> None:
        at = f"{self.where}, field '{name}'" if name else self.where
        raise LadderDataError(f"{at}: {message}")

    def _get(self, name: str, required: bool) -> Any:
        self._seen.add(name)
        if name not in self.data or self.data[name] is None:
            if required:
                self.fail("is missing", name)
            return None
        return self.data[name]

    def text(self, name: str, *, required: bool = True, max_length: int = 2000) -> str:
        value = self._get(name, required)
        if value is None:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail("must be non-empty text", name)
        if len(value) > max_length:
            self.fail(f"is longer than {max_length} characters", name)
        return " ".join(value.split())

    def slug(self, name: str, *, required: bool = True) -> str | None:
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, str) or not SLUG.match(value):
            self.fail(f"{value!r} is not a lowercase-hyphen slug", name)
        return value

    def integer(self, name: str) -> int:
        value = self._get(name, True)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.fail(f"{value!r} is not a positive whole number", name)
        return value

    def text_list(self, name: str, *, required: bool = False, slugs: bool = False) -> list[str]:
        value = self._get(name, required)
        if value is None:
            return []
        if not isinstance(value, list) or (required and not value):
            self.fail("must be a non-empty list" if required else "must be a list", name)
        for item in value:
            if not isinstance(item, str | int) or not str(item).strip():
                self.fail(f"has an empty or non-text item {item!r}", name)
            if slugs and not SLUG.match(str(item)):
                self.fail(f"{item!r} is not a lowercase-hyphen slug", name)
        return [" ".join(str(item).split()) for item in value]

    def mapping_list(self, name: str) -> list[Any]:
        value = self._get(name, True)
        if not isinstance(value, list) or not value:
            self.fail("must be a non-empty list", name)
        return value

    def one_of(self, name: str, allowed: list[str] | tuple[str, ...], value: str | None) -> None:
        if value is not None and value not in allowed:
            self.fail(f"unknown value {value!r} (expected one of: {', '.join(allowed)})", name)

    def done(self) -> None:
        unknown = sorted(set(self.data) - self._seen)
        if unknown:
            self.fail(f"unknown field(s): {', '.join(unknown)}")


def _records(data: dict, section: str, label_field: str) -> list[_Record]:
    items = data.get(section)
    if not isinstance(items, list) or not items:
        raise LadderDataError(f"'{section}': must be a non-empty list")
    records = []
    for index, item in enumerate(items):
        label = item.get(label_field) if isinstance(item, dict) else None
        where = f"{section}[{index}]" + (f" ({label})" if label else "")
        records.append(_Record(item, where))
    return records


def _unique(values: list[str], section: str) -> None:
    seen = set()
    for value in values:
        if value in seen:
            raise LadderDataError(f"{section}: {value!r} appears twice")
        seen.add(value)


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
    }
    if unknown := sorted(set(data) - known):
        raise LadderDataError(f"unknown top-level section(s): {', '.join(unknown)}")
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise LadderDataError("'version': must be non-empty text, e.g. \"2026.11.1\"")

    sources = [_source(r) for r in _records(data, "sources", "short_name")]
    tracks = [_track(r) for r in _records(data, "tracks", "slug")]
    levels = [_level(r) for r in _records(data, "levels", "slug")]
    competencies = [_competency(r) for r in _records(data, "competencies", "slug")]
    _unique([s.short_name for s in sources], "sources")
    _unique([t.slug for t in tracks], "tracks")
    _unique([lv.slug for lv in levels], "levels")
    _unique([str(lv.order) for lv in levels], "levels (order)")
    _unique([c.slug for c in competencies], "competencies")

    refs = _Refs(
        sources=[s.short_name for s in sources],
        tracks=[t.slug for t in tracks],
        levels={lv.slug: lv.order for lv in levels},
        competencies=[c.slug for c in competencies],
    )
    expectations = [_expectation(r, refs) for r in _records(data, "expectations", "key")]
    _unique([e.key for e in expectations], "expectations")
    _check_supersedes(expectations, refs)
    transitions = [_transition(r, refs) for r in _records(data, "transitions", "from")]
    _unique([f"{t.from_level}->{t.to_level}" for t in transitions], "transitions")
    return LadderSpec(
        version=version.strip(),
        sources=sources,
        tracks=tracks,
        levels=levels,
        competencies=competencies,
        expectations=expectations,
        transitions=transitions,
    )


@dataclass(frozen=True)
class _Refs:
    sources: list[str]
    tracks: list[str]
    levels: dict[str, int]
    competencies: list[str]

    def check_sources(self, record: _Record, name: str = "sources") -> list[str]:
        cited = record.text_list(name, required=True)
        for short_name in cited:
            record.one_of(name, self.sources, short_name)
        return cited


def _source(r: _Record) -> SourceSpec:
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


def _track(r: _Record) -> TrackSpec:
    spec = TrackSpec(
        slug=r.slug("slug"),
        name=r.text("name", max_length=80),
        description=r.text("description", required=False),
    )
    r.done()
    return spec


def _level(r: _Record) -> LevelSpec:
    spec = LevelSpec(
        slug=r.slug("slug"),
        name=r.text("name", max_length=80),
        order=r.integer("order"),
        codes=r.text_list("codes"),
        summary=r.text("summary"),
    )
    r.done()
    return spec


def _competency(r: _Record) -> CompetencySpec:
    spec = CompetencySpec(
        slug=r.slug("slug"),
        name=r.text("name", max_length=80),
        description=r.text("description"),
        tags=r.text_list("tags", slugs=True),
    )
    r.done()
    return spec


def _expectation(r: _Record, refs: _Refs) -> ExpectationSpec:
    spec = ExpectationSpec(
        key=r.slug("key"),
        level=r.slug("level"),
        competency=r.slug("competency"),
        track=r.slug("track", required=False),
        text=r.text("text", max_length=400),
        examples=r.text_list("examples"),
        sources=refs.check_sources(r),
        note=r.text("note", required=False, max_length=600),
        supersedes=r.slug("supersedes", required=False),
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


def _transition(r: _Record, refs: _Refs) -> TransitionSpec:
    from_level, to_level = r.slug("from"), r.slug("to")
    r.one_of("from", list(refs.levels), from_level)
    r.one_of("to", list(refs.levels), to_level)
    if refs.levels[to_level] <= refs.levels[from_level]:
        r.fail(f"must name a higher level than {from_level!r}", "to")
    actions = []
    for index, item in enumerate(r.mapping_list("actions")):
        action = _Record(item, f"{r.where}.actions[{index}]")
        spec = ActionSpec(
            competency=action.slug("competency"),
            text=action.text("text", max_length=400),
            sources=refs.check_sources(action),
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
