"""Places on a person's profile that the apps above accounts fill in (core/slots.py).

Both: filler(request, person) -> HTML or None.
"""

from core.slots import Slot

# Inside the facts list under the name: <div><dt>…</dt><dd>…</dd></div> (growth: readiness).
PROFILE_FACTS = Slot("facts in a profile's header")

# Sections under the header (forum: the person's questions and answers).
PROFILE_SECTIONS = Slot("sections of a profile")
