"""Bulk writes of plain tuples: binary COPY on PostgreSQL, executemany on SQLite.

Rows never become model instances: at a million answers that alone would take minutes. Each
table knows its columns from the model, so the generators list only the fields they set and
every other column gets the model's default. Ids are handed out here (the tables start empty),
and the sequences are moved past them at the end.
"""

import queue
import re
import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max

# Column types whose Python values SQLite's driver cannot take as they are.
_CONVERTED_ON_SQLITE = {"DateTimeField", "DateField", "JSONField", "UUIDField"}


def _pg_type(field: models.Field) -> str:
    """The column's type name without its modifiers ("varchar(150)" is "varchar")."""
    return re.sub(r"\(.*?\)", "", field.db_type(connection)).strip()


class Table:
    """Buffered rows for one model; `fields` name, in order, what each row tuple holds."""

    def __init__(self, model: type[models.Model], fields: Iterable[str]) -> None:
        meta = model._meta
        given = [meta.get_field(name) for name in fields]
        rest = [field for field in meta.concrete_fields if field not in given]
        self.model = model
        self.name = meta.db_table
        self.columns = [field.column for field in given + rest]
        self.fields = given + rest
        self.tail = tuple(field.get_default() for field in rest)
        self.rows: list[tuple] = []
        self.written = 0
        self.next_id = (model.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        self._prepare = self._preparer()

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def add(self, row: tuple) -> None:
        self.rows.append(row)

    def _preparer(self) -> Callable[[tuple], tuple] | None:
        """What each full row needs before SQLite's driver takes it (PostgreSQL: nothing, its
        binary COPY dumps every value by the column's type)."""
        if connection.vendor == "postgresql":
            return None
        converters: list[Callable[[Any], Any] | None] = [
            (lambda value, f=f: f.get_db_prep_save(value, connection))
            if f.get_internal_type() in _CONVERTED_ON_SQLITE
            else None
            for f in self.fields
        ]

        def for_sqlite(row: tuple) -> tuple:
            return tuple(
                value if convert is None else convert(value)
                for convert, value in zip(converters, row, strict=True)
            )

        return for_sqlite

    def take(self) -> list[tuple]:
        rows, self.rows = self.rows, []
        self.written += len(rows)
        return rows

    def write(self, rows: list[tuple]) -> None:
        """Insert `rows` through this thread's connection, inside its open transaction."""
        tail, prepare = self.tail, self._prepare
        full = (row + tail for row in rows) if tail else rows
        ready = full if prepare is None else map(prepare, full)
        table = connection.ops.quote_name(self.name)
        columns = ", ".join(connection.ops.quote_name(column) for column in self.columns)
        if connection.vendor == "postgresql":
            # Binary COPY: several times cheaper than text for psycopg to format, and for the
            # server to parse (timestamps above all).
            sql = f"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)"
            with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
                copy.set_types([_pg_type(field) for field in self.fields])
                for row in ready:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(self.columns))
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                    list(ready),
                )


Batch = list[tuple[Table, list[tuple]]]


def _write(batch: Batch) -> None:
    with transaction.atomic():
        for table, rows in batch:
            table.write(rows)


def in_background(work: Callable[[], object]) -> Callable[[], None]:
    """Run `work` in a thread with its own database connection; the returned function waits
    for it and re-raises what it raised."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as error:  # handed to the waiting thread
            failure.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=target, daemon=True)
    thread.start()

    def wait() -> None:
        thread.join()
        if failure:
            raise failure[0]

    return wait


class Writer:
    """The tables being filled. Each flush is one transaction, so PostgreSQL checks the
    (deferred) foreign keys of a bounded batch at a time.

    With `threads`, flushed batches go to that many writer threads, each with its own
    connection: PostgreSQL then ingests on every core while this thread draws the next batch.
    Batches only refer to each other through people and tags, written before any thread runs.
    """

    def __init__(self, *, threads: int = 0) -> None:
        self.tables: list[Table] = []
        connection.ensure_connection()
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=threads)
        self._failed = threading.Event()
        self._waits = [in_background(self._drain) for _ in range(threads)]

    def _drain(self) -> None:
        try:
            while (batch := self._queue.get()) is not None:
                _write(batch)
        except BaseException:
            self._failed.set()
            while self._queue.get() is not None:  # keep the producer from blocking forever
                pass
            raise

    def table(self, model: type[models.Model], fields: Iterable[str]) -> Table:
        table = Table(model, fields)
        self.tables.append(table)
        return table

    def flush(self) -> None:
        batch = [(table, table.take()) for table in self.tables if table.rows]
        if not batch:
            return
        if not self._waits:
            _write(batch)
            return
        if self._failed.is_set():
            self.close()  # raises the writer thread's error now, not after the whole run
        self._queue.put(batch)

    def close(self) -> None:
        """Let the writer threads finish what they were given; raise what failed there."""
        waits, self._waits = self._waits, []
        for _ in waits:
            self._queue.put(None)
        for wait in waits:
            wait()

    def finish(self) -> None:
        """Write what is left and move each id sequence past the ids given out."""
        self.flush()
        self.close()
        statements = connection.ops.sequence_reset_sql(no_style(), [t.model for t in self.tables])
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def analyze(tables: Iterable[str]) -> None:
    """Fresh planner statistics (PostgreSQL): the rebuilders' queries and the first page views
    would otherwise be planned for empty tables."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
