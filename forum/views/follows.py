"""Following and no longer following a question, a tag or a level; the home page's Following
tab."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe
from taggit.models import Tag

from core.http import login_required, safe_next
from core.pagecache import cached_page
from forum import freshness
from forum.selectors.follows import follow_button_after, following_feed
from forum.services.follows import follow_toggle as toggle
from forum.views.shared import question_or_404
from ladder.models import Level


def _target(request: HttpRequest, kind: str, key):
    if kind == "question":
        return question_or_404(request, key)
    if kind == "tag":
        return get_object_or_404(Tag, slug=key)
    return get_object_or_404(Level, slug=key)


def _page_of(target, kind: str) -> str:
    if kind == "question":
        return target.get_absolute_url()
    if kind == "tag":
        return reverse("forum:tag_questions", kwargs={"tag": target.slug})
    return reverse("forum:level_questions", kwargs={"level": target.slug})


@require_POST
@login_required
def follow_toggle(request: HttpRequest, kind: str, pk: int | None = None, slug: str = ""):
    """Follow, or stop following. With htmx the button swaps in place; without, back to the
    page the button was on (only a page of this site)."""
    target = _target(request, kind, pk if kind == "question" else slug)
    following = toggle(follower=request.user, target=target)
    button = follow_button_after(target=target, following=following)
    if request.htmx:
        return render(request, "forum/_follow_button.html", {"follow": button})
    messages.success(
        request,
        f"You follow {button.name}." if following else f"You no longer follow {button.name}.",
    )
    return redirect(safe_next(request, _page_of(target, kind)))


@require_safe
@login_required
@cached_page([freshness.LISTS])
def following(request: HttpRequest) -> HttpResponse:
    """The home page's Following tab: recent activity in what the person follows."""
    feed = following_feed(person=request.user)
    return render(request, "forum/following.html", {"feed": feed})
