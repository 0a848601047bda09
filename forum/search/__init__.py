"""Full-text search over questions, their bodies and their answers, on either database.

PostgreSQL keeps a weighted tsvector per question in forum_question_search (GIN-indexed) and
reads web-search syntax with websearch_to_tsquery. SQLite keeps an FTS5 table,
forum_question_fts, and the same syntax is translated into an FTS5 query here. Services call
index_question() whenever a question, its answers or their visibility change, so hidden posts
never match. Callers branch on nothing: they use index_question() and matching_ids().

- index.py: the stored entries, kept up to date by the services and rebuilt in bulk;
- matching.py: which questions a query matches, best first, and their highlighted extracts;
- query.py: the web-search syntax, translated for SQLite's FTS5.
"""
