"""Questions like the one being asked, from its title alone (the ask page, while typing).

Candidates come from the full-text index, any of the title's words counting (not all of them,
as in a search), and on PostgreSQL also from trigram similarity of the titles (pg_trgm's `%`,
the nearest first from the GiST index forum_question_title_trgm), which forgives typos and
word forms the stemmer does not join. Both are bounded: the indexes answer, and at most
CANDIDATES of each are ranked. They are ranked here the same way on both databases, by how
many of the title's words they share (a Dice coefficient over crude stems), plus the trigram
similarity where there is one; those below MIN_SCORE are dropped, so a single shared common
word never makes two questions "similar".

Only visible questions are in the full-text index, and the trigram query asks for visible ones
only (the partial index covers nothing else).
"""

import hashlib

from django.core.cache import cache
from django.db import connection

from forum.search.query import significant_words, stem

LIMIT = 5  # shown under the title, at most
CANDIDATES = 50  # ranked per source, at most
NEWEST = 500  # full-text matches looked at, newest first (as in forum.search.matching)
MIN_SCORE = 0.3
MAX_WORDS = 12  # a title has 150 characters; more words than this add nothing
CACHE_SECONDS = 60

# PostgreSQL: the title's lexemes (the english configuration: stemmed, common words dropped),
# any of them matching in a title (weight A). The lexemes are quoted into a tsquery whose
# configuration is 'simple', so they are not stemmed a second time.
_PG_SIMILAR = """
    WITH q AS (
        SELECT to_tsquery('simple', string_agg(quote_literal(lexeme) || ':A', ' | ')) AS query
        FROM unnest(tsvector_to_array(to_tsvector('english', %(title)s))) AS lexeme
    ),
    fts AS (
        SELECT question_id AS id FROM (
            SELECT s.question_id, ts_rank_cd(s.document, q.query) AS rank
            FROM forum_question_search s, q
            WHERE s.document @@ q.query
            ORDER BY s.question_id DESC
            LIMIT %(newest)s
        ) newest
        ORDER BY rank DESC, question_id DESC
        LIMIT %(candidates)s
    ),
    trigram AS (
        SELECT id FROM forum_question
        WHERE NOT is_hidden AND title %% %(title)s
        ORDER BY title <-> %(title)s
        LIMIT %(candidates)s
    )
    SELECT fq.id, fq.title, similarity(fq.title, %(title)s)
    FROM forum_question fq
    WHERE fq.id IN (SELECT id FROM fts UNION SELECT id FROM trigram) AND NOT fq.is_hidden
"""

_SQLITE_SIMILAR = """
    SELECT rowid, title FROM forum_question_fts
    WHERE forum_question_fts MATCH %s AND rowid IN (
        SELECT rowid FROM forum_question_fts WHERE forum_question_fts MATCH %s
        ORDER BY rowid DESC LIMIT %s
    )
    ORDER BY bm25(forum_question_fts, 10.0, 4.0, 1.0), rowid DESC
    LIMIT %s
"""


# Words that say nothing about what a question is about, beyond the search's own stopwords.
_FILLER = frozenset(
    "do does did doing can could should would get gets got make any some one about after "
    "before more most much many very way ways".split()
)


def _stems(text: str) -> set[str]:
    return {stem(word) for word in significant_words(text)[:MAX_WORDS] if word not in _FILLER}


def overlap(title: str, other: str) -> float:
    """How many words two titles share, 0 to 1 (Dice: twice the shared over the sum)."""
    mine, theirs = _stems(title), _stems(other)
    if not mine or not theirs:
        return 0.0
    return 2 * len(mine & theirs) / (len(mine) + len(theirs))


def _candidates(title: str) -> list[tuple[int, str, float]]:
    """(id, title, trigram similarity or 0) of the visible questions worth ranking."""
    words = [w for w in significant_words(title)[:MAX_WORDS] if w not in _FILLER]
    if not words:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                _PG_SIMILAR,
                {"title": title[:150], "newest": NEWEST, "candidates": CANDIDATES},
            )
            return [(pk, text, float(similarity)) for pk, text, similarity in cursor.fetchall()]
        fts_query = " OR ".join(f'"{word}"' for word in dict.fromkeys(words))
        cursor.execute(_SQLITE_SIMILAR, [fts_query, fts_query, NEWEST, CANDIDATES])
        return [(pk, text, 0.0) for pk, text in cursor.fetchall()]


def similar_ids(title: str) -> list[int]:
    """Ids of up to LIMIT visible questions like one titled `title`, most alike first.

    Remembered for a minute per title (what a person types is asked again as they type on)."""
    if not _stems(title):
        return []
    normalised = " ".join(title.lower().split())
    key = "similar:" + hashlib.sha256(normalised.encode()).hexdigest()
    ranked = cache.get(key)
    if ranked is None:
        scored = []
        for pk, other, trigram in _candidates(title):
            words = overlap(title, other)
            if max(words, trigram) >= MIN_SCORE:
                scored.append((words + trigram, pk))
        scored.sort(key=lambda item: (-item[0], -item[1]))
        ranked = [pk for _, pk in scored[:LIMIT]]
        cache.set(key, ranked, CACHE_SECONDS)
    return ranked
