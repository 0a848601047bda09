"""Flagging a contribution, for everyone signed in; dismissing flags, for moderators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from core import ratelimit
from core.http import form_data, form_status, login_required
from core.rules import require
from forum.models import thread_of
from forum.rules import can_flag
from forum.selectors.threads import contribution_get_or_404
from moderation.forms import FlagForm
from moderation.services import flags as services
from moderation.views.shared import back, moderator, optional_reason


@require_http_methods(["GET", "POST"])
@login_required
def flag_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    contribution = contribution_get_or_404(kind=kind, pk=pk, viewer=request.user)
    require(can_flag, request.user, contribution)
    form = FlagForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            with ratelimit.limit(request, "flag"):
                services.flag_create(
                    flagger=request.user,
                    contribution=contribution,
                    reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"],
                )
        except services.AlreadyFlagged as already:
            messages.info(request, str(already))
            return back(request, contribution)
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, "Thank you. A moderator will look at it.")
            return back(request, contribution)
    context = {"form": form, "contribution": contribution, "question": thread_of(contribution)}
    return render(request, "moderation/flag.html", context, status=form_status(form))


@require_POST
@login_required
def flags_dismiss(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    moderator(request)
    contribution = contribution_get_or_404(kind=kind, pk=pk, viewer=request.user)
    count = services.flags_dismiss(
        moderator=request.user, contribution=contribution, reason=optional_reason(request)
    )
    messages.success(request, f"Dismissed {count} flag{'s' if count != 1 else ''}.")
    return back(request, contribution)
