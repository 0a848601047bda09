"""The documents the ladder cites, and the whole ladder as plain data for the JSON export."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from ladder.models import Competency, Expectation, GrowthAction, Level, Source
from ladder.selectors.levels import (
    expectations_of,
    groups_in_force,
    ladder_version,
    level_list,
    track_list,
    transitions_with_actions,
)


@dataclass(frozen=True)
class SourceUse:
    source: Source
    expectation_count: int
    action_count: int
    expectations_by_level: list[tuple[Level, list[Expectation]]]


@dataclass(frozen=True)
class OwnGuidance:
    """What Rungs wrote without a document behind it, shown as such on the sources page."""

    expectations: list[Expectation]
    actions: list[GrowthAction]

    def __bool__(self) -> bool:
        return bool(self.expectations or self.actions)


def own_guidance() -> OwnGuidance:
    return OwnGuidance(
        expectations=[e for e in expectations_of(track=None) if e.own_guidance],
        actions=list(
            GrowthAction.objects.filter(own_guidance=True)
            .select_related("competency", "transition__from_level", "transition__to_level")
            .order_by("transition__from_level__order", "order")
        ),
    )


def source_list() -> list[SourceUse]:
    """Each document and what Rungs took from it."""
    sources = Source.objects.annotate(
        expectation_count=Count(
            "expectations", filter=Q(expectations__is_active=True), distinct=True
        ),
        action_count=Count("actions", distinct=True),
    )
    cited = defaultdict(lambda: defaultdict(list))
    for e in expectations_of(track=None):
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
    """The whole ladder as plain data for /ladder/export.json.

    Each expectation and action says where it comes from: `sources` (the documents' short
    names) and `citation`, which reads "Rungs' own guidance" when `own_guidance` is true and
    no document supports it."""
    expectations = expectations_of(track=None)
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
                "group": e.group.slug if e.group else None,
                "sources": [s.short_name for s in e.sources.all()],
                "own_guidance": e.own_guidance,
                "citation": e.citation,
            }
            for e in expectations
        ],
        "groups": [
            {
                "slug": g.group.slug,
                "level": g.members[0].level.slug,  # every member is on the group's level
                "name": g.group.name,
                "summary": g.group.summary,
                "threshold": g.threshold,
                "members": [
                    {"expectation": e.key, "if_only_strength": e.group_note or None}
                    for e in g.members
                ],
                "sources": [s.short_name for s in g.group.sources.all()],
            }
            for g in groups_in_force(expectations)
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
                        "own_guidance": a.own_guidance,
                        "citation": a.citation,
                    }
                    for a in t.actions.all()
                ],
            }
            for t in transitions_with_actions(with_sources=True)
        ],
    }
