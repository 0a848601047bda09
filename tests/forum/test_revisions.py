"""Revision history: every edit kept, a readable diff between any two, rollback as a new
revision, and an anonymous author's edits that stay anonymous."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from forum import selectors, services
from forum.models import Revision
from forum.permissions import ActionNotAllowed
from forum.revisions import Segment, diff_words, revision_diff
from moderation import services as moderation_services
from moderation.models import AuditEntry
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")

BODY_2 = "I have been mid-level for three years and my reviews say I am close. What now?"


def edit_question(question, editor, ladder, **changes):
    values = {
        "title": question.title,
        "body": question.body,
        "level": question.level,
        "tags": sorted(question.tags.names()),
        "reason": "",
    }
    values |= changes
    if isinstance(values["level"], str):
        values["level"] = ladder[values["level"]]
    return services.question_edit(question=question, editor=editor, **values)


def history_url(post) -> str:
    return reverse("forum:revisions", args=[post.kind, post.pk])


# Services -------------------------------------------------------------------------------------


class TestRecording:
    def test_asking_records_revision_one_with_everything(self, ladder):
        question = QuestionFactory(
            title="How do I ask for a promotion case?", tags=["promotion", "growth"]
        )
        (revision,) = question.revisions.all()
        assert revision.number == 1
        assert revision.title == "How do I ask for a promotion case?"
        assert revision.body == question.body
        assert revision.tags == ["growth", "promotion"]
        assert revision.level == ladder["mid"]
        assert revision.editor == question.author
        assert revision.reason == ""
        assert abs((revision.created_at - question.created_at).total_seconds()) < 5

    def test_answering_records_revision_one_with_the_body(self):
        answer = AnswerFactory()
        (revision,) = answer.revisions.all()
        assert (revision.number, revision.body, revision.editor) == (1, answer.body, answer.author)
        assert (revision.title, revision.tags, revision.level) == ("", [], None)
        assert revision.question is None

    def test_every_edit_keeps_title_body_tags_level_editor_reason_and_time(self, ladder):
        question = QuestionFactory(tags=["promotion"])
        original_title = question.title
        mod = moderator()
        edit_question(question, question.author, ladder, body=BODY_2, reason="More detail")
        edit_question(
            question,
            mod,
            ladder,
            title="How do I show staff-level impact?",
            tags=["promotion", "staff"],
            level="senior",
            reason="Retagged",
        )
        revisions = list(question.revisions.order_by("number"))
        assert [r.number for r in revisions] == [1, 2, 3]
        assert revisions[1].body == BODY_2
        assert (revisions[1].editor, revisions[1].reason) == (question.author, "More detail")
        assert revisions[2].title == "How do I show staff-level impact?"
        assert revisions[2].tags == ["promotion", "staff"]
        assert revisions[2].level == ladder["senior"]
        assert (revisions[2].editor, revisions[2].reason) == (mod, "Retagged")
        assert revisions[0].created_at <= revisions[1].created_at <= revisions[2].created_at
        assert revisions[0].title == original_title  # the first one is untouched

    def test_answer_edits_keep_revisions(self):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40, reason=" typo ")
        services.answer_edit(answer=answer, editor=answer.author, body="c" * 40)
        revisions = list(answer.revisions.order_by("number"))
        assert [(r.number, r.body[:1], r.reason) for r in revisions] == [
            (1, "W", ""),
            (2, "b", "typo"),
            (3, "c", ""),
        ]

    def test_a_resubmitted_form_records_no_second_revision(self):
        import uuid

        author, token = UserFactory(), uuid.uuid4()
        QuestionFactory(author=author, client_token=token)
        question = QuestionFactory(author=author, client_token=token)
        assert question.revisions.count() == 1

    def test_revision_numbers_are_unique_per_post(self):
        from django.db import IntegrityError, transaction

        answer = AnswerFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Revision.objects.create(answer=answer, number=1, body="x", editor=answer.author)


class TestRollback:
    def test_rollback_is_a_new_revision_with_the_old_content(self, ladder):
        question = QuestionFactory(tags=["promotion"])
        original = question.revisions.get(number=1)
        edit_question(
            question,
            question.author,
            ladder,
            title="A vandalised title for this question",
            body=BODY_2,
            tags=["spam"],
            level="junior",
        )
        question = services.post_rollback(
            post=fresh(question), revision=original, editor=question.author
        )
        assert (question.title, question.body, question.level) == (
            original.title,
            original.body,
            ladder["mid"],
        )
        assert sorted(question.tags.names()) == ["promotion"]
        latest = question.revisions.order_by("-number").first()
        assert latest.number == 3
        assert latest.reason == "Rolled back to revision 1"
        assert Revision.objects.filter(question=question).count() == 3  # nothing removed

    def test_rollback_of_an_answer_with_a_reason(self):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        services.post_rollback(
            post=fresh(answer),
            revision=answer.revisions.get(number=1),
            editor=answer.author,
            reason="Back to the original",
        )
        answer = fresh(answer)
        assert answer.body.startswith("Write down what senior means")
        assert answer.revisions.order_by("-number").first().reason == "Back to the original"

    def test_a_revision_of_another_post_is_refused(self):
        first, second = AnswerFactory(), AnswerFactory()
        with pytest.raises(ValueError, match="another post"):
            services.post_rollback(post=first, revision=second.revisions.get(), editor=first.author)
        question = first.question
        with pytest.raises(ValueError, match="another post"):
            services.post_rollback(
                post=question, revision=first.revisions.get(), editor=question.author
            )

    def test_only_editors_roll_back(self):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        with pytest.raises(ActionNotAllowed):
            services.post_rollback(
                post=answer, revision=answer.revisions.get(number=1), editor=UserFactory()
            )
        assert answer.revisions.count() == 2

    def test_a_moderators_rollback_is_audited(self):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        mod = moderator()
        services.post_rollback(
            post=fresh(answer), revision=answer.revisions.get(number=1), editor=mod
        )
        entry = AuditEntry.objects.get()
        assert (entry.action, entry.actor, entry.reason) == (
            "edit",
            mod,
            "Rolled back to revision 1",
        )


# The diff -------------------------------------------------------------------------------------


class TestDiff:
    def test_words_added_and_removed(self):
        segments = diff_words("Ask your manager today", "Ask your skip-level manager")
        assert segments == [
            Segment("Ask your ", "same"),
            Segment("skip-level ", "added"),
            Segment("manager", "same"),
            Segment(" today", "removed"),
        ]

    def test_the_same_text_is_one_unchanged_segment(self):
        assert diff_words("same text", "same text") == [Segment("same text", "same")]
        assert diff_words("", "") == []

    def test_a_revision_diff_covers_title_body_tags_and_level(self, ladder):
        question = QuestionFactory(tags=["promotion", "pip"])
        edit_question(
            question,
            question.author,
            ladder,
            title="How do I show senior-level impact quickly?",
            tags=["promotion", "impact"],
            level="senior",
        )
        older, newer = question.revisions.order_by("number")
        diff = revision_diff(older, newer)
        assert diff.has_changes
        assert Segment("quickly?", "added") in diff.title
        assert (diff.tags_added, diff.tags_removed) == (["impact"], ["pip"])
        assert (diff.level_before, diff.level_after) == ("Mid-level engineer", "Senior engineer")
        assert all(s.change == "same" for s in diff.body)
        backwards = revision_diff(newer, older)
        assert (backwards.tags_added, backwards.tags_removed) == (["pip"], ["impact"])

    def test_identical_revisions_have_no_changes(self):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body=answer.body)
        first, second = answer.revisions.order_by("number")
        assert not revision_diff(first, second).has_changes


# The history selector -------------------------------------------------------------------------


class TestHistory:
    def test_an_anonymous_authors_edits_stay_anonymous_and_moderators_sign(self, ladder):
        author = UserFactory(username="quiet-author", display_name="Quinn Quiet")
        question = QuestionFactory(author=author, is_anonymous=True)
        edit_question(question, author, ladder, body=BODY_2)
        mod = moderator(display_name="Mona Moderator")
        edit_question(question, mod, ladder, tags=["promotion", "pip"], reason="Tags")
        history = selectors.revision_history(post=question, viewer=UserFactory())
        names = [entry.editor.name for entry in history]
        assert names == ["Anonymous · mid-level", "Anonymous · mid-level", "Mona Moderator"]
        assert [entry.editor.url for entry in history][:2] == [None, None]
        assert history[2].editor.is_moderator
        own = selectors.revision_history(post=question, viewer=author)
        assert own[0].editor.is_viewer
        as_moderator = selectors.revision_history(post=question, viewer=mod)
        assert as_moderator[0].editor.name == "Anonymous · mid-level"

    def test_the_history_is_a_fixed_number_of_queries(self, django_assert_num_queries):
        answer = AnswerFactory()
        for n in range(10):
            services.answer_edit(answer=answer, editor=moderator(), body=f"{n}" * 40)
        answer, viewer = fresh(answer), UserFactory()
        with django_assert_num_queries(2):  # the revisions with their editors, and the author
            history = selectors.revision_history(post=answer, viewer=viewer)
            assert [e.editor.is_moderator for e in history] == [False] + [True] * 10


# The page -------------------------------------------------------------------------------------


class TestAnswerHistoryPage:
    @pytest.fixture
    def edited(self):
        answer = AnswerFactory(body="Ask your manager for written goals today.")
        services.answer_edit(
            answer=answer,
            editor=answer.author,
            body="Ask your skip-level manager for written goals <b>today</b>.",
            reason="Clearer",
        )
        services.answer_edit(
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
        moderation_services.content_hide(moderator=mod, item=edited, reason="Spam")
        assert client.get(history_url(edited)).status_code == 404
        client.force_login(edited.author)
        assert client.get(history_url(edited)).status_code == 404
        client.force_login(mod)
        assert client.get(history_url(edited)).status_code == 200

    def test_an_anonymous_answerers_history_names_nobody(self, client):
        author = UserFactory(username="quiet-author", display_name="Quinn Quiet")
        answer = AnswerFactory(author=author, is_anonymous=True)
        services.answer_edit(answer=answer, editor=author, body="e" * 40, reason="Fixed typo")
        mod = moderator(display_name="Mona Moderator")
        services.answer_edit(answer=fresh(answer), editor=mod, body="m" * 40, reason="Names")
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
            services.answer_edit(answer=edited, editor=moderator(), body=f"{n:02d}" * 20)
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
        services.post_delete(user=edited.author, item=edited)
        assert client.get(history_url(edited)).status_code == 404
        client.force_login(moderator())
        assert client.get(history_url(edited)).status_code == 200

    def test_the_question_page_links_its_history(self, client, edited):
        html = client.get(edited.get_absolute_url()).text
        assert f'href="{history_url(edited)}"' in html


# Rolling back through the site ----------------------------------------------------------------


class TestRollbackView:
    def test_the_author_rolls_back_an_answer(self, client):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        first = answer.revisions.get(number=1)
        client.force_login(answer.author)
        response = client.post(
            reverse("forum:rollback", args=[first.pk]), {"reason": "The edit lost detail"}
        )
        assert response.url == history_url(answer)
        page = client.get(response.url).text
        assert "Rolled back to revision 1, as a new revision." in page
        answer = fresh(answer)
        assert answer.body == first.body
        latest = answer.revisions.order_by("-number").first()
        assert (latest.number, latest.reason, latest.editor) == (
            3,
            "The edit lost detail",
            answer.author,
        )

    def test_a_question_rollback_restores_title_tags_and_level(self, client, ladder):
        question = QuestionFactory(tags=["promotion"])
        edit_question(
            question,
            question.author,
            ladder,
            title="A vandalised title for this question",
            tags=["spam"],
            level="junior",
        )
        first = question.revisions.get(number=1)
        client.force_login(question.author)
        response = client.post(reverse("forum:rollback", args=[first.pk]))
        assert response.status_code == 302
        assert response.url == history_url(question)
        question = fresh(question)
        assert (question.title, question.level) == (first.title, ladder["mid"])
        assert sorted(question.tags.names()) == ["promotion"]
        assert question.revisions.count() == 3
        assert question.revisions.get(number=3).reason == "Rolled back to revision 1"

    def test_others_cannot_roll_back(self, client):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        where = reverse("forum:rollback", args=[answer.revisions.get(number=1).pk])
        assert client.post(where).url.startswith(reverse("account_login"))
        client.force_login(UserFactory())
        response = client.post(where)
        assert response.status_code == 403
        assert "Only the author or a moderator can edit this post." in response.text
        assert client.get(where).status_code == 405
        assert client.post(reverse("forum:rollback", args=[999999])).status_code == 404
        assert fresh(answer).body == "b" * 40
        assert answer.revisions.count() == 2

    def test_a_moderator_rolls_back_on_a_locked_thread(self, client):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        mod = moderator()
        moderation_services.question_lock(moderator=mod, question=answer.question, reason="x")
        where = reverse("forum:rollback", args=[answer.revisions.get(number=1).pk])
        client.force_login(answer.author)
        assert client.post(where).status_code == 403
        client.force_login(mod)
        assert client.post(where).status_code == 302
        assert fresh(answer).body.startswith("Write down what senior means")
        assert AuditEntry.objects.filter(action="edit", actor=mod).count() == 1

    def test_hidden_posts_cannot_be_rolled_back_by_their_author(self, client):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        services.post_delete(user=answer.author, item=answer)
        client.force_login(answer.author)
        where = reverse("forum:rollback", args=[answer.revisions.get(number=1).pk])
        assert client.post(where).status_code == 404

    def test_suspended_authors_cannot_roll_back(self, client):
        answer = AnswerFactory()
        services.answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        moderation_services.user_suspend(
            moderator=moderator(), user=answer.author, days=2, reason="Edit war"
        )
        client.force_login(answer.author)
        response = client.post(reverse("forum:rollback", args=[answer.revisions.first().pk]))
        assert response.status_code == 403
        assert "suspended" in response.text
        assert "Edit war" in response.text


def test_editing_through_the_site_records_the_summary(ladder):
    question = QuestionFactory()
    browser = Client()
    browser.force_login(question.author)
    browser.post(
        reverse("forum:question_edit", args=[question.pk]),
        {
            "title": "A clearer title for this question",
            "body": BODY_2,
            "level": "senior",
            "tags": "promotion, staff",
            "reason": "Clarified the level",
        },
    )
    latest = question.revisions.order_by("-number").first()
    assert (latest.number, latest.reason, latest.level) == (
        2,
        "Clarified the level",
        ladder["senior"],
    )
    assert latest.tags == ["promotion", "staff"]


def test_an_author_cannot_roll_back_a_moderators_edit(ladder):
    from forum.permissions import ActionNotAllowed

    answer = AnswerFactory(body="My original answer, with a name in it: Jane Doe.")
    mod = moderator()
    services.answer_edit(answer=answer, editor=mod, body="x" * 40, reason="Removed a name")
    first = answer.revisions.get(number=1)
    with pytest.raises(ActionNotAllowed, match="ask a moderator"):
        services.post_rollback(post=fresh(answer), revision=first, editor=answer.author)
    services.post_rollback(post=fresh(answer), revision=first, editor=mod)
    assert fresh(answer).revisions.count() == 3


def without_hidden(html: str) -> str:
    """The page as seen: the screen-reader-only "[added: …]" markers taken out."""
    return re.sub(r'<span class="visually-hidden">[^<]*</span>', "", html)
