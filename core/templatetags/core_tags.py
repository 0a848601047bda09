"""{% load core_tags %}: template helpers every app may use."""

from django import template

from core import marks

register = template.Library()


@register.simple_tag
def csrf_mark():
    """{% csrf_mark %}: the CSRF token field, in HTML that may be cached and shared."""
    return marks.csrf_mark()


@register.simple_tag
def csrf_value_mark():
    """{% csrf_value_mark %}: the bare CSRF token, inside an attribute of stored HTML."""
    return marks.csrf_value_mark()


# Which header link a page belongs under ("Questions", "Tags", "Ladder", "Growth"): by app,
# with the forum's pages that are not about reading questions named one by one.
NAV_BY_APP = {"forum": "questions", "ladder": "ladder", "growth": "growth"}
NAV_EXCEPTIONS = {
    "forum:tags": "tags",
    "forum:tag": "tags",
    "forum:tag_edit": "tags",
    "forum:tag_history": "tags",
    "forum:ask": None,
    "forum:search": None,
    "forum:notifications": None,
    "forum:badges": None,
    "forum:following": None,
    "forum:review_edits": None,
    "forum:suggestion": None,
}


@register.simple_tag(takes_context=True)
def nav_current(context) -> str | None:
    """{% nav_current as nav_section %}: the header section of the page being shown, if any.
    (A name of its own: `as` sets it for the rest of the page, so it must not be one a view
    uses, such as a profile's `current` tab.)"""
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None:
        return None
    if match.view_name in NAV_EXCEPTIONS:
        return NAV_EXCEPTIONS[match.view_name]
    return NAV_BY_APP.get(match.app_name)
