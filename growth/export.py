"""A plan as Markdown, to paste into a document or a 1:1 agenda. Plain text: nothing here is
rendered as HTML on Rungs."""

from django.utils import timezone

from growth.models import Plan


def _day(when) -> str:
    return f"{when.day} {when:%B %Y}"


def _progress(done: int, total: int) -> str:
    return f"{done} of {total} action{'' if total == 1 else 's'} done"


def plan_markdown(plan: Plan, *, questions_url: str = "") -> str:
    """`questions_url`: the forum's question list as an absolute address, for the "who can
    help" links (none without it)."""
    goals = list(plan.goals.all())
    progress = [goal.progress for goal in goals]
    out = [f"# {plan.title}", ""]
    if plan.assessment_id:
        assessment = plan.assessment
        out += [
            f"From **{assessment.current_level.name}** to **{assessment.target_level.name}** "
            f"({assessment.track.name} track), assessed on "
            f"{_day(assessment.finished_at)}.",
            "",
        ]
    out += [
        f"Progress: {_progress(sum(p.done for p in progress), sum(p.total for p in progress))}.",
        "",
    ]
    for goal, done in zip(goals, progress, strict=True):
        reached = " (reached)" if goal.done else ""
        out += [f"## {goal.title}{reached}", ""]
        facts = [f"By {_day(goal.target_date)}"] if goal.target_date else []
        facts.append(_progress(done.done, done.total))
        out += [" · ".join(facts) + ".", ""]
        if goal.why:
            out += [goal.why, ""]
        if done.total:
            out += ["Actions:", ""]
            for action in goal.actions.all():
                if action.done_at:
                    when = f" (done {_day(timezone.localtime(action.done_at))})"
                elif action.due:
                    when = f" (due {_day(action.due)})"
                else:
                    when = ""
                out.append(f"- [{'x' if action.done_at else ' '}] {action.text}{when}")
            out.append("")
        helpers = list(goal.support_list)
        if goal.competency_id and questions_url:
            helpers.append(
                f"Questions others asked about {goal.competency.name.lower()}: "
                f"{questions_url}?competency={goal.competency.slug}"
            )
        if helpers:
            out += ["Who can help:", "", *(f"- {h}" for h in helpers), ""]
        if goal.evidence_list:
            out += ["Evidence to collect:", "", *(f"- {e}" for e in goal.evidence_list), ""]
    if plan.discussion_topics:
        out += [
            "## To discuss with my manager",
            "",
            *(f"- {t}" for t in plan.discussion_topics),
            "",
        ]
    out.append("Made with Rungs.")
    return "\n".join(out) + "\n"
