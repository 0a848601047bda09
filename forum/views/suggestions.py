"""Suggesting an edit to someone else's post, and the queue where suggestions are decided."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core import ratelimit
from core.http import form_data, login_required
from core.rules import require
from forum import edits
from forum.forms import AnswerSuggestionForm, QuestionSuggestionForm, RejectForm
from forum.models import thread_of
from forum.rules import can_review_suggestion, can_suggest_edit
from forum.selectors.suggestions import (
    STATUSES,
    suggestion_diff,
    suggestion_get_or_404,
    suggestion_queue,
)
from forum.services import suggestions as services
from forum.views.shared import contribution_or_404

TABS = {"pending": "Waiting", "accepted": "Accepted", "rejected": "Rejected"}


@require_http_methods(["GET", "POST"])
@login_required
def suggestion_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind == "comment":
        raise Http404("Comments take no suggested edits.")
    post = contribution_or_404(request, kind, pk)
    require(can_suggest_edit, request.user, post)
    initial = {"body": post.body, "base_revision": edits.latest_number(post)}
    form_class = AnswerSuggestionForm
    if kind == "question":
        form_class = QuestionSuggestionForm
        initial |= {"title": post.title, "tags": ", ".join(sorted(post.tags.names()))}
    form = form_class(form_data(request), initial=initial)
    result = edits.Attempt(saved=False, form=form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def save():
            with ratelimit.limit(request, "suggest_edit"):
                services.suggestion_create(
                    suggester=request.user,
                    post=post,
                    title=data.get("title", ""),
                    body=data["body"],
                    tags=data.get("tags"),
                    reason=data["reason"],
                    base_revision=data["base_revision"],
                )

        try:
            result = edits.attempt(form, save, initial=initial)
        except services.SuggestionRefused as error:
            form.add_error(None, str(error))
        if result.saved:
            messages.success(
                request, "Thank you: your suggested edit waits for the author or a reviewer."
            )
            return redirect(post)
    context = {
        "form": result.form,
        "post": post,
        "question": thread_of(post),
        "conflict": result.conflict,
    }
    return render(request, "forum/suggestion_form.html", context, status=result.status)


@require_safe
@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "pending")
    if status not in STATUSES:
        return HttpResponseBadRequest("A suggestion is pending, accepted or rejected.")
    queue = suggestion_queue(viewer=request.user, status=status)
    tabs = [(value, label, queue.counts[value]) for value, label in TABS.items()]
    return render(request, "forum/review_edits.html", {"queue": queue, "tabs": tabs})


def _detail(request: HttpRequest, suggestion, *, reject_form=None, error="", status=200):
    context = {
        "suggestion": suggestion,
        "post": suggestion.post,
        "question": thread_of(suggestion.post),
        "diff": suggestion_diff(suggestion),
        "may_review": can_review_suggestion(request.user, suggestion),
        "reject_form": reject_form or RejectForm(auto_id="reject_%s"),
        "error": error,
    }
    return render(request, "forum/suggestion_detail.html", context, status=status)


@require_safe
@login_required
def suggestion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, suggestion_get_or_404(pk=pk, viewer=request.user))


@require_POST
@login_required
def suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = suggestion_get_or_404(pk=pk, viewer=request.user)
    try:
        with ratelimit.limit(request, "edit"):
            services.suggestion_accept(reviewer=request.user, suggestion=suggestion)
    except services.SuggestionRefused as error:
        suggestion.refresh_from_db()
        return _detail(request, suggestion, error=str(error), status=409)
    messages.success(request, "Accepted: the post now shows the suggested edit, as a revision.")
    return redirect("forum:review_edits")


@require_POST
@login_required
def suggestion_reject(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = suggestion_get_or_404(pk=pk, viewer=request.user)
    form = RejectForm(request.POST, auto_id="reject_%s")
    if not form.is_valid():
        require(can_review_suggestion, request.user, suggestion)
        return _detail(request, suggestion, reject_form=form, status=400)
    try:
        services.suggestion_reject(
            reviewer=request.user, suggestion=suggestion, reason=form.cleaned_data["reason"]
        )
    except services.SuggestionRefused as error:
        suggestion.refresh_from_db()
        return _detail(request, suggestion, error=str(error), status=409)
    messages.info(request, "Rejected: the suggestion stays on record with your reason.")
    return redirect("forum:review_edits")
