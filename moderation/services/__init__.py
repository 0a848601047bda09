"""Moderator actions, one module per subject: flags, visibility (hide, restore), people (warn,
suspend, reveal), curation (curate answers, feature questions) and questions (close, lock).
Each checks the rule, changes what it acts on and writes the audit log, in one transaction;
none of them deletes a post, comment, vote or revision. Import a service from its module.
"""
