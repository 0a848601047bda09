"""What an author does to any of their contributions: delete it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.http import login_required
from core.rules import require
from forum.models import thread_of
from forum.rules import can_delete
from forum.services import visibility as services
from forum.views.shared import contribution_or_404


@require_http_methods(["GET", "POST"])
@login_required
def contribution_delete(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """An author deletes their own question, answer or comment (it is hidden, never removed),
    after confirming on a page of its own: a stray click should not make it disappear."""
    contribution = contribution_or_404(request, kind, pk)
    require(can_delete, request.user, contribution)
    if request.method == "GET":
        context = {"contribution": contribution, "question": thread_of(contribution)}
        return render(request, "forum/confirm_delete.html", context)
    services.contribution_delete(user=request.user, contribution=contribution)
    messages.info(request, f"Your {kind} is deleted. A moderator can restore it if needed.")
    if kind == "question":
        return redirect("forum:questions")
    return redirect(thread_of(contribution))
