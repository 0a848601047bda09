"""Checking the demo data file before touching the database: every problem, as a readable
line."""

from core.text import one_line
from forum.demo import PROFILE_FIELDS
from forum.models import COMMENT_MAX_LENGTH
from forum.tags import MAX_TAGS, TagError, normalise_tag


def votes_of(spec: dict) -> list[tuple[str, int]]:
    votes = spec.get("votes") or {}
    return [(name, 1) for name in votes.get("up", [])] + [
        (name, -1) for name in votes.get("down", [])
    ]


def _check_votes(where: str, spec: dict, author: str, people: set[str]) -> list[str]:
    problems = []
    voters = [name for name, _ in votes_of(spec)]
    for name in voters:
        if name not in people:
            problems.append(f"{where}: unknown voter {name!r}")
        if name == author:
            problems.append(f"{where}: {name} votes on their own post")
    if len(voters) != len(set(voters)):
        problems.append(f"{where}: someone votes twice")
    return problems


def _check_comments(where: str, spec: dict, people: set[str]) -> list[str]:
    problems = []
    for comment in spec.get("comments") or []:
        body = one_line(str(comment.get("body", "")))
        if comment.get("author") not in people:
            problems.append(f"{where}: comment by unknown person {comment.get('author')!r}")
        if not 5 <= len(body) <= COMMENT_MAX_LENGTH:
            problems.append(f"{where}: comment of {len(body)} characters {body[:30]!r}")
    return problems


def check_content(data: dict, level_slugs: set[str]) -> list[str]:
    """Everything wrong with the data file, as readable lines; empty when it can be loaded."""
    if not isinstance(data, dict) or not data.get("people") or not data.get("questions"):
        return ["the file needs a list of people and a list of questions"]
    problems: list[str] = []
    people: set[str] = set()
    for person in data["people"]:
        name = person.get("username", "")
        missing = [key for key in ("username", *PROFILE_FIELDS) if not person.get(key)]
        if missing:
            problems.append(f"person {name!r}: missing {', '.join(missing)}")
        if name in people:
            problems.append(f"person {name!r} appears twice")
        people.add(name)

    seen_titles: set[tuple[str, str]] = set()
    for number, question in enumerate(data["questions"], start=1):
        title = one_line(str(question.get("title", "")))
        where = f"question {number} ({title[:40]!r})"
        author = question.get("author")
        if author not in people:
            problems.append(f"{where}: unknown author {author!r}")
        if not 15 <= len(title) <= 150:
            problems.append(f"{where}: the title needs 15–150 characters")
        if (author, title) in seen_titles:
            problems.append(f"{where}: the same author asks it twice")
        seen_titles.add((author, title))
        if len(str(question.get("body", "")).strip()) < 30:
            problems.append(f"{where}: the body needs at least 30 characters")
        if question.get("level") not in level_slugs:
            problems.append(f"{where}: unknown level {question.get('level')!r}")
        tags = question.get("tags") or []
        if not 1 <= len(tags) <= MAX_TAGS or len(set(tags)) != len(tags):
            problems.append(f"{where}: needs 1–{MAX_TAGS} different tags")
        for tag in tags:
            try:
                if normalise_tag(tag) != tag:
                    problems.append(f"{where}: write the tag {tag!r} as {normalise_tag(tag)!r}")
            except TagError as error:
                problems.append(f"{where}: {error}")
        days_ago = question.get("days_ago")
        if not isinstance(days_ago, int) or not 0 <= days_ago <= 365:
            problems.append(f"{where}: days_ago must be a whole number of days (0–365)")
        problems += _check_votes(where, question, author, people)
        problems += _check_comments(where, question, people)

        answer_authors: list[str] = []
        for answer in question.get("answers") or []:
            answer_where = f"{where}, answer by {answer.get('author')!r}"
            if answer.get("author") not in people:
                problems.append(f"{answer_where}: unknown author")
            answer_authors.append(answer.get("author"))
            if len(str(answer.get("body", "")).strip()) < 30:
                problems.append(f"{answer_where}: the body needs at least 30 characters")
            problems += _check_votes(answer_where, answer, answer.get("author"), people)
            problems += _check_comments(answer_where, answer, people)
        if len(answer_authors) != len(set(answer_authors)):
            problems.append(f"{where}: someone answers twice")
        if sum(bool(a.get("accepted")) for a in question.get("answers") or []) > 1:
            problems.append(f"{where}: more than one accepted answer")
    return problems
