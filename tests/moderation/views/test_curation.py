"""Curating answers and featuring questions through the site (moderation/views/curation.py)."""

import pytest
from django.urls import reverse

from forum.models import Answer, Feature, Question
from forum.services.votes import vote_cast
from moderation.models import AuditEntry
from moderation.services.curation import question_feature
from tests.factories import (
    AnswerFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import fresh
from tests.moderation.support import follow_messages, url

pytestmark = pytest.mark.usefixtures("ladder")


FEATURED = reverse("moderation:featured")


class TestCurate:
    def test_curated_answers_show_first_with_note_and_curator(self, mod_client, client, thread):
        question, first, _ = thread
        second = AnswerFactory(question=question, body="Ask for a mid-cycle check-in with notes.")
        vote_cast(user=UserFactory(), post=first, value=1)
        response = mod_client.post(
            url("curate", second.pk), {"note": "The most practical step in this thread."}
        )
        assert response.url == second.get_absolute_url()
        assert "The answer is curated and now shows first." in follow_messages(mod_client, response)
        client.force_login(UserFactory())
        html = client.get(question.get_absolute_url()).text
        assert html.index(f'id="answer-{second.pk}"') < html.index(f'id="answer-{first.pk}"')
        assert "★ Curated by Ada Moderator" in html
        assert "The most practical step in this thread." in html
        assert "post--curated" in html

    def test_several_curated_and_uncurate(self, mod_client, thread):
        question, first, _ = thread
        second = AnswerFactory(question=question)
        mod_client.post(url("curate", first.pk), {"note": "One"})
        mod_client.post(url("curate", second.pk), {"note": "Two"})
        assert Answer.objects.filter(curated_at__isnull=False).count() == 2
        html = mod_client.get(question.get_absolute_url()).text
        assert html.count("★ Curated by") == 2
        assert html.count(">Un-curate</button>") == 2
        response = mod_client.post(url("uncurate", first.pk))
        assert "The answer is no longer curated." in follow_messages(mod_client, response)
        assert fresh(first).curated_at is None
        assert fresh(second).curated_at is not None

    def test_a_note_is_required(self, mod_client, thread):
        answer = thread[1]
        response = mod_client.post(url("curate", answer.pk), {"note": ""})
        assert "Add a short note" in follow_messages(mod_client, response)
        assert fresh(answer).curated_at is None


class TestFeature:
    def test_feature_on_home_and_level_page_and_toggle_off(self, mod_client, client, ladder):
        first = QuestionFactory(title="First featured question about growth plans")
        second = QuestionFactory(title="Second featured question about growth plans")
        for question in (first, second):
            mod_client.post(url("feature", question.pk), {"where": "home"})
        mod_client.post(url("feature", second.pk), {"where": "mid"})
        home = client.get(reverse("home")).text
        featured_part = home.split('id="featured-heading"')[1].split("Newest questions")[0]
        assert featured_part.index(first.title) < featured_part.index(second.title)
        level = client.get(reverse("forum:level_questions", args=["mid"])).text
        assert "Featured at this level" in level
        level_part = level.split('id="featured-heading"')[1].split("</section>")[0]
        assert second.title in level_part
        assert first.title not in level_part
        page = mod_client.get(second.get_absolute_url()).text
        assert "Unfeature from home" in page
        assert "Unfeature from mid-level engineer page" in page
        response = mod_client.post(url("unfeature_question", second.pk), {"where": "mid"})
        assert "no longer featured there" in follow_messages(mod_client, response)
        assert (
            "Featured at this level"
            not in client.get(reverse("forum:level_questions", args=["mid"])).text
        )
        assert mod_client.post(url("feature", first.pk), {"where": "nowhere"}).status_code == 404

    def test_a_double_click_on_feature_or_unfeature_keeps_the_intent(self, mod_client, client):
        question = QuestionFactory(title="Featured once however often it is clicked")
        for _ in range(2):
            mod_client.post(url("feature", question.pk), {"where": "home"})
        assert Feature.objects.filter(question=question, level=None).count() == 1
        for _ in range(2):
            mod_client.post(url("unfeature_question", question.pk), {"where": "home"})
        assert not Feature.objects.filter(question=question).exists()

    def test_the_featured_page_orders_and_unfeatures(self, mod_client, client):
        a, b, c = (QuestionFactory(title=f"Featured question number {n} here") for n in "ABC")
        for question in (a, b, c):
            question_feature(moderator=mod_client.user, question=question, level=None)
        features = {f.question_id: f for f in Feature.objects.all()}
        page = mod_client.get(FEATURED).text
        assert page.index(a.title) < page.index(b.title) < page.index(c.title)
        assert "featured by Ada Moderator" in page
        assert page.count(" disabled>Move up") == 1
        assert page.count(" disabled>Move down") == 1
        response = mod_client.post(url("feature_move", features[c.pk].pk), {"direction": "up"})
        assert response.url == FEATURED
        mod_client.post(url("feature_move", features[c.pk].pk), {"direction": "up"})
        mod_client.post(url("feature_move", features[a.pk].pk), {"direction": "down"})
        home = client.get(reverse("home")).text
        assert home.index(c.title) < home.index(b.title) < home.index(a.title)
        mod_client.post(url("unfeature", features[b.pk].pk))
        assert list(Feature.objects.values_list("question_id", flat=True)) == [c.pk, a.pk]
        assert Question.objects.filter(pk=b.pk).exists()
        actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
        assert actions[-4:] == ["reorder", "reorder", "reorder", "unfeature"]
        assert mod_client.post(url("feature_move", 999999), {}).status_code == 404
