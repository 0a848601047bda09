"""The words of a generated plan: a goal a person would write for themselves, why it matters,
actions to take and who can help. Pure functions over the scores and the ladder's text."""

import re
from dataclasses import dataclass

from growth.scoring import CompetencyScore
from ladder.models import Expectation, Level

TITLE_LENGTH = 200
ACTIONS_AT_MOST = 3
_CLAUSE = re.compile(r"[,;:]\s| — | - ")
_JOIN = re.compile(r" (?:and|or|while|with|so|because|to) ")


@dataclass(frozen=True)
class WrittenGoal:
    title: str
    why: str
    actions: list[str]
    support: str
    evidence: list[str]


def gist(text: str, *, at_most: int = 110) -> str:
    """The expectation's first clause when it is long, lowercased to go inside a sentence:
    "Makes high-level architectural decisions for large parts of the system, breaking…" →
    "makes high-level architectural decisions for large parts of the system"."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) > at_most:
        cut = next((m.start() for m in _CLAUSE.finditer(text) if 30 <= m.start() <= at_most), 0)
        if not cut:  # no comma: end before a joining word, not in the middle of a phrase
            cut = max(
                (m.start() for m in _JOIN.finditer(text) if 30 <= m.start() <= at_most),
                default=0,
            )
        text = text[:cut] if cut else text[:at_most].rsplit(" ", 1)[0]
    if text[:2].isupper():  # "API …", "SQL …": an acronym keeps its case
        return text
    return text[:1].lower() + text[1:]


def consistently(text: str) -> str:
    """ "who consistently …", with the adverb after a leading "is" ("who is consistently …")."""
    first, _, rest = gist(text, at_most=100).partition(" ")
    if first in ("is", "are") and rest:
        return f"{first} consistently {rest}"
    return f"consistently {first} {rest}".rstrip()


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text[:1].upper() + text[1:] + "."


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def missing_first(weak: CompetencyScore, target: Level) -> list[Expectation]:
    """What the person does not do yet, then what they do only sometimes; the target level's
    own expectations before those carried up from below."""
    missing = weak.not_yet + weak.sometimes
    return sorted(missing, key=lambda e: e.level_id != target.pk)


def goal_for(
    weak: CompetencyScore, *, target: Level, ladder_actions: list[str], step_summary: str
) -> WrittenGoal:
    """`step_summary`: the ladder's summary of the step into the target level, for the goal
    that matters most (empty for the others, which say what their competency is about)."""
    name = weak.competency.name
    missing = missing_first(weak, target)
    lead = missing[0] if missing else None
    title = (
        f"{name}: become someone who {consistently(lead.text)}"
        if lead
        else f"{name}: make it a steady strength"
    )
    steady = weak.expectations - len(weak.not_yet) - len(weak.sometimes)
    why = (
        f"A {target.name.lower()} is expected to do {weak.expectations} things in {name.lower()}; "
    )
    if len(weak.sometimes) == weak.expectations:
        why += "you do all of them some of the time, none consistently yet."
    else:
        why += f"you do {steady or 'none of them'} consistently today" + (
            f", and {len(weak.sometimes)} some of the time." if weak.sometimes else "."
        )
    if step_summary:
        why += f" The ladder sums up the step: “{_first_sentence(step_summary)}”"
    elif weak.competency.description:
        why += f" It is about {gist(weak.competency.description, at_most=200)}."
    at_target = [e for e in missing if e.level_id == target.pk]
    return WrittenGoal(
        title=_cut(title, TITLE_LENGTH),
        why=why,
        actions=_actions(ladder_actions, missing, examples_from=at_target),
        support="\n".join(_support(name)),
        evidence=[
            f"A piece of work that shows this: “{_sentence(gist(e.text))}”" for e in missing[:2]
        ],
    )


def _actions(
    ladder_actions: list[str], missing: list[Expectation], *, examples_from: list[Expectation]
) -> list[str]:
    """Two or three: the ladder's growth actions first, then something to try from the
    examples of what the target level expects, then a way to practise what is missing."""
    actions = [_cut(_sentence(a), 300) for a in ladder_actions[:2]]
    examples = [(e, x) for e in examples_from for x in (e.examples or [])]
    if examples and len(actions) < ACTIONS_AT_MOST:
        _, example = examples[0]
        actions.append(
            _cut(f"Look for work like this and ask to take it on: “{_sentence(example)}”", 300)
        )
    for expectation in missing:
        if len(actions) >= 2:
            break
        actions.append(
            _cut(
                "Agree with your manager where you can practise this in the coming weeks: "
                f"“{_sentence(gist(expectation.text, at_most=200))}”",
                300,
            )
        )
    if len(actions) < 2:
        actions.append("Write down one recent example of this competency at its best, and why.")
    return actions[:ACTIONS_AT_MOST]


def _support(name: str) -> list[str]:
    return [
        "Your manager: agree which actions fit this quarter's work.",
        f"A mentor, or a senior colleague strong in {name.lower()}: ask for their eye on it.",
    ]
