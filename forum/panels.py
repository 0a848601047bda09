"""What the forum shows on the pages of the apps below it, through their slots (core/slots.py):
a person's questions and answers on their profile, a level's questions on its ladder page.
Registered by ForumConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from accounts.models import User
from accounts.slots import PROFILE_SECTIONS
from forum.freshness import LISTS
from forum.selectors.activity import user_activity
from forum.selectors.lists import featured_questions, question_links
from ladder.models import Level
from ladder.slots import LEVEL_SIDE


def profile_activity(request: HttpRequest, person: User) -> str:
    activity = user_activity(person=person, viewer=request.user)
    return render_to_string("forum/_profile_activity.html", {"activity": activity}, request)


def level_questions(request: HttpRequest, level: Level) -> str:
    context = {
        "level": level,
        "featured": featured_questions(level=level),
        "questions": question_links(level=level, sort="newest"),
        "top_questions": question_links(level=level, sort="votes"),
    }
    return render_to_string("forum/_level_questions.html", context, request)


def register() -> None:
    PROFILE_SECTIONS.register(profile_activity)
    LEVEL_SIDE.register(level_questions, generations=[LISTS])
