"""Topic tags are lower-case slugs: "PIP", "pip " and "Pip" are one tag."""

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class TagsBeingTyped:
    """The tags field split where the person is typing: "pip, growth pl" is `head` "pip, ",
    `last` "growth-pl" (as a tag would be stored) and `done` ["pip"]."""

    head: str
    last: str
    done: tuple[str, ...]


def tags_being_typed(text: str) -> TagsBeingTyped:
    """Where suggestions complete the field: the same separators as `parse_tags` (commas once
    there is one, else spaces). Words that are not tags yet are left out of `done`."""
    text = text or ""
    if "," in text:
        cut = text.rindex(",") + 1
        head = text[:cut] + " "
    else:
        match = re.search(r"\s(?=\S*$)", text)
        cut = match.end() if match else 0
        head = text[:cut]
    pieces = head.split(",") if "," in head else _SEPARATORS.split(head)
    done = []
    for raw in pieces:
        try:
            tag = normalise_tag(raw)
        except TagError:
            continue
        if tag not in done:
            done.append(tag)
    last = re.sub(r"[_\s]+", "-", text[cut:].strip().lower())
    return TagsBeingTyped(head=head, last=last, done=tuple(done))
