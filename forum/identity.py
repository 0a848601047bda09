"""Who is named, and how: the one module that decides whether an author may be shown.

Every page, feed, search result, notification, e-mail, admin column and moderator page that says
who wrote something asks here, so an anonymous post can never leak its author by way of some
other template or query. An anonymous post names nobody: not on its own page, not in a list
filtered by author, not in the recipient column of a notification about it. The one way past
that is a moderator's logged reveal (moderation.services.people.author_reveal).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, Q
from django.urls import reverse

from accounts import avatars
from accounts.bands import Band
from accounts.models import DELETED_MEMBER
from forum.models import Answer

ANONYMOUS_FOR_MODERATORS = "an anonymous author"


@dataclass(frozen=True)
class AuthorCard:
    name: str
    headline: str
    url: str | None
    reputation: int | None
    is_anonymous: bool
    is_viewer: bool  # the person looking at the page wrote it
    is_moderator: bool = False
    avatar: str = ""  # inline SVG (accounts/avatars.py): initials, or a neutral one

    @property
    def short_name(self) -> str:
        """The name in a control's label ("Upvote answer by Dana Okafor"); anonymous authors are
        just "Anonymous" there, the band stays on the card."""
        return "Anonymous" if self.is_anonymous else self.name


def names_author(contribution) -> bool:
    """May pages say who wrote this question, answer or comment?"""
    return not contribution.is_anonymous


def anonymous_label(band: str) -> str:
    """“Anonymous · mid-level”: the band is all an anonymous post reveals."""
    return f"Anonymous · {Band(band).label.lower()}" if band else "Anonymous"


def author_card(post, viewer=None) -> AuthorCard:
    """The public face of `post.author`, or of nobody when the post is anonymous."""
    is_viewer = bool(viewer and viewer.is_authenticated and viewer.pk == post.author_id)
    if not names_author(post):
        return AuthorCard(
            name=anonymous_label(post.author_band),
            headline="Posted anonymously — only you can see it is yours" if is_viewer else "",
            url=None,
            reputation=None,
            is_anonymous=True,
            is_viewer=is_viewer,
            avatar=avatars.anonymous(),
        )
    author = post.author
    if author.is_erased:
        return _deleted_member()
    return AuthorCard(
        name=author.public_name,
        headline=author.headline_text,
        url=author.get_absolute_url(),
        reputation=author.reputation,
        is_anonymous=False,
        is_viewer=is_viewer,
        is_moderator=author.is_moderator,
        avatar=avatars.for_person(author),
    )


def _deleted_member() -> AuthorCard:
    """The author of a post whose account was deleted: a name that names nobody, no link (their
    profile is gone), no reputation. An anonymous post of theirs stays anonymous instead."""
    return AuthorCard(
        name=DELETED_MEMBER,
        headline="",
        url=None,
        reputation=None,
        is_anonymous=False,
        is_viewer=False,
        avatar=avatars.deleted(),
    )


@dataclass(frozen=True)
class _Signed:
    """Something written under its author's own name (a moderator's edit), for author_card."""

    author: object
    is_anonymous: bool = False
    author_band: str = ""

    @property
    def author_id(self) -> int:
        return self.author.pk


def editor_card(revision, post, viewer=None) -> AuthorCard:
    """Who made a revision. The author's own edits carry the post's card (an anonymous post's
    history stays anonymous); anyone else's edit is a moderator's, under their name."""
    if revision.editor_id == post.author_id:
        return author_card(post, viewer)
    return author_card(_Signed(revision.editor), viewer)


def moderation_card(contribution) -> AuthorCard:
    """The author as moderators' pages show them: their handle, linked to their moderation
    record. An anonymous contribution shows no one: only the logged reveal says who wrote it."""
    if not names_author(contribution):
        return AuthorCard(
            name=ANONYMOUS_FOR_MODERATORS,
            headline="",
            url=None,
            reputation=None,
            is_anonymous=True,
            is_viewer=False,
        )
    author = contribution.author
    if author.is_erased:
        return _deleted_member()
    return AuthorCard(
        name=f"@{author.username}",
        headline=author.headline_text,
        url=reverse("moderation:person", kwargs={"username": author.username}),
        reputation=author.reputation,
        is_anonymous=False,
        is_viewer=False,
        is_moderator=author.is_moderator,
    )


def hidden_by_label(contribution) -> str:
    """Who hid a contribution, for moderators: flags, its author (unnamed), or the moderator."""
    if contribution.is_hidden_by_flags:
        return "by flags"
    if contribution.hidden_by_id == contribution.author_id:
        return "by its author"
    return f"by {contribution.hidden_by.public_name}" if contribution.hidden_by_id else ""


# Threads --------------------------------------------------------------------------------------


def speaks_anonymously(person, question, *, answers: Iterable | None = None) -> bool:
    """Has `person` posted anonymously in `question`'s thread (the question, or an answer)?
    Then whatever they add there (answers, comments) is anonymous too: a comment under their
    name next to their anonymous answer would say who wrote it.

    `answers`: the thread's answers to look at, when the caller has them; else the database
    is asked (hidden answers count: moderators still see them)."""
    if question.is_anonymous and question.author_id == person.pk:
        return True
    if answers is None:
        return Answer.objects.filter(
            question_id=question.pk, author_id=person.pk, is_anonymous=True
        ).exists()
    return any(a.is_anonymous and a.author_id == person.pk for a in answers)


# Lists and counts -----------------------------------------------------------------------------


def named(prefix: str = "") -> Q:
    """Rows whose author may be named (`prefix` reaches them through a relation: "answer__")."""
    return Q(**{f"{prefix}is_anonymous": False})


def signed_by(person, prefix: str = "") -> Q:
    """What `person` wrote under their own name."""
    return named(prefix) & Q(**{f"{prefix}author": person})


def attributed_to(person, viewer) -> Q:
    """The posts `viewer` may see listed as `person`'s: all of them when it is them, else
    those they signed (a profile, a count)."""
    if viewer is not None and viewer.is_authenticated and viewer.pk == person.pk:
        return Q(author=person)
    return signed_by(person)


# Fields that point at whoever wrote a row, or may have: an author who deletes their own post
# is its `hidden_by`, and revision 1 and the author's own edits have them as `editor`. A list
# filtered by one of them is a list of someone's anonymous posts.
_NAMING_FIELDS = {
    "question": {"author", "hidden_by"},
    "answer": {"author", "hidden_by"},
    "comment": {"author", "hidden_by"},
    "revision": {"editor"},
    "notification": {"recipient"},
}


def lookup_names_author(model, lookup: str) -> bool:
    """Would filtering `model`'s rows by `lookup` (an admin query string key, "author__id__exact")
    select them by who wrote them?"""
    naming = _NAMING_FIELDS.get(model._meta.model_name, set())
    first = lookup.split("__", 1)[0]
    field = next((f for f in model._meta.concrete_fields if first in (f.name, f.attname)), None)
    return field is not None and field.name in naming


# Notifications --------------------------------------------------------------------------------


def notification_actor(post) -> tuple[object | None, str]:
    """(actor, band) to store on a notification `post`'s author set off: an anonymous author is
    stored as no actor at all, with only their band."""
    if names_author(post):
        return post.author, ""
    return None, post.author_band


def actor_name(notification) -> str:
    """Who did what a notification is about, for the inbox and the e-mail."""
    if notification.actor_id:
        return notification.actor.public_name
    if notification.by_members:
        return "Members' votes"
    if notification.kind in notification.BY_REVIEWERS:
        return "A reviewer"
    if notification.kind in notification.BY_MODERATORS:
        return "A moderator"
    if notification.kind == notification.Kind.FLAGGED:
        return "Members' flags"
    return anonymous_label(notification.actor_band)


def notification_line(notification) -> str:
    """A notification in one sentence, as the menu, the inbox e-mail and the digest say it."""
    return f"{actor_name(notification)} {notification.verb}: {notification.question.title}"


def ties_recipient() -> Q:
    """Notifications about an anonymous post their recipient wrote (an answer to their anonymous
    question, a warning about their anonymous comment…): showing the recipient beside one
    would name that post's author."""
    return (
        Q(question__is_anonymous=True, question__author=F("recipient"))
        | Q(answer__is_anonymous=True, answer__author=F("recipient"))
        | Q(comment__is_anonymous=True, comment__author=F("recipient"))
    )
