"""Read and validate ladder/data/ladder.yaml into plain dataclasses (specs.py): parsing.py
reads each section, records.py each field.

Validation is strict so that a typo never reaches the site: every error names the record
(its position and key) and the field at fault. Writing to the database is services.ladder_load.
"""
