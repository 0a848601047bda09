"""Names people are known by (usernames and display names): normalised, free of invisible and
direction-changing characters, and not to be confused with a reserved word or another member.

"Confused" is decided on a *skeleton* in the manner of Unicode TR39: the name in NFKC, case
folded, each character replaced by the prototype it is confusable with (Cyrillic "а" → "a",
"I" → "l", "0" → "O"…), accents, spaces and punctuation dropped. Two names with the same
skeleton look alike. The confusables table is the Unicode consortium's, shipped by the maintained
`confusable-homoglyphs` package (we read its data; nothing is hand-written here).
"""

import unicodedata
from functools import cache

from confusable_homoglyphs.confusables import confusables_data
from django.core.exceptions import ValidationError

# Names nobody may take, nor anything that looks like them (compared by skeleton, ignoring
# spaces and punctuation): how the site shows anonymous and deleted authors, and roles.
RESERVED_NAMES = (
    "anonymous",
    "moderator",
    "moderators",
    "mod",
    "mods",
    "admin",
    "admins",
    "administrator",
    "deleted",
    "deleted member",
    "staff",
    "rungs",
    "system",
    "support",
    "root",
    "superuser",
)
# ...and names starting with these ("Anonymous · senior" is how an anonymous post reads).
RESERVED_PREFIXES = ("anonymous", "moderator", "administrator", "deleted member")
# The handle a deleted account is left with (accounts.services.account_erase): nobody else
# may take one that looks like it.
ERASED_USERNAME_PREFIX = "deleted-"
# The moderators' mark next to their names: no name may carry it or anything like it.
MODERATOR_MARK = "♦"

# Characters that show nothing but are not format characters (Cf), per Unicode's
# Default_Ignorable_Code_Point and blank-looking letters.
_INVISIBLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0"
    "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d"
    "\ufe0e\ufe0f"
)
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def normalise(value: str) -> str:
    """The form a name is stored in: NFKC (fullwidth and styled letters become plain ones)."""
    return unicodedata.normalize("NFKC", value).strip()


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character → its prototype. The package's table lists, for a source
    character, its one prototype, and for a prototype every source; a pair that lists only
    each other is mapped to one of the two."""
    found: dict[str, str] = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or len(homoglyphs) != 1:
            continue
        target = homoglyphs[0]["c"].strip("\u200e")
        back = confusables_data.get(target, [])
        if len(back) == 1 and back[0]["c"].strip("\u200e") == char:
            target = min(char, target)  # a pair: either one stands for both
        if target != char:
            found[char] = target
    return found


def skeleton(value: str) -> str:
    """What a name looks like: equal skeletons, look-alike names."""
    prototypes = _prototypes()
    text = unicodedata.normalize("NFD", normalise(value).casefold())
    mapped = "".join(prototypes.get(char, char) for char in text)
    mapped = unicodedata.normalize("NFD", mapped).casefold()
    mapped = "".join(prototypes.get(char, char) for char in mapped)
    return "".join(
        char for char in mapped if unicodedata.category(char)[0] not in "MPZC" and char != "_"
    )


def skeletons(value: str) -> set[str]:
    """The skeleton, and the one made before case folding: "I" (capital i) looks like "l",
    but folds to "i"; both are compared."""
    prototypes = _prototypes()
    shaped = "".join(prototypes.get(char, char) for char in normalise(value))
    return {skeleton(value), skeleton(shaped)}


def _is_mark(char: str) -> bool:
    name = unicodedata.name(char, "")
    return char == MODERATOR_MARK or "DIAMOND" in name or "LOZENGE" in name


def validate_characters(value: str) -> None:
    """No invisible or direction-changing characters, and no moderator's mark."""
    text = normalise(value)
    if any(char in _BIDI_CONTROLS for char in text):
        raise ValidationError(
            "Remove the characters that change the direction of the text.", code="bidi"
        )
    if any(unicodedata.category(char) == "Cf" or char in _INVISIBLE for char in text):
        raise ValidationError(
            "Remove the invisible characters (zero-width spaces, joiners and the like).",
            code="invisible",
        )
    if any(_is_mark(char) for char in text):
        raise ValidationError(
            f"The {MODERATOR_MARK} mark is for moderators; choose a name without it.",
            code="reserved",
        )


@cache
def _reserved_skeletons() -> frozenset[str]:
    return frozenset(skeleton(name) for name in RESERVED_NAMES)


def validate_not_reserved(value: str) -> None:
    """Not a reserved word, nor a look-alike of one (a Cyrillic "А", a zero-width space…)."""
    validate_characters(value)
    reserved = _reserved_skeletons()
    prefixes = [skeleton(prefix) for prefix in RESERVED_PREFIXES]
    placeholder = value.strip().casefold().startswith(ERASED_USERNAME_PREFIX)
    for shape in skeletons(value):
        if placeholder or shape in reserved or any(map(shape.startswith, prefixes)):
            raise ValidationError(
                "This name is reserved or looks like one (“Anonymous”, “Moderator”, “Admin”, "
                "“Deleted member”…). Choose another.",
                code="reserved",
            )
