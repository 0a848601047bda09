"""Acting on a contribution: hide, restore, warn its author, reveal an anonymous author."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from core.http import form_data, form_status, login_required
from core.rules import require
from forum.models import thread_of
from forum.selectors.threads import contribution_get_or_404
from moderation.forms import ReasonForm, RevealForm, WarnForm
from moderation.rules import can_reveal
from moderation.services import people
from moderation.services import visibility as services
from moderation.views.shared import back, moderator, optional_reason


@require_POST
@login_required
def contribution_hide(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    moderator(request)
    contribution = contribution_get_or_404(kind=kind, pk=pk, viewer=request.user)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give a reason for hiding it.")
        return back(request, contribution)
    services.contribution_hide(
        moderator=request.user, contribution=contribution, reason=form.cleaned_data["reason"]
    )
    messages.success(
        request, f"The {kind} is hidden. It stays in the database and can be restored."
    )
    return back(request, contribution)


@require_POST
@login_required
def contribution_restore(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    moderator(request)
    contribution = contribution_get_or_404(kind=kind, pk=pk, viewer=request.user)
    services.contribution_restore(
        moderator=request.user, contribution=contribution, reason=optional_reason(request)
    )
    messages.success(request, f"The {kind} is visible again.")
    return back(request, contribution)


@require_http_methods(["GET", "POST"])
@login_required
def user_warn(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    moderator(request)
    contribution = contribution_get_or_404(kind=kind, pk=pk, viewer=request.user)
    form = WarnForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        people.user_warn(
            moderator=request.user,
            contribution=contribution,
            message=form.cleaned_data["message"],
        )
        messages.success(request, "The warning is sent.")
        return back(request, contribution)
    context = {"form": form, "contribution": contribution, "question": thread_of(contribution)}
    return render(request, "moderation/warn.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
@login_required
def author_reveal(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    contribution = contribution_get_or_404(kind=kind, pk=pk, viewer=request.user)
    require(can_reveal, request.user, contribution)
    form = RevealForm(form_data(request))
    revealed = None
    if request.method == "POST" and form.is_valid():
        revealed = people.author_reveal(
            moderator=request.user, contribution=contribution, reason=form.cleaned_data["reason"]
        )
    context = {
        "form": form,
        "contribution": contribution,
        "question": thread_of(contribution),
        "revealed": revealed,
    }
    return render(request, "moderation/reveal.html", context, status=form_status(form))
