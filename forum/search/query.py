"""The web-search syntax people type ("exact phrase", -exclude, or), read the same way on both
databases, and the highlighted segments of an extract."""

import re
from dataclasses import dataclass

HIT_START, HIT_END = "\ue000", "\ue001"  # private-use characters, split out before rendering


@dataclass(frozen=True)
class Segment:
    text: str
    hit: bool


def split_hits(text: str) -> list[Segment]:
    segments = []
    for index, part in enumerate(re.split(f"[{HIT_START}{HIT_END}]", text)):
        if part:
            segments.append(Segment(part, hit=index % 2 == 1))
    return segments


_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
# Words PostgreSQL's english configuration ignores; dropped here too so that both databases
# answer "how to ask for a promotion" the same way.
STOPWORDS = frozenset(
    (
        "a an and are as at be but by for from has have how i if in into is it its me my no not "
        "of on or our so that the their then there these they this to was we were what when "
        "where which who why will with you your"
    ).split()
)


def to_fts5(query: str) -> str:
    """Translate web-search syntax ("exact phrase", -exclude, or) into a safe FTS5 query.

    Every term is quoted, so FTS5 operators typed by a user are only ever words.
    """
    groups: list[list[str]] = [[]]
    excluded: list[str] = []
    for negated_phrase, phrase, bare in _TOKEN.findall(query or ""):
        negate = bool(negated_phrase)
        if bare:
            if bare.lower() == "or":
                if groups[-1]:
                    groups.append([])
                continue
            negate = bare.startswith("-") and len(bare) > 1
            phrase = bare[1:] if negate else bare
        words = _WORD.findall(phrase)
        if bare:  # outside quotes common words are noise, as PostgreSQL treats them
            words = [w for w in words if w.lower() not in STOPWORDS]
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        (excluded if negate else groups[-1]).append(term)
    alternatives = [" AND ".join(group) for group in groups if group]
    if not alternatives:
        return ""
    expression = " OR ".join(f"({alternative})" for alternative in alternatives)
    for term in excluded:
        expression = f"({expression}) NOT {term}"
    return expression


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude stem, enough to compare two titles' words: "promoted", "promotion" and
    "promotions" all become "promot". Not a search stemmer (the databases have their own)."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def significant_words(text: str) -> list[str]:
    """The words of `text` a search looks for, lower-cased, in order, without common words."""
    return [w for w in (m.lower() for m in _WORD.findall(text or "")) if w not in STOPWORDS]
