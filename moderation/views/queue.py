"""What moderators read: the flag queue, hidden contributions, the audit log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts import standing
from core.http import login_required
from core.paging import offset_page, page_number
from moderation import selectors
from moderation.forms import AuditFilterForm
from moderation.views.shared import moderator


@require_safe
@login_required
def flag_queue(request: HttpRequest) -> HttpResponse:
    moderator(request)
    entries = selectors.flag_queue()
    # The header's badge would count the same queue again.
    context = {
        "entries": entries,
        "review_queue_size": len(entries),
        "hide_weight": standing.FLAG_WEIGHT_TO_HIDE,
    }
    return render(request, "moderation/queue.html", context)


@require_safe
@login_required
def hidden_contributions(request: HttpRequest) -> HttpResponse:
    moderator(request)
    context = {"hidden": selectors.hidden_contributions()}
    return render(request, "moderation/hidden.html", context)


@require_safe
@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    moderator(request)
    form = AuditFilterForm(request.GET or None, moderators=selectors.moderator_names())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.audit_log(
        action=filters.get("action") or None,
        actor=filters.get("actor") or None,
        kind=filters.get("kind") or None,
    )
    page = offset_page(
        entries, number=page_number(request), per_page=50, ordering=("-created_at", "-id")
    )
    return render(request, "moderation/log.html", {"form": form, "page": page})
