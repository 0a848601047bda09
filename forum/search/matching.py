"""Which questions a query matches, best first, and their highlighted extracts."""

from django.db import connection

from forum.markdown import plain_text
from forum.models import Question
from forum.search.query import HIT_END, HIT_START, Segment, split_hits, to_fts5

# ts_headline parses its input as HTML and drops anything tag-like; these stand in for < and >.
_LT, _GT = "\ue002", "\ue003"
MAX_MATCHES = 200  # results a search lists, at most (ten pages)
CANDIDATES = 500  # the newest matches ranked to find them


def matching_ids(query: str) -> list[int]:
    """Ids of the questions matching a web-search style query, best first.

    Only the CANDIDATES newest matches are ranked, so a word found in most posts costs what a
    rare one does: PostgreSQL reads the matching ids from the GIN index and unpacks only the
    candidates' documents; SQLite's FTS5 does the same with its own index. A query with nothing
    to look for (only exclusions or common words) matches nothing, on both databases alike.
    """
    fts_query = to_fts5(query)
    if not fts_query:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # forum_search_newest_matches (migration 0009) reads the newest matches from the
            # GIN index; only those are unpacked and ranked.
            cursor.execute(
                """
                WITH q AS (SELECT websearch_to_tsquery('english', %s) AS query)
                SELECT s.question_id FROM forum_question_search s, q
                WHERE s.question_id = ANY (ARRAY(SELECT forum_search_newest_matches(q.query, %s)))
                ORDER BY ts_rank_cd(s.document, q.query) DESC, s.question_id DESC
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
