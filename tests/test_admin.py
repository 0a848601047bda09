"""Every model is in the admin, and every admin page opens."""

import pytest
from django.contrib import admin
from django.urls import reverse

from forum.services.votes import vote_cast
from moderation.services.curation import question_feature
from moderation.services.flags import flag_create
from moderation.services.people import user_suspend
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")

OUR_APPS = {"accounts", "ladder", "forum", "moderation", "growth"}
# Not in the admin on purpose: tags are edited with their question; ratings and goals are the
# private content of people's assessments and plans.
UNREGISTERED = ["Goal", "Rating", "TaggedQuestion"]


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def content(superuser):
    question = QuestionFactory()
    answer = AnswerFactory(question=question)
    comment = CommentFactory(post=answer)
    vote_cast(user=superuser, post=answer, value=1)
    question_feature(moderator=superuser, question=question, level=None)
    flag_create(flagger=UserFactory(), contribution=comment, reason="spam")
    user_suspend(moderator=superuser, user=answer.author, days=2, reason="Cooling off")
    return question


def test_every_model_of_ours_is_registered():
    from django.apps import apps

    ours = {m for m in apps.get_models() if m._meta.app_label in OUR_APPS}
    through = {m for m in ours if m._meta.auto_created}
    missing = sorted(m.__name__ for m in ours - through if m not in admin.site._registry)
    assert missing == UNREGISTERED


def test_every_changelist_and_change_page_opens(client, superuser, content):
    client.force_login(superuser)
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        if info[0] not in OUR_APPS:
            continue
        changelist = client.get(reverse(f"admin:{info[0]}_{info[1]}_changelist"))
        assert changelist.status_code == 200, info
        obj = model.objects.first()
        if obj is not None and model._meta.app_label != "growth":
            change = client.get(reverse(f"admin:{info[0]}_{info[1]}_change", args=[obj.pk]))
            assert change.status_code == 200, info


def test_the_audit_log_cannot_be_edited_or_deleted_in_the_admin(client, superuser, content):
    from moderation.models import AuditEntry

    client.force_login(superuser)
    entry = AuditEntry.objects.first()
    url = reverse("admin:moderation_auditentry_change", args=[entry.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    delete = client.post(
        reverse("admin:moderation_auditentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_posts_cannot_be_deleted_through_the_admin(client, superuser, content):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:forum_question_delete", args=[content.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    content.refresh_from_db()
