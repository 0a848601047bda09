"""Closing and reopening a question; locking and unlocking its thread."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core import ratelimit
from core.http import form_data, form_status, login_required
from core.rules import require
from forum.search.query import significant_words
from forum.selectors.threads import contribution_get_or_404
from moderation.forms import CloseForm, ReasonForm, question_number
from moderation.rules import can_pick_duplicate
from moderation.selectors import duplicate_candidates
from moderation.services import questions as services
from moderation.views.shared import moderator, optional_reason


def close_form(request: HttpRequest, question) -> CloseForm:
    """The close form, bound on a POST, searching for the original as the person types."""
    return CloseForm(
        form_data(request),
        question=question,
        auto_id="close_%s",
    )


def close_page(request: HttpRequest, question, form: CloseForm, **context) -> HttpResponse:
    """The close form on a page of its own: the search results step without JavaScript, and
    a refused close, with what was typed and the error by its field."""
    context = {"question": question, "form": form, **context}
    return render(request, "moderation/close.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
@login_required
def question_close(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    question = contribution_get_or_404(kind="question", pk=pk, viewer=request.user)
    form = close_form(request, question)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_close(
                moderator=request.user,
                question=question,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                duplicate_of=form.cleaned_data["original"],
            )
        except ValueError as problem:
            field = "duplicate_of" if form.cleaned_data["original"] else None
            form.add_error(field, str(problem))
        else:
            messages.success(request, "The question is closed.")
            return redirect(question)
    return close_page(request, question, form, action="close")


@require_safe
@login_required
def duplicate_search(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the questions whose titles are like what is typed in the close form's "Original
    question" field, as radio buttons to pick the original from."""
    question = contribution_get_or_404(kind="question", pk=pk, viewer=request.user)
    require(can_pick_duplicate, request.user)
    term = request.GET.get("duplicate_of", "")[:300]
    found = None
    if significant_words(term) and question_number(term) is None:
        with ratelimit.limit(request, "similar"):
            found = duplicate_candidates(term=term, question=question)
    return render(request, "moderation/_duplicate_choices.html", {"candidates": found})


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
