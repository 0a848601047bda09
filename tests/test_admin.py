"""Every model is in the admin, and every admin page opens."""

import pytest
from django.contrib import admin
from django.urls import reverse

from forum.services.visibility import contribution_delete
from forum.services.votes import vote_cast
from moderation.services.curation import question_feature
from moderation.services.flags import flag_create
from moderation.services.people import user_suspend
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")

OUR_APPS = {"accounts", "ladder", "forum", "moderation", "growth"}
# Not in the admin on purpose: tags are edited with their question; ratings, goals, plan
# actions and turned-off share links are the private content of people's assessments and plans.
UNREGISTERED = ["Goal", "PlanAction", "Rating", "RevokedShareLink", "TaggedQuestion"]


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


# Anonymous authors stay anonymous in the admin ---------------------------------------------------

SECRET = "zq-admin-secret"


@pytest.fixture
def anonymous(superuser):
    """Someone who asked, answered and commented anonymously, then deleted the answer."""
    person = UserFactory(username=SECRET, display_name="Zenobia Quill")
    question = QuestionFactory(author=person, is_anonymous=True, title="A question asked alone")
    helper_answer = AnswerFactory(question=question)
    comment = CommentFactory(author=person, post=helper_answer)  # anonymous: the thread rule
    other = QuestionFactory(title="Someone else's question")
    answer = AnswerFactory(author=person, question=other, is_anonymous=True)
    contribution_delete(user=person, contribution=answer)
    assert comment.is_anonymous
    return person


def admin_url(model: str, query: str = "") -> str:
    return reverse(f"admin:forum_{model}_changelist") + query


@pytest.mark.parametrize(
    "url",
    [
        # What an outside review found: each lists one person's anonymous posts.
        "/admin/forum/question/?author={id}&is_anonymous__exact=1",
        "/admin/forum/question/?author__id__exact={id}",
        "/admin/forum/answer/?author={id}&is_anonymous__exact=1",
        "/admin/forum/answer/?author__id__exact={id}",
        "/admin/forum/comment/?author={id}&is_anonymous__exact=1",
        "/admin/forum/comment/?author__id__exact={id}",
        "/admin/forum/revision/?editor={id}",
        # The same through other spellings and fields.
        "/admin/forum/question/?author_id={id}",
        "/admin/forum/question/?author__pk={id}",
        "/admin/forum/answer/?hidden_by={id}&is_anonymous__exact=1",
        "/admin/forum/revision/?editor__id__exact={id}",
        "/admin/forum/notification/?recipient={id}",
        "/admin/forum/notification/?recipient__id__exact={id}",
    ],
)
def test_the_admin_refuses_to_list_posts_by_their_author(client, superuser, anonymous, url):
    client.force_login(superuser)
    response = client.get(url.format(id=anonymous.pk))
    assert response.status_code == 400
    assert SECRET not in response.text


@pytest.mark.parametrize("model", ["question", "answer", "comment", "revision", "notification"])
def test_the_lists_name_no_anonymous_author(client, superuser, anonymous, model):
    client.force_login(superuser)
    response = client.get(admin_url(model))
    assert response.status_code == 200
    assert SECRET not in response.text
    assert "Zenobia Quill" not in response.text


def test_other_filters_still_work(client, superuser, anonymous):
    client.force_login(superuser)
    response = client.get(admin_url("question", "?is_anonymous__exact=1"))
    assert response.status_code == 200
    assert "A question asked alone" in response.text
    assert "Anonymous · mid-level" in response.text  # the author column, for anonymous rows


@pytest.mark.parametrize("model", ["question", "answer", "comment"])
def test_change_pages_name_no_anonymous_author(client, superuser, anonymous, model):
    """Not even as the one who deleted it (hidden_by)."""
    from forum.models import Answer, Comment, Question

    item = {"question": Question, "answer": Answer, "comment": Comment}[model].objects.get(
        author=anonymous
    )
    client.force_login(superuser)
    text = client.get(reverse(f"admin:forum_{model}_change", args=[item.pk])).text
    assert SECRET not in text
    assert "Zenobia Quill" not in text
    if model == "answer":
        assert "by its author" in text


class TestNotificationAdmin:
    def test_no_recipient_beside_an_anonymous_question(self, client, superuser, anonymous):
        """The answer to the anonymous question notified its asker: the row keeps the title
        and the kind, and shows no recipient."""
        from forum.models import Notification

        told = Notification.objects.get(recipient=anonymous, kind="answer")
        client.force_login(superuser)
        text = client.get(admin_url("notification")).text
        assert "A question asked alone" in text
        assert SECRET not in text
        assert "Zenobia Quill" not in text
        change = client.get(reverse("admin:forum_notification_change", args=[told.pk])).text
        assert "A question asked alone" in change
        assert SECRET not in change
        assert "Zenobia Quill" not in change

    def test_searching_by_recipient_leaves_their_anonymous_posts_out(
        self, client, superuser, anonymous
    ):
        from forum.models import Notification

        signed = QuestionFactory(author=anonymous, title="Asked under my own name")
        AnswerFactory(question=signed)
        assert Notification.objects.filter(recipient=anonymous).count() == 2
        client.force_login(superuser)
        text = client.get(admin_url("notification", f"?q={SECRET}")).text
        assert "Asked under my own name" in text
        assert "A question asked alone" not in text
        assert "1 result" in text

    def test_signed_recipients_are_named(self, client, superuser):
        question = QuestionFactory(author=UserFactory(display_name="Olive Asker"))
        AnswerFactory(question=question)
        client.force_login(superuser)
        assert "Olive Asker" in client.get(admin_url("notification")).text
