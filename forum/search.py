"""Full-text search over questions, their bodies and their answers, on either database.

PostgreSQL keeps a weighted tsvector per question in forum_question_search (GIN-indexed) and
reads web-search syntax with websearch_to_tsquery. SQLite keeps an FTS5 table,
forum_question_fts, and the same syntax is translated into an FTS5 query here. Services call
index_question() whenever a question, its answers or their visibility change, so hidden posts
never match. Callers branch on nothing: they use index_question() and matching_ids().
"""

import re
from dataclasses import dataclass

from django.db import connection

from forum.markdown import plain_text

HIT_START, HIT_END = "\ue000", "\ue001"  # private-use characters, split out before rendering
# ts_headline parses its input as HTML and drops anything tag-like; these stand in for < and >.
_LT, _GT = "\ue002", "\ue003"
MAX_MATCHES = 500


@dataclass(frozen=True)
class Segment:
    text: str
    hit: bool


def _documents(question_id: int) -> tuple[str, str, str] | None:
    from forum.models import Answer, Question

    question = Question.objects.filter(pk=question_id, is_hidden=False).first()
    if question is None:
        return None
    answers = (
        Answer.objects.visible().filter(question_id=question_id).values_list("body_html", flat=True)
    )
    return (
        question.title,
        plain_text(question.body_html),
        " ".join(plain_text(html) for html in answers),
    )


def index_question(question_id: int) -> None:
    """Bring one question's search entry up to date (removing it if the question is hidden)."""
    documents = _documents(question_id)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if documents is None:
                cursor.execute(
                    "DELETE FROM forum_question_search WHERE question_id = %s", [question_id]
                )
                return
            cursor.execute(
                """
                INSERT INTO forum_question_search (question_id, document)
                VALUES (%s, setweight(to_tsvector('english', %s), 'A')
                         || setweight(to_tsvector('english', %s), 'B')
                         || setweight(to_tsvector('english', %s), 'C'))
                ON CONFLICT (question_id) DO UPDATE SET document = EXCLUDED.document
                """,
                [question_id, *documents],
            )
        else:
            cursor.execute("DELETE FROM forum_question_fts WHERE rowid = %s", [question_id])
            if documents is not None:
                cursor.execute(
                    "INSERT INTO forum_question_fts (rowid, title, body, answers)"
                    " VALUES (%s, %s, %s, %s)",
                    [question_id, *documents],
                )


def clear_index() -> None:
    table = "forum_question_search" if connection.vendor == "postgresql" else "forum_question_fts"
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a fixed table name


def rebuild_index() -> int:
    from forum.models import Question

    clear_index()
    ids = list(Question.objects.visible().values_list("pk", flat=True))
    for question_id in ids:
        index_question(question_id)
    return len(ids)


def matching_ids(query: str) -> list[int]:
    """Ids of the questions matching a web-search style query, best first.

    A query with nothing to look for (only exclusions or common words) matches nothing, on
    both databases alike.
    """
    fts_query = to_fts5(query)
    if not fts_query:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                """
                SELECT s.question_id
                FROM forum_question_search s, websearch_to_tsquery('english', %s) q
                WHERE s.document @@ q
                ORDER BY ts_rank_cd(s.document, q) DESC, s.question_id DESC
                LIMIT %s
                """,
                [query, MAX_MATCHES],
            )
        else:
            cursor.execute(
                """
                SELECT rowid FROM forum_question_fts
                WHERE forum_question_fts MATCH %s
                ORDER BY bm25(forum_question_fts, 10.0, 4.0, 1.0), rowid DESC
                LIMIT %s
                """,
                [fts_query, MAX_MATCHES],
            )
        return [row[0] for row in cursor.fetchall()]


def snippets(query: str, question_ids: list[int]) -> dict[int, list[Segment]]:
    """A highlighted extract per question, as plain segments the template escapes itself."""
    if not question_ids:
        return {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from forum.models import Question

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
