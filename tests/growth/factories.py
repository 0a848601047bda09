"""Assessments and plans, made through the growth services; a label check for their forms."""

from dataclasses import dataclass
from html.parser import HTMLParser

from growth import services
from growth.models import Assessment, Plan, Rating
from growth.selectors.assessments import scope
from ladder.models import Level, Track


def start(owner, *, track="backend", current="mid", target="senior") -> Assessment:
    return services.assessment_start(
        owner=owner,
        track=Track.objects.get(slug=track),
        current=Level.objects.get(slug=current),
        target=Level.objects.get(slug=target),
    )


def rate_all(assessment: Assessment, value=None, *, finish=True, by_competency=None, by_key=None):
    """Rate every expectation: by_key[key], by_competency[slug] or `value` (default: sometimes)."""
    items = scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    ).items
    ratings = []
    for expectation in items:
        chosen = (by_competency or {}).get(expectation.competency.slug, value)
        chosen = (by_key or {}).get(expectation.key, chosen)
        ratings.append(
            services.RatingInput(
                expectation.pk, Rating.Value.SOMETIMES if chosen is None else chosen
            )
        )
    return services.assessment_save(
        user=assessment.owner, assessment=assessment, ratings=ratings, finish=finish
    )


def finished(owner, **kwargs) -> Assessment:
    by_competency = kwargs.pop("by_competency", None)
    by_key = kwargs.pop("by_key", None)
    value = kwargs.pop("value", None)
    return rate_all(start(owner, **kwargs), value, by_competency=by_competency, by_key=by_key)


def items(assessment: Assessment) -> list:
    """Every expectation the assessment rates, in the order the form shows them."""
    return scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    ).items


def plan(owner, **kwargs):
    """A plan generated from a fresh finished assessment (design a gap, craft a strength)."""
    kwargs.setdefault("by_competency", {"craft": Rating.Value.CONSISTENTLY, "design": 0})
    assessment = finished(owner, **kwargs)
    return services.plan_generate(user=owner, assessment=assessment)


def shared_plan(owner, **kwargs):
    the_plan = plan(owner, **kwargs)
    services.plan_share(user=the_plan.owner, plan=the_plan)
    return the_plan


def goal_post(the_plan, goals: list[dict], **fields) -> dict:
    """POST data for the plan page: the plan's fields and a goal formset with `goals`."""
    data = {
        "title": fields.get("title", the_plan.title),
        "discuss": fields.get("discuss", the_plan.discuss),
        "goals-TOTAL_FORMS": str(len(goals)),
        "goals-INITIAL_FORMS": str(fields.get("initial", 0)),
        "goals-MIN_NUM_FORMS": "0",
        "goals-MAX_NUM_FORMS": "20",
    }
    for index, goal in enumerate(goals):
        for key, value in goal.items():
            data[f"goals-{index}-{key}"] = value
    return data


class _Controls(HTMLParser):
    """Form controls inside <main>, and the labels that name them."""

    SKIP = frozenset({"hidden", "submit", "button", "reset", "image"})

    def __init__(self):
        super().__init__()
        self.main = self.label = 0
        self.controls: list[dict] = []
        self.label_for: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.main += 1
        if not self.main:
            return
        if tag == "label":
            self.label += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in ("input", "select", "textarea"):
            if tag == "input" and attrs.get("type", "text") in self.SKIP:
                return
            self.controls.append({**attrs, "tag": tag, "wrapped": self.label > 0})

    def handle_endtag(self, tag):
        if tag == "main":
            self.main -= 1
        elif tag == "label" and self.main:
            self.label -= 1


def controls(html: str) -> list[dict]:
    parser = _Controls()
    parser.feed(html)
    for control in parser.controls:
        control["labelled"] = control["wrapped"] or control.get("id") in parser.label_for
    return parser.controls


def unlabelled(html: str) -> list[str]:
    """The names of the form controls on the page that no <label> names."""
    return [c.get("name", c["tag"]) for c in controls(html) if not c["labelled"]]


def plan_page_post(the_plan) -> dict:
    """What the plan page sends back untouched: every goal, then the empty extra form."""
    goals = [
        {
            "goal_id": str(goal.pk),
            "title": goal.title,
            "why": goal.why,
            "support": goal.support,
            "evidence": goal.evidence,
            "target_date": goal.target_date.isoformat() if goal.target_date else "",
            **({"done": "on"} if goal.done else {}),
        }
        for goal in the_plan.goals.all()
    ]
    return goal_post(the_plan, [*goals, {}], initial=len(goals))


@dataclass
class Scene:
    """One person's growth history: an earlier and a finished assessment, its plan, a draft."""

    owner: object
    draft: Assessment
    done: Assessment
    earlier: Assessment
    plan: Plan
