"""Places on a person's profile that the apps above accounts fill in (core/slots.py).

PROFILE_FACTS and PROFILE_SECTIONS: filler(request, person) -> HTML or None; the sections are the
"Summary" tab. PROFILE_TABS adds tabs of their own. WELCOME_PARTS adds questions to the welcome
step after the first log-in.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

from core.slots import Slot

# Inside the facts list under the name: <div><dt>…</dt><dd>…</dd></div> (growth: readiness).
PROFILE_FACTS = Slot("facts in a profile's header")

# Sections under the header (forum: the person's questions and answers).
PROFILE_SECTIONS = Slot("sections of a profile")


@dataclass(frozen=True)
class ProfileTab:
    """A tab of a profile after "Summary": a real link (?tab=<slug>), its HTML drawn only when
    it is the one open. render(request, person) -> HTML."""

    slug: str
    label: str
    render: Callable[[HttpRequest, object], str]


# The profile's tabs after "Summary": filler(request, person) -> [ProfileTab] or None
# (forum: questions, answers, reputation).
PROFILE_TABS = Slot("tabs of a profile")


@dataclass(frozen=True)
class WelcomePart:
    """More questions on the welcome step, from an app above accounts (forum: the levels and
    tags to follow). `form` is bound to the submitted data (prefixed, so the parts' fields
    cannot clash) or unbound on a GET; `template` draws its fields; once every form on the
    page is valid, `save(user)` runs in the same transaction as the profile's write."""

    form: object
    template: str
    save: Callable[[object], None]


# The welcome step's parts: filler(request, data) -> WelcomePart or None.
WELCOME_PARTS = Slot("parts of the welcome step")
