"""Slots: places on a lower app's page that the apps above it fill in (core/slots.py)."""

from accounts.slots import PROFILE_FACTS, PROFILE_SECTIONS, PROFILE_TABS, WELCOME_PARTS
from core.slots import Slot
from forum.slots import CONTRIBUTION_TOOLS, QUESTION_PANELS
from ladder.slots import LEVEL_SIDE


def test_fillers_give_their_part_in_order_and_nothing_is_dropped():
    slot = Slot("a test page")
    first = slot.register(lambda page: f"<p>first on {page}</p>")
    slot.register(lambda page: None)  # nothing to show here
    slot.register(lambda page: f"<p>last on {page}</p>", generations=["lists"])
    assert slot.fill("home") == ["<p>first on home</p>", "<p>last on home</p>"]
    assert slot.generations == ["lists"]
    slot.register(first)  # registering twice (a second ready()) changes nothing
    assert len(slot.fill("home")) == 2


def test_an_empty_slot_fills_with_nothing():
    assert Slot("nobody fills this").fill() == []


def test_the_apps_above_fill_the_slots_of_the_apps_below():
    """Filled in AppConfig.ready(): the lower app never imports the higher one."""
    assert [f.__module__ for f in PROFILE_SECTIONS.fillers] == ["forum.panels"]
    assert [f.__module__ for f in PROFILE_FACTS.fillers] == ["growth.panels"]
    assert [f.__module__ for f in LEVEL_SIDE.fillers] == ["forum.panels"]
    assert LEVEL_SIDE.generations == ["lists"]  # the level page is rebuilt when lists change
    assert [f.__module__ for f in QUESTION_PANELS.fillers] == ["moderation.panels"] * 2
    assert [f.__module__ for f in PROFILE_TABS.fillers] == ["forum.panels"]
    assert [f.__module__ for f in WELCOME_PARTS.fillers] == ["forum.welcome"]
    assert [f.__module__ for f in CONTRIBUTION_TOOLS.fillers] == ["moderation.panels"]
