"""A tag's page, its wiki editor and history (forum/views/tags.py), and the tag index."""

import pytest
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from forum.models import Answer, Question, TagWiki
from forum.selectors.tags import tag_descriptions
from forum.services.tagwiki import tag_wiki_edit
from forum.services.visibility import contribution_delete
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


def scored(item, score: int):
    type(item).objects.filter(pk=item.pk).update(score=score)
    return item


@pytest.fixture
def pip():
    QuestionFactory(tags=["pip"])
    return Tag.objects.get(name="pip")


class TestTagPage:
    def test_shows_description_wiki_and_links(self, client, pip):
        tag_wiki_edit(
            editor=moderator(), tag=pip, excerpt="Performance plans.", body="## What\n\nA *PIP*."
        )
        response = client.get(reverse("forum:tag", args=["pip"]))
        assert response.status_code == 200
        assert "Performance plans." in response.text
        assert "<em>PIP</em>" in response.text
        assert reverse("forum:tag_questions", args=["pip"]) in response.text
        assert "Edit description" not in response.text

    def test_the_old_tag_list_url_still_works_and_links_here(self, client, pip):
        response = client.get(reverse("forum:tag_questions", args=["pip"]))
        assert response.status_code == 200
        assert reverse("forum:tag", args=["pip"]) in response.text

    def test_unknown_or_malformed_tags_are_404(self, client):
        assert client.get(reverse("forum:tag", args=["nope"])).status_code == 404
        assert client.get("/tags/Not_A--Tag/").status_code == 404

    def test_top_people_by_score_never_anonymous_nor_hidden(self, client, pip):
        named = UserFactory(display_name="Named Asker")
        shy = UserFactory(display_name="Shy Asker")
        gone = UserFactory(display_name="Deleted Asker")
        scored(QuestionFactory(author=named, tags=["pip"]), 3)
        scored(QuestionFactory(author=shy, tags=["pip"], is_anonymous=True), 50)
        deleted = scored(QuestionFactory(author=gone, tags=["pip"]), 40)
        elsewhere = scored(QuestionFactory(tags=["burnout"]), 99)
        answerer = UserFactory(display_name="Good Answerer")
        scored(AnswerFactory(author=answerer, question=Question.objects.get(author=named)), 7)
        scored(AnswerFactory(question=elsewhere, author=UserFactory(display_name="Off Tag")), 9)
        anon = UserFactory(display_name="Anon Answerer")
        scored(AnswerFactory(author=anon, question=deleted, is_anonymous=True), 5)
        contribution_delete(user=gone, contribution=deleted)
        on_hidden = UserFactory(display_name="On Hidden Question")
        hidden_q = QuestionFactory(tags=["pip"])
        scored(AnswerFactory(author=on_hidden, question=hidden_q), 30)
        contribution_delete(user=hidden_q.author, contribution=hidden_q)
        text = client.get(reverse("forum:tag", args=["pip"])).text
        assert "Named Asker" in text
        assert "Good Answerer" in text
        for absent in ("Shy Asker", "Deleted Asker", "Off Tag", "Anon Answerer", "On Hidden"):
            assert absent not in text
        assert "score 7 over 1 answer" in text

    def test_at_most_five_of_each_best_first(self, client, pip):
        for n in range(7):
            scored(QuestionFactory(tags=["pip"], author=UserFactory(display_name=f"P{n}")), n)
        text = client.get(reverse("forum:tag", args=["pip"])).text
        assert text.index("P6") < text.index("P5")
        assert "P6" in text
        assert "P2" in text
        assert "P1<" not in text
        assert ">P0<" not in text

    def test_query_count_stays_flat(self, client, pip, django_assert_max_num_queries):
        tag_wiki_edit(editor=moderator(), tag=pip, excerpt="Plans.", body="Text")
        url = reverse("forum:tag", args=["pip"])
        client.force_login(UserFactory())
        AnswerFactory(question=QuestionFactory(tags=["pip"]))
        with django_assert_max_num_queries(10) as few:
            assert client.get(url).status_code == 200
        for _ in range(8):
            AnswerFactory(question=QuestionFactory(tags=["pip"]))
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(url).status_code == 200


class TestTagIndex:
    def test_shows_each_tags_short_description(self, client, pip):
        tag_wiki_edit(editor=moderator(), tag=pip, excerpt="Performance plans.", body="")
        response = client.get(reverse("forum:tags"))
        assert "Performance plans." in response.text
        assert reverse("forum:tag", args=["pip"]) in response.text

    def test_tag_descriptions_selector(self, pip, django_assert_num_queries):
        QuestionFactory(tags=["burnout"])
        tag_wiki_edit(editor=moderator(), tag=pip, excerpt="Performance plans.", body="")
        with django_assert_num_queries(1):
            assert tag_descriptions(["pip", "burnout", "nope"]) == {"pip": "Performance plans."}
        with django_assert_num_queries(0):
            assert tag_descriptions([]) == {}


class TestWikiEditor:
    def url(self, slug="pip"):
        return reverse("forum:tag_edit", args=[slug])

    def test_a_moderator_edits_and_the_history_keeps_both(self, mod_client, client, pip):
        mod_client.post(self.url(), {"excerpt": "One", "body": "First", "base_revision": "0"})
        response = mod_client.post(
            self.url(), {"excerpt": "Two", "body": "Second", "base_revision": "1", "reason": "R"}
        )
        assert response.status_code == 302
        history = client.get(reverse("forum:tag_history", args=["pip"]))
        assert "Revision 2" in history.text
        assert "Revision 1" in history.text
        assert "First" in history.text
        assert "Second" in history.text

    def test_a_stale_save_shows_the_conflict_and_keeps_the_text(self, mod_client, pip):
        tag_wiki_edit(editor=moderator(), tag=pip, excerpt="Theirs", body="")
        response = mod_client.post(
            self.url(), {"excerpt": "Mine", "body": "My text", "base_revision": "0"}
        )
        assert response.status_code == 400
        assert "Someone saved revision 1" in response.text
        assert "My text" in response.text
        assert 'name="base_revision" value="1"' in response.text
        assert TagWiki.objects.get().excerpt == "Theirs"

    @pytest.mark.parametrize("base", ["5", "٣"])  # "٣" is 3 to Django's IntegerField
    def test_a_base_revision_ahead_of_a_wiki_not_yet_written_is_a_conflict(
        self, mod_client, pip, base
    ):
        response = mod_client.post(
            self.url(), {"excerpt": "Mine", "body": "", "base_revision": base}
        )
        assert response.status_code == 400
        assert 'name="base_revision" value="0"' in response.text
        assert not TagWiki.objects.exists()

    @pytest.mark.parametrize(
        "data",
        [
            {"excerpt": "x" * 301, "body": ""},
            {"excerpt": "", "body": "y" * 5001},
            {"excerpt": "ok", "body": "", "base_revision": "-1"},
            {"excerpt": "ok", "body": "", "base_revision": "9" * 30},
        ],
    )
    def test_hostile_input_is_a_form_error(self, mod_client, pip, data):
        assert mod_client.post(self.url(), data).status_code == 400
        assert not TagWiki.objects.exists()

    @pytest.mark.parametrize(
        ("role", "expected"),
        [("anonymous", 302), ("user", 403), ("author", 403), ("other", 403),
         ("close-vote holder", 403), ("moderator", 302)],
    )  # fmt: skip
    def test_permission_matrix(self, pip, role, expected):
        question = Question.objects.get(tags=pip)
        people = {
            "user": UserFactory(),
            "author": question.author,
            "other": AnswerFactory(question=question).author,
            "close-vote holder": UserFactory(reputation=5000),
            "moderator": moderator(),
        }
        browser = Client()
        if role != "anonymous":
            browser.force_login(people[role])
        response = browser.post(self.url(), {"excerpt": "Mine", "body": "", "base_revision": "0"})
        assert response.status_code == expected
        if role == "anonymous":
            assert "/accounts/login/" in response["Location"]
        assert TagWiki.objects.filter(excerpt="Mine").exists() == (role == "moderator")

    def test_the_editor_is_for_moderators_only(self, client, mod_client, pip):
        client.force_login(UserFactory())
        assert client.get(self.url()).status_code == 403
        assert mod_client.get(self.url()).status_code == 200
        assert mod_client.get(self.url("nope")).status_code == 404
        assert Answer.objects.count() == 0
