"""The revision history pages (forum/views/revisions.py: revision_list)."""

import re

import pytest
from django.urls import reverse

from forum.services.answers import answer_edit
from forum.services.visibility import contribution_delete
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.forum.support import BODY_2, edit_question
from tests.moderation.factories import fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


def history_url(post) -> str:
    return reverse("forum:revisions", args=[post.kind, post.pk])


class TestAnswerHistoryPage:
    @pytest.fixture
    def edited(self):
        answer = AnswerFactory(body="Ask your manager for written goals today.")
        answer_edit(
            answer=answer,
            editor=answer.author,
            body="Ask your skip-level manager for written goals <b>today</b>.",
            reason="Clearer",
        )
        answer_edit(
            answer=answer, editor=answer.author, body="A third version of the answer, long enough."
        )
        return fresh(answer)

    def test_the_page_compares_the_last_two_by_default(self, client, edited):
        response = client.get(history_url(edited))
        assert response.status_code == 200
        assert "Revision 2 → 3" in response.text
        assert "<ins>" in response.text
        assert "<del>" in response.text
        assert '<meta name="robots" content="noindex">' in response.text
        assert "“Clearer”" in response.text
        assert "As first posted." in response.text
        assert response.text.count('class="revision"') == 3

    def test_any_two_revisions_with_escaped_text(self, client, edited):
        html = without_hidden(client.get(history_url(edited), {"from": 1, "to": 2}).text)
        assert "Revision 1 → 2" in html
        assert "<ins> skip-level</ins>" in html
        assert "<del>today.</del>" in html
        assert "&lt;b&gt;today&lt;/b&gt;." in html
        assert "<b>today</b>" not in html
        same = client.get(history_url(edited), {"from": 2, "to": 2}).text
        assert "These two revisions are the same." in same
        backwards = client.get(history_url(edited), {"from": 3, "to": 1})
        assert backwards.status_code == 200

    @pytest.mark.parametrize(
        ("params", "status"), [({"from": "x"}, 400), ({"from": 9}, 404), ({"to": 0}, 404)]
    )
    def test_bad_revision_numbers(self, client, edited, params, status):
        assert client.get(history_url(edited), params).status_code == status

    def test_a_post_never_edited_has_one_revision(self, client):
        answer = AnswerFactory()
        response = client.get(history_url(answer))
        assert response.status_code == 200
        assert "Revision 1 → 1" in response.text
        assert "These two revisions are the same." in response.text

    def test_comments_have_no_history(self, client):
        assert client.get(reverse("forum:revisions", args=["comment", 1])).status_code == 404

    def test_rollback_buttons_for_editors_only_and_not_on_the_latest(self, client, edited):
        assert "Roll back to revision" not in client.get(history_url(edited)).text
        client.force_login(UserFactory())
        assert "Roll back to revision" not in client.get(history_url(edited)).text
        client.force_login(edited.author)
        html = client.get(history_url(edited)).text
        assert "Roll back to revision 1" in html
        assert "Roll back to revision 2" in html
        assert "Roll back to revision 3" not in html
        client.force_login(moderator())
        assert "Roll back to revision 1" in client.get(history_url(edited)).text

    def test_the_question_page_links_the_history_of_an_edited_answer(self, client, edited):
        html = client.get(edited.question.get_absolute_url()).text
        assert f'href="{history_url(edited)}">History</a>' in html

    def test_hidden_posts_show_their_history_to_moderators_only(self, client, edited):
        mod = moderator()
        contribution_hide(moderator=mod, contribution=edited, reason="Spam")
        assert client.get(history_url(edited)).status_code == 404
        client.force_login(edited.author)
        assert client.get(history_url(edited)).status_code == 404
        client.force_login(mod)
        assert client.get(history_url(edited)).status_code == 200

    def test_an_anonymous_answerers_history_names_nobody(self, client):
        author = UserFactory(username="quiet-author", display_name="Quinn Quiet")
        answer = AnswerFactory(author=author, is_anonymous=True)
        answer_edit(answer=answer, editor=author, body="e" * 40, reason="Fixed typo")
        mod = moderator(display_name="Mona Moderator")
        answer_edit(answer=fresh(answer), editor=mod, body="m" * 40, reason="Names")
        assert client.get(history_url(answer)).status_code == 403  # old text may name them
        client.force_login(UserFactory())
        assert client.get(history_url(answer)).status_code == 403
        client.force_login(mod)
        html = client.get(history_url(answer)).text
        assert "quiet-author" not in html
        assert "Quinn Quiet" not in html
        assert html.count("Anonymous · mid-level") == 2
        assert "Mona Moderator" in html

    def test_the_page_is_a_fixed_number_of_queries(
        self, client, edited, django_assert_max_num_queries
    ):
        client.force_login(edited.author)
        with django_assert_max_num_queries(5) as few:
            assert client.get(history_url(edited)).status_code == 200
        for n in range(15):
            answer_edit(answer=edited, editor=moderator(), body=f"{n:02d}" * 20)
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(history_url(edited)).status_code == 200


class TestQuestionHistoryPage:
    @pytest.fixture
    def edited(self, ladder):
        question = QuestionFactory(
            title="How do I ask for a promotion case?", tags=["promotion", "pip"]
        )
        edit_question(
            question,
            question.author,
            ladder,
            title="How do I build a promotion case?",
            tags=["promotion", "impact"],
            level="senior",
            reason="Better title",
        )
        return fresh(question)

    def test_the_page_shows_title_tags_and_level_changes(self, client, edited):
        response = client.get(history_url(edited))
        assert response.status_code == 200
        html = without_hidden(response.text)
        assert "<title>History of “How do I build a promotion case?”" in html
        assert "Revision 1 → 2" in html
        assert "<del>ask for</del><ins>build</ins>" in html
        assert "<del>Mid-level engineer</del> → <ins>Senior engineer</ins>" in html
        assert "<del>pip</del>" in html
        assert "<ins>impact</ins>" in html
        assert "“Better title”" in html

    def test_an_anonymous_askers_edits_stay_anonymous_on_the_page(self, client, ladder):
        author = UserFactory(username="quiet-author", display_name="Quinn Quiet")
        question = QuestionFactory(author=author, is_anonymous=True)
        edit_question(question, author, ladder, body=BODY_2, reason="More context")
        mod = moderator(display_name="Mona Moderator")
        edit_question(fresh(question), mod, ladder, tags=["promotion", "pip"], reason="Tags")
        assert client.get(history_url(question)).status_code == 403
        client.force_login(UserFactory())
        assert client.get(history_url(question)).status_code == 403
        client.force_login(mod)
        html = client.get(history_url(question)).text
        assert "quiet-author" not in html
        assert "Quinn Quiet" not in html
        assert html.count("Anonymous · mid-level") == 2
        assert "Mona Moderator" in html
        assert "Roll back to revision 2" in html
        client.force_login(author)  # the author reads it, but cannot undo the moderator
        html = client.get(history_url(question)).text
        assert "Roll back to revision" not in html

    def test_a_hidden_question_history_is_for_moderators(self, client, edited):
        contribution_delete(user=edited.author, contribution=edited)
        assert client.get(history_url(edited)).status_code == 404
        client.force_login(moderator())
        assert client.get(history_url(edited)).status_code == 200

    def test_the_question_page_links_its_history(self, client, edited):
        html = client.get(edited.get_absolute_url()).text
        assert f'href="{history_url(edited)}"' in html


def without_hidden(html: str) -> str:
    """The page as seen: the screen-reader-only "[added: …]" markers taken out."""
    return re.sub(r'<span class="visually-hidden">[^<]*</span>', "", html)
