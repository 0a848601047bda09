"""Self-assessments: start, rate, discard, read the results, compare two."""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from core.http import form_data, form_status, login_required
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


_NUMBER = re.compile(r"[0-9]{1,9}")  # ASCII digits only: str.isdigit() also accepts "²"


def _ratings_from(post) -> list[RatingInput]:
    """`rating-<expectation id>` = 0, 1 or 2 and `evidence-<expectation id>` = text."""
    ratings = []
    for key, value in post.items():
        if not key.startswith("rating-"):
            continue
        expectation_id, raw = key.removeprefix("rating-"), value.strip()
        if not _NUMBER.fullmatch(expectation_id) or not _NUMBER.fullmatch(raw):
            raise ValidationError("Ratings are not yet, sometimes or consistently.")
        evidence = post.get(f"evidence-{expectation_id}", "")  # the service trims and cuts it
        ratings.append(RatingInput(int(expectation_id), int(raw), evidence))
    return ratings


@require_http_methods(["GET", "POST"])
@login_required
def assessment_save(request: HttpRequest, pk: int) -> HttpResponse:
    """The rating sheet: save a draft, or finish it."""
    assessment = selectors.assessment_get(owner=request.user, pk=pk)
    if assessment.status == Assessment.Status.FINISHED:
        return redirect(assessment)
    error, status, submitted = None, 200, None
    if request.method == "POST":
        finish = "finish" in request.POST
        try:
            submitted = _ratings_from(request.POST)
            services.assessment_save(
                user=request.user, assessment=assessment, ratings=submitted, finish=finish
            )
        except ValidationError as problem:
            error, status = " ".join(problem.messages), 400
        else:
            if finish:
                return redirect("growth:results", pk=assessment.pk)
            messages.success(request, "Draft saved. Come back any time to finish it.")
            return redirect("growth:assess", pk=assessment.pk)
    context = {
        "assessment": assessment,
        "sheet": selectors.rating_sheet(assessment=assessment, submitted=submitted),
        "show_unrated": bool(error) and request.POST.get("finish") is not None,
        "rating_choices": Rating.Value.choices,
        "error": error,
    }
    return render(request, "growth/assess.html", context, status=status)


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
