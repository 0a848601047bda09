"""“Did you mean”: a search query with its misspelt words replaced by words the forum uses.

The words the forum uses are its tag names and the words of its visible question titles.

- PostgreSQL: pg_trgm. For each word of the query, the tags whose name is similar (`%`, over
  the GIN index forum_tag_name_trgm) and the words of up to TITLES visible titles that contain
  a word similar to it (`<%`, over the GiST index forum_question_title_trgm); the most similar wins.
- SQLite: difflib.get_close_matches against a bounded vocabulary (every tag name and the
  VOCABULARY most frequent words of the newest TITLES_READ titles), kept in the cache.

A word the forum already uses is its own best match and stays as it is. The caller decides
whether the suggestion is worth showing (the search page: when it finds more than the query).
"""

import difflib
import re
from collections import Counter

from django.core.cache import cache
from django.db import connection
from taggit.models import Tag

from forum.models import Question
from forum.search.query import STOPWORDS

MIN_LENGTH = 4  # shorter words have too few trigrams to correct safely
MAX_WORDS = 6
TITLES = 50
TITLES_READ = 5000
VOCABULARY = 5000
VOCABULARY_SECONDS = 3600
VOCABULARY_KEY = "search:vocabulary"
CUTOFF = 0.75  # difflib's ratio; "promtion" and "promotion" score 0.94

_WORD = re.compile(r"\w+", re.UNICODE)

_PG_CLOSEST = """
    SELECT typed.word, best.word
    FROM unnest(%(words)s::text[]) AS typed(word)
    CROSS JOIN LATERAL (
        SELECT word FROM (
            SELECT lower(name) AS word, similarity(name, typed.word) AS score
            FROM taggit_tag
            WHERE name %% typed.word
            UNION ALL
            SELECT title_word, similarity(title_word, typed.word)
            FROM (
                SELECT DISTINCT regexp_split_to_table(lower(title), '[^[:alnum:]]+') AS title_word
                FROM (
                    SELECT title FROM forum_question
                    WHERE NOT is_hidden AND typed.word <%% title
                    LIMIT %(titles)s
                ) similar_titles
            ) title_words
            WHERE title_word %% typed.word
        ) found
        ORDER BY score DESC, word
        LIMIT 1
    ) best
"""


def _checked_words(query: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(query)]
    wanted = [w for w in words if len(w) >= MIN_LENGTH and w not in STOPWORDS and w.isalpha()]
    return list(dict.fromkeys(wanted))[:MAX_WORDS]


def vocabulary() -> frozenset[str]:
    """SQLite's words to correct towards: tag names (and their words) and the most frequent
    title words, read once an hour at most."""
    found = cache.get(VOCABULARY_KEY)
    if found is None:
        counts: Counter[str] = Counter()
        titles = Question.objects.visible().order_by("-id").values_list("title", flat=True)
        for title in titles[:TITLES_READ]:
            counts.update(w.lower() for w in _WORD.findall(title) if len(w) >= MIN_LENGTH)
        words = {word for word, _ in counts.most_common(VOCABULARY)}
        for name in Tag.objects.values_list("name", flat=True)[:VOCABULARY]:
            words.add(name.lower())
            words.update(w.lower() for w in _WORD.findall(name) if len(w) >= MIN_LENGTH)
        found = frozenset(words)
        cache.set(VOCABULARY_KEY, found, VOCABULARY_SECONDS)
    return found


def _corrections(words: list[str]) -> dict[str, str]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_PG_CLOSEST, {"words": words, "titles": TITLES})
            return dict(cursor.fetchall())
    known = vocabulary()
    corrections = {}
    for word in words:
        if word in known:
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=CUTOFF)
        if close:
            corrections[word] = close[0]
    return corrections


def suggestion(query: str) -> str | None:
    """The query with its misspelt words corrected, or None when nothing needs correcting."""
    words = _checked_words(query)
    if not words:
        return None
    corrections = {
        typed: found for typed, found in _corrections(words).items() if found and found != typed
    }
    if not corrections:
        return None
    return _WORD.sub(lambda m: corrections.get(m.group().lower(), m.group()), query)
