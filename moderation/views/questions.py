"""Closing and reopening a question; locking and unlocking its thread."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from core.http import login_required
from forum.selectors.threads import contribution_get_or_404
from moderation.forms import CloseForm, ReasonForm
from moderation.services import questions as services
from moderation.views.shared import moderator, optional_reason


@require_POST
@login_required
def question_close(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    question = contribution_get_or_404(kind="question", pk=pk, viewer=request.user)
    form = CloseForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        messages.error(request, f"The question is still open: {errors}")
        return redirect(question)
    try:
        services.question_close(
            moderator=request.user,
            question=question,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            duplicate_of=form.cleaned_data.get("original"),
        )
    except ValueError as problem:
        messages.error(request, f"The question is still open: {problem}")
        return redirect(question)
    messages.success(request, "The question is closed.")
    return redirect(question)


@require_POST
@login_required
def question_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    question = contribution_get_or_404(kind="question", pk=pk, viewer=request.user)
    services.question_reopen(
        moderator=request.user, question=question, reason=optional_reason(request)
    )
    messages.success(request, "The question is open again.")
    return redirect(question)


@require_POST
@login_required
def question_lock(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    question = contribution_get_or_404(kind="question", pk=pk, viewer=request.user)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give a reason for locking the thread.")
        return redirect(question)
    services.question_lock(
        moderator=request.user, question=question, reason=form.cleaned_data["reason"]
    )
    messages.success(request, "The thread is locked: no answers, comments, votes or edits.")
    return redirect(question)


@require_POST
@login_required
def question_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    question = contribution_get_or_404(kind="question", pk=pk, viewer=request.user)
    services.question_unlock(
        moderator=request.user, question=question, reason=optional_reason(request)
    )
    messages.success(request, "The thread is unlocked.")
    return redirect(question)
