"""The gap between two levels: per competency, what is new, what changes and what stays."""

from dataclasses import dataclass

from ladder.models import Competency, Expectation, Level, Track, Transition
from ladder.selectors.levels import (
    GroupInForce,
    expectations_of,
    groups_in_force,
    in_force,
    transitions_with_actions,
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
    groups: list[GroupInForce]  # groups in force at `higher` (e.g. senior's two of three)

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
    expectations = expectations_of(track=track, max_order=higher.order)
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
    transitions = transitions_with_actions(
        from_level__order__gte=lower.order, to_level__order__lte=higher.order
    )
    return LevelComparison(
        lower=lower,
        higher=higher,
        track=track,
        competencies=list(diffs.values()),
        transitions=list(transitions),
        groups=groups_in_force(after),
    )
