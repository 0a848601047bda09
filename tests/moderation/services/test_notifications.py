"""What moderators' decisions tell the people concerned: authors about their posts, flaggers
about their flags (moderation/services/* through forum.services.notifications)."""

import pytest
from django.conf import settings
from django.core import mail

from forum.identity import actor_name
from forum.models import Notification
from forum.selectors.notifications import notification_list
from moderation.services.curation import answer_curate, question_feature
from moderation.services.flags import flags_dismiss
from moderation.services.people import user_warn
from moderation.services.questions import question_close, question_reopen
from moderation.services.visibility import contribution_hide, contribution_restore
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory
from tests.moderation.factories import flag, flagger, moderator

pytestmark = pytest.mark.usefixtures("ladder")


def notices(person) -> list[Notification]:
    return list(Notification.objects.filter(recipient=person).order_by("pk"))


def only_notice(person) -> Notification:
    found = notices(person)
    assert len(found) == 1, [n.kind for n in found]
    return found[0]


@pytest.fixture
def mod():
    return moderator(display_name="Ada Moderator")


class TestClosing:
    def test_closed_with_the_note(self, mod):
        question = QuestionFactory()
        question_close(moderator=mod, question=question, reason="off-topic", note="Not careers.")
        notice = only_notice(question.author)
        assert (notice.kind, notice.message, notice.original) == ("closed", "Not careers.", None)
        assert notice.actor is None  # the team acts; the moderator is not named

    def test_a_duplicate_links_the_original_on_the_site_and_in_the_email(
        self, mod, client, django_capture_on_commit_callbacks
    ):
        original = QuestionFactory(title="How do I ask for a promotion?")
        question = QuestionFactory()
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            question_close(
                moderator=mod, question=question, reason="duplicate", duplicate_of=original
            )
        notice = only_notice(question.author)
        assert (notice.kind, notice.original) == ("duplicate", original)
        [message] = mail.outbox
        assert message.to == [question.author.email]
        assert "closed your question as a duplicate" in message.subject
        assert settings.SITE_URL + original.get_absolute_url() in message.body
        client.force_login(question.author)
        page = client.get("/notifications/").text
        assert f'href="{original.get_absolute_url()}"' in page

    def test_reopened(self, mod):
        question = QuestionFactory()
        question_close(moderator=mod, question=question, reason="off-topic")
        question_reopen(moderator=mod, question=question, reason="Edited to fit.")
        assert [n.kind for n in notices(question.author)] == ["closed", "reopened"]

    def test_reopening_an_open_question_says_nothing(self, mod):
        question = QuestionFactory()
        question_reopen(moderator=mod, question=question)
        assert notices(question.author) == []

    def test_a_moderator_closing_their_own_question_is_not_told(self, mod):
        question = QuestionFactory(author=mod)
        question_close(moderator=mod, question=question, reason="off-topic")
        assert notices(mod) == []


class TestCuration:
    def test_curated_once(self, mod):
        answer = AnswerFactory()
        answer_curate(moderator=mod, answer=answer, note="Clear steps.")
        answer_curate(moderator=mod, answer=answer, note="Clear steps, reworded.")
        notice = only_notice(answer.author)
        assert (notice.kind, notice.answer, notice.message) == ("curated", answer, "Clear steps.")

    def test_featured(self, mod):
        question = QuestionFactory()
        Notification.objects.all().delete()
        question_feature(moderator=mod, question=question, level=None)
        question_feature(moderator=mod, question=question, level=None)  # the same feature
        assert only_notice(question.author).kind == "featured"


class TestHidingAndRestoring:
    @pytest.mark.parametrize("kind", ["question", "answer", "comment"])
    def test_the_author_hears_both_and_still_sees_the_hiding(self, mod, kind):
        question = QuestionFactory()
        item = {
            "question": lambda: question,
            "answer": lambda: AnswerFactory(question=question),
            "comment": lambda: CommentFactory(post=question),
        }[kind]()
        author = item.author
        Notification.objects.filter(recipient=author).delete()
        contribution_hide(moderator=mod, contribution=item, reason="Rude.")
        hidden = only_notice(author)
        assert (hidden.kind, hidden.message, hidden.verb) == ("hidden", "Rude.", f"hid your {kind}")
        # listed although what it is about is hidden: that is the news
        assert notification_list(recipient=author) == [hidden]
        contribution_restore(moderator=mod, contribution=item, reason="On appeal.")
        assert [n.kind for n in notices(author)] == ["hidden", "restored"]

    def test_an_authors_own_deletion_is_no_news(self, mod):
        from forum.services.visibility import visibility_set

        answer = AnswerFactory()
        visibility_set(contribution=answer, hidden=True, by=answer.author, reason="mine")
        contribution_hide(moderator=mod, contribution=answer, reason="Spam.")
        assert notices(answer.author) == []


class TestFlags:
    def test_flags_that_hide_tell_the_author_then_the_moderator_upholds(self, mod):
        answer = AnswerFactory()
        flaggers = [flagger() for _ in range(3)]
        for person in flaggers:
            flag(answer, by=person)
        answer.refresh_from_db()
        assert answer.is_hidden
        flagged = only_notice(answer.author)
        assert flagged.kind == "flagged"
        assert actor_name(flagged) == "Members' flags"
        contribution_hide(moderator=mod, contribution=answer, reason="Spam indeed.")
        assert [n.kind for n in notices(answer.author)] == ["flagged", "hidden"]
        for person in flaggers:
            upheld = only_notice(person)
            assert (upheld.kind, upheld.answer, upheld.verb) == (
                "flag-upheld",
                answer,
                "upheld your flag on the answer",
            )
            # the flagger still sees it, though the answer is hidden
            assert notification_list(recipient=person) == [upheld]

    def test_dismissed_flags_tell_the_flaggers_and_restore_tells_the_author(self, mod):
        answer = AnswerFactory()
        flaggers = [flagger() for _ in range(3)]
        for person in flaggers:
            flag(answer, by=person)
        flags_dismiss(moderator=mod, contribution=answer, reason="Not spam.")
        assert [n.kind for n in notices(answer.author)] == ["flagged", "restored"]
        for person in flaggers:
            assert only_notice(person).kind == "flag-dismissed"

    def test_a_warning_upholds_the_flags(self, mod):
        comment = CommentFactory()
        person = flagger()
        flag(comment, by=person)
        user_warn(moderator=mod, contribution=comment, message="Keep it civil.")
        assert only_notice(person).kind == "flag-upheld"
        assert only_notice(comment.author).kind == "warning"

    def test_a_moderator_who_flagged_is_not_told_of_their_own_decision(self, mod):
        answer = AnswerFactory()
        flag(answer, by=mod)
        flags_dismiss(moderator=mod, contribution=answer)
        assert notices(mod) == []

    def test_other_flaggers_are_never_named_to_each_other(self, mod):
        answer = AnswerFactory()
        first, second = flagger(display_name="Fern Flagger"), flagger()
        flag(answer, by=first)
        flag(answer, by=second)
        flags_dismiss(moderator=mod, contribution=answer)
        for notice in notices(second):
            assert notice.actor is None
