import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import F, Model

from ladder.freshness import ladder_changed
from ladder.loading.parsing import parse_ladder_text
from ladder.loading.specs import LadderSpec
from ladder.models import (
    Competency,
    Expectation,
    ExpectationGroup,
    GrowthAction,
    LadderVersion,
    Level,
    Source,
    Track,
    Transition,
)


@dataclass(frozen=True)
class LoadReport:
    version: str
    changed: bool
    expectations: int
    retired: int


def ladder_load(*, path: Path, force: bool = False) -> LoadReport:
    """Load the ladder data file. Idempotent: unchanged files are skipped unless forced.

    Raises LadderDataError, naming the record and field, before touching the database.
    """
    raw = path.read_bytes()
    spec = parse_ladder_text(raw)
    checksum = hashlib.sha256(raw).hexdigest()
    latest = LadderVersion.objects.order_by("-loaded_at", "-id").first()
    unchanged = latest is not None and latest.checksum == checksum
    if unchanged and not force:
        return LoadReport(
            spec.version, changed=False, expectations=len(spec.expectations), retired=0
        )
    retired = _write(spec, checksum=None if unchanged else checksum)
    ladder_changed()
    return LoadReport(
        spec.version, changed=True, expectations=len(spec.expectations), retired=retired
    )


@transaction.atomic
def _write(spec: LadderSpec, *, checksum: str | None) -> int:
    """Write the whole file in one transaction, with its version row when it is new."""
    sources = {
        s.short_name: _upsert(
            Source,
            short_name=s.short_name,
            title=s.title,
            kind=s.kind,
            file=s.file,
            summary=s.summary,
            order=i,
        )
        for i, s in enumerate(spec.sources)
    }
    tracks = {
        t.slug: _upsert(Track, slug=t.slug, name=t.name, description=t.description, order=i)
        for i, t in enumerate(spec.tracks)
    }
    # Level orders are unique: park the stored ones out of the way so the file can renumber them.
    Level.objects.update(order=F("order") + 1000)
    levels = {
        lv.slug: _upsert(
            Level, slug=lv.slug, name=lv.name, order=lv.order, codes=lv.codes, summary=lv.summary
        )
        for lv in spec.levels
    }
    competencies = {
        c.slug: _upsert(
            Competency,
            slug=c.slug,
            name=c.name,
            description=c.description,
            order=i,
            tags=c.tags,
        )
        for i, c in enumerate(spec.competencies)
    }

    expectations = {}
    for i, e in enumerate(spec.expectations):
        expectation = _upsert(
            Expectation,
            key=e.key,
            level=levels[e.level],
            competency=competencies[e.competency],
            track=tracks[e.track] if e.track else None,
            text=e.text,
            examples=e.examples,
            note=e.note,
            own_guidance=e.own_guidance,
            order=i,
            is_active=True,
            supersedes=None,
            group=None,
            group_note="",
        )
        expectation.sources.set([sources[name] for name in e.sources])
        expectations[e.key] = expectation
    for e in spec.expectations:
        if e.supersedes:
            Expectation.objects.filter(key=e.key).update(supersedes=expectations[e.supersedes])
    retired = (
        Expectation.objects.filter(is_active=True)
        .exclude(key__in=expectations)
        .update(is_active=False, supersedes=None, group=None, group_note="")
    )

    groups = []
    for i, g in enumerate(spec.groups):
        group = _upsert(
            ExpectationGroup,
            slug=g.slug,
            level=levels[g.level],
            name=g.name,
            summary=g.summary,
            threshold=g.threshold,
            order=i,
        )
        group.sources.set([sources[name] for name in g.sources])
        for member in g.members:
            Expectation.objects.filter(key=member.expectation).update(
                group=group, group_note=member.if_only_strength
            )
        groups.append(group.pk)
    ExpectationGroup.objects.exclude(pk__in=groups).delete()

    transitions = []
    for t in spec.transitions:
        transition = _upsert(
            Transition,
            lookup=("from_level", "to_level"),
            from_level=levels[t.from_level],
            to_level=levels[t.to_level],
            summary=t.summary,
        )
        transition.sources.set([sources[name] for name in t.sources])
        for i, a in enumerate(t.actions):
            action = _upsert(
                GrowthAction,
                lookup=("transition", "order"),
                transition=transition,
                order=i,
                competency=competencies[a.competency],
                text=a.text,
                own_guidance=a.own_guidance,
            )
            action.sources.set([sources[name] for name in a.sources])
        transition.actions.filter(order__gte=len(t.actions)).delete()
        transitions.append(transition.pk)
    Transition.objects.exclude(pk__in=transitions).delete()

    # Taxonomy that left the file goes too, unless retired expectations still point at it.
    Competency.objects.exclude(slug__in=competencies).filter(expectations=None).delete()
    Track.objects.exclude(slug__in=tracks).filter(expectations=None).delete()
    Source.objects.exclude(short_name__in=sources).filter(expectations=None).delete()
    Level.objects.exclude(slug__in=levels).filter(expectations=None).delete()
    if checksum is not None:
        LadderVersion.objects.create(version=spec.version, checksum=checksum)
    return retired


def _upsert[M: Model](model: type[M], *, lookup: tuple[str, ...] | None = None, **values) -> M:
    """update_or_create keyed on the record's natural key (its first field unless told)."""
    keys = lookup or (next(iter(values)),)
    obj, _ = model.objects.update_or_create(
        **{k: values[k] for k in keys},
        defaults={k: v for k, v in values.items() if k not in keys},
    )
    return obj
