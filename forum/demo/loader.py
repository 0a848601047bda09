"""Loading the demo content through the services (question_create, answer_create,
comment_create, vote_cast, answer_accept), so counters, the search index, reputation and
notifications stay consistent; only timestamps are backdated afterwards. Whatever exists is
left alone; whatever is missing is created."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.db.models import Max, Q

from accounts.models import User
from accounts.services import profile_update
from core.text import one_line
from forum.demo import KINDS, LATEST, PROFILE_FIELDS, demo_email
from forum.demo.checks import votes_of
from forum.models import Answer, Comment, Notification, Question, Vote, post_link
from forum.services.answers import answer_accept, answer_create
from forum.services.comments import comment_create
from forum.services.questions import question_create
from forum.services.votes import vote_cast
from ladder.models import Level


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
        self.later: list[tuple[Question | Answer, str, int]] = []

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
            user = profile_update(user=user, band_override=None, email_frequency="none", **wanted)
        self.people[username] = user
        self.tally.count("people", created)
        return user

    # Questions and what hangs off them

    def question(self, spec: dict) -> Question:
        author = self.people[spec["author"]]
        title = one_line(str(spec["title"]))
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
            body = one_line(str(spec["body"]))
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
        """Cast the missing upvotes now; downvotes wait for `downvotes()`, once everyone has
        earned the reputation voting down needs (accounts/privileges.py)."""
        for number, (username, value) in enumerate(votes_of(spec)):
            if value < 0:
                self.later.append((post, username, number))
            else:
                self.vote(post, username, value, number)

    def downvotes(self) -> None:
        """The downvotes `votes()` put off, after every question is loaded."""
        for post, username, number in self.later:
            post.refresh_from_db()
            self.people[username].refresh_from_db(fields=["reputation"])
            self.vote(post, username, -1, number)
        self.later.clear()

    def vote(self, post: Question | Answer, username: str, value: int, number: int) -> None:
        """Cast one vote unless its row exists: a vote row that exists (even retracted) is
        left alone, since casting the same value again would retract it."""
        voter = self.people[username]
        link = post_link(post)
        created = not Vote.objects.filter(user=voter, **link).exists()
        if created:
            vote_cast(user=voter, post=post, value=value)
            voted_at = self.at(post.created_at + timedelta(hours=2 + 5 * number))
            Vote.objects.filter(user=voter, **link).update(created_at=voted_at, updated_at=voted_at)
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
