"""What the forum shows on the pages of the apps below it, through their slots (core/slots.py):
a person's badges and latest posts on their profile's summary, the profile's Questions,
Answers and Reputation tabs, the follows offered on the welcome step, a level's questions on
its ladder page.
Registered by ForumConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from accounts.models import User
from accounts.slots import PROFILE_SECTIONS, PROFILE_TABS, WELCOME_PARTS, ProfileTab
from core.paging import page_number
from forum.freshness import LISTS
from forum.selectors import people
from forum.selectors.activity import user_activity
from forum.selectors.lists import featured_questions, question_links
from forum.welcome import welcome_follows
from ladder.models import Level
from ladder.slots import LEVEL_SIDE

SUMMARY_POSTS = 5


def profile_activity(request: HttpRequest, person: User) -> str:
    """The summary: the person's badges and latest few questions and answers."""
    context = {
        "person": person,
        "badges": people.person_badges(person=person),
        "activity": user_activity(person=person, viewer=request.user, limit=SUMMARY_POSTS),
    }
    return render_to_string("forum/_profile_activity.html", context, request)


def _questions_tab(request: HttpRequest, person: User) -> str:
    page = people.profile_questions(person=person, viewer=request.user, number=page_number(request))
    context = {"person": person, "page": page, "kind": "questions"}
    return render_to_string("forum/_profile_posts.html", context, request)


def _answers_tab(request: HttpRequest, person: User) -> str:
    page = people.profile_answers(person=person, viewer=request.user, number=page_number(request))
    context = {"person": person, "page": page, "kind": "answers"}
    return render_to_string("forum/_profile_posts.html", context, request)


def _reputation_tab(request: HttpRequest, person: User) -> str:
    history = people.reputation_history(
        person=person, viewer=request.user, number=page_number(request)
    )
    context = {"person": person, "history": history, "page": history.page}
    return render_to_string("forum/_profile_reputation.html", context, request)


def profile_tabs(request: HttpRequest, person: User) -> list[ProfileTab]:
    return [
        ProfileTab("questions", "Questions", _questions_tab),
        ProfileTab("answers", "Answers", _answers_tab),
        ProfileTab("reputation", "Reputation", _reputation_tab),
    ]


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
    PROFILE_TABS.register(profile_tabs)
    WELCOME_PARTS.register(welcome_follows)
    LEVEL_SIDE.register(level_questions, generations=[LISTS])
