"""The moderators' tools on a question page, through the forum's slots (moderation/panels.py)."""

import pytest

from moderation.services.curation import answer_curate
from moderation.services.visibility import contribution_hide
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import flag, flags, moderator
from tests.moderation.support import url

pytestmark = pytest.mark.usefixtures("ladder")


class TestQuestionPage:
    def test_moderators_see_the_tools_and_hidden_answers_with_restore(self, mod_client, thread):
        question, answer, comment = thread
        gone = AnswerFactory(question=question, body="Buy followers at example dot com today.")
        contribution_hide(moderator=mod_client.user, contribution=gone, reason="Spam link")
        contribution_hide(moderator=mod_client.user, contribution=comment, reason="Rude")
        html = mod_client.get(question.get_absolute_url()).text
        for tool in (
            "Moderate this question",
            f'action="{url("close", question.pk)}"',
            f'action="{url("lock", question.pk)}"',
            "Feature on home",
            "Feature on mid-level engineer page",
            f'action="{url("hide", "question", question.pk)}"',
            f'action="{url("hide", "answer", answer.pk)}"',
            f'action="{url("curate", answer.pk)}"',
            f'href="{url("warn", "answer", answer.pk)}"',
            f'href="{url("person", answer.author.username)}"',
        ):
            assert tool in html, tool
        assert "Buy followers at example dot com today." in html
        assert "Hidden: Spam link" in html
        assert f'action="{url("restore", "answer", gone.pk)}"' in html
        assert f'action="{url("restore", "comment", comment.pk)}"' in html
        assert "Which outcomes did your manager agree to?" in html
        assert f'action="{url("curate", gone.pk)}"' not in html  # no curating hidden answers
        assert "1 answer" not in html  # both shown to the moderator
        assert "2 answers" in html

    @pytest.mark.parametrize("who", ["visitor", "member", "author"])
    def test_everyone_else_sees_no_tools_and_no_hidden_content(self, client, thread, who):
        question, _answer, comment = thread
        gone = AnswerFactory(question=question, body="Buy followers at example dot com today.")
        mod = moderator()
        contribution_hide(moderator=mod, contribution=gone, reason="Spam link")
        contribution_hide(moderator=mod, contribution=comment, reason="Rude")
        if who == "member":
            client.force_login(UserFactory())
        elif who == "author":
            client.force_login(gone.author)
        html = client.get(question.get_absolute_url()).text
        assert "Buy followers" not in html
        assert "Which outcomes did your manager agree to?" not in html
        assert "Moderate this question" not in html
        assert "/moderation/" not in html
        assert "Restore" not in html
        assert "1 answer<" in html

    def test_a_hidden_question_is_404_but_moderators_see_it_with_a_banner(self, client, thread):
        question = thread[0]
        mod = moderator()
        contribution_hide(moderator=mod, contribution=question, reason="Off-site promotion")
        assert client.get(question.get_absolute_url()).status_code == 404
        client.force_login(question.author)
        assert client.get(question.get_absolute_url()).status_code == 404
        client.force_login(mod)
        response = client.get(question.get_absolute_url())
        assert response.status_code == 200
        assert "Hidden from everyone but moderators." in response.text
        assert "Off-site promotion" in response.text
        assert '<meta name="robots" content="noindex">' in response.text
        assert f'action="{url("restore", "question", question.pk)}"' in response.text

    def test_the_page_shows_open_flag_counts_to_moderators(self, mod_client, thread):
        question, answer, _ = thread
        flags(answer, 2, reason="off-topic")
        html = mod_client.get(question.get_absolute_url()).text
        assert '2<span class="visually-hidden"> open flags</span>' in html
        assert f'action="{url("dismiss", "answer", answer.pk)}"' in html


class TestQueryBudget:
    def test_question_page_for_a_moderator(self, mod_client, django_assert_max_num_queries):
        question = QuestionFactory(tags=["pip", "promotion"])
        people = [UserFactory() for _ in range(4)]
        answers = [AnswerFactory(question=question, author=people[i % 4]) for i in range(20)]
        for i, answer in enumerate(answers):
            comment = CommentFactory(post=answer, author=people[(i + 1) % 4])
            if i % 3 == 0:
                flag(answer, reason="off-topic")
                contribution_hide(moderator=mod_client.user, contribution=comment, reason="x")
            if i % 4 == 0:
                answer_curate(moderator=mod_client.user, answer=answer, note="Good")
        contribution_hide(moderator=mod_client.user, contribution=answers[-1], reason="Spam")
        # 16: the 14 before, whether they follow it, and the members' close votes.
        with django_assert_max_num_queries(16):
            response = mod_client.get(question.get_absolute_url())
        assert response.status_code == 200
        assert response.text.count('class="post post--answer') == 20
        assert response.text.count('class="comment comment--hidden"') == 7
