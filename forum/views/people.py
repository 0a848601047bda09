"""The list of badges, with how many people hold each (profiles themselves are accounts')."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from forum import reputation
from forum.selectors.people import badge_list


@require_safe
def badges(request: HttpRequest) -> HttpResponse:
    context = {
        "badges": badge_list(),
        "points": {
            "question_up": reputation.UPVOTE["question"],
            "answer_up": reputation.UPVOTE["answer"],
            "down": reputation.DOWNVOTE,
            "accepted": reputation.ACCEPTED,
        },
    }
    return render(request, "forum/badges.html", context)
