"""The rule machinery every app shares.

A rule is a small function `(user, *objects) -> bool` that says whether a person may do
something, declared with `@rule("…")` and the words that tell them why not. Views call it before
showing a form, services call it again through `require()` before writing (so no path can skip
it), and templates call it through their app's template library (`{% if user|can_edit:post %}`).

Each app keeps its own rules next to its code: accounts/rules.py (who a person is: signed in,
free to act, a moderator), forum/rules.py, moderation/rules.py, growth/rules.py.
"""

from collections.abc import Callable, Sequence

from django.core.exceptions import PermissionDenied

# Why a rule says no in a particular case, or None when this reason does not apply.
Reason = Callable[..., str | None]


class ActionNotAllowed(PermissionDenied):
    """A rule said no; the message tells the person which and why."""


def rule(refusal: str, *, reasons: Sequence[Reason] = ()):
    """Declare a rule: `refusal` is what the person is told when it says no, unless one of
    `reasons` (tried in order, each called with the rule's arguments) has something more
    specific to say, such as "your account is suspended" or "this thread is locked"."""

    def declare(check: Callable[..., bool]) -> Callable[..., bool]:
        check.refusal = refusal
        check.reasons = tuple(reasons)
        return check

    return declare


def refusal(rule: Callable[..., bool], user, *objects) -> str:
    """Why `rule` says no, in words for the person it said no to."""
    for reason in rule.reasons:
        if said := reason(user, *objects):
            return said
    return rule.refusal


def require(rule: Callable[..., bool], user, *objects) -> None:
    """Raise ActionNotAllowed, with the reason, unless `rule(user, *objects)` allows it."""
    if not rule(user, *objects):
        raise ActionNotAllowed(refusal(rule, user, *objects))


def register_for_templates(library, module, names: Sequence[str], *, refusal_tag: str) -> None:
    """Make an app's rules usable in its templates: each of `names` becomes a filter
    (`{% if user|can_edit:post %}`), and `refusal_tag` a tag that says why one says no
    (`{% refusal "can_answer" user question %}`). Each app names its tag, so that a template
    loading two apps' libraries gets both."""
    for name in names:
        library.filter(name, getattr(module, name))

    def why_not(rule_name: str, user, *objects) -> str:
        return refusal(getattr(module, rule_name), user, *objects)

    library.simple_tag(why_not, name=refusal_tag)
