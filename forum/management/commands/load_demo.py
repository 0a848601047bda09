"""`manage.py load_demo`: demo people and questions from forum/demo/content.yaml.

Everything goes through the services (question_create, answer_create, comment_create, vote_cast,
answer_accept) so counters, the search index, reputation and notifications stay consistent; the
command only backdates timestamps afterwards so the forum looks lived in.

Safe to run again and again: people are found by username, questions by (author, title), answers
by (author, question), comments by (author, post, body), votes by (voter, post). Whatever exists
is left alone; whatever is missing is created. A second run creates nothing.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from accounts.models import User
from accounts.services import profile_update
from forum.models import (
    COMMENT_MAX_LENGTH,
    Answer,
    Comment,
    Notification,
    Question,
    Vote,
    post_link,
)
from forum.services import (
    answer_accept,
    answer_create,
    comment_create,
    question_create,
    vote_cast,
)
from forum.tags import MAX_TAGS, TagError, normalise_tag
from ladder.models import Level

CONTENT_FILE = Path(__file__).resolve().parents[2] / "demo" / "content.yaml"
EMAIL_DOMAIN = "demo.rungs.localhost"
PROFILE_FIELDS = ("display_name", "headline", "company", "level_code")
KINDS = ("people", "questions", "answers", "comments", "votes", "accepted")

# Nothing may look like it happened in the future, or "just now" when it is meant to be old.
LATEST = timedelta(minutes=5)


def one_line(text: str) -> str:
    """Whitespace collapsed, as comment_create stores comments and the form cleans titles."""
    return " ".join(str(text).split())


def demo_email(username: str) -> str:
    return f"{username}@{EMAIL_DOMAIN}"


# --- Checking the data file before touching the database ---------------------------------------


def _votes(spec: dict) -> list[tuple[str, int]]:
    votes = spec.get("votes") or {}
    return [(name, 1) for name in votes.get("up", [])] + [
        (name, -1) for name in votes.get("down", [])
    ]


def _check_votes(where: str, spec: dict, author: str, people: set[str]) -> list[str]:
    problems = []
    voters = [name for name, _ in _votes(spec)]
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
        body = one_line(comment.get("body", ""))
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
        title = one_line(question.get("title", ""))
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


# --- Loading -------------------------------------------------------------------------------------


@dataclass
class Tally:
    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    created: int = 0
    existing: int = 0

    def count(self, kind: str, created: bool) -> None:
        self.totals[kind] += 1
        if created:
            self.created += 1
        else:
            self.existing += 1

    def summary(self) -> str:
        t = self.totals
        return (
            f"Demo content: {t['people']} people, {t['questions']} questions, "
            f"{t['answers']} answers, {t['comments']} comments, {t['votes']} votes, "
            f"{t['accepted']} accepted answers (created {self.created}, "
            f"already there {self.existing})"
        )


class DemoLoader:
    def __init__(self, *, now: datetime, levels: dict[str, Level]):
        self.now = now
        self.levels = levels
        self.people: dict[str, User] = {}
        self.tally = Tally()

    def at(self, moment: datetime) -> datetime:
        """A demo timestamp, never later than a few minutes ago."""
        return min(moment, self.now - LATEST)

    # People

    def person(self, spec: dict) -> User:
        username = spec["username"]
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(username=username, email=demo_email(username))
            user.set_unusable_password()
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"primary": True, "verified": True}
        )
        wanted = {key: str(spec[key]) for key in PROFILE_FIELDS}
        if created or any(getattr(user, key) != value for key, value in wanted.items()):
            # Demo people are not real: in-app notifications only, no e-mail to a fake address.
            user = profile_update(
                user=user, band_override=None, email_notifications=False, **wanted
            )
        self.people[username] = user
        self.tally.count("people", created)
        return user

    # Questions and what hangs off them

    def question(self, spec: dict) -> Question:
        author = self.people[spec["author"]]
        title = one_line(spec["title"])
        question = Question.objects.filter(author=author, title=title).first()
        created = question is None
        if created:
            question = question_create(
                author=author,
                title=title,
                body=spec["body"].strip(),
                level=self.levels[spec["level"]],
                tags=list(spec["tags"]),
                is_anonymous=bool(spec.get("anonymous", False)),
            )
            asked_at = self.at(self.now - timedelta(days=spec["days_ago"]))
            Question.objects.filter(pk=question.pk).update(
                created_at=asked_at, last_activity_at=asked_at
            )
            question.created_at = asked_at
        self.tally.count("questions", created)

        changed = created
        changed |= self.comments(question, spec.get("comments") or [])
        self.votes(question, spec)
        for number, answer_spec in enumerate(spec.get("answers") or []):
            changed |= self.answer(question, answer_spec, number)
        if changed:
            self.update_last_activity(question)
        return question

    def answer(self, question: Question, spec: dict, number: int) -> bool:
        author = self.people[spec["author"]]
        answer = Answer.objects.filter(author=author, question=question).first()
        created = answer is None
        if created:
            answer = answer_create(
                author=author,
                question=question,
                body=spec["body"].strip(),
                is_anonymous=bool(spec.get("anonymous", False)),
            )
            hours = spec.get("after_hours", 3 + 9 * number)
            answered_at = self.at(question.created_at + timedelta(hours=hours))
            Answer.objects.filter(pk=answer.pk).update(created_at=answered_at)
            Notification.objects.filter(answer=answer, kind=Notification.Kind.ANSWER).update(
                created_at=answered_at
            )
            answer.created_at = answered_at
        self.tally.count("answers", created)

        changed = created
        changed |= self.comments(answer, spec.get("comments") or [])
        self.votes(answer, spec)
        if spec.get("accepted"):
            self.accept(question, answer)
        return changed

    def accept(self, question: Question, answer: Answer) -> None:
        """Accept it unless the question already has an accepted answer (left as it is)."""
        accepted = Answer.objects.filter(question=question, is_accepted=True).first()
        if accepted is None:
            answer_accept(user=question.author, answer=answer)
            Notification.objects.filter(answer=answer, kind=Notification.Kind.ACCEPTED).update(
                created_at=self.at(answer.created_at + timedelta(hours=12))
            )
        elif accepted.pk != answer.pk:
            return  # someone moved the mark since: respect it, count nothing
        self.tally.count("accepted", accepted is None)

    def comments(self, post: Question | Answer, specs: list[dict]) -> bool:
        """Add the missing comments on a post; True when any was created."""
        any_created = False
        for number, spec in enumerate(specs):
            author = self.people[spec["author"]]
            body = one_line(spec["body"])
            comment = Comment.objects.filter(author=author, body=body, **post_link(post)).first()
            created = comment is None
            if created:
                comment = comment_create(author=author, post=post, body=body)
                hours = spec.get("after_hours", 1 + 4 * number)
                commented_at = self.at(post.created_at + timedelta(hours=hours))
                Comment.objects.filter(pk=comment.pk).update(created_at=commented_at)
                Notification.objects.filter(comment=comment).update(created_at=commented_at)
                any_created = True
            self.tally.count("comments", created)
        return any_created

    def votes(self, post: Question | Answer, spec: dict) -> None:
        """Cast the missing votes. A vote row that exists (even retracted) is left alone:
        casting the same value again would retract it."""
        for number, (username, value) in enumerate(_votes(spec)):
            voter = self.people[username]
            link = post_link(post)
            created = not Vote.objects.filter(user=voter, **link).exists()
            if created:
                vote_cast(user=voter, post=post, value=value)
                voted_at = self.at(post.created_at + timedelta(hours=2 + 5 * number))
                Vote.objects.filter(user=voter, **link).update(
                    created_at=voted_at, updated_at=voted_at
                )
            self.tally.count("votes", created)

    def update_last_activity(self, question: Question) -> None:
        """The question's last activity: its newest answer or comment, or when it was asked."""
        moments = [
            question.created_at,
            Answer.objects.filter(question=question).aggregate(at=Max("created_at"))["at"],
            Comment.objects.filter(Q(question=question) | Q(answer__question=question)).aggregate(
                at=Max("created_at")
            )["at"],
        ]
        latest = max(moment for moment in moments if moment is not None)
        Question.objects.filter(pk=question.pk).update(last_activity_at=latest)


class Command(BaseCommand):
    help = "Load the demo people and questions (safe to run again: it only adds what is missing)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=CONTENT_FILE)

    def handle(self, *args, file: Path, **options):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"No demo content file at {file}") from None
        except yaml.YAMLError as error:
            raise CommandError(f"{file.name} is not valid YAML: {error}") from None
        levels = {level.slug: level for level in Level.objects.all()}
        if not levels:
            raise CommandError("The ladder is not loaded: run `manage.py load_ladder` first.")
        problems = check_content(data, set(levels))
        if problems:
            raise CommandError(f"{file.name}:\n  " + "\n  ".join(problems))

        loader = DemoLoader(now=timezone.now(), levels=levels)
        with transaction.atomic():
            for person in data["people"]:
                loader.person(person)
            for question in data["questions"]:
                loader.question(question)
        tally = loader.tally
        style = self.style.SUCCESS if tally.created else (lambda text: text)
        self.stdout.write(style(tally.summary()))
