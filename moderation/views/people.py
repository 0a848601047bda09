"""A person's moderation record; suspending and lifting a suspension."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.models import User
from core.http import login_required
from moderation import selectors
from moderation.forms import SuspendForm
from moderation.models import Suspension
from moderation.services import people as services
from moderation.views.shared import moderator


@require_safe
@login_required
def person_record(request: HttpRequest, username: str) -> HttpResponse:
    moderator(request)
    someone = get_object_or_404(User, username=username)
    context = {
        "record": selectors.person_record(person=someone),
        "suspend_form": SuspendForm(auto_id="suspend_%s"),
    }
    return render(request, "moderation/person.html", context)


@require_POST
@login_required
def user_suspend(request: HttpRequest, username: str) -> HttpResponse:
    moderator(request)
    someone = get_object_or_404(User, username=username)
    form = SuspendForm(request.POST, auto_id="suspend_%s")
    if form.is_valid():
        services.user_suspend(
            moderator=request.user,
            user=someone,
            days=form.cleaned_data["days"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, f"@{someone.username} is suspended.")
        return redirect("moderation:person", username=someone.username)
    context = {"record": selectors.person_record(person=someone), "suspend_form": form}
    return render(request, "moderation/person.html", context, status=400)


@require_POST
@login_required
def suspension_lift(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    suspension = get_object_or_404(Suspension, pk=pk)
    services.suspension_lift(moderator=request.user, suspension=suspension)
    messages.success(request, "The suspension is lifted.")
    return redirect("moderation:person", username=suspension.user.username)
