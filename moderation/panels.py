"""The moderators' tools on question pages, through the forum's slots (forum/slots.py):
close, lock and feature under the question; hide, restore, dismiss flags, curate, warn and
reveal beside each contribution, with its open flags. Registered by ModerationConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import get_template, render_to_string

from accounts.rules import can_moderate
from forum.selectors.threads import QuestionPage
from forum.slots import CONTRIBUTION_TOOLS, QUESTION_PANELS
from moderation.forms import CloseForm, CloseVoteForm
from moderation.rules import can_vote_to_close, can_vote_to_reopen
from moderation.selectors import close_votes, featured_on, open_flag_counts


def question_tools(request: HttpRequest, page: QuestionPage) -> str | None:
    if not can_moderate(request.user):
        return None
    question = page.question.post
    featured = featured_on(question=question)
    context = {
        "question": question,
        "votes": close_votes(question=question),
        "close_form": CloseForm(
            question=question,
            auto_id="close_%s",
        ),
        "featured_home": None in featured,
        "featured_level": question.level_id in featured,
    }
    return render_to_string("moderation/_question_tools.html", context, request)


def close_vote_tools(request: HttpRequest, page: QuestionPage) -> str | None:
    """Members holding the close-vote privilege: how many votes the question has, their vote
    to close (reasons and the duplicate picker) or to reopen, or taking theirs back."""
    user, question = request.user, page.question.post
    may_close, may_reopen = can_vote_to_close(user, question), can_vote_to_reopen(user, question)
    if not (may_close or may_reopen):
        return None
    votes = close_votes(question=question, viewer=user)
    context = {
        "question": question,
        "votes": votes,
        "may_reopen": may_reopen,
        "vote_form": None,
    }
    if may_close and votes.mine is None:
        context["vote_form"] = CloseVoteForm(
            question=question,
            auto_id="vote_%s",
        )
    return render_to_string("moderation/_close_votes.html", context, request)


def contribution_tools(request: HttpRequest, page: QuestionPage) -> dict | None:
    if not can_moderate(request.user):
        return None
    counts = open_flag_counts(
        question=page.question.post, answer_ids=[item.post.pk for item in page.answers]
    )
    template = get_template("moderation/_contribution_tools.html")
    shown = [item.post for item in page.posts]
    shown += [comment.comment for item in page.posts for comment in item.comments]
    return {
        (contribution.kind, contribution.pk): template.render(
            {
                "contribution": contribution,
                "open_flags": counts[contribution.kind, contribution.pk],
            },
            request,
        )
        for contribution in shown
    }


def register() -> None:
    QUESTION_PANELS.register(question_tools)
    QUESTION_PANELS.register(close_vote_tools)
    CONTRIBUTION_TOOLS.register(contribution_tools)
