"""Hypothesis strategies for what a browser (or anyone with curl) can post to a form.

Each field strategy mostly sends something plausible, so that a fair share of submissions is
accepted and what was stored can be checked, and otherwise something hostile: arbitrary
Unicode, control characters (NUL included), whitespace only, nothing at all, far too much, a
number, a list, bytes that are not UTF-8. `form()` then leaves out fields at random and adds
fields nobody asked for.
"""

from hypothesis import strategies as st

# Control characters (C0, DEL, C1), invisible and direction-changing characters, Unicode line
# and paragraph separators, a byte-order mark, the replacement character, an emoji and the
# last code point.
CONTROL = "".join(map(chr, range(0x20))) + "\x7f\x80\x85\x9f"
ODD = "\u00a0\u00ad\u200b\u200d\u200e\u202e\u2028\u2029\u3000\ufeff\ufffd\U0001f600\U0010ffff"
WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2028\u2029\u3000"
MARKUP = ["<script>alert(1)</script>", "{{ x }}", "{% now %}", "%s", "../", "' OR 1=1 --"]
NULS = ["\x00", "\x00" * 3, "%00", "\\0", "\x00\x01\x02"]

# Anything a browser can encode: every code point but the lone surrogates.
ANY_CHARACTER = st.characters(codec="utf-8")
NASTY_CHARACTER = st.one_of(st.sampled_from(CONTROL + ODD + WHITESPACE), ANY_CHARACTER)

empty = st.just("")
whitespace = st.text(alphabet=WHITESPACE, min_size=1, max_size=12)
unicode_text = st.text(alphabet=ANY_CHARACTER, max_size=60)
nasty_text = st.text(alphabet=NASTY_CHARACTER, max_size=60)
not_utf8 = st.sampled_from(
    [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"ok\x00\xfe", b"\xf4\x90\x80\x80"]
)

LEVELS = ["junior", "mid", "senior"]  # the ladder's level slugs, as forms receive them


def stretched(size: st.SearchStrategy[int], seed=None) -> st.SearchStrategy[str]:
    """Text of exactly `size` characters, a short random piece repeated (cheap even when huge)."""
    if seed is None:
        seed = st.text(alphabet=NASTY_CHARACTER, min_size=1, max_size=8)
    return st.builds(lambda piece, n: (piece * (n // len(piece) + 1))[:n], seed, size)


def huge(limit: int) -> st.SearchStrategy[str]:
    """Text at and around a field's limit, and far beyond it."""
    sizes = sorted({max(limit - 1, 0), limit, limit + 1, 2 * limit + 7, 100_000})
    return stretched(st.sampled_from(sizes))


def with_nul(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Otherwise fine text with NUL (or another control character) slipped in somewhere."""

    def insert(value: str, at: int, what: str) -> str:
        at = at % (len(value) + 1)
        return value[:at] + what + value[at:]

    return st.builds(insert, text, st.integers(min_value=0), st.sampled_from(NULS))


def padded(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Text with whitespace (Unicode's too) around it."""
    pad = st.one_of(empty, whitespace)
    return st.builds(lambda before, value, after: before + value + after, pad, text, pad)


wrong_type = st.one_of(
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(st.text(alphabet=ANY_CHARACTER, max_size=12), min_size=2, max_size=4),
    not_utf8,
    st.sampled_from(MARKUP),
)


def mostly(valid: st.SearchStrategy, junk: st.SearchStrategy) -> st.SearchStrategy:
    """Three times in four something valid, else junk."""
    return st.sampled_from([valid, valid, valid, junk]).flatmap(lambda chosen: chosen)


def junk_text(limit: int) -> st.SearchStrategy:
    return st.one_of(
        empty,
        whitespace,
        unicode_text,
        nasty_text,
        huge(limit),
        wrong_type,
        st.sampled_from(NULS),
    )


def plausible(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """Text a person could mean to send: the right length, any characters, maybe padded with
    whitespace or carrying a NUL."""
    core = st.one_of(
        st.text(alphabet=ANY_CHARACTER, min_size=min_size, max_size=min(max_size, min_size + 40)),
        st.text(alphabet=NASTY_CHARACTER, min_size=min_size, max_size=min(max_size, min_size + 40)),
        stretched(st.integers(min_value=min_size, max_value=max_size)),
        stretched(
            st.integers(min_value=min_size, max_value=max_size),
            st.sampled_from(["a", "word ", "é", "😀", "x\u200b", "line\n"]),
        ),
    )
    return st.one_of(core, padded(core), with_nul(core))


def text(min_size: int = 0, max_size: int = 300) -> st.SearchStrategy:
    """A text field's value: mostly plausible, else anything."""
    return mostly(plausible(min_size, max_size), junk_text(max_size))


def choice(values) -> st.SearchStrategy:
    """A choice field's value: a real choice, or an unknown one, a number, a list, a real one
    with something stuck to it."""
    values = list(values)
    real = st.sampled_from(values)
    junk = st.one_of(
        junk_text(40),
        st.integers(min_value=-2, max_value=2**70),
        st.lists(real, min_size=2, max_size=3),
        st.builds(lambda v, s: f"{v}{s}", real, st.sampled_from([*NULS, " ", "\n", "²", "x"])),
        real.map(lambda v: str(v).upper()),
        st.sampled_from(["", "None", "null", "undefined", "0", "-1", "1e9", "²", "١"]),
    )
    return mostly(real, junk)


checkbox = st.one_of(
    st.just("on"),
    empty,
    st.sampled_from(["true", "false", "False", "0", "1", "off", "\x00"]),
    st.lists(st.sampled_from(["on", ""]), min_size=2, max_size=3),
    wrong_type,
)


def number(min_value: int, max_value: int) -> st.SearchStrategy:
    """An integer field's value, in range or not, or not a number at all."""
    real = st.integers(min_value=min_value, max_value=max_value)
    junk = st.one_of(
        st.integers(),
        st.integers(min_value=2**63 - 2, max_value=2**80),
        st.sampled_from(["1.5", "1e3", "0x10", "²", "١٢", "7\x00", " 7 ", "NaN", "inf", "-0"]),
        junk_text(20),
    )
    return mostly(real, junk)


def ids(*known: int) -> st.SearchStrategy:
    """An object id: one of `known` (one's own or other people's), or any number or junk."""
    real = st.sampled_from(known) if known else st.integers(min_value=1, max_value=10**6)
    return mostly(real, st.one_of(st.integers(), junk_text(20)))


# Fields nobody asked for: attempts to set what the form does not offer.
EXTRA_FIELDS = {
    "is_moderator": st.just("on"),
    "is_staff": st.just("on"),
    "is_superuser": st.just("on"),
    "reputation": st.just("999999"),
    "author": st.integers(min_value=1, max_value=50),
    "owner": st.integers(min_value=1, max_value=50),
    "id": st.integers(min_value=1, max_value=50),
    "next": st.sampled_from(["https://evil.example/", "//evil.example", "/moderation/\x00"]),
    "csrfmiddlewaretoken": unicode_text,
}


def form(fields: dict[str, st.SearchStrategy], extra: bool = True) -> st.SearchStrategy[dict]:
    """A form's POST data: usually every field, sometimes any subset, sometimes extra fields."""
    complete = st.fixed_dictionaries(fields)
    partial = st.fixed_dictionaries({}, optional=fields)
    data = st.one_of(complete, complete, partial)
    if not extra:
        return data
    extras = st.one_of(st.just({}), st.fixed_dictionaries({}, optional=EXTRA_FIELDS))
    return st.builds(lambda chosen, more: {**more, **chosen}, data, extras)
