"""Moderation's pages and actions, one module per subject, each view named after the service
or selector it calls. Import a view from its own module."""
