"""Trigram indexes for similar questions and “did you mean” (forum/search/similar.py and
spelling.py), on PostgreSQL only: the pg_trgm extension, a trigram index on the titles of
visible questions, and a GIN one on tag names (taggit's table; Rungs' searches are its only
reader).

The titles' index is GiST, not GIN: GiST hands out the nearest titles first (`ORDER BY title <->
…`), so a title like thousands of others still reads only the LIMIT nearest from the index,
where GIN would collect every match, and the planner, rightly, scans the table instead
(tests/test_query_plans.py has such a title).

SQLite has no trigrams: TrigramExtension does nothing there, and neither does `create`, so
both databases migrate alike and SQLite uses its fallbacks.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

POSTGRES = [
    "CREATE INDEX IF NOT EXISTS forum_question_title_trgm ON forum_question"
    " USING gist (title gist_trgm_ops) WHERE NOT is_hidden",
    "CREATE INDEX IF NOT EXISTS forum_tag_name_trgm ON taggit_tag USING gin (name gin_trgm_ops)",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in POSTGRES:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS forum_question_title_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS forum_tag_name_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0007_comment_anonymity"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    # TrigramExtension creates pg_trgm on PostgreSQL and does nothing on other databases.
    operations = [TrigramExtension(), migrations.RunPython(create, drop)]
