"""{% load core_tags %}: template helpers every app may use."""

from django import template

from core.marks import csrf_mark as _csrf_mark

register = template.Library()


@register.simple_tag
def csrf_mark():
    """{% csrf_mark %}: the CSRF token field, in HTML that may be cached and shared."""
    return _csrf_mark()
