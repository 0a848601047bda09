"""{% avatar person 32 %}: a member's generated avatar (accounts/avatars.py), inline."""

from django import template

from accounts import avatars

register = template.Library()


@register.simple_tag
def avatar(person, size: int = 32):
    return avatars.for_person(person, size)
