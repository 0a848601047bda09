"""Self-assessments: start, rate step by step, discard, read the results, compare two."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe
from django_htmx.http import HttpResponseClientRedirect, push_url

from core.http import form_data, form_status, login_required, whole_number
from growth import services
from growth.forms import StartForm
from growth.models import Assessment, Rating
from growth.selectors import assessments as selectors
from growth.selectors import plans
from growth.selectors.results import results as results_of
from growth.services import RatingInput


@require_safe
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    assessments = selectors.assessment_list(owner=request.user)
    finished = [a for a in assessments if a.status == Assessment.Status.FINISHED]
    context = {
        "assessments": assessments,
        "finished": finished,
        "draft": next((a for a in assessments if a.status == Assessment.Status.DRAFT), None),
        "plans": plans.plan_list(owner=request.user),
    }
    return render(request, "growth/dashboard.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def assessment_start(request: HttpRequest) -> HttpResponse:
    draft = selectors.draft_for(owner=request.user)
    form = StartForm(form_data(request), initial=StartForm.initial_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_start(
                owner=request.user,
                track=form.cleaned_data["track"],
                current=form.cleaned_data["current"],
                target=form.cleaned_data["target"],
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            if draft is not None:
                messages.info(request, "You already had an assessment in progress; here it is.")
            return redirect(assessment)
    context = {"form": form, "draft": draft}
    return render(request, "growth/start.html", context, status=form_status(form))


def _ratings_from(post) -> list[RatingInput]:
    """`rating-<expectation id>` = 0, 1 or 2 and `evidence-<expectation id>` = text. A step
    always sends the evidence field of each of its expectations, so an expectation with
    evidence and no rating is still saved (as not rated)."""
    ids: list[int] = []
    for key in post:
        prefix = next((p for p in ("rating-", "evidence-") if key.startswith(p)), None)
        if prefix is None:
            continue
        expectation_id = whole_number(key.removeprefix(prefix))
        if expectation_id is None:
            raise ValidationError("Ratings are not yet, sometimes or consistently.")
        if expectation_id not in ids:
            ids.append(expectation_id)
    ratings = []
    for expectation_id in ids:
        raw = post.get(f"rating-{expectation_id}")
        value = None if raw is None else whole_number(raw.strip())
        if raw is not None and value is None:
            raise ValidationError("Ratings are not yet, sometimes or consistently.")
        evidence = post.get(f"evidence-{expectation_id}", "")  # the service trims and cuts it
        ratings.append(RatingInput(expectation_id, value, evidence))
    return ratings


def _step_url(assessment: Assessment, slug: str, *, unrated_at: int | None = None) -> str:
    where = reverse("growth:assess_step", kwargs={"pk": assessment.pk, "competency": slug})
    return f"{where}?unrated=1#e-{unrated_at}" if unrated_at else where


def _away(request: HttpRequest, where: str) -> HttpResponse:
    """Leave the steps for another page: a redirect, or a full page load under htmx."""
    return HttpResponseClientRedirect(where) if request.htmx else redirect(where)


def _render_step(
    request: HttpRequest, step, *, marked=False, error=None, status=200, push=None
) -> HttpResponse:
    context = {
        "assessment": step.assessment,
        "step": step,
        "marked": marked,
        "error": error,
        "rating_choices": Rating.Value.choices,
    }
    partial = request.htmx and not request.htmx.history_restore_request
    template = "growth/assess.html#step" if partial else "growth/assess.html"
    response = render(request, template, context, status=status)
    if push and request.htmx:
        push_url(response, push)
    return response


def _go_to(request: HttpRequest, assessment: Assessment, slug: str, *, unrated=False):
    """After a save: the PRG redirect to a step, or (htmx) that step's fragment at once."""
    step = selectors.step_of(assessment=assessment, slug=slug)
    first = step.block.first_unrated if unrated else None
    where = _step_url(assessment, slug, unrated_at=first.pk if first else None)
    if not request.htmx:
        return redirect(where)
    return _render_step(request, step, marked=unrated, push=where)


@require_safe
@login_required
def assessment_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """An assessment's address: its first step with something left to rate."""
    assessment = selectors.assessment_get(owner=request.user, pk=pk)
    if assessment.status == Assessment.Status.FINISHED:
        return redirect(assessment)
    step = selectors.step_of(assessment=assessment)
    return redirect(_step_url(assessment, step.competency.slug))


@require_http_methods(["GET", "POST"])
@login_required
def assessment_step(request: HttpRequest, pk: int, competency: str) -> HttpResponse:
    """One competency of the rating sheet. Every submit saves this step, then moves on:
    `go` = next, previous, leave, finish, save (stay) or to:<competency slug>. With htmx a
    changed answer is saved on its own (`autosave`), and moving swaps in the next step."""
    assessment = selectors.assessment_get(owner=request.user, pk=pk)
    if assessment.status == Assessment.Status.FINISHED:
        return _away(request, assessment.get_absolute_url())
    step = selectors.step_of(assessment=assessment, slug=competency)
    if request.method == "GET":
        return _render_step(request, step, marked=request.GET.get("unrated") == "1")
    autosave = request.POST.get("autosave") == "1"
    go = request.POST.get("go", "save")
    if not autosave and not _known_move(go, step):  # refused before anything is written
        return HttpResponseBadRequest("Choose a step to go to.")
    submitted = None
    try:
        submitted = _ratings_from(request.POST)
        services.assessment_save(
            user=request.user,
            assessment=assessment,
            ratings=submitted,
            competency=step.competency,
        )
    except ValidationError as problem:
        error = " ".join(problem.messages)
        if autosave:
            return HttpResponseBadRequest(error)
        step = selectors.step_of(assessment=assessment, slug=competency, submitted=submitted)
        return _render_step(request, step, error=error, status=400)
    if autosave:
        step = selectors.step_of(assessment=assessment, slug=competency)
        context = {"step": step, "saved": submitted, "at": timezone.localtime()}
        return render(request, "growth/assess.html#autosaved", context)
    if go == "finish":
        return _finish(request, assessment)
    if go == "leave":
        messages.success(request, "Saved. Come back any time: you will start where you left off.")
        return _away(request, reverse("growth:dashboard"))
    slug = step.competency.slug
    if go == "next" and step.next:
        slug = step.next.slug
    elif go == "previous" and step.previous:
        slug = step.previous.slug
    elif go.startswith("to:"):
        slug = go.removeprefix("to:")
    return _go_to(request, assessment, slug)


def _known_move(go: str, step) -> bool:
    """`go` names a move the step's buttons make: save, next, previous, leave, finish, or
    to:<one of this assessment's competencies>."""
    if go in {"save", "next", "previous", "leave", "finish"}:
        return True
    return go.startswith("to:") and go.removeprefix("to:") in {
        block.competency.slug for block in step.sheet
    }


def _finish(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    """Finish, or take the person to the first expectation still to rate, saying how many."""
    try:
        services.assessment_finish(user=request.user, assessment=assessment)
    except ValidationError:
        step = selectors.step_of(assessment=assessment)
        left, here = step.unrated, step.block.unrated
        messages.warning(
            request,
            f"{left} expectation{pluralize(left)} still need{pluralize(left, 's,')} a rating "
            f"before you can finish: {here} in “{step.competency.name}”, marked below"
            + ("." if here == left else ", and the rest in the steps marked in the list."),
        )
        return _go_to(request, assessment, step.competency.slug, unrated=True)
    return _away(request, reverse("growth:results", kwargs={"pk": assessment.pk}))


@require_http_methods(["GET", "POST"])
@login_required
def assessment_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Throw a draft away, after saying so on a page of its own."""
    assessment = selectors.assessment_get(owner=request.user, pk=pk)
    if assessment.status != Assessment.Status.DRAFT:
        return redirect(assessment)
    if request.method == "GET":
        return render(request, "growth/discard.html", {"assessment": assessment})
    services.assessment_discard(user=request.user, assessment=assessment)
    messages.info(request, "The draft is discarded.")
    return redirect("growth:dashboard")


@require_safe
@login_required
def results(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(owner=request.user, pk=pk)
    if assessment.status != Assessment.Status.FINISHED:
        return redirect(assessment)
    context = {
        "results": results_of(assessment=assessment),
        "has_plan": hasattr(assessment, "plan"),  # fetched with the assessment: no query
    }
    return render(request, "growth/results.html", context)


@require_safe
@login_required
def progress(request: HttpRequest) -> HttpResponse:
    try:
        earlier, later = int(request.GET.get("a", "")), int(request.GET.get("b", ""))
    except ValueError:
        return HttpResponseBadRequest("Choose two of your finished assessments.")
    context = {
        "progress": selectors.progress(owner=request.user, earlier_pk=earlier, later_pk=later)
    }
    return render(request, "growth/compare.html", context)
