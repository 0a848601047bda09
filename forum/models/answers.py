"""Answers, with their accepted and curated marks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from forum.models.posts import ContributionQuerySet, Post
from forum.models.questions import Question


class AnswerQuerySet(ContributionQuerySet):
    def listable(self):
        """What may be listed away from its thread (a profile): visible, on a visible question
        (hiding a question does not hide its answers, but nobody may reach them)."""
        return self.visible().filter(question__is_hidden=False)


class Answer(Post):
    kind = "answer"

    objects = AnswerQuerySet.as_manager()

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    is_accepted = models.BooleanField(default=False)
    accepted_at = models.DateTimeField(
        null=True, blank=True, help_text="When the asker accepted it (for reputation history)."
    )
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
