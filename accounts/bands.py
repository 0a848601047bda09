"""Seniority bands and the mapping from the level codes people write ("L4", "SDE II", "Senior").

Companies name levels differently; Rungs compares people by a coarse band instead.
"""

import re

from django.db import models


class Band(models.TextChoices):
    JUNIOR = "junior", "Junior"
    MID = "mid", "Mid-level"
    SENIOR = "senior", "Senior"
    STAFF = "staff", "Staff+"

    @property
    def short(self) -> str:
        """The word used after a level code: "L4 (mid)"."""
        return {"junior": "junior", "mid": "mid", "senior": "senior", "staff": "staff+"}[self.value]

    @property
    def note(self) -> str:
        """What a person in this band should know about the ladder: it stops at senior."""
        if self is Band.STAFF:
            return "The ladder describes junior to senior; Rungs has no levels beyond senior."
        return ""


# Shown whenever a code cannot be mapped: the kinds of code the mapper understands.
LEVEL_CODE_EXAMPLES = "L4, E5, IC3, SDE II, Junior, Senior or Staff"


# Seniority words win over numbers ("Senior Engineer II" is senior). Staff comes first so that
# "senior staff" reads as staff. Matched as whole words.
_WORDS: list[tuple[Band, tuple[str, ...]]] = [
    (Band.STAFF, ("staff", "principal", "distinguished", "fellow")),
    (Band.SENIOR, ("senior", "sr", "lead")),
    (Band.JUNIOR, ("junior", "jr", "associate", "entry", "graduate", "grad", "intern")),
    (Band.MID, ("mid", "midlevel", "intermediate", "medior")),
]

# Numbered scales: the number that means junior on each; one step up is mid, two is senior,
# three and more are staff+: L3/E3/IC1/SDE1 are junior, L4/E4/IC2 mid, L5/E5/IC3 senior, L6+ staff+.
_SCALES = {"l": 3, "e": 3, "ic": 1, "sde": 1, "swe": 1}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_BY_STEP = [Band.JUNIOR, Band.MID, Band.SENIOR, Band.STAFF]

_SCALE_CODE = re.compile(r"\b(l|e|ic|sde|swe)\s*-?\s*(\d{1,2})\b")
_ROMAN_CODE = re.compile(r"\b(i{1,3}|iv|vi?)\b")
_BARE_NUMBER = re.compile(r"^(?:level\s*)?(\d{1,2})$")


def _band_for_step(step: int) -> Band:
    return _BY_STEP[max(0, min(step, len(_BY_STEP) - 1))]


def band_for_level_code(code: str) -> Band | None:
    """Map a level code as someone writes it to a band, or None when it means nothing to us."""
    text = re.sub(r"[^a-z0-9]+", " ", code.lower()).strip()
    if not text:
        return None
    words = set(text.split())
    if "mid level" in text:
        words.add("midlevel")
    for band, keywords in _WORDS:
        if words.intersection(keywords):
            return band
    if match := _SCALE_CODE.search(text):
        scale, number = match.groups()
        return _band_for_step(int(number) - _SCALES[scale])
    if match := _ROMAN_CODE.search(text):
        return _band_for_step(_ROMAN[match.group(1)] - 1)
    if match := _BARE_NUMBER.match(text):
        return _band_for_step(int(match.group(1)) - _SCALES["l"])
    return None


def describe_level_code(code: str) -> str:
    """One sentence on the band a level code maps to, as the profile form shows it while typing
    (and after saving, without JavaScript)."""
    code = " ".join(code.split())
    if not code:
        return f"Type your level code ({LEVEL_CODE_EXAMPLES}) to see its band."
    band = band_for_level_code(code)
    if band is None:
        return (
            f"Rungs cannot tell the band from “{code}”. It understands codes like "
            f"{LEVEL_CODE_EXAMPLES}; or choose your band below."
        )
    return " ".join(part for part in (f"“{code}” is in the {band.label} band.", band.note) if part)
