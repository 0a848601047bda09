"""What the forum announces for the apps above it, which it never imports (docs/architecture.md).

Sent inside the writing service's transaction, so a receiver's writes commit or roll back
with it.
"""

from django.dispatch import Signal

# A question or answer was edited: `post` (as saved), `editor`, `reason`. Moderation logs the
# edits of anyone but the author.
post_edited = Signal()

# An author deleted their own contribution: `contribution` (as saved). Moderation logs it
# without naming the author, who may be anonymous.
contribution_deleted = Signal()
