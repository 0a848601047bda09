"""Moderation's rules, for templates: {% load moderation_tags %}."""

from django import template

from core.rules import register_for_templates
from moderation import rules

register = template.Library()

# {% if user|can_curate:answer %}, {% moderation_refusal "can_suspend" user person %}: the same
# rules the views and services check.
register_for_templates(
    register,
    rules,
    ("can_curate", "can_reveal", "can_suspend"),
    refusal_tag="moderation_refusal",
)
