"""Seeding a large, realistic forum for benchmarks and tests: `manage.py seed_scale`. An app of
its own, above all the others: it writes accounts, forum and moderation rows alike.

Rows are generated as plain tuples and written in bulk (COPY on PostgreSQL), but everything a
user would see derived from them (HTML, excerpts, slugs, counters, the search index, tallies,
related lists, reputation) comes from the application's own functions. `run.seed()` fills an
empty forum, `check.problems()` compares a seeded one with what the application computes.

This module imports nothing from Django on purpose, nor does `seeding.bodies` (only the
markdown pipeline, which needs none): the rendering workers import it in fresh processes,
before any settings are configured.
"""
