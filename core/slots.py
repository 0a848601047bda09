"""Slots: places on one app's page that the apps above it fill in.

Apps depend in one direction (docs/architecture.md), yet some pages of a lower app show what a
higher one knows: a profile (accounts) lists the person's questions (forum) and readiness
(growth); a ladder level lists its questions (forum); a question page (forum) carries the
moderators' tools (moderation). The lower app declares a Slot where that goes and calls
`slot.fill(...)` when it renders the page; each higher app registers a filler from its
AppConfig.ready(). The lower app never imports the higher one, and works without it.

What a filler receives and returns is the slot's contract, written where the slot is
declared; usually the HTML to put in place (rendered from the higher app's own template), or
None when it has nothing to show.
"""

from collections.abc import Callable, Iterable


class Slot:
    def __init__(self, description: str):
        self.description = description
        self._fillers: list[Callable] = []
        self._generations: list[str] = []

    def __repr__(self) -> str:
        return f"<Slot: {self.description}>"

    def register(self, filler: Callable, *, generations: Iterable[str] = ()) -> Callable:
        """Add a filler (once, however often it is registered). `generations` name what its
        output depends on, for pages kept in the page cache (core/pagecache.py)."""
        if filler not in self._fillers:
            self._fillers.append(filler)
        self._generations += [name for name in generations if name not in self._generations]
        return filler

    def fill(self, *args, **kwargs) -> list:
        """What every filler gives for this page, in the order they registered; None dropped."""
        found = (filler(*args, **kwargs) for filler in self._fillers)
        return [given for given in found if given is not None]

    @property
    def generations(self) -> list[str]:
        return list(self._generations)

    @property
    def fillers(self) -> list[Callable]:
        return list(self._fillers)
