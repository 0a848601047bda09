"""Questions, answers, comments and votes.

Questions and answers are separate tables sharing an abstract Post, so each keeps its own
indexes. Votes and comments point at either one through two nullable foreign keys with a check
constraint that exactly one is set (an "exclusive arc"): real foreign keys, real constraints.
Counters (score, answer_count, comment_count) are denormalised and only ever changed with F().
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from accounts.bands import Band

BODY_MAX_LENGTH = 30_000
EXCERPT_LENGTH = 200
COMMENT_MAX_LENGTH = 600


class PostQuerySet(models.QuerySet):
    def visible(self):
        """What the public sees: not hidden by a moderator or deleted by its author."""
        return self.filter(is_hidden=False)


class Authored(models.Model):
    """What questions, answers and comments share: who wrote it, how it is shown, its state."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    is_anonymous = models.BooleanField(default=False)
    author_band = models.CharField(
        max_length=10,
        choices=Band.choices,
        blank=True,
        help_text="The author's band when posting: all an anonymous post reveals.",
    )
    is_hidden = models.BooleanField(default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who hid it: its author (deleted), a moderator, or nobody (flagged by several).",
    )
    hidden_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    client_token = models.UUIDField(
        null=True, blank=True, help_text="From the form that created it; makes resubmits harmless."
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        abstract = True

    def author_is(self, user) -> bool:
        return user.is_authenticated and user.pk == self.author_id

    @property
    def is_hidden_by_flags(self) -> bool:
        """Hidden by enough flags, before its author or a moderator decided anything."""
        return self.is_hidden and self.hidden_by_id is None


class Post(Authored):
    body = models.TextField(max_length=BODY_MAX_LENGTH, help_text="Markdown, as written.")
    body_html = models.TextField(help_text="Sanitised HTML rendered from body when saved.")
    score = models.IntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


def _listing(name: str, *fields: str, **only) -> models.Index:
    """An index for one public list: visible questions (and `only` those), in `fields` order."""
    expressions = [F(f[1:]).desc() if f.startswith("-") else F(f) for f in fields]
    return models.Index(*expressions, name=name, condition=Q(is_hidden=False, **only))


class QuestionQuerySet(PostQuerySet):
    def unanswered(self):
        return self.filter(answer_count=0)


class TaggedQuestion(TaggedItemBase):
    content_object = models.ForeignKey("Question", on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="forum_question_tag_once"
            )
        ]


class Question(Post):
    kind = "question"

    title = models.CharField(max_length=150)
    slug = models.SlugField(max_length=160, allow_unicode=False)
    level = models.ForeignKey("ladder.Level", on_delete=models.PROTECT, related_name="questions")
    tags = TaggableManager(through=TaggedQuestion, blank=False)
    excerpt = models.CharField(
        max_length=EXCERPT_LENGTH, blank=True, help_text="The body's opening words, for lists."
    )
    view_count = models.PositiveIntegerField(default=0)
    answer_count = models.PositiveIntegerField(default=0, help_text="Visible answers.")
    last_activity_at = models.DateTimeField(default=timezone.now)
    related_ids = models.JSONField(
        default=list, blank=True, help_text="Related questions, best first (forum/related.py)."
    )
    related_at = models.DateTimeField(
        null=True, blank=True, help_text="When related_ids was last computed."
    )

    class CloseReason(models.TextChoices):
        DUPLICATE = "duplicate", "Duplicate"
        OFF_TOPIC = "off-topic", "Off-topic"
        NEEDS_DETAILS = "needs-details", "Needs details"
        OPINION_BASED = "opinion-based", "Opinion-based"

    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    close_reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True)
    close_note = models.CharField(max_length=300, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lock_reason = models.CharField(max_length=300, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        indexes = [
            # One per list ordering and filter, limited to what the public lists show, each
            # ending in the id so that keyset pagination ("older than this row") is exact.
            _listing("forum_q_newest", "-created_at", "-id"),
            _listing("forum_q_active", "-last_activity_at", "-id"),
            _listing("forum_q_votes", "-score", "-created_at", "-id"),
            _listing("forum_q_unanswered", "-created_at", "-id", answer_count=0),
            _listing("forum_q_level", "level", "-created_at", "-id"),
            _listing("forum_q_level_active", "level", "-last_activity_at", "-id"),
            _listing("forum_q_level_votes", "level", "-score", "-created_at", "-id"),
            _listing("forum_q_level_unanswered", "level", "-created_at", "-id", answer_count=0),
            # The home page's "most active": most answers, then the latest activity.
            _listing(
                "forum_q_most_answers",
                "-answer_count",
                "-last_activity_at",
                "-id",
                answer_count__gt=0,
            ),
            models.Index("author", "created_at", name="forum_q_author"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_token"], name="forum_question_submitted_once"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="forum_question_has_title"),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True, close_reason="")
                | Q(closed_at__isnull=False) & ~Q(close_reason=""),
                name="forum_question_closed_with_a_reason",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | Q(close_reason="duplicate"),
                name="forum_question_duplicate_only_when_closed_as_one",
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=F("id")), name="forum_question_not_its_own_duplicate"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:question", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class Answer(Post):
    kind = "answer"

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    is_accepted = models.BooleanField(default=False)
    curated_at = models.DateTimeField(null=True, blank=True)
    curated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    curated_note = models.CharField(
        max_length=280, blank=True, help_text="Why this answer is worth reading, by a moderator."
    )

    class Meta:
        indexes = [
            models.Index("question", "is_hidden", name="forum_answer_question"),
            models.Index("author", "created_at", name="forum_answer_author"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_accepted=True),
                name="forum_answer_one_accepted_per_question",
                violation_error_message="This question already has an accepted answer.",
            ),
            models.UniqueConstraint(
                fields=["author", "client_token"], name="forum_answer_submitted_once"
            ),
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk} to {self.question_id}"

    def get_absolute_url(self) -> str:
        return (
            f"{reverse('forum:question_short', kwargs={'pk': self.question_id})}#answer-{self.pk}"
        )


def _unique_per_post(field: str, *, name: str, post_first: bool = False) -> list:
    """`field` is unique per question and per answer, for rows that point at either one."""
    return [
        models.UniqueConstraint(
            fields=[post, field] if post_first else [field, post],
            condition=Q(**{f"{post}__isnull": False}),
            name=name.format(post=post),
        )
        for post in ("question", "answer")
    ]


def _exactly_one_post() -> Q:
    return Q(question__isnull=False, answer__isnull=True) | Q(
        question__isnull=True, answer__isnull=False
    )


class Comment(Authored):
    """A short plain-text note (links allowed) on a question or an answer."""

    kind = "comment"

    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="comments"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.PROTECT, related_name="comments"
    )
    body = models.TextField(max_length=COMMENT_MAX_LENGTH)
    body_html = models.TextField()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index("question", "created_at", name="forum_comment_question"),
            models.Index("answer", "created_at", name="forum_comment_answer"),
        ]
        constraints = [
            models.CheckConstraint(condition=_exactly_one_post(), name="forum_comment_on_one_post"),
            models.UniqueConstraint(
                fields=["author", "client_token"], name="forum_comment_submitted_once"
            ),
        ]

    def __str__(self) -> str:
        return self.body[:50]

    def get_absolute_url(self) -> str:
        question_id = self.question_id or self.answer.question_id
        return f"{reverse('forum:question_short', kwargs={'pk': question_id})}#comment-{self.pk}"


class Vote(models.Model):
    """One row per person and post. Retracting sets the value to 0: votes are never deleted."""

    class Value(models.IntegerChoices):
        UP = 1, "Upvote"
        NONE = 0, "Retracted"
        DOWN = -1, "Downvote"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="votes"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    value = models.SmallIntegerField(choices=Value.choices)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=_exactly_one_post(), name="forum_vote_on_one_post"),
            models.CheckConstraint(condition=Q(value__in=[1, 0, -1]), name="forum_vote_value"),
            *_unique_per_post("user", name="forum_vote_once_per_{post}"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.value:+d} on {self.question_id or self.answer_id}"


def thread_of(item: Question | Answer | Comment) -> Question:
    """The question a question, answer or comment belongs to."""
    if item.kind == "question":
        return item
    if item.kind == "answer":
        return item.question
    return item.question if item.question_id else item.answer.question


def post_link(post: Question | Answer) -> dict:
    """The exclusive-arc filter for a post: {"question": q} or {"answer": a}."""
    return {post.kind: post}


class Notification(models.Model):
    class Kind(models.TextChoices):
        ANSWER = "answer", "answered your question"
        COMMENT = "comment", "commented on your post"
        ACCEPTED = "accepted", "accepted your answer"
        WARNING = "warning", "sent you a moderator's warning about"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Empty when whoever acted did so anonymously: the notification must not name them.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_band = models.CharField(max_length=10, choices=Band.choices, blank=True)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(blank=True, help_text="A moderator's words, for warnings.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index("recipient", F("created_at").desc(), name="forum_notification_inbox"),
            models.Index(
                "recipient", name="forum_notification_unread", condition=Q(read_at__isnull=True)
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["answer", "comment", "accepted", "warning"]),
                name="forum_notification_kind_known",
            ),
            models.CheckConstraint(
                condition=~Q(kind="warning") | ~Q(message=""),
                name="forum_notification_warning_has_a_message",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.kind}"

    def get_absolute_url(self) -> str:
        if self.comment_id:
            anchor = f"#comment-{self.comment_id}"
        else:
            anchor = f"#answer-{self.answer_id}" if self.answer_id else ""
        return self.question.get_absolute_url() + anchor


class Revision(models.Model):
    """One saved state of a question or an answer. Number 1 is the post as first written."""

    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="revisions"
    )
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.PROTECT, related_name="revisions"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=150, blank=True)
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    tags = models.JSONField(default=list, blank=True)
    level = models.ForeignKey(
        "ladder.Level", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_post(), name="forum_revision_of_one_post"
            ),
            *_unique_per_post("number", name="forum_revision_number_per_{post}", post_first=True),
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.question_id or self.answer_id}"


class Feature(models.Model):
    """A question pinned by a moderator on the home page (no level) or on a level's page."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="features")
    level = models.ForeignKey(
        "ladder.Level", null=True, blank=True, on_delete=models.PROTECT, related_name="features"
    )
    position = models.PositiveIntegerField(default=0)
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    featured_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "featured_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"], condition=Q(level__isnull=True), name="forum_feature_home_once"
            ),
            models.UniqueConstraint(
                fields=["question", "level"],
                condition=Q(level__isnull=False),
                name="forum_feature_level_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} on {self.level_id or 'home'}"


class TagStat(models.Model):
    """How many visible questions carry a tag, kept in step by forum/tallies.py."""

    tag = models.OneToOneField(Tag, primary_key=True, on_delete=models.CASCADE, related_name="+")
    questions = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(F("questions").desc(), "tag", name="forum_tagstat_popular")]

    def __str__(self) -> str:
        return f"{self.tag_id}: {self.questions}"


class LevelStat(models.Model):
    """How many visible questions are asked at a level, kept in step by forum/tallies.py."""

    level = models.OneToOneField(
        "ladder.Level", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    questions = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.level_id}: {self.questions}"
