"""What moderators read: the flag queue, hidden contributions, the audit log."""

from collections import Counter

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts import standing
from core import ratelimit
from core.http import login_required, safe_next, url_with_params
from core.paging import offset_page, page_number
from moderation import selectors
from moderation.forms import QUEUE_KINDS, AuditFilterForm, BulkForm, QueueFilterForm
from moderation.services import bulk as services
from moderation.views.shared import moderator


@require_safe
@login_required
def flag_queue(request: HttpRequest) -> HttpResponse:
    moderator(request)
    context = _queue(request, BulkForm(), here=request.get_full_path())
    return render(request, "moderation/queue.html", context)


def _queue(request: HttpRequest, bulk_form: BulkForm, *, here: str) -> dict:
    """The queue page's context: the entries the filters keep, the tabs with their counts.
    `here`: the queue page (with its filters) that every form on it comes back to."""
    every = selectors.flag_queue()
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    kind, reason = filters.get("kind") or "", filters.get("reason") or ""
    by_reason = [e for e in every if not reason or any(f.reason == reason for f in e.flags)]
    counts = Counter(entry.kind for entry in by_reason)
    tabs = [
        (value, label, len(by_reason) if not value else counts[value],
         url_with_params(request, kind=value or None))
        for value, label in QUEUE_KINDS
    ]  # fmt: skip
    context = {
        "entries": [e for e in by_reason if not kind or e.kind == kind],
        "tabs": tabs,
        "kind": kind,
        "filter_form": form,
        "bulk_form": bulk_form,
        "here": here,
        "checked": set(bulk_form.data.getlist("items")) if bulk_form.is_bound else set(),
        # The header's badge would count the same queue again.
        "review_queue_size": len(every),
        "hide_weight": standing.FLAG_WEIGHT_TO_HIDE,
    }
    return context


@require_POST
@login_required
def queue_bulk(request: HttpRequest) -> HttpResponse:
    """Dismiss, hide or restore the checked queue items, with one reason."""
    moderator(request)
    form = BulkForm(request.POST)
    back_to = safe_next(request, reverse("moderation:queue"), within="/moderation/")
    if not form.is_valid():  # shown again, with what was checked and typed
        context = _queue(request, form, here=back_to)
        return render(request, "moderation/queue.html", context, status=400)
    with ratelimit.limit(request, "moderate_bulk"):
        result = services.queue_bulk(
            moderator=request.user,
            action=form.cleaned_data["action"],
            items=form.cleaned_data["items"],
            reason=form.cleaned_data["reason"],
        )
    done = {"dismiss": "Dismissed the flags on", "hide": "Hid", "restore": "Restored"}
    text = f"{done[form.cleaned_data['action']]} {result.done} item{pluralize(result.done)}."
    if result.skipped:
        text += (
            f" Skipped {result.skipped} that changed since you loaded the queue (or could not"
            " take this action): look at them again."
        )
    messages.success(request, text)
    return redirect(back_to)


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
