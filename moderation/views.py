from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import User
from core.paging import offset_page, page_number
from forum import ratelimit
from forum.http import form_data, login_required
from forum.models import Feature, thread_of
from forum.permissions import can_flag, can_moderate, can_reveal, require
from forum.selectors import item_get_or_404
from ladder.models import Level
from moderation import selectors, services
from moderation.forms import (
    AuditFilterForm,
    CloseForm,
    CurateForm,
    FlagForm,
    OptionalReasonForm,
    ReasonForm,
    RevealForm,
    SuspendForm,
    WarnForm,
)
from moderation.models import Suspension


def _moderator(request: HttpRequest) -> None:
    require(can_moderate, request.user)


def _optional_reason(request: HttpRequest) -> str:
    form = OptionalReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


def _back(request: HttpRequest, item) -> HttpResponse:
    """Back to where the moderator acted: the queue if they came from it, else the item."""
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/moderation/") else item)


# Flagging, for everyone signed in ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def flag(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = item_get_or_404(kind=kind, pk=pk, viewer=request.user)
    require(can_flag, request.user, item)
    form = FlagForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        ratelimit.hit(request, "flag")
        try:
            services.flag_create(
                flagger=request.user,
                item=item,
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
            )
        except services.AlreadyFlagged as already:
            messages.info(request, str(already))
            return _back(request, item)
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, "Thank you. A moderator will look at it.")
            return _back(request, item)
    context = {"form": form, "item": item, "question": thread_of(item)}
    status = 400 if form.errors else 200
    return render(request, "moderation/flag.html", context, status=status)


# The queue and the moderators' pages ---------------------------------------------------------


@require_safe
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    items = selectors.flag_queue()
    # The header's badge would count the same queue again.
    context = {"items": items, "review_queue_size": len(items)}
    return render(request, "moderation/queue.html", context)


@require_safe
@login_required
def hidden(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    return render(request, "moderation/hidden.html", {"hidden": selectors.hidden_content()})


@require_safe
@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    _moderator(request)
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


@require_safe
@login_required
def featured(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    return render(request, "moderation/featured.html", {"groups": selectors.pins()})


@require_safe
@login_required
def person(request: HttpRequest, username: str) -> HttpResponse:
    _moderator(request)
    someone = get_object_or_404(User, username=username)
    context = {
        "record": selectors.person_record(person=someone),
        "suspend_form": SuspendForm(auto_id="suspend_%s"),
    }
    return render(request, "moderation/person.html", context)


# Acting on content ---------------------------------------------------------------------------


@require_POST
@login_required
def hide(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _moderator(request)
    item = item_get_or_404(kind=kind, pk=pk, viewer=request.user)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give a reason for hiding it.")
        return _back(request, item)
    services.content_hide(moderator=request.user, item=item, reason=form.cleaned_data["reason"])
    messages.success(
        request, f"The {kind} is hidden. It stays in the database and can be restored."
    )
    return _back(request, item)


@require_POST
@login_required
def restore(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _moderator(request)
    item = item_get_or_404(kind=kind, pk=pk, viewer=request.user)
    reason = _optional_reason(request)
    services.content_restore(moderator=request.user, item=item, reason=reason)
    messages.success(request, f"The {kind} is visible again.")
    return _back(request, item)


@require_POST
@login_required
def dismiss(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _moderator(request)
    item = item_get_or_404(kind=kind, pk=pk, viewer=request.user)
    reason = _optional_reason(request)
    count = services.flags_dismiss(moderator=request.user, item=item, reason=reason)
    messages.success(request, f"Dismissed {count} flag{'s' if count != 1 else ''}.")
    return _back(request, item)


@require_http_methods(["GET", "POST"])
@login_required
def warn(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _moderator(request)
    item = item_get_or_404(kind=kind, pk=pk, viewer=request.user)
    form = WarnForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        services.user_warn(moderator=request.user, item=item, message=form.cleaned_data["message"])
        messages.success(request, "The warning is sent.")
        return _back(request, item)
    context = {"form": form, "item": item, "question": thread_of(item)}
    return render(request, "moderation/warn.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@login_required
def reveal(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = item_get_or_404(kind=kind, pk=pk, viewer=request.user)
    require(can_reveal, request.user, item)
    form = RevealForm(form_data(request))
    revealed = None
    if request.method == "POST" and form.is_valid():
        revealed = services.author_reveal(
            moderator=request.user, item=item, reason=form.cleaned_data["reason"]
        )
    context = {"form": form, "item": item, "question": thread_of(item), "revealed": revealed}
    return render(request, "moderation/reveal.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def curate(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    answer = item_get_or_404(kind="answer", pk=pk, viewer=request.user)
    if request.POST.get("undo"):
        services.answer_uncurate(moderator=request.user, answer=answer)
        messages.info(request, "The answer is no longer curated.")
        return _back(request, answer)
    form = CurateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Add a short note saying why the answer is worth reading.")
        return _back(request, answer)
    services.answer_curate(moderator=request.user, answer=answer, note=form.cleaned_data["note"])
    messages.success(request, "The answer is curated and now shows first.")
    return _back(request, answer)


@require_POST
@login_required
def close(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    question = item_get_or_404(kind="question", pk=pk, viewer=request.user)
    if request.POST.get("undo"):
        services.question_reopen(moderator=request.user, question=question)
        messages.success(request, "The question is open again.")
        return redirect(question)
    form = CloseForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        messages.error(request, f"The question is still open: {errors}")
        return redirect(question)
    try:
        services.question_close(
            moderator=request.user,
            question=question,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            duplicate_of=form.cleaned_data.get("original"),
        )
    except ValueError as problem:
        messages.error(request, f"The question is still open: {problem}")
        return redirect(question)
    messages.success(request, "The question is closed.")
    return redirect(question)


@require_POST
@login_required
def lock(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    question = item_get_or_404(kind="question", pk=pk, viewer=request.user)
    if request.POST.get("undo"):
        services.question_unlock(moderator=request.user, question=question)
        messages.success(request, "The thread is unlocked.")
        return redirect(question)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give a reason for locking the thread.")
        return redirect(question)
    services.question_lock(
        moderator=request.user, question=question, reason=form.cleaned_data["reason"]
    )
    messages.success(request, "The thread is locked: no answers, comments, votes or edits.")
    return redirect(question)


@require_POST
@login_required
def feature(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    question = item_get_or_404(kind="question", pk=pk, viewer=request.user)
    where = request.POST.get("where", "home")
    level = None if where == "home" else get_object_or_404(Level, slug=where)
    if services.question_feature_toggle(moderator=request.user, question=question, level=level):
        messages.success(request, "The question is featured.")
    else:
        messages.info(request, "The question is no longer featured there.")
    return redirect(question)


@require_POST
@login_required
def feature_move(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    pin = get_object_or_404(Feature.objects.select_related("question", "level"), pk=pk)
    if request.POST.get("remove"):
        services.question_unfeature(moderator=request.user, feature=pin)
    else:
        offset = -1 if request.POST.get("direction") == "up" else 1
        services.feature_move(moderator=request.user, feature=pin, offset=offset)
    return redirect("moderation:featured")


@require_POST
@login_required
def suspend(request: HttpRequest, username: str) -> HttpResponse:
    _moderator(request)
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
def lift(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    suspension = get_object_or_404(Suspension, pk=pk)
    services.suspension_lift(moderator=request.user, suspension=suspension)
    messages.success(request, "The suspension is lifted.")
    return redirect("moderation:person", username=suspension.user.username)
