"""Reading one record of the ladder file field by field, with errors in its own terms."""

import re
from dataclasses import dataclass, field
from typing import Any

from core.text import one_line
from ladder.loading.specs import LadderDataError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Record:
    """One mapping from the file, read field by field; complains in the record's own terms."""

    data: Any
    where: str
    _seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not isinstance(self.data, dict):
            self.fail(f"expected a mapping of fields, got {type(self.data).__name__}")

    def fail(self, message: str, name: str | None = None) -> None:
        at = f"{self.where}, field '{name}'" if name else self.where
        raise LadderDataError(f"{at}: {message}")

    def _get(self, name: str, required: bool) -> Any:
        self._seen.add(name)
        if name not in self.data or self.data[name] is None:
            if required:
                self.fail("is missing", name)
            return None
        return self.data[name]

    def text(self, name: str, *, required: bool = True, max_length: int = 2000) -> str:
        value = self._get(name, required)
        if value is None:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail("must be non-empty text", name)
        if len(value) > max_length:
            self.fail(f"is longer than {max_length} characters", name)
        return one_line(value)

    def slug(self, name: str, *, required: bool = True) -> str | None:
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, str) or not SLUG.match(value):
            self.fail(f"{value!r} is not a lowercase-hyphen slug", name)
        return value

    def integer(self, name: str) -> int:
        value = self._get(name, True)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.fail(f"{value!r} is not a positive whole number", name)
        return value

    def boolean(self, name: str) -> bool:
        value = self._get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(f"{value!r} is not true or false", name)
        return value

    def text_list(self, name: str, *, required: bool = False, slugs: bool = False) -> list[str]:
        value = self._get(name, required)
        if value is None:
            return []
        if not isinstance(value, list) or (required and not value):
            self.fail("must be a non-empty list" if required else "must be a list", name)
        for item in value:
            if not isinstance(item, str | int) or not str(item).strip():
                self.fail(f"has an empty or non-text item {item!r}", name)
            if slugs and not SLUG.match(str(item)):
                self.fail(f"{item!r} is not a lowercase-hyphen slug", name)
        return [one_line(str(item)) for item in value]

    def mapping_list(self, name: str) -> list[Any]:
        value = self._get(name, True)
        if not isinstance(value, list) or not value:
            self.fail("must be a non-empty list", name)
        return value

    def one_of(self, name: str, allowed: list[str] | tuple[str, ...], value: str | None) -> None:
        if value is not None and value not in allowed:
            self.fail(f"unknown value {value!r} (expected one of: {', '.join(allowed)})", name)

    def done(self) -> None:
        unknown = sorted(set(self.data) - self._seen)
        if unknown:
            self.fail(f"unknown field(s): {', '.join(unknown)}")


def records_of(
    data: dict, section: str, label_field: str, *, required: bool = True
) -> list[Record]:
    items = data.get(section)
    if items is None and not required:
        return []
    if not isinstance(items, list) or (required and not items):
        raise LadderDataError(f"'{section}': must be a {'non-empty ' if required else ''}list")
    records = []
    for index, item in enumerate(items):
        label = item.get(label_field) if isinstance(item, dict) else None
        where = f"{section}[{index}]" + (f" ({label})" if label else "")
        records.append(Record(item, where))
    return records


def unique(values: list[str], section: str) -> None:
    seen = set()
    for value in values:
        if value in seen:
            raise LadderDataError(f"{section}: {value!r} appears twice")
        seen.add(value)
