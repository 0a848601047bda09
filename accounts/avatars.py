"""Avatars drawn on the server: a person's initials on a colour of their own, as inline SVG.

No pictures are uploaded and nothing is fetched from another site (the CSP allows neither).
The colour comes from a hash of the user id, so it stays the same when the person renames
themselves and differs between people with the same initials; it is darkened until white
text on it has a contrast of at least 4.5:1 (WCAG AA for text). The SVG is decorative
(aria-hidden): the name always stands beside it. Anonymous posts and deleted members get one
neutral avatar each, the same for everyone.
"""

import colorsys
import functools
import hashlib

from django.utils.html import format_html
from django.utils.safestring import SafeString

TEXT = "#ffffff"
MIN_CONTRAST = 4.5
NEUTRAL = "#5c6670"  # anonymous and deleted members: a grey with 5.85:1 against white


def _luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.2)."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _hex(hue: float, lightness: float, saturation: float) -> str:
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (red, green, blue)))


@functools.lru_cache(maxsize=4096)  # a page shows the same few dozen people: hash once
def colour_for(user_id: int) -> str:
    """A background colour of the person's own, readable under white text."""
    digest = hashlib.sha256(f"rungs-avatar:{user_id}".encode()).digest()
    hue = int.from_bytes(digest[:2], "big") / 65536
    saturation = 0.45 + digest[2] / 255 * 0.2
    lightness = 0.42
    colour = _hex(hue, lightness, saturation)
    while contrast(colour, TEXT) < MIN_CONTRAST:
        lightness -= 0.02
        colour = _hex(hue, lightness, saturation)
    return colour


def initials(name: str) -> str:
    """Up to two letters: the first letters of the first and last words ("Dana Okafor": DO)."""
    words = ["".join(ch for ch in word if ch.isalnum()) for word in name.split()]
    words = [word for word in words if word]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def _svg(*, colour: str, text: str, size: int) -> SafeString:
    font = round(size * 0.42)
    return format_html(
        '<svg class="avatar" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        'aria-hidden="true" focusable="false">'
        '<rect width="{size}" height="{size}" rx="{radius}" fill="{colour}"/>'
        '<text x="50%" y="50%" dy=".35em" text-anchor="middle" fill="{text_colour}" '
        'font-family="system-ui, sans-serif" font-size="{font}" font-weight="600">{text}</text>'
        "</svg>",
        size=size,
        radius=round(size / 5),
        colour=colour,
        text_colour=TEXT,
        font=font,
        text=text,
    )


def for_person(person, size: int = 32) -> SafeString:
    """The avatar of a member; a deleted member's is the neutral one."""
    if person.is_erased:
        return deleted(size)
    return _svg(colour=colour_for(person.pk), text=initials(person.public_name), size=size)


def anonymous(size: int = 32) -> SafeString:
    """The same for every anonymous post: it must not tell one anonymous author from another."""
    return _svg(colour=NEUTRAL, text="?", size=size)


def deleted(size: int = 32) -> SafeString:
    return _svg(colour=NEUTRAL, text="–", size=size)


__all__ = ["anonymous", "colour_for", "contrast", "deleted", "for_person", "initials"]
