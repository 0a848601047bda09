"""Voting on a question or an answer."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import ratelimit
from core.http import login_required
from forum.identity import author_card
from forum.selectors.threads import PostView
from forum.services import votes as services
from forum.views.shared import contribution_or_404


@require_POST
@login_required
def vote_cast(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    post = contribution_or_404(request, kind, pk)
    value = {"up": 1, "down": -1}.get(request.POST.get("value", ""))
    if value is None:
        return HttpResponseBadRequest("A vote is “up” or “down”.")
    with ratelimit.limit(request, "vote"):
        outcome = services.vote_cast(user=request.user, post=post, value=value)
    if request.htmx:
        post.score = outcome.score
        item = PostView(post=post, author=author_card(post, request.user), my_vote=outcome.value)
        return render(request, "forum/question_detail.html#vote", {"item": item})
    return redirect(post)
