"""Who may POST where: one table, walked for every role.

`MATRIX` below lists every URL that accepts POST, once per target where the behaviour differs
(each `<kind:...>` URL once per kind, plus a few hidden, missing and bad-input targets), with the
outcome expected for each role:

- anonymous: not logged in.
- user: signed in, no relation to the target.
- author: wrote the target; for an assessment or a growth plan, its owner (for URLs without a
  target: just another signed-in person).
- other: the other party: for an answer the asker, for a question someone who answered it, for
  a comment the author of the post it is on, for a person, a suspension, an assessment or a
  plan another user.
- moderator: a member of the "Moderators" group.
- suspended: a suspended person, suspended through `moderation.services.user_suspend`. By
  default the target's author; where the author is refused anyway (votes, flags, accepting) the
  entry suspends the "other" party instead, and for moderator-only URLs a suspended moderator,
  so that each of these cells fails for the suspension alone and not for another reason.

Outcomes: "login" (302 to the log-in page), "403", "404", "400", and "ok" (2xx, or a redirect
anywhere but the log-in page). An "ok" cell also checks that the action happened; every other
cell checks that it did not.

`test_every_post_url_is_in_the_matrix` walks the URL resolver and POSTs to every named pattern
(bar the admin's and allauth's) as an anonymous visitor: anything but 405 means the pattern
accepts POST, and then it must be in the table. A new URL cannot be forgotten.

Where the app looks wrong, the cell states the correct outcome and carries the reason in
`bugs`, which marks it `xfail(strict=True)`: fixing the app turns the cell into an XPASS
failure, and the entry in `bugs` is then removed.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.db.models import Model
from django.http import HttpResponse
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.converters import (
    IntConverter,
    PathConverter,
    SlugConverter,
    StringConverter,
    UUIDConverter,
)

from accounts.models import User
from accounts.privileges import Privilege
from accounts.unsubscribe import unsubscribe_token
from forum.converters import ContributionKindConverter
from forum.models import (
    Answer,
    Comment,
    Feature,
    Follow,
    Notification,
    Question,
    SuggestedEdit,
    TagWiki,
    Vote,
)
from forum.services.answers import answer_accept, answer_edit
from forum.services.questions import question_edit
from forum.services.suggestions import suggestion_create
from growth.models import Assessment, Goal, Plan, PlanAction
from moderation.models import MODERATORS_GROUP, AuditEntry, CloseVote, Flag, Suspension
from moderation.selectors import flag_queue
from moderation.services.closevotes import close_vote_cast
from moderation.services.curation import answer_curate, question_feature
from moderation.services.flags import flag_create
from moderation.services.people import user_suspend
from moderation.services.questions import question_close, question_lock
from moderation.services.visibility import contribution_hide
from tests.factories import (
    PASSWORD,
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
    holder,
    superuser,
)
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")

ROLES = ("anonymous", "user", "author", "other", "moderator", "suspended")
OUTCOMES = {"login", "ok", "400", "403", "404"}
KINDS = tuple(ContributionKindConverter.regex.split("|"))  # question, answer, comment

# What the forms are sent; each text is unique, so the checks can look for it.
ASK = {
    "title": "How do I turn a PIP into a growth plan with my manager?",
    "body": "My manager put me on a PIP last week. How do I make the goals concrete and fair?",
    "level": "junior",
    "tags": "pip",
    "client_token": "0b6c3d4e-1f2a-4b5c-8d9e-0a1b2c3d4e5f",
}
QUESTION_EDIT = {
    "title": "How do I show senior-level impact, edited for clarity?",
    "body": "Edited: I have been mid-level for two years. What evidence does a promotion need?",
    "level": "mid",
    "tags": "promotion",
    "reason": "Clearer title",
}
ANSWER = {
    "body": "Ask for the PIP goals in writing and agree on a weekly check-in with your manager.",
    "client_token": "1c7d4e5f-2a3b-4c6d-9e0f-1b2c3d4e5f60",
}
ANSWER_EDIT = {"body": "Edited: write down what senior means where you work.", "reason": "Tone"}
COMMENT = {
    "body": "Which goals did your manager write down?",
    "client_token": "2d8e5f60-3b4c-4d7e-8f10-2c3d4e5f6071",
}
START = {"track": "infrastructure", "current": "junior", "target": "mid"}
PLAN_EDIT = {
    "title": "Senior by autumn, my own words",
    "discuss": "Promotion timeline",
    "goals-TOTAL_FORMS": "1",
    "goals-INITIAL_FORMS": "0",
    "goals-MIN_NUM_FORMS": "0",
    "goals-MAX_NUM_FORMS": "20",
    "goals-0-title": "Lead the design review of the billing rewrite",
    "goals-0-target_date": "2026-09-30",
}
SUGGEST_QUESTION = {
    "title": "How do I show senior-level impact, as someone suggested?",
    "body": "Suggested: I have been mid-level for two years. What evidence does it need?",
    "tags": "promotion",
    "reason": "Clearer title",
    "base_revision": "1",
}
SUGGEST_ANSWER = {
    "body": "Suggested: write down what senior means where you work.",
    "reason": "Tone",
    "base_revision": "1",
}
SUGGEST_ANSWER_VALUES = {"body": SUGGEST_ANSWER["body"], "reason": SUGGEST_ANSWER["reason"]}
PROFILE = {
    "display_name": "Renamed Engineer",
    "headline": "Platform Engineer",
    "company": "Acme",
    "level_code": "L5",
    "band_override": "",
    "email_frequency": "immediate",
}


@dataclass(frozen=True)
class Entry:
    url: str  # the URL's name
    what: str  # what a successful POST does
    target: str  # how to build what it acts on: a key of TARGETS (defined below)
    expect: str  # the outcome for each role, in ROLES order
    data: dict | Callable = field(default_factory=dict)  # the POST data that makes it succeed
    kind: str | None = None  # the value of the URL's <kind:...>, if it takes one
    variant: str = ""  # what is special about this target, when the URL is listed again
    suspended: str = "author"  # who is suspended in the "suspended" cell: author/other/moderator
    bugs: dict[str, str] = field(default_factory=dict)  # role → why the app is wrong there

    @property
    def label(self) -> str:
        return self.url + "".join(f"({part})" for part in (self.kind, self.variant) if part)

    @property
    def expects(self) -> dict[str, str]:
        return dict(zip(ROLES, self.expect.split(), strict=True))


HIDE = {"reason": "Spam link"}
TAG_WIKI = {"excerpt": "Performance improvement plans", "body": "", "base_revision": "0"}
VOTE = {"value": "up"}
FLAG = {"reason": "spam"}
MODERATED = "login  403  403  403  ok   403"  # moderator-only actions
PRIVATE = "login  404  ok   404  404  ok"  # one's own assessments and plans
ACTION_TEXT = "Ask Priya to review my design doc"

# fmt: off
MATRIX = [
    # URL name, what it does, target (a key of TARGETS)
    #         expect= anon   user auth othr mod  susp   (ROLES order)
    Entry("forum:ask", "ask a question", "nobody",
          expect="login  ok   ok   ok   ok   403", data=ASK),
    Entry("forum:preview", "render markdown for the ask/edit forms (writes nothing)", "nobody",
          expect="login  ok   ok   ok   ok   ok", data={"body": "A **bold** claim"}),
    Entry("forum:question_edit", "edit a question", "question",
          expect="login  403  ok   403  ok   403", data=QUESTION_EDIT),
    Entry("forum:answer_create", "answer a question", "question",
          expect="login  ok   ok   ok   ok   403", data=ANSWER),
    Entry("forum:answer_create", "answer a hidden question", "hidden question",
          expect="login  404  404  404  403  404", data=ANSWER, variant="hidden"),
    Entry("forum:question_comment", "comment on a question", "question",
          expect="login  ok   ok   ok   ok   403", data=COMMENT),
    Entry("forum:question_vote", "upvote a question", "question",
          expect="login  ok   403  ok   ok   403", data=VOTE, suspended="other"),
    Entry("forum:question_vote", "vote neither up nor down", "question",
          expect="login  400  400  400  400  400", data={"value": "sideways"},
          variant="bad input", suspended="other"),
    Entry("forum:answer_edit", "edit an answer", "answer",
          expect="login  403  ok   403  ok   403", data=ANSWER_EDIT),
    Entry("forum:answer_comment", "comment on an answer", "answer",
          expect="login  ok   ok   ok   ok   403", data=COMMENT),
    Entry("forum:answer_vote", "upvote an answer", "answer",
          expect="login  ok   403  ok   ok   403", data=VOTE, suspended="other"),
    Entry("forum:answer_vote", "upvote a hidden answer", "hidden answer",
          expect="login  404  404  404  403  404", data=VOTE, variant="hidden",
          suspended="other"),
    Entry("forum:answer_accept", "accept an answer (only the asker)", "answer",
          expect="login  403  403  ok   403  403", suspended="other"),
    Entry("forum:answer_unaccept", "take the accept mark back (only the asker)",
          "accepted answer", expect="login  403  403  ok   403  403", suspended="other"),
    *(
        Entry("forum:delete", f"delete (hide) their own {kind}", kind,
              expect="login  403  ok   403  403  403", kind=kind)
        for kind in KINDS
    ),
    Entry("forum:rollback", "roll a question back to revision 1", "edited question",
          expect="login  403  ok   403  ok   403", data={"reason": "Back to the original"}),
    Entry("forum:rollback", "roll an answer back to revision 1", "edited answer",
          expect="login  403  ok   403  ok   403", data={"reason": "Back to the original"},
          variant="answer"),
    # Suggested edits: "other" holds the privilege (the answerer of a question, the asker of
    # an answer); a plain user lacks it; authors and moderators edit directly instead.
    Entry("forum:suggest_edit", "suggest an edit to a question", "suggestable question",
          expect="login  403  403  ok   403  403", data=SUGGEST_QUESTION, kind="question"),
    Entry("forum:suggest_edit", "suggest an edit to an answer", "suggestable answer",
          expect="login  403  403  ok   403  403", data=SUGGEST_ANSWER, kind="answer"),
    Entry("forum:suggest_edit", "suggest an edit to a comment (there is no such thing)",
          "comment", expect="login  404  404  404  404  404", data=SUGGEST_ANSWER,
          kind="comment"),
    # "author" wrote the post, "other" made the suggestion; a plain user cannot even see it.
    Entry("forum:suggestion_accept", "accept a suggested edit", "suggestion",
          expect="login  404  ok   403  ok   403"),
    Entry("forum:suggestion_reject", "reject a suggested edit", "suggestion",
          expect="login  404  ok   403  ok   403", data={"reason": "Changes the meaning"}),
    Entry("forum:notifications_read", "mark their notifications read", "notified",
          expect="login  ok   ok   ok   ok   ok"),
    *(
        Entry("moderation:flag", f"flag a {kind}", kind,
              expect="login  ok   403  ok   ok   403", data=FLAG, kind=kind, suspended="other")
        for kind in KINDS
    ),
    Entry("moderation:flag", "flag a hidden comment", "hidden comment",
          expect="login  404  404  404  403  404", data=FLAG, kind="comment",
          variant="hidden", suspended="other"),
    Entry("moderation:queue_bulk", "dismiss the flags on checked queue items", "queue",
          expect=MODERATED, data=lambda scene: {"action": "dismiss", "items": queue_tokens()},
          suspended="moderator"),
    Entry("moderation:feature_move", "move a featured question up", "features",
          expect=MODERATED, data={"direction": "up"}, suspended="moderator"),
    Entry("moderation:unfeature", "stop featuring a question", "features",
          expect=MODERATED, suspended="moderator"),
    Entry("moderation:suspend", "suspend a person", "person",
          expect=MODERATED, data={"days": "3", "reason": "Repeated personal attacks"},
          suspended="moderator"),
    Entry("moderation:lift", "lift a suspension", "suspension",
          expect=MODERATED, suspended="moderator"),
    *(
        Entry("moderation:hide", f"hide a {kind}", kind,
              expect=MODERATED, data=HIDE, kind=kind, suspended="moderator")
        for kind in KINDS
    ),
    Entry("moderation:hide", "hide a question that does not exist", "missing question",
          expect="login  403  403  403  404  403", data=HIDE, kind="question",
          variant="missing", suspended="moderator"),
    *(
        Entry("moderation:restore", f"restore a hidden {kind}", f"hidden {kind}",
              expect=MODERATED, data={"reason": "Flagged by mistake"}, kind=kind,
              suspended="moderator")
        for kind in KINDS
    ),
    *(
        Entry("moderation:dismiss", f"dismiss the flags on a {kind}", f"flagged {kind}",
              expect=MODERATED, data={"reason": "Not spam"}, kind=kind, suspended="moderator")
        for kind in KINDS
    ),
    *(
        Entry("moderation:warn", f"warn the author of a {kind}", kind,
              expect=MODERATED, data={"message": "Keep it civil."}, kind=kind,
              suspended="moderator")
        for kind in KINDS
    ),
    *(
        Entry("moderation:reveal", f"reveal who wrote an anonymous {kind}", f"anonymous {kind}",
              expect=MODERATED, data={"reason": "A legal request about this post"}, kind=kind,
              suspended="moderator")
        for kind in KINDS
    ),
    Entry("moderation:curate", "curate an answer", "answer",
          expect=MODERATED, data={"note": "Clear, concrete steps that worked for others."},
          suspended="moderator"),
    Entry("moderation:uncurate", "un-curate an answer", "curated answer",
          expect=MODERATED, suspended="moderator"),
    Entry("moderation:close", "close a question", "question",
          expect=MODERATED, data={"reason": "off-topic", "note": "Not about careers"},
          suspended="moderator"),
    Entry("moderation:reopen", "reopen a question", "closed question",
          expect=MODERATED, suspended="moderator"),
    # Members' close votes: only members holding the close-vote privilege vote (see
    # tests/moderation/views/test_closevotes.py for that role); moderators close at once.
    Entry("moderation:close_vote", "vote to close a question", "question",
          expect="login  403  403  403  403  403", data={"reason": "off-topic"}),
    Entry("moderation:reopen_vote", "vote to reopen a question", "closed question",
          expect="login  403  403  403  403  403"),
    Entry("moderation:retract_vote", "take one's close vote back", "close-voted question",
          expect="login  ok   ok   ok   ok   403"),
    Entry("moderation:lock", "lock a thread", "question",
          expect=MODERATED, data={"reason": "Heated thread"}, suspended="moderator"),
    Entry("moderation:unlock", "unlock a thread", "locked question",
          expect=MODERATED, suspended="moderator"),
    Entry("moderation:feature", "feature a question on the home page", "question",
          expect=MODERATED, data={"where": "home"}, suspended="moderator"),
    Entry("moderation:unfeature_question", "stop featuring a question on the home page",
          "featured question", expect=MODERATED, data={"where": "home"}, suspended="moderator"),
    Entry("forum:tag_edit", "edit a tag's description and wiki", "tagged question",
          expect=MODERATED, data=TAG_WIKI, suspended="moderator"),
    Entry("accounts:profile_edit", "edit their profile", "nobody",
          expect="login  ok   ok   ok   ok   403", data=PROFILE),
    # The welcome step: only ever about the person posting. Every role here is past it already
    # (members made by the factory are), so the page just sends them on, and they stay past it;
    # a newcomer filling it in or skipping it, and a suspended one, are in
    # tests/accounts/test_views.py.
    Entry("welcome", "get past the welcome step (skip it)", "nobody",
          expect="login  ok   ok   ok   ok   ok", data={"skip": "1"}),
    # Following is reading: suspended people follow too. The author (asker) and the other party
    # (an answerer) follow the question already, so for them the button stops following.
    Entry("forum:follow_question", "follow a question, or stop", "question",
          expect="login  ok   ok   ok   ok   ok"),
    Entry("forum:follow_question", "follow a hidden question", "hidden question",
          expect="login  404  404  404  ok   404", variant="hidden"),
    Entry("forum:follow_tag", "follow a tag", "tag", expect="login  ok   ok   ok   ok   ok"),
    Entry("forum:follow_level", "follow a level", "level", expect="login  ok   ok   ok   ok   ok"),
    # The signed link is the authority, whoever sends it (a mail client, logged out).
    Entry("accounts:unsubscribe", "unsubscribe the link's person from e-mails",
          "unsubscribe link", expect="ok     ok   ok   ok   ok   ok"),
    Entry("accounts:unsubscribe", "unsubscribe with an altered link", "altered unsubscribe link",
          expect="400    400  400  400  400  400", variant="altered"),
    # Growth: private to the owner ("author"); anyone else, moderators included, gets a 404.
    # Suspension limits forum participation, not one's own self-assessment.
    Entry("growth:start", "start a self-assessment of their own", "nobody",
          expect="login  ok   ok   ok   ok   ok", data=START),
    Entry("growth:assess_step", "finish a draft assessment (every line rated) from a step",
          "draft assessment step", expect=PRIVATE, data={"go": "finish"}),
    Entry("growth:discard", "discard a draft assessment", "draft assessment",
          expect=PRIVATE),
    Entry("growth:make_plan", "make a plan from a finished assessment", "finished assessment",
          expect=PRIVATE),
    Entry("growth:make_plan", "make a plan from a draft (refused: finish it first)",
          "draft assessment", expect="login  404  400  404  404  400", variant="draft"),
    Entry("growth:plan", "edit a plan", "plan", expect=PRIVATE, data=PLAN_EDIT),
    Entry("growth:plan_share", "turn on a plan's share link", "plan", expect=PRIVATE),
    Entry("growth:plan_unshare", "turn off a plan's share link", "shared plan",
          expect=PRIVATE),
    Entry("growth:action_add", "add an action to a goal of their plan", "plan goal",
          expect=PRIVATE, data={"text": ACTION_TEXT}),
    Entry("growth:action_edit", "reword and re-date a plan action", "plan action",
          expect=PRIVATE, data={"text": ACTION_TEXT, "due": "2027-01-31"}),
    Entry("growth:action_done", "tick a plan action off", "plan action",
          expect=PRIVATE, data={"done": "1"}),
    Entry("growth:action_remove", "remove a plan action", "plan action", expect=PRIVATE),
    # Privacy: anyone signed in deletes their own account (suspended or not); the URL names
    # nobody, so there is no one else's account to aim at.
    Entry("privacy:delete", "delete their own account (with their password)", "nobody",
          expect="login  ok   ok   ok   ok   ok", data={"password": PASSWORD}),
]
# fmt: on


def queue_tokens() -> list[str]:
    """Every flag queue item as the queue page offers it for bulk actions."""
    return [entry.token for entry in flag_queue()]


# Targets: what each cell acts on, built fresh through the services ---------------------------


@dataclass
class Scene:
    author: User  # wrote the target
    other: User  # the other party
    kwargs: dict[str, Any] = field(default_factory=dict)  # for reverse(), bar <kind:...>
    model: type[Model] | None = None  # the question/answer/comment acted on, if any...
    pk: int | None = None  # ...and its id
    target: Any = None  # anything else a check needs


TARGETS: dict[str, Callable[[User], Scene]] = {}


def target(name: str):
    def register(build: Callable[[User], Scene]) -> Callable[[User], Scene]:
        TARGETS[name] = build
        return build

    return register


def _on(item, author: User, other: User) -> Scene:
    return Scene(author, other, {"pk": item.pk}, type(item), item.pk, item)


@target("nobody")
def _nobody(moderator: User) -> Scene:
    return Scene(author=UserFactory(), other=UserFactory())


@target("question")
def _question(moderator: User) -> Scene:
    question = QuestionFactory()
    return _on(question, question.author, AnswerFactory(question=question).author)


@target("answer")
def _answer(moderator: User) -> Scene:
    answer = AnswerFactory()
    return _on(answer, answer.author, answer.question.author)


@target("comment")
def _comment(moderator: User) -> Scene:
    question = QuestionFactory()
    comment = CommentFactory(post=question)
    return _on(comment, comment.author, question.author)


def _hidden(kind: str) -> Callable[[User], Scene]:
    def build(moderator: User) -> Scene:
        scene = TARGETS[kind](moderator)
        contribution_hide(moderator=moderator, contribution=scene.target, reason="Spam link")
        return scene

    return build


def _flagged(kind: str) -> Callable[[User], Scene]:
    def build(moderator: User) -> Scene:
        scene = TARGETS[kind](moderator)
        flag_create(flagger=UserFactory(), contribution=scene.target, reason="spam")
        return scene

    return build


for _kind in KINDS:
    target(f"hidden {_kind}")(_hidden(_kind))
    target(f"flagged {_kind}")(_flagged(_kind))


@target("anonymous question")
def _anonymous_question(moderator: User) -> Scene:
    question = QuestionFactory(is_anonymous=True)
    return _on(question, question.author, AnswerFactory(question=question).author)


@target("anonymous answer")
def _anonymous_answer(moderator: User) -> Scene:
    answer = AnswerFactory(is_anonymous=True)
    return _on(answer, answer.author, answer.question.author)


@target("anonymous comment")
def _anonymous_comment(moderator: User) -> Scene:
    """The anonymous asker's comment on their own question stays anonymous."""
    question = QuestionFactory(is_anonymous=True)
    comment = CommentFactory(post=question, author=question.author)
    assert comment.is_anonymous
    return _on(comment, comment.author, AnswerFactory(question=question).author)


@target("missing question")
def _missing_question(moderator: User) -> Scene:
    pk = 999_999_999
    return Scene(UserFactory(), UserFactory(), {"pk": pk}, Question, pk)


@target("edited question")
def _edited_question(moderator: User) -> Scene:
    """A question edited once by its author; the target is revision 1, the original."""
    question = QuestionFactory()
    question_edit(
        question=question,
        editor=question.author,
        title=question.title,
        body="Changed my mind: the situation is different now, and longer than before.",
        level=question.level,
        tags=["promotion"],
    )
    first = question.revisions.get(number=1)
    other = AnswerFactory(question=question).author
    return Scene(question.author, other, {"pk": first.pk}, Question, question.pk, first)


@target("edited answer")
def _edited_answer(moderator: User) -> Scene:
    """An answer edited once by its author; the target is revision 1, the original."""
    answer = AnswerFactory()
    answer_edit(
        answer=answer,
        editor=answer.author,
        body="Changed my mind: talk to your skip-level manager before anything else.",
    )
    first = answer.revisions.get(number=1)
    return Scene(answer.author, answer.question.author, {"pk": first.pk}, Answer, answer.pk, first)


@target("suggestable question")
def _suggestable_question(moderator: User) -> Scene:
    question = QuestionFactory()
    answerer = holder(Privilege.SUGGEST_EDITS)
    AnswerFactory(question=question, author=answerer)
    return _on(question, question.author, answerer)


@target("suggestable answer")
def _suggestable_answer(moderator: User) -> Scene:
    asker = holder(Privilege.SUGGEST_EDITS)
    answer = AnswerFactory(question=QuestionFactory(author=asker))
    return _on(answer, answer.author, asker)


@target("suggestion")
def _suggestion(moderator: User) -> Scene:
    """An edit suggested to an answer; "other" is the person who suggested it."""
    answer = AnswerFactory()
    suggester = holder(Privilege.SUGGEST_EDITS)
    suggestion = suggestion_create(
        suggester=suggester, post=answer, base_revision=1, **SUGGEST_ANSWER_VALUES
    )
    return Scene(answer.author, suggester, {"pk": suggestion.pk}, target=suggestion)


@target("notified")
def _notified(moderator: User) -> Scene:
    """The author has an unread notification: someone answered their question."""
    question = QuestionFactory()
    return Scene(question.author, AnswerFactory(question=question).author)


@target("features")
def _features(moderator: User) -> Scene:
    """Two questions featured on the home page; the target is the second feature."""
    first, second = QuestionFactory(), QuestionFactory()
    question_feature(moderator=moderator, question=first, level=None)
    feature = question_feature(moderator=moderator, question=second, level=None)
    return Scene(second.author, first.author, {"pk": feature.pk}, target=feature)


@target("person")
def _person(moderator: User) -> Scene:
    person = UserFactory()
    return Scene(person, UserFactory(), {"username": person.username}, target=person)


@target("suspension")
def _suspension(moderator: User) -> Scene:
    person = UserFactory()
    suspension = user_suspend(
        moderator=moderator, user=person, days=3, reason="Repeated personal attacks"
    )
    return Scene(person, UserFactory(), {"pk": suspension.pk}, target=suspension)


def _mine(thing: Assessment | Plan, owner: User) -> Scene:
    return Scene(owner, UserFactory(), {"pk": thing.pk}, type(thing), thing.pk, thing)


@target("draft assessment")
def _draft_assessment(moderator: User) -> Scene:
    """A draft with every line rated, ready to finish."""
    owner = UserFactory()
    return _mine(growth.rate_all(growth.start(owner), finish=False), owner)


@target("draft assessment step")
def _draft_assessment_step(moderator: User) -> Scene:
    """A step of a draft with every line rated: its first competency's."""
    scene = _draft_assessment(moderator)
    scene.kwargs["competency"] = growth.items(scene.target)[0].competency.slug
    return scene


@target("finished assessment")
def _finished_assessment(moderator: User) -> Scene:
    owner = UserFactory()
    return _mine(growth.finished(owner, by_competency={"design": 0}), owner)


@target("plan")
def _plan(moderator: User) -> Scene:
    owner = UserFactory()
    return _mine(growth.plan(owner), owner)


@target("accepted answer")
def _accepted_answer(moderator: User) -> Scene:
    answer = AnswerFactory()
    answer_accept(user=answer.question.author, answer=answer)
    return _on(answer, answer.author, answer.question.author)


@target("curated answer")
def _curated_answer(moderator: User) -> Scene:
    answer = AnswerFactory()
    answer_curate(moderator=moderator, answer=answer, note="Concrete steps that worked.")
    return _on(answer, answer.author, answer.question.author)


@target("closed question")
def _closed_question(moderator: User) -> Scene:
    scene = _question(moderator)
    question_close(moderator=moderator, question=scene.target, reason="off-topic")
    return scene


@target("locked question")
def _locked_question(moderator: User) -> Scene:
    scene = _question(moderator)
    question_lock(moderator=moderator, question=scene.target, reason="Heated thread")
    return scene


@target("featured question")
def _featured_question(moderator: User) -> Scene:
    scene = _question(moderator)
    question_feature(moderator=moderator, question=scene.target, level=None)
    return scene


@target("close-voted question")
def _close_voted_question(moderator: User) -> Scene:
    """The asker and an answerer, both holding the close-vote privilege, voted to close."""
    scene = _question(moderator)
    for person in (scene.author, scene.other):
        User.objects.filter(pk=person.pk).update(reputation=500)
        person.refresh_from_db()
        close_vote_cast(voter=person, question=scene.target, reason="off-topic")
    return scene


@target("queue")
def _queue(moderator: User) -> Scene:
    """A flagged answer in the queue; the URL names nothing, the POST data names the item."""
    scene = TARGETS["flagged answer"](moderator)
    scene.kwargs = {}
    return scene


@target("tagged question")
def _tagged_question(moderator: User) -> Scene:
    """A question tagged "pip"; the URL names the tag."""
    scene = _question(moderator)
    scene.target.tags.add("pip")
    return Scene(scene.author, scene.other, {"tag": "pip"}, target=scene.target)


@target("plan goal")
def _plan_goal(moderator: User) -> Scene:
    owner = UserFactory()
    goal = growth.plan(owner).goals.first()
    return Scene(owner, UserFactory(), {"pk": goal.pk}, Goal, goal.pk, goal)


@target("plan action")
def _plan_action(moderator: User) -> Scene:
    owner = UserFactory()
    action = growth.plan(owner).goals.first().actions.first()
    return Scene(owner, UserFactory(), {"pk": action.pk}, PlanAction, action.pk, action)


@target("shared plan")
def _shared_plan(moderator: User) -> Scene:
    owner = UserFactory()
    return _mine(growth.shared_plan(owner), owner)


# Checks: did the action happen? One per URL name --------------------------------------------


@target("tag")
def _tag(moderator: User) -> Scene:
    question = QuestionFactory(tags=["promotion"])
    return Scene(question.author, UserFactory(), {"slug": "promotion"}, target="promotion")


@target("level")
def _level(moderator: User) -> Scene:
    return Scene(UserFactory(), UserFactory(), {"slug": "senior"}, target="senior")


@target("unsubscribe link")
def _unsubscribe(moderator: User) -> Scene:
    person = UserFactory()
    return Scene(person, UserFactory(), {"token": unsubscribe_token(person)}, target=person)


@target("altered unsubscribe link")
def _unsubscribe_altered(moderator: User) -> Scene:
    person, other = UserFactory(), UserFactory()
    token = str(other.pk) + unsubscribe_token(person)[len(str(person.pk)) :]
    return Scene(person, other, {"token": token}, target=person)


def _follows(cell: "Cell", **link) -> bool:
    return cell.actor is not None and Follow.objects.filter(follower=cell.actor, **link).exists()


def _follow_flipped(cell: "Cell") -> bool:
    """Following now, unless they followed before (askers and answerers do, unasked)."""
    if cell.actor is None:
        return False
    before = cell.actor.pk in (cell.scene.author.pk, cell.scene.other.pk)
    return _follows(cell, question_id=cell.scene.pk) is not before


def _unsubscribed(cell: "Cell") -> bool:
    return User.objects.filter(pk=cell.scene.target.pk, email_frequency="none").exists()


@dataclass
class Cell:
    entry: Entry
    scene: Scene
    actor: User | None
    response: HttpResponse

    def rows(self):
        """The question, answer or comment acted on, as a queryset (empty when missing)."""
        return self.scene.model.objects.filter(pk=self.scene.pk)

    @property
    def link(self) -> dict[str, int]:
        return {f"{self.scene.model.kind}_id": self.scene.pk}


DONE: dict[str, Callable[[Cell], bool]] = {
    "forum:ask": lambda c: Question.objects.filter(title=ASK["title"]).exists(),
    "forum:preview": lambda c: b"<strong>bold</strong>" in c.response.content,
    "forum:question_edit": lambda c: c.rows().filter(title=QUESTION_EDIT["title"]).exists(),
    "forum:answer_create": lambda c: Answer.objects.filter(body=ANSWER["body"]).exists(),
    "forum:question_comment": lambda c: Comment.objects.filter(body=COMMENT["body"]).exists(),
    "forum:question_vote": lambda c: Vote.objects.filter(**c.link, value=1).exists(),
    "forum:answer_edit": lambda c: c.rows().filter(body=ANSWER_EDIT["body"]).exists(),
    "forum:answer_comment": lambda c: Comment.objects.filter(body=COMMENT["body"]).exists(),
    "forum:answer_vote": lambda c: Vote.objects.filter(**c.link, value=1).exists(),
    "forum:answer_accept": lambda c: c.rows().filter(is_accepted=True).exists(),
    "forum:answer_unaccept": lambda c: c.rows().filter(is_accepted=False).exists(),
    "forum:delete": lambda c: c.rows().filter(is_hidden=True).exists(),
    "forum:rollback": lambda c: c.rows().filter(body=c.scene.target.body).exists(),
    "forum:suggest_edit": lambda c: (
        c.scene.model is not Comment and SuggestedEdit.objects.filter(**c.link).exists()
    ),
    "forum:suggestion_accept": lambda c: SuggestedEdit.objects.filter(
        pk=c.scene.target.pk, status="accepted"
    ).exists(),
    "forum:suggestion_reject": lambda c: SuggestedEdit.objects.filter(
        pk=c.scene.target.pk, status="rejected"
    ).exists(),
    "forum:notifications_read": lambda c: (
        c.actor is not None
        and not Notification.objects.filter(recipient=c.actor, read_at__isnull=True).exists()
    ),
    "forum:follow_question": _follow_flipped,
    "forum:follow_tag": lambda c: _follows(c, tag__slug=c.scene.target),
    "forum:follow_level": lambda c: _follows(c, level__slug=c.scene.target),
    "accounts:unsubscribe": _unsubscribed,
    "moderation:flag": lambda c: Flag.objects.filter(**c.link).exists(),
    "moderation:queue_bulk": lambda c: Flag.objects.filter(
        **c.link, status=Flag.Status.DISMISSED
    ).exists(),
    "moderation:feature_move": lambda c: Feature.objects.filter(
        pk=c.scene.target.pk, position=1
    ).exists(),
    "moderation:suspend": lambda c: User.objects.filter(
        pk=c.scene.target.pk, suspended_until__isnull=False
    ).exists(),
    "moderation:lift": lambda c: Suspension.objects.filter(
        pk=c.scene.target.pk, lifted_at__isnull=False
    ).exists(),
    "moderation:hide": lambda c: c.rows().filter(is_hidden=True).exists(),
    "moderation:restore": lambda c: c.rows().filter(is_hidden=False).exists(),
    "moderation:dismiss": lambda c: Flag.objects.filter(
        **c.link, status=Flag.Status.DISMISSED
    ).exists(),
    "moderation:warn": lambda c: Notification.objects.filter(
        recipient=c.scene.author, kind=Notification.Kind.WARNING
    ).exists(),
    "moderation:reveal": lambda c: (
        AuditEntry.objects.filter(action=AuditEntry.Action.REVEAL).exists()
        and c.scene.author.username in c.response.text
    ),
    "moderation:curate": lambda c: c.rows().filter(curated_at__isnull=False).exists(),
    "moderation:uncurate": lambda c: c.rows().filter(curated_at__isnull=True).exists(),
    "moderation:close": lambda c: c.rows().filter(closed_at__isnull=False).exists(),
    "moderation:reopen": lambda c: c.rows().filter(closed_at__isnull=True).exists(),
    "moderation:close_vote": lambda c: CloseVote.objects.filter(question_id=c.scene.pk).exists(),
    "moderation:reopen_vote": lambda c: CloseVote.objects.filter(question_id=c.scene.pk).exists(),
    "moderation:retract_vote": lambda c: (
        c.actor is not None
        and not CloseVote.objects.filter(
            voter=c.actor, retracted_at__isnull=True, settled_at__isnull=True
        ).exists()
    ),
    "moderation:lock": lambda c: c.rows().filter(locked_at__isnull=False).exists(),
    "moderation:unlock": lambda c: c.rows().filter(locked_at__isnull=True).exists(),
    "moderation:unfeature": lambda c: not Feature.objects.filter(pk=c.scene.target.pk).exists(),
    "moderation:feature": lambda c: Feature.objects.filter(question_id=c.scene.pk).exists(),
    "moderation:unfeature_question": lambda c: (
        not Feature.objects.filter(question_id=c.scene.pk).exists()
    ),
    "forum:tag_edit": lambda c: TagWiki.objects.filter(excerpt=TAG_WIKI["excerpt"]).exists(),
    "accounts:profile_edit": lambda c: User.objects.filter(
        display_name=PROFILE["display_name"]
    ).exists(),
    "welcome": lambda c: (
        c.actor is not None
        and User.objects.filter(pk=c.actor.pk, welcomed_at__isnull=False).exists()
    ),
    "growth:start": lambda c: (
        c.actor is not None
        and Assessment.objects.filter(
            owner=c.actor, status=Assessment.Status.DRAFT, track__slug=START["track"]
        ).exists()
    ),
    "growth:assess_step": lambda c: c.rows().filter(status=Assessment.Status.FINISHED).exists(),
    "growth:discard": lambda c: not c.rows().exists(),
    "growth:make_plan": lambda c: Plan.objects.filter(assessment_id=c.scene.pk).exists(),
    "growth:plan": lambda c: (
        c.rows().filter(title=PLAN_EDIT["title"], goals__title=PLAN_EDIT["goals-0-title"]).exists()
    ),
    "growth:plan_share": lambda c: c.rows().filter(share_token__isnull=False).exists(),
    "growth:plan_unshare": lambda c: c.rows().filter(share_token__isnull=True).exists(),
    "growth:action_add": lambda c: PlanAction.objects.filter(
        goal_id=c.scene.pk, text=ACTION_TEXT
    ).exists(),
    "growth:action_edit": lambda c: c.rows().filter(text=ACTION_TEXT).exists(),
    "growth:action_done": lambda c: c.rows().filter(done_at__isnull=False).exists(),
    "growth:action_remove": lambda c: not c.rows().exists(),
    "privacy:delete": lambda c: (
        c.actor is not None
        and User.objects.filter(pk=c.actor.pk, erased_at__isnull=False).exists()
        and not User.objects.filter(pk=c.scene.author.pk, erased_at__isnull=False)
        .exclude(pk=c.actor.pk)
        .exists()
    ),
}


# People ---------------------------------------------------------------------------------------


def make_moderator() -> User:
    person = UserFactory()
    person.groups.add(Group.objects.get(name=MODERATORS_GROUP))  # the signal sets is_moderator
    assert person.is_moderator
    return person


def suspend(person: User, *, by: User) -> User:
    if person.pk == by.pk or person.is_moderator:  # only a superuser suspends a moderator
        by = superuser()
    user_suspend(moderator=by, user=person, days=3, reason="Cooling off for 3 days")
    assert person.is_suspended
    return person


def cast(role: str, entry: Entry, scene: Scene, moderator: User) -> User | None:
    """The person who sends the POST in this cell."""
    people = {"author": scene.author, "other": scene.other, "moderator": moderator}
    match role:
        case "anonymous":
            return None
        case "user":
            return UserFactory()
        case "suspended":
            return suspend(people[entry.suspended], by=moderator)
        case _:
            return people[role]


# Outcomes -------------------------------------------------------------------------------------

LOGIN = reverse("account_login")


def outcome(response: HttpResponse) -> str:
    if response.status_code in (301, 302, 303, 307, 308):
        return "login" if urlsplit(response["Location"]).path == LOGIN else "ok"
    if 200 <= response.status_code < 300:
        return "ok"
    return str(response.status_code)


def describe(response: HttpResponse) -> str:
    where = f" → {response['Location']}" if response.has_header("Location") else ""
    return f"HTTP {response.status_code}{where}"


# The walk -------------------------------------------------------------------------------------


def _cells():
    for entry in MATRIX:
        for role in ROLES:
            marks = []
            if role in entry.bugs:
                marks.append(pytest.mark.xfail(strict=True, reason=entry.bugs[role]))
            yield pytest.param(entry, role, id=f"{entry.label}[{role}]", marks=marks)


CELLS = list(_cells())


@pytest.mark.parametrize(("entry", "role"), CELLS)
def test_cell(client, entry: Entry, role: str):
    moderator = make_moderator()
    scene = TARGETS[entry.target](moderator)
    actor = cast(role, entry, scene, moderator)
    if actor is not None:
        client.force_login(actor)
    kwargs = scene.kwargs | ({"kind": entry.kind} if entry.kind else {})
    data = entry.data(scene) if callable(entry.data) else entry.data  # built from the target
    response = client.post(reverse(entry.url, kwargs=kwargs), data)

    expected = entry.expects[role]
    assert outcome(response) == expected, (
        f"{entry.label} as {role}: expected {expected}, got {describe(response)}"
    )
    happened = DONE[entry.url](Cell(entry, scene, actor, response))
    if expected == "ok":
        assert happened, (
            f"{entry.label} as {role} answered {describe(response)} but did not {entry.what}"
        )
    else:
        assert not happened, f"{entry.label} as {role} was refused yet did {entry.what}"


# Discovery: every URL that accepts POST must be in the table --------------------------------


@dataclass
class Found:
    name: str
    params: dict[str, Any]  # the URL's parameters and their converters
    statuses: list[int]  # what an anonymous POST answered, once per sample URL
    shadowed: list[str]  # sample URLs that an earlier pattern answers instead

    @property
    def accepts_post(self) -> bool:
        return any(status != 405 for status in self.statuses)


def _walk(resolver: URLResolver, namespaces: tuple[str, ...] = ()):
    """(namespaces, pattern) for every pattern, skipping the admin's and allauth's."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            module = getattr(pattern.urlconf_module, "__name__", "")
            if pattern.namespace == "admin" or module.split(".")[0] == "allauth":
                continue
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from _walk(pattern, inner)
        else:
            yield namespaces, pattern


def _parameters(pattern: URLPattern) -> dict[str, Any]:
    """The URL's own parameters and their converters (None for a regex group)."""
    converters = getattr(pattern.pattern, "converters", {})
    names = {**dict.fromkeys(pattern.pattern.regex.groupindex), **converters}
    return {name: conv for name, conv in names.items() if name not in pattern.default_args}


def _samples(name: str, params: dict[str, Any], question: Question) -> list[dict[str, Any]]:
    """Keyword arguments to build the URL with: one set, or one per kind for <kind:...>."""
    by_name = {
        "pk": question.pk,
        "slug": question.slug,
        "username": question.author.username,
        "level": "mid",
        "tag": "promotion",
        "lower": "junior",
        "higher": "mid",
    }
    by_converter = {
        IntConverter: question.pk,
        SlugConverter: question.slug,
        StringConverter: question.author.username,
        PathConverter: question.slug,
        UUIDConverter: uuid.UUID(ASK["client_token"]),
    }
    samples = [{}]
    for param, converter in params.items():
        if isinstance(converter, ContributionKindConverter):
            values = KINDS
        elif param in by_name:
            values = [by_name[param]]
        elif type(converter) in by_converter:
            values = [by_converter[type(converter)]]
        else:
            pytest.fail(f"{name}: add a sample value for <{param}> to _samples()")
        samples = [sample | {param: value} for sample in samples for value in values]
    return samples


def discover() -> tuple[list[Found], list[str]]:
    """POST to every named pattern as an anonymous visitor; also list unnamed patterns."""
    question = QuestionFactory()
    anonymous = Client(enforce_csrf_checks=False, raise_request_exception=False)
    found, unnamed = [], []
    for namespaces, pattern in _walk(get_resolver()):
        if not pattern.name:
            unnamed.append(str(pattern.pattern))
            continue
        name = ":".join((*namespaces, pattern.name))
        params = _parameters(pattern)
        statuses, shadowed = [], []
        for kwargs in _samples(name, params, question):
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                pytest.fail(f"{name}: no URL from {kwargs}; add a sample value to _samples()")
            answered_by = resolve(url).view_name
            if answered_by == name:
                statuses.append(anonymous.post(url).status_code)
            else:
                shadowed.append(f"{url} is answered by {answered_by}")
        found.append(Found(name, params, statuses, shadowed))
    return found, unnamed


def test_every_post_url_is_in_the_matrix():
    found, unnamed = discover()
    by_name = {f.name: f for f in found}
    accepting = {f.name for f in found if f.accepts_post}
    listed = {entry.url for entry in MATRIX}
    problems = [
        f"{name} accepts POST (an anonymous POST answered {by_name[name].statuses}) but is "
        "not in MATRIX: add an entry with the outcome for each role"
        for name in sorted(accepting - listed)
    ]
    problems += [
        f"{f.name} cannot be reached at all: {'; '.join(f.shadowed)}"
        for f in found
        if not f.statuses
    ]
    for name in sorted(listed - accepting):
        reason = "no longer accepts POST" if name in by_name else "no longer exists"
        problems.append(f"{name} is in MATRIX but {reason}: remove its entries")
    problems += [f"the URL pattern {p!r} has no name, so the matrix cannot see it" for p in unnamed]
    for name in sorted(accepting & listed):
        kinds = {entry.kind for entry in MATRIX if entry.url == name}
        if "kind" in by_name[name].params and not set(KINDS) <= kinds:
            problems.append(f"{name} takes <kind:...>: list it for each of {', '.join(KINDS)}")
        if "kind" not in by_name[name].params and kinds != {None}:
            problems.append(f"{name} takes no <kind:...>, but an entry gives one")
    assert not problems, "\n".join(problems)
    # The probe tells GET-only pages apart: the ladder, feeds and lists answer 405.
    ladder = [f for f in found if f.name.startswith("ladder:")]
    assert ladder
    assert not [f.name for f in ladder if f.accepts_post]


def test_the_table_is_well_formed():
    labels = [entry.label for entry in MATRIX]
    assert len(labels) == len(set(labels)), "two entries share a label: give one a variant"
    for entry in MATRIX:
        assert set(entry.expects.values()) <= OUTCOMES, entry.label
        assert entry.target in TARGETS, entry.label
        assert entry.url in DONE, f"{entry.label}: add a check to DONE"
        assert entry.suspended in {"author", "other", "moderator"}, entry.label
        assert set(entry.bugs) <= set(ROLES), entry.label


def test_matrix_size(capsys):
    found, _ = discover()
    urls = {entry.url for entry in MATRIX}
    assert len(urls) == sum(f.accepts_post for f in found)
    assert len(CELLS) == len(MATRIX) * len(ROLES)
    xfail = sum(len(entry.bugs) for entry in MATRIX)
    shadowed = [url for f in found for url in f.shadowed]
    with capsys.disabled():
        print(
            f"\npermission matrix: {len(found)} named URL patterns walked, {len(urls)} accept "
            f"POST; {len(MATRIX)} entries × {len(ROLES)} roles = {len(CELLS)} cells "
            f"({xfail} marked xfail)"
        )
        for url in shadowed:
            print(f"permission matrix: shadowed URL: {url}")
