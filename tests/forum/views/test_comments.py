"""Commenting (forum/views/comments.py)."""

import pytest
from django.urls import reverse

from forum.models import Comment
from tests.factories import AnswerFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


class TestActions:
    def test_commenting_and_a_bad_comment(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory())
        url = reverse("forum:answer_comment", args=[answer.pk])
        form = client.get(url)
        assert form.status_code == 200
        assert 'name="body"' in form.text
        assert "<header" not in client.get(url, HTTP_HX_REQUEST="true").text  # the form alone
        bad = client.post(url, {"body": "no"})
        assert bad.status_code == 400
        assert "at least 5 characters" in bad.text
        assert 'class="stack-form comment-form"' in bad.text
        good = client.post(url, {"body": "What did your manager say?"})
        comment = Comment.objects.get()
        assert good.url == comment.get_absolute_url()
