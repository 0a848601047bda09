"""Full-text search over questions, their bodies and their answers, on either database.

PostgreSQL keeps a weighted tsvector per question in forum_question_search (GIN-indexed) and
reads web-search syntax with websearch_to_tsquery. SQLite keeps an FTS5 table,
forum_question_fts, and the same syntax is translated into an FTS5 query here. Services call
index_question() whenever a question, its answers or their visibility change, so hidden posts
never match. Callers branch on nothing: they use index_question() and matching_ids().
"""

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.db import connection

from forum.markdown import plain_text
from forum.models import Answer, Question

HIT_START, HIT_END = "\ue000", "\ue001"  # private-use characters, split out before rendering
# ts_headline parses its input as HTML and drops anything tag-like; these stand in for < and >.
_LT, _GT = "\ue002", "\ue003"
MAX_MATCHES = 200  # results a search lists, at most (ten pages)
CANDIDATES = 500  # the newest matches ranked to find them


@dataclass(frozen=True)
class Segment:
    text: str
    hit: bool


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


def matching_ids(query: str) -> list[int]:
    """Ids of the questions matching a web-search style query, best first.

    Only the CANDIDATES newest matches are ranked, so a word found in most posts costs what a
    rare one does (the database either walks the newest questions until it has enough matches,
    or reads a rare word's few matches from the index, whichever its statistics say is
    cheaper). A query with nothing to look for (only exclusions or common words) matches
    nothing, on both databases alike.
    """
    fts_query = to_fts5(query)
    if not fts_query:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                """
                WITH q AS (SELECT websearch_to_tsquery('english', %s) AS query),
                candidates AS (
                    SELECT s.question_id, ts_rank_cd(s.document, q.query) AS rank
                    FROM forum_question_search s, q
                    WHERE s.document @@ q.query
                    ORDER BY s.question_id DESC
                    LIMIT %s
                )
                SELECT question_id FROM candidates
                ORDER BY rank DESC, question_id DESC
                LIMIT %s
                """,
                [query, CANDIDATES, MAX_MATCHES],
            )
        else:
            cursor.execute(
                """
                SELECT rowid FROM forum_question_fts
                WHERE forum_question_fts MATCH %s AND rowid IN (
                    SELECT rowid FROM forum_question_fts WHERE forum_question_fts MATCH %s
                    ORDER BY rowid DESC LIMIT %s
                )
                ORDER BY bm25(forum_question_fts, 10.0, 4.0, 1.0), rowid DESC
                LIMIT %s
                """,
                [fts_query, fts_query, CANDIDATES, MAX_MATCHES],
            )
        return [row[0] for row in cursor.fetchall()]


def snippets(query: str, question_ids: list[int]) -> dict[int, list[Segment]]:
    """A highlighted extract per question, as plain segments the template escapes itself."""
    if not question_ids:
        return {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            bodies = dict(
                Question.objects.filter(pk__in=question_ids).values_list("pk", "body_html")
            )
            options = (
                f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=35, MinWords=15, "
                'MaxFragments=2, FragmentDelimiter=" … "'
            )
            cursor.execute(
                """
                SELECT t.id, ts_headline('english', t.body, websearch_to_tsquery('english', %s), %s)
                FROM unnest(%s::bigint[], %s::text[]) AS t(id, body)
                """,
                [
                    query,
                    options,
                    list(bodies),
                    [
                        plain_text(html).replace("<", _LT).replace(">", _GT)
                        for html in bodies.values()
                    ],
                ],
            )
            rows = cursor.fetchall()
        else:
            placeholders = ", ".join(["%s"] * len(question_ids))
            cursor.execute(
                f"""
                SELECT rowid, snippet(forum_question_fts, -1, %s, %s, ' … ', 28)
                FROM forum_question_fts
                WHERE forum_question_fts MATCH %s AND rowid IN ({placeholders})
                """,  # noqa: S608 - placeholders only
                [HIT_START, HIT_END, to_fts5(query), *question_ids],
            )
            rows = cursor.fetchall()
    return {
        question_id: split_hits((text or "").replace(_LT, "<").replace(_GT, ">"))
        for question_id, text in rows
    }


def split_hits(text: str) -> list[Segment]:
    segments = []
    for index, part in enumerate(re.split(f"[{HIT_START}{HIT_END}]", text)):
        if part:
            segments.append(Segment(part, hit=index % 2 == 1))
    return segments


_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
# Words PostgreSQL's english configuration ignores; dropped here too so that both databases
# answer "how to ask for a promotion" the same way.
_STOPWORDS = frozenset(
    (
        "a an and are as at be but by for from has have how i if in into is it its me my no not "
        "of on or our so that the their then there these they this to was we were what when "
        "where which who why will with you your"
    ).split()
)


def to_fts5(query: str) -> str:
    """Translate web-search syntax ("exact phrase", -exclude, or) into a safe FTS5 query.

    Every term is quoted, so FTS5 operators typed by a user are only ever words.
    """
    groups: list[list[str]] = [[]]
    excluded: list[str] = []
    for negated_phrase, phrase, bare in _TOKEN.findall(query or ""):
        negate = bool(negated_phrase)
        if bare:
            if bare.lower() == "or":
                if groups[-1]:
                    groups.append([])
                continue
            negate = bare.startswith("-") and len(bare) > 1
            phrase = bare[1:] if negate else bare
        words = _WORD.findall(phrase)
        if bare:  # outside quotes common words are noise, as PostgreSQL treats them
            words = [w for w in words if w.lower() not in _STOPWORDS]
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        (excluded if negate else groups[-1]).append(term)
    alternatives = [" AND ".join(group) for group in groups if group]
    if not alternatives:
        return ""
    expression = " OR ".join(f"({alternative})" for alternative in alternatives)
    for term in excluded:
        expression = f"({expression}) NOT {term}"
    return expression
