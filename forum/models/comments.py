"""Comments on questions and answers."""

from django.db import models
from django.urls import reverse

from forum.models.answers import Answer
from forum.models.posts import COMMENT_MAX_LENGTH, Contribution, exactly_one_post
from forum.models.questions import Question


class Comment(Contribution):
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
            models.CheckConstraint(condition=exactly_one_post(), name="forum_comment_on_one_post"),
            models.UniqueConstraint(
                fields=["author", "client_token"], name="forum_comment_submitted_once"
            ),
        ]

    def __str__(self) -> str:
        return self.body[:50]

    def get_absolute_url(self) -> str:
        question_id = self.question_id or self.answer.question_id
        return f"{reverse('forum:question_short', kwargs={'pk': question_id})}#comment-{self.pk}"
