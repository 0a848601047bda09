"""Authors delete their own contributions through the site (forum/views/contributions.py)."""

import pytest
from django.urls import reverse

from forum.models import Answer, Comment
from moderation.services.visibility import contribution_hide
from tests.factories import (
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestAuthorDelete:
    def test_authors_delete_and_the_post_leaves_the_page(self, client, thread):
        question, answer, comment = thread
        client.force_login(comment.author)
        response = client.post(reverse("forum:delete", args=["comment", comment.pk]))
        assert response.url == question.get_absolute_url()
        client.force_login(answer.author)
        client.post(reverse("forum:delete", args=["answer", answer.pk]))
        page = client.get(question.get_absolute_url()).text
        assert "Write down three outcomes" not in page
        assert "No answers yet." in page
        assert fresh(question).answer_count == 0
        assert Answer.objects.filter(pk=answer.pk, is_hidden=True).exists()
        assert Comment.objects.filter(pk=comment.pk, is_hidden=True).exists()

    def test_deleting_a_question_goes_to_the_list(self, client, thread):
        question = thread[0]
        client.force_login(question.author)
        response = client.post(reverse("forum:delete", args=["question", question.pk]))
        assert response.status_code == 302
        assert response.url == reverse("forum:questions")
        assert question.title not in client.get(response.url).text
        assert client.get(question.get_absolute_url()).status_code == 404

    def test_others_cannot_delete(self, client, mod_client, thread):
        answer = thread[1]
        client.force_login(UserFactory())
        response = client.post(reverse("forum:delete", args=["answer", answer.pk]))
        assert response.status_code == 403
        assert "Only the author can delete this post." in response.text
        assert mod_client.post(reverse("forum:delete", args=["answer", answer.pk])).status_code == (
            403
        )
        assert not fresh(answer).is_hidden

    def test_hidden_content_leaves_feeds_search_and_tag_pages(self, client, ladder):
        question = QuestionFactory(title="Quietly leaving a toxic team", tags=["toxic-team"])
        contribution_hide(moderator=moderator(), contribution=question, reason="Spam")
        for where in (
            reverse("home"),
            reverse("forum:questions"),
            reverse("forum:level_questions", args=["mid"]),
            reverse("forum:feed_rss"),
            reverse("forum:feed_atom"),
            reverse("forum:level_feed_rss", args=["mid"]),
            reverse("forum:search") + "?q=toxic",
            reverse("sitemap"),
        ):
            assert "toxic team" not in client.get(where).text.lower(), where
        tag_page = client.get(reverse("forum:tag_questions", args=["toxic-team"]))
        assert tag_page.status_code == 200
        assert "Quietly leaving" not in tag_page.text
        assert "No questions match." in tag_page.text
        assert "toxic-team" not in client.get(reverse("forum:tags")).text
