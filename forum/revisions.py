"""A readable difference between two revisions of a post: word by word, as plain segments the
template wraps in <ins> and <del> itself (nothing here is marked safe)."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from forum.models import Revision

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    text: str
    change: str  # "same", "added" or "removed"


@dataclass(frozen=True)
class RevisionDiff:
    title: list[Segment]
    body: list[Segment]
    tags_added: list[str]
    tags_removed: list[str]
    level_before: str
    level_after: str

    @property
    def has_changes(self) -> bool:
        changed = any(s.change != "same" for s in (*self.title, *self.body))
        return (
            changed
            or bool(self.tags_added or self.tags_removed)
            or (self.level_before != self.level_after)
        )


def diff_words(before: str, after: str) -> list[Segment]:
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment("".join(old[i1:i2]), "same"))
            continue
        if i2 > i1:
            segments.append(Segment("".join(old[i1:i2]), "removed"))
        if j2 > j1:
            segments.append(Segment("".join(new[j1:j2]), "added"))
    return segments


def revision_diff(older: Revision, newer: Revision) -> RevisionDiff:
    return RevisionDiff(
        title=diff_words(older.title, newer.title),
        body=diff_words(older.body, newer.body),
        tags_added=sorted(set(newer.tags) - set(older.tags)),
        tags_removed=sorted(set(older.tags) - set(newer.tags)),
        level_before=older.level.name if older.level_id else "",
        level_after=newer.level.name if newer.level_id else "",
    )
