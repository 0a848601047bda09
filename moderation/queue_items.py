"""A flag queue item as the queue page shows it, for bulk actions: which contribution, and the
state the moderator saw (hidden or not, the newest open flag on it), as one token."""

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"^(question|answer|comment):([0-9]{1,18}):([01]):([0-9]{1,18})$")


@dataclass(frozen=True)
class Item:
    kind: str
    pk: int
    hidden: bool  # as the moderator saw it
    newest_flag: int  # id of the newest open flag then

    @property
    def token(self) -> str:
        return f"{self.kind}:{self.pk}:{int(self.hidden)}:{self.newest_flag}"


def parse_item(token: str) -> Item | None:
    """An item as the queue page wrote it, or None for anything else."""
    match = _TOKEN.match(token)
    if match is None:
        return None
    kind, pk, hidden, newest = match.groups()
    return Item(kind, int(pk), hidden == "1", int(newest))
