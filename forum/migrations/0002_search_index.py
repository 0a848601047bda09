"""The full-text index: a GIN-indexed tsvector table on PostgreSQL, an FTS5 table on SQLite.

Neither is a Django model; forum/search.py reads and writes them with SQL. The PostgreSQL
table has no foreign key: questions are never deleted (hidden ones are removed from the index),
and a key would stop Django's test flush from truncating forum_question.
"""

from django.db import migrations

POSTGRES = [
    """
    CREATE TABLE forum_question_search (
        question_id bigint PRIMARY KEY,
        document tsvector NOT NULL
    )
    """,
    "CREATE INDEX forum_question_search_document ON forum_question_search USING gin (document)",
]
SQLITE = [
    """
    CREATE VIRTUAL TABLE forum_question_fts USING fts5(
        title, body, answers, tokenize = 'porter unicode61 remove_diacritics 2'
    )
    """,
]


def create(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS forum_question_search")
    else:
        schema_editor.execute("DROP TABLE IF EXISTS forum_question_fts")


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
