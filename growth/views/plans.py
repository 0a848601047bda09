"""Growth plans: made from an assessment, edited, their actions ticked off one by one,
exported, shared read-only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import reswap, retarget

from core.http import form_data, login_required
from growth import services
from growth.export import plan_markdown
from growth.forms import ActionDoneForm, ActionForm, GoalFormSet, PlanForm
from growth.models import ACTION_LENGTH, Goal, Plan, PlanAction
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


def _goal_inputs(formset, plan) -> tuple[list[GoalInput], list[int]]:
    """The goals as written, and the ids of those ticked "Remove". A goal the form does not
    mention (added in another tab since) is neither: the service leaves it alone."""
    competencies = {g.pk: g.competency for g in plan.goals.all()}
    goals, remove = [], []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data:
            continue
        if data.get("DELETE"):
            if data.get("goal_id"):
                remove.append(data["goal_id"])
            continue
        if not data.get("title"):
            continue
        goals.append(
            GoalInput(
                title=data["title"],
                why=data.get("why", ""),
                support=data.get("support", ""),
                evidence=data.get("evidence", ""),
                target_date=data.get("target_date"),
                done=data.get("done", False),
                competency=competencies.get(data.get("goal_id")),
                goal_id=data.get("goal_id"),
            )
        )
    return goals, remove


def _plan_page(request: HttpRequest, the_plan: Plan, form=None, goals=None, status=200):
    initial_goals = [
        {
            "goal_id": g.pk,
            "title": g.title,
            "why": g.why,
            "support": g.support,
            "evidence": g.evidence,
            "target_date": g.target_date,
            "done": g.done,
        }
        for g in the_plan.goals.all()
    ]
    context = {
        "plan": the_plan,
        "progress": plans.plan_progress(the_plan),
        "form": form or PlanForm(instance=the_plan),
        "goals": goals or GoalFormSet(initial=initial_goals, prefix="goals"),
        "editing": status != 200 or request.GET.get("edit") == "1",  # the form opens
        "action_length": ACTION_LENGTH,
    }
    return render(request, "growth/plan.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def plan_update(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    if request.method == "GET":
        return _plan_page(request, the_plan)
    initial_goals = [{"goal_id": g.pk} for g in the_plan.goals.all()]
    form = PlanForm(form_data(request), instance=the_plan)
    goals = GoalFormSet(form_data(request), initial=initial_goals, prefix="goals")
    if form.is_valid() and goals.is_valid():
        written, remove = _goal_inputs(goals, the_plan)
        try:
            services.plan_update(
                user=request.user,
                plan=the_plan,
                title=form.cleaned_data["title"],
                discuss=form.cleaned_data["discuss"],
                goals=written,
                remove=remove,
            )
        except ValidationError as problem:
            form.add_error(None, problem.messages)
        else:
            messages.success(request, "Your plan is saved.")
            return redirect(the_plan)
    the_plan = plans.plan_get(owner=request.user, pk=pk)  # unchanged: the form did not apply
    return _plan_page(request, the_plan, form, goals, status=400)


# Actions, one by one. Without JavaScript each form posts and comes back to the plan (PRG);
# with htmx the action's row (and the progress it changes) is swapped in place.


def _back_to(goal: Goal) -> str:
    return f"{reverse('growth:plan', args=[goal.plan_id])}#goal-{goal.pk}"


def _swap(request: HttpRequest, goal: Goal, action: PlanAction | None, **extra) -> HttpResponse:
    """The changed row (none once removed) and, out of band, the progress it changes."""
    the_plan = plans.plan_get(owner=request.user, pk=goal.plan_id)
    goal = next(g for g in the_plan.goals.all() if g.pk == goal.pk)
    if action is not None:
        action = next((a for a in goal.actions.all() if a.pk == action.pk), action)
    context = {
        "plan": the_plan,
        "goal": goal,
        "action": action,
        "progress": plans.plan_progress(the_plan),
        "action_length": ACTION_LENGTH,
        **extra,
    }
    return render(request, "growth/_action_swap.html", context)


def _form_page(request, *, form, goal, action=None) -> HttpResponse:
    """A refused action form without JavaScript: the form again, with what was wrong."""
    context = {"form": form, "goal": goal, "action": action, "plan": goal.plan}
    return render(request, "growth/action_form.html", context, status=400)


def _action_write(request: HttpRequest, *, goal: Goal, action: PlanAction | None) -> HttpResponse:
    """Add (no `action`) or edit one action: parse, ask the service, and answer. A refusal
    shows the form again with the service's words, in place with htmx or as a page without;
    success swaps the row with htmx or comes back to the plan without."""
    adding = action is None
    form = ActionForm(request.POST)
    if form.is_valid():
        fields = {"text": form.cleaned_data["text"], "due": form.cleaned_data["due"]}
        try:
            if adding:
                action = services.plan_action_add(user=request.user, goal=goal, **fields)
            else:
                services.plan_action_update(user=request.user, action=action, **fields)
        except ValidationError as problem:
            form.add_error(None, problem)
    if form.errors:
        if adding:
            if request.htmx:  # the add form again, in place, with what was wrong
                response = _swap(request, goal, None, add_form=form, only_add_form=True)
                return reswap(retarget(response, f"#add-{goal.pk}"), "outerHTML")
            return _form_page(request, form=form, goal=goal)
        action = plans.action_get(owner=request.user, pk=action.pk)  # as saved
        if request.htmx:
            return _swap(request, goal, action, action_form=form)
        return _form_page(request, form=form, goal=goal, action=action)
    if request.htmx:
        return _swap(request, goal, action, **({"added": True} if adding else {"focus": True}))
    messages.success(request, "Action added." if adding else "Action saved.")
    return redirect(_back_to(goal))


@require_POST
@login_required
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    goal = plans.goal_get(owner=request.user, pk=pk)
    return _action_write(request, goal=goal, action=None)


@require_POST
@login_required
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = plans.action_get(owner=request.user, pk=pk)
    return _action_write(request, goal=action.goal, action=action)


@require_POST
@login_required
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = plans.action_get(owner=request.user, pk=pk)
    form = ActionDoneForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Say whether the action is done: 1 or 0.")
    services.plan_action_toggle(user=request.user, action=action, done=form.cleaned_data["done"])
    if request.htmx:
        return _swap(request, action.goal, action, focus=True)
    if action.done_at:
        messages.success(request, "Done. Nicely.")
    else:
        messages.info(request, "Marked as not done yet.")
    return redirect(_back_to(action.goal))


@require_http_methods(["GET", "POST"])
@login_required
def action_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks first ("Remove this action?"), so one tap cannot lose an action (done ones
    included); POST removes it."""
    action = plans.action_get(owner=request.user, pk=pk)
    goal = action.goal
    if request.method == "GET":
        return render(request, "growth/action_remove.html", {"action": action})
    services.plan_action_remove(user=request.user, action=action)
    if request.htmx:
        return _swap(request, goal, None)
    messages.info(request, "Action removed.")
    return redirect(_back_to(goal))


@require_safe
@login_required
def plan_markdown_export(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    forum = request.build_absolute_uri(reverse("forum:questions"))
    response = HttpResponse(
        plan_markdown(the_plan, questions_url=forum), content_type="text/markdown; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="growth-plan-{the_plan.pk}.md"'
    return response


@require_safe
@login_required
def plan_print(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    context = {"plan": the_plan, "progress": plans.plan_progress(the_plan), "shared": False}
    return render(request, "growth/plan_print.html", context)


@require_POST
@login_required
def plan_share(request: HttpRequest, pk: int) -> HttpResponse:
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    services.plan_share(user=request.user, plan=the_plan)
    messages.success(request, "Anyone with the link below can read this plan (not change it).")
    return redirect(f"{the_plan.get_absolute_url()}#sharing")


@require_http_methods(["GET", "POST"])
@login_required
def plan_unshare(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks first ("Turn off the link?"); POST turns it off."""
    the_plan = plans.plan_get(owner=request.user, pk=pk)
    if request.method == "GET":
        if not the_plan.share_token:
            return redirect(the_plan)
        return render(request, "growth/unshare.html", {"plan": the_plan})
    services.plan_unshare(user=request.user, plan=the_plan)
    messages.info(request, "The share link is turned off. Anyone who opens it is told so.")
    return redirect(f"{the_plan.get_absolute_url()}#sharing")


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak through links out
    return response


@require_safe
def plan_shared(request: HttpRequest, token: str) -> HttpResponse:
    try:
        the_plan = plans.plan_shared(token=token)
    except plans.LinkTurnedOff as gone:
        page = render(
            request, "growth/shared_gone.html", {"revoked_at": gone.revoked_at}, status=410
        )
        return _private(page)
    context = {"plan": the_plan, "progress": plans.plan_progress(the_plan), "shared": True}
    return _private(render(request, "growth/plan_print.html", context))
