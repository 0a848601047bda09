"""Places on ladder pages that the apps above the ladder fill in (core/slots.py)."""

from core.slots import Slot

# The side column of a level's page: filler(request, level) -> HTML or None. The page is
# cached (core/pagecache.py), so a filler registers the generations its HTML depends on (the
# forum: its questions at that level).
LEVEL_SIDE = Slot("the side column of a level's page")
