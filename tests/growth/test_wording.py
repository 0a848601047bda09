"""The words of a generated plan (growth/wording.py): pure functions, no database."""

import pytest

from growth import wording
from growth.scoring import CompetencyScore
from ladder.models import Competency, Expectation, Level


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Writes tests.", "writes tests"),
        (
            "Makes high-level architectural decisions for large parts of the system, breaking "
            "problems into clear abstractions and recording the trade-offs.",
            "makes high-level architectural decisions for large parts of the system",
        ),
        (
            "Works directly with clients or business stakeholders to understand their needs and "
            "maps out technical solutions that fit them.",
            "works directly with clients or business stakeholders to understand their needs",
        ),
        ("API design reviews happen early.", "API design reviews happen early"),
    ],
)
def test_gist(text, expected):
    assert wording.gist(text, at_most=100) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reviews designs written by others.", "consistently reviews designs written by others"),
        (
            "Is available during major incidents, helping with diagnosis and the follow-up "
            "review even when the failing system is not their own.",
            "is consistently available during major incidents",
        ),
    ],
)
def test_consistently_goes_where_it_reads_well(text, expected):
    assert wording.consistently(text) == expected


def _weak(*expectations, sometimes=()):
    design = Competency(pk=1, slug="design", name="System design", description="Drawing boxes.")
    for e in (*expectations, *sometimes):
        e.competency = design
    return CompetencyScore(
        competency=design,
        readiness=0.25,
        expectations=len(expectations) + len(sometimes),
        rated=len(expectations) + len(sometimes),
        not_yet=list(expectations),
        sometimes=list(sometimes),
    )


SENIOR = Level(pk=3, slug="senior", name="Senior engineer", order=3)


def test_a_goal_without_ladder_actions_still_gets_two_and_no_machine_phrasing():
    lead = Expectation(pk=1, level_id=3, text="Reviews designs written by others.", examples=[])
    other = Expectation(pk=2, level_id=3, text="Plans for growth.", examples=["Splits a queue"])
    goal = wording.goal_for(_weak(lead, other), target=SENIOR, ladder_actions=[], step_summary="")
    assert (
        goal.title
        == "System design: become someone who consistently reviews designs written by others"
    )
    assert goal.actions == [
        "Look for work like this and ask to take it on: “Splits a queue.”",
        "Agree with your manager where you can practise this in the coming weeks: "
        "“Reviews designs written by others.”",
    ]
    assert goal.why == (
        "A senior engineer is expected to do 2 things in system design; you do none of them "
        "consistently today. It is about drawing boxes."
    )
    assert "Work towards" not in " ".join([goal.title, *goal.actions])


def test_examples_come_from_the_target_level_only():
    below = Expectation(pk=1, level_id=2, text="Asks for help.", examples=["Posts a question"])
    goal = wording.goal_for(
        _weak(below), target=SENIOR, ladder_actions=["Lead a project"], step_summary=""
    )
    assert not any("Posts a question" in a for a in goal.actions)
    assert goal.actions[0] == "Lead a project."
    assert len(goal.actions) == 2


def test_at_most_three_actions_and_the_step_summary_once():
    lead = Expectation(pk=1, level_id=3, text="Leads.", examples=["Runs the migration"])
    goal = wording.goal_for(
        _weak(lead),
        target=SENIOR,
        ladder_actions=["One", "Two", "Three"],
        step_summary="The step is wider impact. More sentences follow.",
    )
    assert goal.actions == [
        "One.",
        "Two.",
        "Look for work like this and ask to take it on: “Runs the migration.”",
    ]
    assert goal.why.endswith("The ladder sums up the step: “The step is wider impact.”")
