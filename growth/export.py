"""A plan as Markdown, to paste into a document or a 1:1 agenda. Plain text: nothing here is
rendered as HTML on Rungs."""

from growth.models import Plan


def plan_markdown(plan: Plan) -> str:
    out = [f"# {plan.title}", ""]
    if plan.assessment_id:
        assessment = plan.assessment
        out += [
            f"From **{assessment.current_level.name}** to **{assessment.target_level.name}** "
            f"({assessment.track.name} track), assessed on "
            f"{assessment.finished_at:%d %B %Y}.",
            "",
        ]
    for goal in plan.goals.all():
        done = " (done)" if goal.done else ""
        out += [f"## {goal.title}{done}", ""]
        if goal.target_date:
            out += [f"Target date: {goal.target_date:%d %B %Y}", ""]
        if goal.action_list:
            out += [
                "Actions:",
                "",
                *(f"- [{'x' if goal.done else ' '}] {a}" for a in goal.action_list),
                "",
            ]
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
