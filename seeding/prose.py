"""Markdown bodies and comment text, assembled from generated sentences.

Bodies mix what real posts on a career forum hold: paragraphs, bullet and numbered lists, fenced
code (configs, logs, queries), links, emphasis, now and then a quote, a heading or a table, so
that rendering, excerpts and search work on the same kinds of text as in production.
"""

from random import Random

from seeding.vocabulary import ACTIONS, CLAIMS, SITUATIONS, TIMES

_LINKS = (
    "[this write-up on levels](https://example.com/engineering/levels)",
    "https://example.org/handbook/on-call",
    "[the rubric we use](https://example.net/rubric/senior-engineer)",
    "[a guide to brag documents](https://example.com/blog/brag-document)",
    "https://example.com/postmortems/template",
)
_FILL = {
    "who": ("my manager", "my tech lead", "my skip-level", "the director", "a senior peer"),
    "yours": ("your manager", "your tech lead", "your skip-level", "your director"),
    "thing": (
        "the migration", "the on-call rotation", "our billing service", "the design review",
        "the quarterly plan", "the incident backlog", "the new hire's onboarding", "the API",
    ),
    "time": TIMES,
    "situation": SITUATIONS,
    "claim": CLAIMS,
    "action": ACTIONS,
    "metric": ("p99 latency", "error budget", "deploy frequency", "page count", "cloud bill"),
    "n": ("two", "three", "four", "five", "six", "ten"),
    "link": _LINKS,
}  # fmt: skip

_CONTEXT = (
    "I have been a {level} engineer here for {time}, mostly on {thing}.",
    "Some background: I joined {time} ago and {situation}.",
    "For context, {who} told me last week that {claim}.",
    "Our team is {n} engineers and {situation}.",
    "I own {thing} and our {metric} has been getting worse for {time}.",
    "Last cycle my rating was *meets expectations*, and {who} hinted that {claim}.",
    "Since {situation}, I have been trying to {action}.",
)
_PROBLEM = (
    "The trouble is that nobody agrees on what **done** means for {thing}.",
    "Every time I raise it, {who} says it is not a priority this quarter.",
    "I feel like I am doing senior-level work without the title, but I cannot prove it.",
    "I spend most evenings catching up, and it is starting to show in my reviews.",
    "When I asked {who} for examples, the answer was vague again.",
    "Our {metric} doubled after the last release and I was asked to own the fix.",
    "I am not sure whether to {action} or to wait until the next cycle.",
    "Half of my week goes to meetings about {thing}, the rest to interruptions.",
)
_ASK = (
    "What would you do in my place?",
    "Has anyone been through something similar, and what worked?",
    "How do I make this visible without sounding like I am bragging?",
    "Is this a reasonable expectation at my level, or am I being set up to fail?",
    "What should I ask for in my next one-on-one?",
)
_ADVICE = (
    "Write down what you shipped every week; a running log beats memory at review time.",
    "Ask {yours} to describe, in writing, what the next level would look like for you.",
    "Pick one problem that hurts the team, such as {thing}, and own it end to end.",
    "Do not wait for permission to {action}; propose it with a short plan and a date.",
    "Tie every piece of work to an outcome: our {metric} went down, a launch happened on time.",
    "Stop taking every interruption; agree with the team on an interrupt rotation instead.",
    "Mentoring counts, but only if someone else can describe the difference you made.",
    "A PIP is mostly about evidence: agree on measurable goals in the first meeting.",
    "Senior engineers are judged on the problems they choose, not just the ones they finish.",
    "If {situation}, it is worth talking to your skip-level before the next cycle.",
    "Estimate in ranges and say what would change the estimate; it builds trust quickly.",
    "I went through this {time} ago and the thing that helped most was a written plan.",
)
_STEPS = (
    "List the {n} projects you led this year and what changed because of them",
    "Book a thirty-minute session with {yours} about expectations",
    "Draft a one-page design doc for {thing}",
    "Set up a weekly note to your manager with wins, risks and asks",
    "Volunteer to run the next incident review",
    "Ask two peers for written feedback before the calibration meeting",
    "Move the recurring toil on {thing} into a runbook",
    "Agree on one metric, such as {metric}, and report on it monthly",
    "Block two mornings a week for deep work",
)
_CLOSING = (
    "Good luck, and update us after the review.",
    "Hope this helps; it took me {time} to learn it.",
    "You are asking the right questions, which is a good sign.",
    "Happy to share the template I used if it would help.",
)
_CODE = (
    ("yaml", "alert: HighErrorRate\nexpr: rate(http_errors_total[5m]) > {k}\nfor: 10m\n"),
    ("bash", "kubectl rollout undo deployment/{name}\nkubectl get pods -l app={name} -w\n"),
    ("sql", "SELECT team, count(*) AS pages\nFROM incidents\nWHERE opened_at > now() - "
            "interval '{k} days'\nGROUP BY team ORDER BY pages DESC;\n"),
    ("python", "def backoff(attempt: int) -> float:\n    return min({k}, 2 ** attempt) * 0.1\n"),
    ("go", 'ctx, cancel := context.WithTimeout(ctx, {k}*time.Second)\ndefer cancel()\n'),
    ("json", '{{"service": "{name}", "slo": 99.9, "window_days": {k}}}\n'),
    ("hcl", 'resource "aws_sqs_queue" "{name}" {{\n  visibility_timeout_seconds = {k}\n}}\n'),
    ("text", "ERROR {name}: upstream timed out after {k}s (retries exhausted)\n"),
)  # fmt: skip
_NAMES = ("billing", "checkout", "search-api", "ledger", "notifier", "gateway", "scheduler")
_COMMENTS = (
    "Thanks, this is really helpful.",
    "Did you ask {yours} for the rubric in writing?",
    "Same thing happened to me {time} ago; writing it all down saved me.",
    "Have a look at {link} too.",
    "How big is your team, roughly?",
    "This matches my experience at two companies.",
    "I would add: keep the `runbook` next to the alert, not in a wiki nobody opens.",
    "Which level are you aiming for, *exactly*?",
    "Strong disagree on the second point, but the rest is spot on.",
    "Was {thing} your idea or assigned to you?",
    "Upvoted. The part about {metric} is underrated.",
    "Could you say more about how you handled {yours}?",
)


def _fill(rng: Random, template: str, level: str) -> str:
    values = {key: rng.choice(options) for key, options in _FILL.items() if f"{{{key}" in template}
    return template.format(level=level, **values)


def _paragraph(rng: Random, sources: tuple[tuple[str, ...], ...], level: str) -> str:
    sentences = [_fill(rng, rng.choice(source), level) for source in sources]
    if rng.random() < 0.15:
        sentences.insert(rng.randrange(len(sentences) + 1), f"See {rng.choice(_LINKS)}.")
    return " ".join(sentences)


def _list(rng: Random, level: str) -> str:
    items = rng.sample(_STEPS, rng.randint(2, 5))
    numbered = rng.random() < 0.4
    return "\n".join(
        f"{f'{i}.' if numbered else '-'} {_fill(rng, item, level)}"
        for i, item in enumerate(items, start=1)
    )


def _code(rng: Random) -> str:
    language, snippet = rng.choice(_CODE)
    text = snippet.format(k=rng.randint(2, 90), name=rng.choice(_NAMES))
    return f"```{language}\n{text}```"


def _extra(rng: Random, level: str) -> str:
    """Something other than a paragraph: a list, code, a quote, a heading or a small table."""
    kind = rng.random()
    if kind < 0.45:
        return _list(rng, level)
    if kind < 0.75:
        return _code(rng)
    if kind < 0.87:
        return "> " + _fill(rng, rng.choice(_ADVICE), level)
    if kind < 0.95:
        return "### " + rng.choice(("What I tried", "Update", "What worked for me", "Details"))
    return "| Level | Scope |\n|---|---|\n| mid | a feature |\n| senior | a system |"


def _assemble(length: int, limit: int, first: str, blocks) -> str:
    """Blocks after `first` until the text reaches `length`, never past `limit`."""
    parts, size = [first], len(first)
    while size < length:
        block = blocks()
        if size + len(block) + 2 > limit:
            break
        parts.append(block)
        size += len(block) + 2
    return "\n\n".join(parts)


def question_body(rng: Random, length: int) -> str:
    level = rng.choice(("junior", "mid-level", "senior"))
    first = _paragraph(rng, (_CONTEXT, _CONTEXT, _PROBLEM), level)

    def blocks() -> str:
        if rng.random() < 0.3:
            return _extra(rng, level)
        return _paragraph(rng, (_PROBLEM, _CONTEXT, _ASK)[: rng.randint(1, 3)], level)

    return _assemble(length, 2_400, first, blocks) + "\n\n" + rng.choice(_ASK)


def answer_body(rng: Random, length: int) -> str:
    level = rng.choice(("junior", "mid-level", "senior", "staff"))
    first = _paragraph(rng, (_ADVICE,) * rng.randint(1, 2), level)

    def blocks() -> str:
        if rng.random() < 0.35:
            return _extra(rng, level)
        return _paragraph(rng, (_ADVICE,) * rng.randint(1, 3), level)

    body = _assemble(length, 2_900, first, blocks)
    return body + ("\n\n" + _fill(rng, rng.choice(_CLOSING), level) if rng.random() < 0.3 else "")


def comment_text(rng: Random) -> str:
    """What someone types in the comment box (line breaks and all; the app flattens them)."""
    text = _fill(rng, rng.choice(_COMMENTS), "")
    if rng.random() < 0.4:
        text += ("\n" if rng.random() < 0.3 else " ") + _fill(rng, rng.choice(_ADVICE), "")
    return text
