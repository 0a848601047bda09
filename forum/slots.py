"""Places on forum pages that the apps above the forum fill in (core/slots.py), so the forum
shows what they know without importing them."""

from core.slots import Slot

# Under the question on its page: filler(request, page: QuestionPage) -> HTML or None.
# Moderation puts its tools for the question here (close, lock, feature).
QUESTION_PANELS = Slot("under the question on its page")

# Beside each question, answer and comment of a question page:
# filler(request, page: QuestionPage) -> {(kind, pk): HTML} or None.
# Moderation puts its tools and the open flag counts here. A post with tools is rendered for
# its reader alone, never shared with others (forum/fragments.py).
CONTRIBUTION_TOOLS = Slot("beside each contribution on a question page")
