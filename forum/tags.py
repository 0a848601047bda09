"""Topic tags are lower-case slugs: "PIP", "pip " and "Pip" are one tag."""

import re

MAX_TAGS = 5
MAX_TAG_LENGTH = 30
_SEPARATORS = re.compile(r"[,\s]+")  # with no comma in the text, spaces separate tags
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class TagError(ValueError):
    pass


def normalise_tag(raw: str) -> str:
    tag = re.sub(r"[_\s]+", "-", raw.strip().lower()).strip("-")
    if not tag:
        raise TagError("Tags cannot be empty.")
    if len(tag) > MAX_TAG_LENGTH:
        raise TagError(f"“{tag[:40]}” is too long: tags have at most {MAX_TAG_LENGTH} characters.")
    if not _SLUG.match(tag):
        raise TagError(f"“{tag[:40]}”: tags use letters, digits and single hyphens only.")
    return tag


def parse_tags(text: str) -> list[str]:
    """Split typed tags into checked, de-duplicated slugs.

    "pip promotion" is two tags; once there is a comma, commas separate and spaces join words:
    "pip, growth plan" is pip and growth-plan.
    """
    text = text or ""
    pieces = text.split(",") if "," in text else _SEPARATORS.split(text)
    tags: list[str] = []
    for raw in pieces:
        if raw.strip(" -_"):
            tag = normalise_tag(raw)
            if tag not in tags:
                tags.append(tag)
    if not tags:
        raise TagError("Add at least one tag, such as pip, promotion or burnout.")
    if len(tags) > MAX_TAGS:
        raise TagError(f"Use at most {MAX_TAGS} tags; you gave {len(tags)}.")
    return tags
