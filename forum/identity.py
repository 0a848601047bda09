"""How an author is shown. Every page, feed and e-mail goes through author_card(), so an
anonymous post can never leak its author by way of some other template."""

from dataclasses import dataclass

from accounts.bands import Band


@dataclass(frozen=True)
class AuthorCard:
    name: str
    headline: str
    url: str | None
    reputation: int | None
    is_anonymous: bool
    is_viewer: bool  # the person looking at the page wrote it
    is_moderator: bool = False


def anonymous_label(band: str) -> str:
    """“Anonymous · mid-level”: the band is all an anonymous post reveals."""
    return f"Anonymous · {Band(band).label.lower()}" if band else "Anonymous"


def author_card(post, viewer=None) -> AuthorCard:
    """The public face of `post.author`, or of nobody when the post is anonymous."""
    is_viewer = bool(viewer and viewer.is_authenticated and viewer.pk == post.author_id)
    if post.is_anonymous:
        return AuthorCard(
            name=anonymous_label(post.author_band),
            headline="Posted anonymously — only you can see it is yours" if is_viewer else "",
            url=None,
            reputation=None,
            is_anonymous=True,
            is_viewer=is_viewer,
        )
    author = post.author
    return AuthorCard(
        name=author.public_name,
        headline=author.headline_text,
        url=author.get_absolute_url(),
        reputation=author.reputation,
        is_anonymous=False,
        is_viewer=is_viewer,
        is_moderator=author.is_moderator,
    )
