"""A PostgreSQL function that finds a search's newest matches through the GIN index.

The documents are stored out of line, and the planner does not price reading them: for a word
in a few percent of the posts it walks the newest questions (or the whole table), unpacking
each document to test it, which took 180 to 230 ms at 10,000 questions. The GIN index answers
the same question from its posting lists without touching a document (15 ms). A function's own
`SET` clauses are the documented way to steer one statement's plan: they hold while it runs and
are undone when it returns, so nothing else in the transaction is affected.

SQLite has FTS5 for the same job and gets nothing here.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION forum_search_newest_matches(query tsquery, how_many integer)
RETURNS TABLE (question_id bigint)
LANGUAGE sql STABLE
ROWS 500
SET enable_seqscan = off
SET enable_indexscan = off
AS $$
    SELECT s.question_id FROM forum_question_search s
    WHERE s.document @@ query
    ORDER BY s.question_id DESC
    LIMIT how_many
$$
"""
DROP = "DROP FUNCTION IF EXISTS forum_search_newest_matches(tsquery, integer)"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("forum", "0008_trigram_search")]

    operations = [migrations.RunPython(create, drop)]
