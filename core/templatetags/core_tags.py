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
