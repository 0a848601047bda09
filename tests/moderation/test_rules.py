"""Who moderates (accounts.rules.can_moderate, moderation/rules.py), and every moderator service
refusing everyone else."""

import pytest

from accounts.rules import can_moderate
from core.rules import ActionNotAllowed
from forum.models import Answer, Feature, Question
from moderation.models import AuditEntry, Suspension
from moderation.services.curation import (
    answer_curate,
    answer_uncurate,
    question_feature,
)
from moderation.services.flags import flags_dismiss
from moderation.services.people import author_reveal, user_suspend, user_warn
from moderation.services.questions import (
    question_close,
    question_lock,
    question_reopen,
    question_unlock,
)
from moderation.services.visibility import contribution_hide, contribution_restore
from tests.factories import (
    AnswerFactory,
    QuestionFactory,
    UserFactory,
    superuser,
)
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestWhoModerates:
    def test_superusers_moderate_without_the_group(self):
        assert can_moderate(UserFactory(is_superuser=True))
        assert not can_moderate(UserFactory(is_staff=True))

    def test_a_suspended_moderator_cannot_moderate(self):
        mod = moderator()
        user_suspend(moderator=superuser(), user=mod, days=3, reason="Cooling off")
        assert not can_moderate(mod)
        with pytest.raises(ActionNotAllowed, match="suspended"):
            question_lock(moderator=mod, question=QuestionFactory(), reason="Heated")


@pytest.mark.parametrize(
    "act",
    [
        lambda who, q, a: answer_curate(moderator=who, answer=a, note="Worth reading."),
        lambda who, q, a: answer_uncurate(moderator=who, answer=a),
        lambda who, q, a: question_feature(moderator=who, question=q, level=None),
        lambda who, q, a: question_close(moderator=who, question=q, reason="off-topic", note="x"),
        lambda who, q, a: question_reopen(moderator=who, question=q),
        lambda who, q, a: question_lock(moderator=who, question=q, reason="x"),
        lambda who, q, a: question_unlock(moderator=who, question=q),
        lambda who, q, a: contribution_hide(moderator=who, contribution=a, reason="x"),
        lambda who, q, a: contribution_restore(moderator=who, contribution=a),
        lambda who, q, a: flags_dismiss(moderator=who, contribution=a),
        lambda who, q, a: user_warn(moderator=who, contribution=a, message="Be kind."),
        lambda who, q, a: user_suspend(moderator=who, user=a.author, days=1, reason="x"),
        lambda who, q, a: author_reveal(moderator=who, contribution=a, reason="x"),
    ],
    ids=[
        "curate",
        "uncurate",
        "feature",
        "close",
        "reopen",
        "lock",
        "unlock",
        "hide",
        "restore",
        "dismiss",
        "warn",
        "suspend",
        "reveal",
    ],
)
def test_ordinary_people_cannot_moderate(act):
    question = QuestionFactory()
    answer = AnswerFactory(question=question, is_anonymous=True)
    before = (
        Answer.objects.values().get(pk=answer.pk),
        Question.objects.values().get(pk=question.pk),
    )
    for who in (UserFactory(), question.author, answer.author):
        with pytest.raises(ActionNotAllowed):
            act(who, question, answer)
    after = Answer.objects.values().get(pk=answer.pk), Question.objects.values().get(pk=question.pk)
    assert before == after
    assert not AuditEntry.objects.exists()
    assert not Suspension.objects.exists()
    assert not Feature.objects.exists()
