"""The ladder file as plain dataclasses, and the error that says what is wrong with it."""

from dataclasses import dataclass, field


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
    own_guidance: bool = False


@dataclass(frozen=True)
class MemberSpec:
    expectation: str
    if_only_strength: str  # what it suggests when this is someone's only strength in the group


@dataclass(frozen=True)
class GroupSpec:
    slug: str
    level: str
    name: str
    summary: str
    threshold: int
    sources: list[str]
    members: list[MemberSpec]


@dataclass(frozen=True)
class ActionSpec:
    competency: str
    text: str
    sources: list[str]
    own_guidance: bool = False


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
    groups: list[GroupSpec] = field(default_factory=list)
