"""A post's revision history, and rolling back to an earlier revision."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from core import ratelimit
from core.http import login_required, whole_number
from core.rules import require
from forum.forms import ReasonForm
from forum.models import thread_of
from forum.revisions import revision_diff
from forum.rules import can_see_history
from forum.selectors.revisions import revision_get_or_404, revision_history
from forum.services import revisions as services
from forum.views.shared import contribution_or_404


@require_safe
def revision_list(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A post's revision history, with a readable diff between any two revisions."""
    if kind == "comment":
        raise Http404("Comments have no revision history.")
    post = contribution_or_404(request, kind, pk)
    require(can_see_history, request.user, post)
    history = revision_history(post=post, viewer=request.user)
    numbers = [entry.revision.number for entry in history]
    older = whole_number(request.GET.get("from", str(numbers[max(len(numbers) - 2, 0)])))
    newer = whole_number(request.GET.get("to", str(numbers[-1])))
    if older is None or newer is None:
        return HttpResponseBadRequest("Revision numbers are whole numbers.")
    by_number = {entry.revision.number: entry.revision for entry in history}
    if older not in by_number or newer not in by_number:
        raise Http404("This post has no such revision.")
    context = {
        "post": post,
        "question": thread_of(post),
        "history": history,
        "older": by_number[older],
        "newer": by_number[newer],
        "diff": revision_diff(by_number[older], by_number[newer]),
        "reason_form": ReasonForm(auto_id="rollback_%s"),
    }
    return render(request, "forum/revisions.html", context)


@require_POST
@login_required
def post_rollback(request: HttpRequest, pk: int) -> HttpResponse:
    """Roll a post back to revision `pk`; who may is the service's rule."""
    revision = revision_get_or_404(pk=pk)
    kind, post_id = revision.post_key
    post = contribution_or_404(request, kind, post_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("The reason is too long: 300 characters at most.")
    with ratelimit.limit(request, "edit"):
        services.post_rollback(
            post=post, revision=revision, editor=request.user, reason=form.cleaned_data["reason"]
        )
    messages.success(request, f"Rolled back to revision {revision.number}, as a new revision.")
    return redirect("forum:revisions", kind=kind, pk=post_id)
