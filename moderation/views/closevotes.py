"""Members' votes to close and reopen a question, and taking a vote back."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from core import ratelimit
from core.http import form_data, login_required
from core.rules import require
from forum.selectors.threads import contribution_get_or_404
from moderation.forms import CloseVoteForm
from moderation.models import VOTES_TO_CLOSE
from moderation.rules import can_vote_to_close
from moderation.services import closevotes as services
from moderation.views.questions import close_page


def _question(request: HttpRequest, pk: int):
    return contribution_get_or_404(kind="question", pk=pk, viewer=request.user)


def vote_form(request: HttpRequest, question) -> CloseVoteForm:
    return CloseVoteForm(
        form_data(request),
        question=question,
        auto_id="vote_%s",
    )


@require_http_methods(["GET", "POST"])
@login_required
def close_vote(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    require(can_vote_to_close, request.user, question)
    form = vote_form(request, question)
    if request.method == "POST" and form.is_valid():
        try:
            with ratelimit.limit(request, "close_vote"):
                tally = services.close_vote_cast(
                    voter=request.user,
                    question=question,
                    reason=form.cleaned_data["reason"],
                    duplicate_of=form.cleaned_data["original"],
                )
        except services.AlreadyVoted as already:
            messages.info(request, str(already))
            return redirect(question)
        except ValueError as problem:
            form.add_error("duplicate_of" if form.cleaned_data["original"] else None, str(problem))
        else:
            if tally.done:
                messages.success(request, f"{tally.votes} votes: the question is closed.")
            else:
                messages.success(
                    request, f"Your vote is counted: {tally.votes} of {VOTES_TO_CLOSE}."
                )
            return redirect(question)
    return close_page(request, question, form, action="vote", votes_needed=VOTES_TO_CLOSE)


@require_POST
@login_required
def reopen_vote(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    try:
        with ratelimit.limit(request, "close_vote"):
            tally = services.reopen_vote_cast(voter=request.user, question=question)
    except services.AlreadyVoted as already:
        messages.info(request, str(already))
        return redirect(question)
    if tally.done:
        messages.success(request, f"{tally.votes} votes: the question is open again.")
    else:
        messages.success(
            request, f"Your vote to reopen is counted: {tally.votes} of {VOTES_TO_CLOSE}."
        )
    return redirect(question)


@require_POST
@login_required
def vote_retract(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    if services.close_vote_retract(voter=request.user, question=question):
        messages.success(request, "Your vote is taken back.")
    else:
        messages.info(request, "You had no vote on this question to take back.")
    return redirect(question)
