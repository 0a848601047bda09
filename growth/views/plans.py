"""Growth plans: made from an assessment, edited, exported, shared read-only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.http import form_data, login_required
from growth import services
from growth.export import plan_markdown
from growth.forms import GoalFormSet, PlanForm
from growth.selectors import assessments as selectors
from growth.selectors import plans
from growth.services import GoalInput


@require_POST
@login_required
def plan_generate(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(owner=request.user, pk=pk)
    try:
        plan = services.plan_generate(user=request.user, assessment=assessment)
    except ValidationError as problem:
        return HttpResponseBadRequest(" ".join(problem.messages))
    return redirect(plan)


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
def plan_update(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = plans.plan_get(owner=request.user, pk=pk)
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
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    response = HttpResponse(plan_markdown(the_plan), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="growth-plan-{the_plan.pk}.md"'
    return response


@require_safe
@login_required
def plan_print(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    return render(request, "growth/plan_print.html", {"plan": the_plan, "shared": False})


@require_POST
@login_required
def plan_share(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    services.plan_share(user=request.user, plan=the_plan)
    messages.success(request, "Anyone with the link below can read this plan (not change it).")
    return redirect(the_plan)


@require_POST
@login_required
def plan_unshare(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    services.plan_unshare(user=request.user, plan=the_plan)
    messages.info(request, "The share link is turned off. Anyone who had it now gets nothing.")
    return redirect(the_plan)


@require_safe
def plan_shared(request: HttpRequest, token: str) -> HttpResponse:
    the_plan = plans.plan_shared(token=token)
    response = render(request, "growth/plan_print.html", {"plan": the_plan, "shared": True})
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak through links out
    return response
