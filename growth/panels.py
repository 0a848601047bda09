"""What growth shows on the pages of the apps below it (core/slots.py): a person's latest
readiness on their profile, when they chose to show it. Registered by GrowthConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from accounts.models import User
from accounts.slots import PROFILE_FACTS
from growth.selectors.assessments import latest_readiness


def profile_readiness(request: HttpRequest, person: User) -> str | None:
    if not person.show_readiness:
        return None
    readiness = latest_readiness(person=person)
    if readiness is None:
        return None
    percent, level = readiness
    context = {"percent": percent, "level": level}
    return render_to_string("growth/_profile_readiness.html", context, request)


def register() -> None:
    PROFILE_FACTS.register(profile_readiness)
