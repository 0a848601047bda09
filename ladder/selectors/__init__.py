"""Reads of the career ladder, by subject: levels (the matrix, one level, what is in force),
compare (the gap between two levels) and sources (the documents, and the JSON export).
Import a selector from its own module."""
