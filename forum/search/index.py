"""The stored search entries: one per visible question, kept up to date by the services
(index_question, index_answer_added) and rebuilt in bulk by `manage.py rebuild_search_index`."""

from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from forum.markdown import plain_text
from forum.models import Answer, Question

# PostgreSQL: one question's document, from the stored HTML (the english configuration skips
# tags and entities), answers appended one by one in id order. Appending a new answer's vector
# to a stored document gives exactly the document a rebuild would, so posting an answer never
# re-reads the thread.
_PG_TITLE_BODY = (
    "setweight(to_tsvector('english', q.title), 'A')"
    " || setweight(to_tsvector('english', q.body_html), 'B')"
)
_PG_ANSWER = "setweight(to_tsvector('english', {html}), 'C')"


def _pg_documents(*, questions: str, answers: str) -> str:
    """SELECT (id, document) for the visible questions matching the SQL condition `questions`
    (on q), whose answers match `answers` (on forum_answer)."""
    return f"""
        SELECT q.id, {_PG_TITLE_BODY} || coalesce(a.document, '')
        FROM forum_question q
        LEFT JOIN (
            SELECT question_id, tsvector_agg({_PG_ANSWER.format(html="body_html")} ORDER BY id)
                AS document
            FROM forum_answer
            WHERE NOT is_hidden AND {answers}
            GROUP BY question_id
        ) a ON a.question_id = q.id
        WHERE NOT q.is_hidden AND {questions}
    """  # noqa: S608 - built from this module's constants only


_PG_INDEX_ONE = "INSERT INTO forum_question_search (question_id, document) " + _pg_documents(
    questions="q.id = %s", answers="question_id = %s"
)
_PG_INDEX_RANGE = "INSERT INTO forum_question_search (question_id, document) " + _pg_documents(
    questions="q.id BETWEEN %s AND %s", answers="question_id BETWEEN %s AND %s"
)
_PG_FRESH = (
    "SELECT document::text FROM ("  # noqa: S608 - constants only
    + _pg_documents(questions="q.id = %s", answers="question_id = %s")
    + ") AS fresh(id, document)"
)
_PG_APPEND = (
    "UPDATE forum_question_search SET document = document || "  # noqa: S608 - constants only
    + _PG_ANSWER.format(html="%s")
    + " WHERE question_id = %s"
)


def _sqlite_documents(question_ids: list[int]) -> list[tuple[int, str, str, str]]:
    """SQLite's FTS5 columns: title, the body and the answers as plain text."""
    questions = Question.objects.visible().filter(pk__in=question_ids)
    answers: dict[int, list[str]] = {}
    for question_id, html in (
        Answer.objects.visible()
        .filter(question_id__in=question_ids)
        .order_by("id")
        .values_list("question_id", "body_html")
    ):
        answers.setdefault(question_id, []).append(plain_text(html))
    return [
        (pk, title, plain_text(html), " ".join(answers.get(pk, [])))
        for pk, title, html in questions.values_list("pk", "title", "body_html")
    ]


def index_question(question_id: int) -> None:
    """Bring one question's search entry up to date (removing it if the question is hidden)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "DELETE FROM forum_question_search WHERE question_id = %s", [question_id]
            )
            cursor.execute(_PG_INDEX_ONE, [question_id, question_id])
            return
        cursor.execute("DELETE FROM forum_question_fts WHERE rowid = %s", [question_id])
        _sqlite_insert(cursor, _sqlite_documents([question_id]))


def index_answer_added(*, question_id: int, body_html: str) -> None:
    """A new visible answer joins its question's entry (the cheap path for posting one)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_APPEND, [body_html, question_id])
        else:
            cursor.execute(
                "UPDATE forum_question_fts SET answers = trim(answers || ' ' || %s)"
                " WHERE rowid = %s",
                [plain_text(body_html), question_id],
            )


def _sqlite_insert(cursor, rows) -> None:
    cursor.executemany(
        "INSERT INTO forum_question_fts (rowid, title, body, answers) VALUES (%s, %s, %s, %s)",
        rows,
    )


def clear_index() -> None:
    table = "forum_question_search" if connection.vendor == "postgresql" else "forum_question_fts"
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a fixed table name


REBUILD_CONNECTIONS = 2  # PostgreSQL does the work: one connection per core


def rebuild_index(*, batch_size: int = 2000) -> int:
    """Rebuild every entry. PostgreSQL does it in one statement per batch of questions, in the
    database, on two connections at once when not inside a transaction; SQLite in batches from
    Python. Returns how many questions are indexed. Searches see a partial index meanwhile."""
    clear_index()
    ids = list(Question.objects.visible().order_by("pk").values_list("pk", flat=True))
    batches = [ids[start : start + batch_size] for start in range(0, len(ids), batch_size)]
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            for batch in batches:
                _sqlite_insert(cursor, _sqlite_documents(batch))
    elif connection.in_atomic_block or len(batches) < 2:
        _pg_index_batches(batches, close=False)  # other connections could not see this data
    else:
        share = [batches[n::REBUILD_CONNECTIONS] for n in range(REBUILD_CONNECTIONS)]
        with ThreadPoolExecutor(REBUILD_CONNECTIONS) as pool:
            list(pool.map(lambda part: _pg_index_batches(part, close=True), share))
    return len(ids)


def _pg_index_batches(batches: list[list[int]], *, close: bool) -> None:
    try:
        with connection.cursor() as cursor:
            for batch in batches:
                cursor.execute(_PG_INDEX_RANGE, [batch[0], batch[-1], batch[0], batch[-1]])
    finally:
        if close:  # a thread's own connection
            connection.close()


def stored_document(question_id: int):
    """The stored entry, for checks: the tsvector's text, or SQLite's three columns."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT document::text FROM forum_question_search WHERE question_id = %s",
                [question_id],
            )
        else:
            cursor.execute(
                "SELECT title, body, answers FROM forum_question_fts WHERE rowid = %s",
                [question_id],
            )
        row = cursor.fetchone()
    if row is None:
        return None
    return row[0] if connection.vendor == "postgresql" else tuple(row)


def fresh_document(question_id: int):
    """What a rebuild would store for this question now (None if it would store nothing)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_PG_FRESH, [question_id, question_id])
            row = cursor.fetchone()
        return row[0] if row else None
    rows = _sqlite_documents([question_id])
    return tuple(rows[0][1:]) if rows else None
