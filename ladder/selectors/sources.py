"""The documents the ladder cites, and the whole ladder as plain data for the JSON export."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from ladder.models import Competency, Expectation, Level, Source
from ladder.selectors.levels import (
    expectations_of,
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
    """The whole ladder as plain data for /ladder/export.json."""
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
            for t in transitions_with_actions(with_sources=True)
        ],
    }
