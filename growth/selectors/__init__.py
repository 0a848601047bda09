"""Reads for self-assessments and plans, by subject: assessments (and scores, progress),
results (readiness, gaps, what to do next) and plans. Everything is looked up through its
owner: another person's id is simply not found (404), moderators included. Import a selector
from its own module."""
