"""Closing and locking through the site (moderation/views/questions.py)."""

import uuid

import pytest
from django.urls import reverse

from forum.models import Answer, Comment, Vote
from moderation.models import AuditEntry
from moderation.services.visibility import contribution_hide
from tests.factories import (
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import fresh
from tests.moderation.support import follow_messages, url

pytestmark = pytest.mark.usefixtures("ladder")


class TestClose:
    def test_close_as_duplicate_shows_a_banner_linking_the_original(self, mod_client, client):
        question, original = QuestionFactory(), QuestionFactory(title="The original question")
        response = mod_client.post(
            url("close", question.pk),
            {"reason": "duplicate", "duplicate_of": original.pk, "note": "Same situation."},
        )
        assert "The question is closed." in follow_messages(mod_client, response)
        client.force_login(UserFactory())
        html = client.get(question.get_absolute_url()).text
        assert "This question already has answers here:" in html
        assert f'<a href="{original.get_absolute_url()}">The original question</a>' in html
        assert "Same situation." in html
        assert "Closed as a duplicate by Ada Moderator" in html
        assert "This question is closed, so it takes no new answers." in html
        assert "Post your answer" not in html
        answer = client.post(
            reverse("forum:answer_create", args=[question.pk]),
            {"body": "An answer that should not be accepted at all.", "client_token": uuid.uuid4()},
        )
        assert answer.status_code == 403
        assert "closed" in answer.text
        assert not Answer.objects.exists()

    def test_a_duplicate_without_an_original_stays_open(self, mod_client):
        question = QuestionFactory()
        hidden = QuestionFactory()
        contribution_hide(moderator=mod_client.user, contribution=hidden, reason="x")
        refusals = {
            "": "Type words from the original",
            "999999": "There is no question with that number.",
            "/ladder/": "No question matches “/ladder/”",
            str(hidden.pk): "Link another, visible question as the original.",
        }
        for pasted, refusal in refusals.items():
            response = mod_client.post(
                url("close", question.pk),
                {"reason": "duplicate", "duplicate_of": pasted, "note": "Kept note"},
            )
            assert response.status_code == 400
            # The error is by the field, and what was typed is still there.
            assert 'id="close_duplicate_of_error"' in response.text
            assert 'aria-invalid="true"' in response.text
            assert refusal in response.text.replace("&#x27;", "'")
            assert f'value="{pasted}"' in response.text or not pasted
            assert 'value="Kept note"' in response.text
            assert '<option value="duplicate" selected>' in response.text
        assert not fresh(question).is_closed

    @pytest.mark.parametrize(
        "address",
        [
            "http://localhost:8000/questions/{pk}/{slug}/",
            "https://rungs2.example.com/questions/{pk}/",
            "/questions/{pk}/{slug}/#answer-3",
            " {pk} ",
        ],
    )
    def test_the_original_is_read_from_an_address_or_a_number(self, mod_client, address):
        question, original = QuestionFactory(), QuestionFactory()
        pasted = address.format(pk=original.pk, slug=original.slug)
        mod_client.post(url("close", question.pk), {"reason": "duplicate", "duplicate_of": pasted})
        assert fresh(question).duplicate_of == original

    def test_a_duplicate_of_itself_is_refused_by_the_field(self, mod_client):
        question = QuestionFactory()
        response = mod_client.post(
            url("close", question.pk), {"reason": "duplicate", "duplicate_of": question.pk}
        )
        assert response.status_code == 400
        assert "Link another, visible question as the original." in response.text
        assert not fresh(question).is_closed

    def test_close_for_another_reason_and_reopen(self, mod_client, client):
        question = QuestionFactory()
        mod_client.post(url("close", question.pk), {"reason": "opinion-based", "note": "Polls"})
        client.force_login(UserFactory())
        html = client.get(question.get_absolute_url()).text
        assert "Closed: opinion-based." in html
        assert "Polls" in html
        page = mod_client.get(question.get_absolute_url()).text
        assert ">Reopen</button>" in page
        response = mod_client.post(url("reopen", question.pk))
        assert "The question is open again." in follow_messages(mod_client, response)
        html = client.get(question.get_absolute_url()).text
        assert "Closed:" not in html
        assert "Post your answer" in html

    def test_an_unknown_reason_is_a_message(self, mod_client):
        question = QuestionFactory()
        response = mod_client.post(url("close", question.pk), {"reason": "boring"})
        assert response.status_code == 400
        assert "Select a valid choice." in response.text
        assert not fresh(question).is_closed


class TestLock:
    @pytest.fixture
    def locked(self, mod_client, thread):
        question = thread[0]
        response = mod_client.post(url("lock", question.pk), {"reason": "Too heated for now"})
        assert "The thread is locked" in follow_messages(mod_client, response)
        return thread

    def test_members_can_neither_answer_comment_vote_nor_edit(self, client, locked):
        question, answer, _ = locked
        client.force_login(answer.author)
        html = client.get(question.get_absolute_url()).text
        assert "Locked:</strong> Too heated for now." in html
        assert "This thread is locked: Too heated for now." in html
        assert "Post your answer" not in html
        assert "Add a comment" not in html
        assert f'href="{reverse("forum:answer_edit", args=[answer.pk])}"' not in html
        requests = [
            (reverse("forum:answer_create", args=[question.pk]), {"body": "b" * 40}),
            (reverse("forum:question_comment", args=[question.pk]), {"body": "A comment"}),
            (reverse("forum:answer_comment", args=[answer.pk]), {"body": "A comment"}),
            (reverse("forum:question_vote", args=[question.pk]), {"value": "up"}),
            (reverse("forum:answer_edit", args=[answer.pk]), {"body": "e" * 40}),
        ]
        for where, data in requests:
            response = client.post(where, data)
            assert response.status_code == 403, where
            assert "This thread is locked: Too heated for now." in response.text
        assert client.get(reverse("forum:answer_edit", args=[answer.pk])).status_code == 403
        assert (Answer.objects.count(), Comment.objects.count(), Vote.objects.count()) == (1, 1, 0)

    def test_moderators_may_still_edit(self, mod_client, locked):
        answer = locked[1]
        edit = reverse("forum:answer_edit", args=[answer.pk])
        assert mod_client.get(edit).status_code == 200
        response = mod_client.post(edit, {"body": "Edited by a moderator: " + "m" * 30})
        assert response.status_code == 302
        assert fresh(answer).body.startswith("Edited by a moderator")
        assert AuditEntry.objects.filter(action="edit", actor=mod_client.user).exists()

    def test_unlocking_restores_everything(self, mod_client, client, locked):
        question, answer, _ = locked
        assert ">Unlock</button>" in mod_client.get(question.get_absolute_url()).text
        response = mod_client.post(url("unlock", question.pk))
        assert "The thread is unlocked." in follow_messages(mod_client, response)
        client.force_login(UserFactory())
        html = client.get(question.get_absolute_url()).text
        assert "Locked:" not in html
        assert "Post your answer" in html
        assert client.post(
            reverse("forum:answer_vote", args=[answer.pk]), {"value": "up"}
        ).status_code == (302)

    def test_a_locked_thread_is_frozen_for_deletes_too(self, client, locked):
        answer = locked[1]
        client.force_login(answer.author)
        response = client.post(reverse("forum:delete", args=["answer", answer.pk]))
        assert response.status_code == 403
        assert "This thread is locked" in response.text
        assert not fresh(answer).is_hidden

    def test_refusals_on_a_locked_thread_give_the_real_reason(self, client, mod_client, locked):
        answer = locked[1]
        client.force_login(answer.author)
        response = client.get(url("flag", "answer", answer.pk))
        assert "You cannot flag this." in response.text
        response = mod_client.get(url("reveal", "answer", answer.pk))
        assert "Only moderators can reveal who wrote an anonymous post." in response.text

    def test_locking_needs_a_reason(self, mod_client):
        question = QuestionFactory()
        response = mod_client.post(url("lock", question.pk), {"reason": ""})
        assert "Give a reason for locking the thread." in follow_messages(mod_client, response)
        assert not fresh(question).is_locked


def test_the_original_can_be_given_as_an_address(mod_client):
    original, question = QuestionFactory(), QuestionFactory()
    mod_client.post(
        url("close", question.pk),
        {
            "reason": "duplicate",
            "duplicate_of": f"https://rungs.example{original.get_absolute_url()}",
        },
    )
    assert fresh(question).duplicate_of == original
