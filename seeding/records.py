"""A drawn thread becomes rows: the posts with their counters, tags, revisions, votes,
notifications and the moderators' audit entries, as the services would have left them.

Counters are counted here from the very rows written (score = the votes' sum, answer_count and
comment_count = visible rows); everything rendered comes from the pools, which hold the
application's own output for each body.
"""

from forum.models import Answer, Comment, Notification, Question, Revision, TaggedQuestion, Vote
from forum.services.questions import question_slug
from forum.services.visibility import AUTHOR_DELETED
from moderation.audit import Action, describe
from moderation.models import AuditEntry
from seeding import shapes
from seeding.bodies import Pools
from seeding.people import People
from seeding.shapes import DAY, HOUR, SPAN, Plan, after
from seeding.threads import Post, Thread
from seeding.topics import Topics
from seeding.votes import Voting
from seeding.writer import Writer

AUTHORED = ("id", "author", "is_anonymous", "author_band", "is_hidden", "hidden_at", "hidden_by",
            "hidden_reason", "created_at")  # fmt: skip
POSTED = (*AUTHORED, "body", "body_html", "score", "comment_count", "edited_at")
QUESTION = (*POSTED, "title", "slug", "level", "excerpt", "view_count", "answer_count",
            "last_activity_at")  # fmt: skip
REVISION = ("id", "question", "answer", "number", "title", "body", "tags", "level", "editor",
            "reason", "created_at")  # fmt: skip
NOTIFICATION = ("id", "recipient", "kind", "actor", "actor_band", "question", "answer",
                "comment", "created_at", "read_at")  # fmt: skip
AUDIT = ("id", "actor", "action", "target_kind", "target_id", "target_label", "target_url",
         "reason", "details", "created_at")  # fmt: skip
EDIT_REASONS = ("", "", "Added details", "Fixed formatting", "Clarified the question")


class Recorder:
    def __init__(self, plan: Plan, writer: Writer, people: People, topics: Topics, pools: Pools):
        self.rng = shapes.rng_for(plan.seed, "activity")
        self.people, self.topics, self.pools = people, topics, pools
        self.at = plan.clock()
        table = writer.table
        self.questions = table(Question, QUESTION)
        self.tagged = table(TaggedQuestion, ("id", "tag", "content_object"))
        self.answers = table(Answer, (*POSTED, "question", "is_accepted"))
        self.comments = table(Comment, (*AUTHORED, "question", "answer", "body", "body_html"))
        votes = table(Vote, ("id", "user", "question", "answer", "value", "created_at",
                             "updated_at"))  # fmt: skip
        self.revisions = table(Revision, REVISION)
        self.notifications = table(Notification, NOTIFICATION)
        self.audit = table(AuditEntry, AUDIT)
        self.voting = Voting(self.rng, people, votes, plan.start)

    def record(self, thread: Thread, *, level: str, tag_ids: list[int], title: str) -> None:
        q, at = thread.question, self.at
        level_id, slug = self.topics.level_ids[level], question_slug(title)
        for tag_id in tag_ids:
            self.tagged.add((self.tagged.new_id(), tag_id, q.id))
        body, html, excerpt = self.pools.questions[q.body]
        tags = sorted(self.topics.names[t] for t in tag_ids)
        self._revisions(q, self.pools.questions[q.original][0], body, (title, tags, level_id))
        # services move last_activity_at on every new answer or comment and on every edit.
        activity = [q.created, q.edited or 0]
        for post in thread.posts():
            activity += [c.created for c in post.comments]
            self._comments(post, q)
        for answer in thread.answers:
            activity += [answer.created, answer.edited or 0]
            self._answer(answer, q, thread)
        score = self.voting.cast("question", q.id, q.author, q.created, q.hidden_at or SPAN)
        visible = sum(1 for a in thread.answers if a.hidden_at is None)
        views = shapes.view_count(self.rng, visible, score, (SPAN - q.created) / DAY)
        comments = _visible(q.comments)
        self.questions.add(
            (*self._authored(q), body, html, score, comments, at(q.edited), title, slug,
             level_id, excerpt, views, visible, at(max(activity)))
        )  # fmt: skip
        if thread.accepted is not None:
            accepted = thread.accepted
            self._notify(accepted.author, "accepted", q, q, accepted, None, thread.accepted_at)
        self._audit(thread, title, slug)

    def _authored(self, post: Post) -> tuple:
        at = self.at
        return (post.id, post.author, post.anonymous, post.band, post.hidden_at is not None,
                at(post.hidden_at), post.hidden_by, post.reason, at(post.created))  # fmt: skip

    def _answer(self, answer: Post, q: Post, thread: Thread) -> None:
        body, html = self.pools.answers[answer.body]
        self._revisions(answer, self.pools.answers[answer.original][0], body, None)
        accepted = answer is thread.accepted
        horizon = min(t for t in (answer.hidden_at, q.hidden_at, SPAN) if t is not None)
        score = self.voting.cast(
            "answer", answer.id, answer.author, answer.created, horizon, 2.5 if accepted else 1
        )
        comments = _visible(answer.comments)
        self.answers.add(
            (*self._authored(answer), body, html, score, comments, self.at(answer.edited), q.id,
             accepted)
        )  # fmt: skip
        self._notify(q.author, "answer", answer, q, answer, None, answer.created)

    def _comments(self, post: Post, q: Post) -> None:
        on_question = post is q
        for comment in post.comments:
            body, html = self.pools.comments[comment.body]
            link = (q.id, None) if on_question else (None, post.id)
            self.comments.add((*self._authored(comment), *link, body, html))
            answer = None if on_question else post
            self._notify(post.author, "comment", comment, q, answer, comment, comment.created)

    def _revisions(self, post: Post, first: str, body: str, question: tuple | None) -> None:
        """Revision 1 is the post as written; an edited post has a second with its body now.
        A question's revisions also keep its title, sorted tag names and level."""
        title, tags, level_id = question or ("", [], None)
        link = (post.id, None) if question else (None, post.id)

        def add(number: int, text: str, moment: int, reason: str = "") -> None:
            row = (*link, number, title, text, tags, level_id, post.author, reason, self.at(moment))
            self.revisions.add((self.revisions.new_id(), *row))

        add(1, first, post.created)
        if post.edited is not None:
            add(2, body, post.edited, self.rng.choice(EDIT_REASONS))

    def _notify(self, recipient: int, kind: str, actor_post: Post, q: Post, answer: Post | None,
                comment: Post | None, moment: int) -> None:  # fmt: skip
        """forum.notifications.notify: nobody is told about their own act, and an anonymous
        actor is stored as no actor, with only their band. Older ones have been read."""
        if recipient == actor_post.author:
            return
        anonymous = actor_post.anonymous
        read = None
        if moment < SPAN - 3 * DAY and self.rng.random() < 0.85:
            read = after(self.rng, moment, 10 * HOUR, SPAN)
        self.notifications.add(
            (self.notifications.new_id(), recipient, kind,
             None if anonymous else actor_post.author, actor_post.band if anonymous else "",
             q.id, answer.id if answer else None, comment.id if comment else None,
             self.at(moment), self.at(read))
        )  # fmt: skip

    def _audit(self, thread: Thread, title: str, slug: str) -> None:
        """contribution_hide (moderation/services/visibility.py) logs every moderator's hide (no
        flags upheld). Model instances are built only for those few, for `describe` to label
        them."""
        question = None
        for post in thread.posts():
            comments = [c for c in post.comments if _moderated(c)]
            if not comments and not _moderated(post):
                continue
            question = question or Question(pk=thread.question.id, title=title, slug=slug)
            answer = None if post is thread.question else Answer(pk=post.id, question=question)
            self._logged(post, answer or question)
            on = {"answer": answer} if answer else {"question_id": question.pk}
            for c in comments:
                self._logged(c, Comment(pk=c.id, body=self.pools.comments[c.body][0], **on))

    def _logged(self, post: Post, target: Question | Answer | Comment) -> None:
        if not _moderated(post):
            return
        kind, target_id, label, url = describe(target)
        self.audit.add(
            (self.audit.new_id(), post.hidden_by, Action.HIDE, kind, target_id, label, url,
             post.reason, {"flags": 0}, self.at(post.hidden_at))
        )  # fmt: skip


def _visible(comments: list[Post]) -> int:
    return sum(1 for c in comments if c.hidden_at is None)


def _moderated(post: Post) -> bool:
    return post.hidden_by is not None and post.reason != AUTHOR_DELETED
