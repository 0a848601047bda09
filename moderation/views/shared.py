"""What several moderation views share."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from accounts.rules import can_moderate
from core.http import safe_next
from core.rules import require
from moderation.forms import OptionalReasonForm


def moderator(request: HttpRequest) -> None:
    """Only moderators get past (the services check again before writing)."""
    require(can_moderate, request.user)


def optional_reason(request: HttpRequest) -> str:
    form = OptionalReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


def back(request: HttpRequest, contribution) -> HttpResponse:
    """Back to where the moderator acted: the queue if they came from it, else the
    contribution."""
    return redirect(safe_next(request, contribution.get_absolute_url(), within="/moderation/"))
