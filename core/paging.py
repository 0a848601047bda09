"""Pages of long lists that cost the same on page 1 and page 2,000.

Two ways to page, both without counting the whole table:
- `offset_page`: "page N", for links people share; only the ids of the rows to skip are read
  (an index-only walk), then the page's rows by id.
- `keyset_page`: "older than this row", for the Next link; the cursor names the last row's
  sort values, and the database seeks straight to it through the list's index.
Every ordering used here must be all-descending and end in a unique field ("-id").
"""

import base64
import json
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import F, Model, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleLessThan
from django.http import HttpRequest

MAX_PAGE = 1_000_000


def page_number(request: HttpRequest, name: str = "page") -> int:
    """A page number from the query string; anything that is not a sensible one means 1."""
    raw = request.GET.get(name, "")
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < int(raw) < MAX_PAGE else 1


@dataclass(frozen=True)
class Page:
    items: list
    number: int
    per_page: int
    has_next: bool
    total: int | None = None  # None when counting would cost too much
    next_cursor: str = ""

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def num_pages(self) -> int | None:
        if self.total is None:
            return None
        return max(1, -(-self.total // self.per_page))

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def list_page(items: list, *, number: int, per_page: int) -> Page:
    """A page of a list already in memory (search results, which are capped)."""
    pages = max(1, -(-len(items) // per_page))
    number = min(max(number, 1), pages)
    start = (number - 1) * per_page
    return Page(
        items=items[start : start + per_page],
        number=number,
        per_page=per_page,
        has_next=start + per_page < len(items),
        total=len(items),
    )


def _fields(ordering: tuple[str, ...]) -> list[str]:
    if not all(name.startswith("-") for name in ordering):
        raise ValueError("Keyset paging needs an all-descending ordering.")
    return [name[1:] for name in ordering]


def _encode(values: list) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str, model: type[Model], fields: list[str]) -> list | None:
    """The sort values a cursor names, typed for the model's fields; None if it is not ours."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(fields):
            return None
        pairs = zip(fields, raw, strict=True)
        values = [model._meta.get_field(name).to_python(value) for name, value in pairs]
        return None if None in values else values
    except (ValueError, TypeError, UnicodeDecodeError, ValidationError):
        return None


def cursor_for(item: Model, ordering: tuple[str, ...]) -> str:
    return _encode([getattr(item, name) for name in _fields(ordering)])


def _finish(
    rows: list, *, number: int, per_page: int, total: int | None, ordering: tuple[str, ...]
) -> Page:
    has_next = len(rows) > per_page
    rows = rows[:per_page]
    keyset = all(name.startswith("-") for name in ordering)
    return Page(
        items=rows,
        number=number,
        per_page=per_page,
        has_next=has_next,
        total=total,
        next_cursor=cursor_for(rows[-1], ordering) if keyset and has_next and rows else "",
    )


def offset_page(
    queryset: QuerySet,
    *,
    number: int,
    per_page: int,
    ordering: tuple[str, ...],
    total: int | None = None,
) -> Page:
    """Page `number` (from 1) of `queryset` in `ordering`."""
    start = (number - 1) * per_page
    ordered = queryset.order_by(*ordering)
    if start == 0:
        rows = list(ordered[: per_page + 1])
    else:  # skip through the index alone, then fetch the page's rows by id
        ids = ordered.prefetch_related(None).select_related(None).values_list("pk", flat=True)
        ids = list(ids[start : start + per_page + 1])
        by_id = {row.pk: row for row in queryset.filter(pk__in=ids)}
        rows = [by_id[pk] for pk in ids if pk in by_id]
    return _finish(rows, number=number, per_page=per_page, total=total, ordering=ordering)


def keyset_page(
    queryset: QuerySet,
    *,
    cursor: str,
    number: int,
    per_page: int,
    ordering: tuple[str, ...],
    total: int | None = None,
) -> Page | None:
    """The page after the row `cursor` names; None when the cursor is not a valid one."""
    fields = _fields(ordering)
    values = _decode(cursor, queryset.model, fields)
    if values is None:
        return None
    after = TupleLessThan(Tuple(*(F(name) for name in fields)), tuple(values))
    rows = list(queryset.filter(after).order_by(*ordering)[: per_page + 1])
    return _finish(rows, number=number, per_page=per_page, total=total, ordering=ordering)
