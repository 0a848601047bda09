"""The forum's rules and text helpers, for templates: {% load forum_tags %}."""

from django import template

from core.http import url_with_params
from core.rules import register_for_templates
from forum import identity, rules
from forum.markdown import plain_text
from forum.models import thread_of

register = template.Library()

# The same rules the views and services check; {% refusal "can_answer" user question %}.
RULES = (
    "can_answer",
    "can_vote",
    "can_downvote",
    "can_comment",
    "can_edit",
    "can_follow",
    "can_accept",
    "can_delete",
    "can_flag",
    "can_see_history",
    "can_edit_tag_wiki",
    "can_suggest_edit",
    "can_review_suggestion",
)
register_for_templates(register, rules, RULES, refusal_tag="refusal")
register.filter("thread_of", thread_of)  # {% with thread=comment|thread_of %}


@register.filter
def author_card(post) -> identity.AuthorCard:
    """The public author card, for lists where the viewer does not change what is shown."""
    return identity.author_card(post)


register.filter("names_author", identity.names_author)  # {% if not post|names_author %}
register.filter("actor_name", identity.actor_name)  # {{ notification|actor_name }}
register.filter("moderation_card", identity.moderation_card)  # moderators' pages
register.filter("hidden_by_label", identity.hidden_by_label)


@register.filter
def excerpt(html: str, length: int = 160) -> str:
    """Plain text from stored HTML, cut at a word: for meta descriptions and list rows."""
    return plain_text(html, limit=int(length))


@register.simple_tag(takes_context=True)
def page_url(context, number: int, cursor: str = "") -> str:
    """{% page_url 3 %}: this page, with the other filters kept, at page 3; with a cursor, the
    page after the row it names (see core.paging)."""
    return url_with_params(context["request"], page=number, after=cursor or None)
