"""Moderation's rules, for templates: {% load moderation_tags %}."""

from django import template

from core.rules import refusal as refusal_of
from moderation import rules

register = template.Library()

# {% if user|can_curate:answer %} — the same rules the views and services check.
for _name in ("can_curate", "can_reveal", "can_suspend"):
    register.filter(_name, getattr(rules, _name))


@register.simple_tag
def refusal(rule_name: str, user, *objects) -> str:
    """{% refusal "can_suspend" user person %}: why a rule says no, for a banner."""
    return refusal_of(getattr(rules, rule_name), user, *objects)
