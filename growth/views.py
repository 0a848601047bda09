import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from forum.http import form_data, login_required
from growth import selectors, services
from growth.export import plan_markdown
from growth.forms import GoalFormSet, PlanForm, StartForm
from growth.models import Assessment, Rating
from growth.services import GoalInput, RatingInput


@require_safe
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    assessments = selectors.assessment_list(owner=request.user)
    finished = [a for a in assessments if a.status == Assessment.Status.FINISHED]
    context = {
        "assessments": assessments,
        "finished": finished,
        "draft": next((a for a in assessments if a.status == Assessment.Status.DRAFT), None),
        "plans": selectors.plan_list(owner=request.user),
    }
    return render(request, "growth/dashboard.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def start(request: HttpRequest) -> HttpResponse:
    draft = selectors.draft_for(owner=request.user)
    form = StartForm(form_data(request), initial=StartForm.initial_for(request.user))
    if request.method == "POST" and form.is_valid():
        assessment = services.assessment_start(
            owner=request.user,
            track=form.cleaned_data["track"],
            current=form.cleaned_data["current"],
            target=form.cleaned_data["target"],
        )
        if draft is not None:
            messages.info(request, "You already had an assessment in progress; here it is.")
        return redirect(assessment)
    status = 400 if form.errors else 200
    return render(request, "growth/start.html", {"form": form, "draft": draft}, status=status)


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
        ratings.append(
            RatingInput(
                int(expectation_id), int(raw), post.get(f"evidence-{expectation_id}", "")[:500]
            )
        )
    return ratings


@require_http_methods(["GET", "POST"])
@login_required
def assess(request: HttpRequest, pk: int) -> HttpResponse:
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
def discard(request: HttpRequest, pk: int) -> HttpResponse:
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
        "results": selectors.results(assessment=assessment),
        "has_plan": hasattr(assessment, "plan"),  # fetched with the assessment: no query
    }
    return render(request, "growth/results.html", context)


@require_POST
@login_required
def make_plan(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(owner=request.user, pk=pk)
    try:
        plan = services.plan_generate(user=request.user, assessment=assessment)
    except ValidationError as problem:
        return HttpResponseBadRequest(" ".join(problem.messages))
    return redirect(plan)


@require_safe
@login_required
def compare(request: HttpRequest) -> HttpResponse:
    try:
        earlier, later = int(request.GET.get("a", "")), int(request.GET.get("b", ""))
    except ValueError:
        return HttpResponseBadRequest("Choose two of your finished assessments.")
    context = {
        "progress": selectors.progress(owner=request.user, earlier_pk=earlier, later_pk=later)
    }
    return render(request, "growth/compare.html", context)


def _goal_inputs(formset, plan) -> list[GoalInput]:
    competencies = {g.pk: g.competency for g in plan.goals.all()}
    goals = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE") or not data.get("title"):
            continue
        goals.append(
            GoalInput(
                title=data["title"],
                actions=data.get("actions", ""),
                evidence=data.get("evidence", ""),
                target_date=data.get("target_date"),
                done=data.get("done", False),
                competency=competencies.get(data.get("goal_id")),
                goal_id=data.get("goal_id"),
            )
        )
    return goals


@require_http_methods(["GET", "POST"])
@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = selectors.plan_get(owner=request.user, pk=pk)
    initial_goals = [
        {
            "goal_id": g.pk,
            "title": g.title,
            "actions": g.actions,
            "evidence": g.evidence,
            "target_date": g.target_date,
            "done": g.done,
        }
        for g in the_plan.goals.all()
    ]
    form = PlanForm(form_data(request), instance=the_plan)
    goals = GoalFormSet(form_data(request), initial=initial_goals, prefix="goals")
    if request.method == "POST" and form.is_valid() and goals.is_valid():
        services.plan_update(
            user=request.user,
            plan=the_plan,
            title=form.cleaned_data["title"],
            discuss=form.cleaned_data["discuss"],
            goals=_goal_inputs(goals, the_plan),
        )
        messages.success(request, "Your plan is saved.")
        return redirect(the_plan)
    status = 400 if request.method == "POST" else 200
    context = {"plan": the_plan, "form": form, "goals": goals}
    return render(request, "growth/plan.html", context, status=status)


@require_safe
@login_required
def plan_markdown_export(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = selectors.plan_get(owner=request.user, pk=pk)
    response = HttpResponse(plan_markdown(the_plan), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="growth-plan-{the_plan.pk}.md"'
    return response


@require_safe
@login_required
def plan_print(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = selectors.plan_get(owner=request.user, pk=pk)
    return render(request, "growth/plan_print.html", {"plan": the_plan, "shared": False})


@require_POST
@login_required
def plan_share(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = selectors.plan_get(owner=request.user, pk=pk)
    if request.POST.get("revoke"):
        services.plan_unshare(user=request.user, plan=the_plan)
        messages.info(request, "The share link is turned off. Anyone who had it now gets nothing.")
    else:
        services.plan_share(user=request.user, plan=the_plan)
        messages.success(request, "Anyone with the link below can read this plan (not change it).")
    return redirect(the_plan)


@require_safe
def shared(request: HttpRequest, token: str) -> HttpResponse:
    the_plan = selectors.plan_shared(token=token)
    response = render(request, "growth/plan_print.html", {"plan": the_plan, "shared": True})
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak through links out
    return response
