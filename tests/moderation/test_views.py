"""The moderation pages and actions through real requests, and what they change on the site."""

import re
import uuid
from datetime import UTC

import pytest
from django.test import Client
from django.urls import reverse

from forum import services as forum_services
from forum.models import Answer, Comment, Feature, Notification, Question, Vote
from moderation import services
from moderation.models import AuditEntry, Flag, Suspension
from tests.factories import (
    PASSWORD,
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
    superuser,
)
from tests.moderation.factories import flag, flags, fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")

QUEUE = reverse("moderation:queue")
LOG = reverse("moderation:log")
HIDDEN = reverse("moderation:hidden")
FEATURED = reverse("moderation:featured")


def url(name: str, *args) -> str:
    return reverse(f"moderation:{name}", args=args)


def follow_messages(client, response) -> str:
    """The page a redirect lands on, where the flash messages show."""
    assert response.status_code == 302, response.status_code
    return client.get(response.url, follow=True).text


@pytest.fixture
def mod_client():
    """A moderator's browser, separate from `client` so both can be used in one test."""
    mod = moderator(username="mod-ada", display_name="Ada Moderator")
    browser = Client()
    browser.force_login(mod)
    browser.user = mod
    return browser


@pytest.fixture
def thread():
    question = QuestionFactory(title="How do I recover from a bad quarter review?")
    answer = AnswerFactory(question=question, body="Write down three outcomes and agree on them.")
    comment = CommentFactory(post=answer, body="Which outcomes did your manager agree to?")
    return question, answer, comment


# Who may see and do what ----------------------------------------------------------------------


def _moderation_requests(question, answer, comment, person, suspension, pin):
    return [
        ("get", QUEUE, {}),
        ("get", LOG, {}),
        ("get", HIDDEN, {}),
        ("get", FEATURED, {}),
        ("get", url("person", person.username), {}),
        ("post", url("hide", "answer", answer.pk), {"reason": "x"}),
        ("post", url("restore", "answer", answer.pk), {}),
        ("post", url("dismiss", "comment", comment.pk), {}),
        ("get", url("warn", "answer", answer.pk), {}),
        ("post", url("warn", "answer", answer.pk), {"message": "Be kind"}),
        ("get", url("reveal", "question", question.pk), {}),
        ("post", url("reveal", "question", question.pk), {"reason": "Curious"}),
        ("post", url("curate", answer.pk), {"note": "Good"}),
        ("post", url("close", question.pk), {"reason": "off-topic"}),
        ("post", url("lock", question.pk), {"reason": "Heated"}),
        ("post", url("feature", question.pk), {"where": "home"}),
        ("post", url("feature_move", pin.pk), {"direction": "up"}),
        ("post", url("suspend", person.username), {"days": 3, "reason": "x"}),
        ("post", url("lift", suspension.pk), {}),
    ]


@pytest.fixture
def targets():
    question = QuestionFactory(is_anonymous=True)
    answer = AnswerFactory(question=question)
    comment = CommentFactory(post=answer)
    person = UserFactory()
    mod = moderator()
    suspension = services.user_suspend(moderator=mod, user=person, days=2, reason="x")
    pin = services.question_feature(moderator=mod, question=QuestionFactory(), level=None)
    flag(comment)
    return question, answer, comment, person, suspension, pin


class TestAccess:
    def test_ordinary_people_are_refused_everywhere(self, client, targets):
        client.force_login(UserFactory())
        entries_before = AuditEntry.objects.count()
        for method, where, data in _moderation_requests(*targets):
            response = getattr(client, method)(where, data)
            assert response.status_code == 403, where
            assert "Only moderators can do that." in response.text or "reveal" in response.text
        assert AuditEntry.objects.count() == entries_before
        assert not Answer.objects.filter(is_hidden=True).exists()
        assert Suspension.objects.count() == 1

    def test_visitors_are_sent_to_log_in(self, client, targets):
        for method, where, data in _moderation_requests(*targets):
            response = getattr(client, method)(where, data)
            assert response.status_code == 302, where
            assert response.url.startswith(reverse("account_login"))

    def test_the_pages_open_for_moderators(self, mod_client, targets):
        person = targets[3]
        for where in (QUEUE, LOG, HIDDEN, FEATURED, url("person", person.username)):
            assert mod_client.get(where).status_code == 200, where

    def test_the_navigation_shows_the_queue_size_to_moderators_only(self, client, mod_client):
        answer, comment = AnswerFactory(), CommentFactory()
        flags(answer, 2)
        flag(comment)
        badge = '<span class="nav-count nav-count--alert">2<span class="visually-hidden"> items'
        assert badge in mod_client.get(reverse("home")).text
        services.flags_dismiss(moderator=mod_client.user, item=comment)
        assert '>1<span class="visually-hidden"> items' in mod_client.get(reverse("home")).text
        other = Client()
        other.force_login(UserFactory())
        html = other.get(reverse("home")).text
        assert f'href="{QUEUE}"' not in html
        assert "items waiting" not in html

    def test_an_empty_queue_shows_the_link_without_a_count(self, mod_client):
        html = mod_client.get(reverse("home")).text
        assert f'<a href="{QUEUE}">Review</a>' in html


# The question page ----------------------------------------------------------------------------


class TestQuestionPage:
    def test_moderators_see_the_tools_and_hidden_answers_with_restore(self, mod_client, thread):
        question, answer, comment = thread
        gone = AnswerFactory(question=question, body="Buy followers at example dot com today.")
        services.content_hide(moderator=mod_client.user, item=gone, reason="Spam link")
        services.content_hide(moderator=mod_client.user, item=comment, reason="Rude")
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
        services.content_hide(moderator=mod, item=gone, reason="Spam link")
        services.content_hide(moderator=mod, item=comment, reason="Rude")
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
        services.content_hide(moderator=mod, item=question, reason="Off-site promotion")
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


# Flagging -------------------------------------------------------------------------------------


class TestFlagging:
    def test_the_form_and_a_flag(self, client, thread):
        _, answer, _ = thread
        flagger = UserFactory()
        client.force_login(flagger)
        form = client.get(url("flag", "answer", answer.pk))
        assert form.status_code == 200
        for label in ("Spam", "Rude or abusive", "Off-topic", "Needs a moderator"):
            assert label in form.text
        response = client.post(url("flag", "answer", answer.pk), {"reason": "off-topic"})
        assert response.url == answer.get_absolute_url()
        assert "Thank you. A moderator will look at it." in follow_messages(client, response)
        assert Flag.objects.get().flagger == flagger

    def test_needs_moderator_requires_text(self, client, thread):
        client.force_login(UserFactory())
        where = url("flag", "comment", thread[2].pk)
        response = client.post(where, {"reason": "needs-moderator", "text": "  "})
        assert response.status_code == 400
        assert "Say what a moderator should look at." in response.text
        assert not Flag.objects.exists()
        client.post(where, {"reason": "needs-moderator", "text": "It names my manager."})
        assert Flag.objects.get().text == "It names my manager."

    def test_flagging_twice_gets_a_friendly_message(self, client, thread):
        client.force_login(UserFactory())
        where = url("flag", "question", thread[0].pk)
        client.post(where, {"reason": "spam"})
        again = client.post(where, {"reason": "rude"}, follow=True)
        assert again.redirect_chain[-1][0].endswith(thread[0].get_absolute_url())
        assert "You have already flagged this; a moderator will look at it." in again.text
        assert Flag.objects.count() == 1

    def test_own_and_hidden_content_cannot_be_flagged(self, client, thread):
        question, answer, _ = thread
        client.force_login(answer.author)
        response = client.get(url("flag", "answer", answer.pk))
        assert response.status_code == 403
        assert "You cannot flag this." in response.text
        services.content_hide(moderator=moderator(), item=question, reason="x")
        client.force_login(UserFactory())
        assert client.get(url("flag", "question", question.pk)).status_code == 404
        assert client.get(url("flag", "answer", answer.pk)).status_code == 404

    def test_flag_links_show_for_others_only(self, client, thread):
        question, answer, _ = thread
        client.force_login(answer.author)
        html = client.get(question.get_absolute_url()).text
        assert f'href="{url("flag", "question", question.pk)}"' in html
        assert f'href="{url("flag", "answer", answer.pk)}"' not in html

    def test_three_flags_through_the_site_hide_an_answer(self, client, thread):
        question, answer, _ = thread
        for _ in range(3):
            client.force_login(UserFactory())
            client.post(url("flag", "answer", answer.pk), {"reason": "spam"})
        assert fresh(answer).is_hidden
        client.force_login(UserFactory())
        html = client.get(question.get_absolute_url()).text
        assert "Write down three outcomes" not in html
        assert fresh(question).answer_count == 0


# The review queue -----------------------------------------------------------------------------


class TestQueue:
    def test_the_queue_lists_items_with_flags_and_actions(self, mod_client, thread):
        _question, answer, comment = thread
        flagger = UserFactory(username="keen-flagger")
        flag(comment, by=flagger, reason="needs-moderator", text="Mentions a colleague by name")
        flag(answer, reason="off-topic")
        html = mod_client.get(QUEUE).text
        assert html.index(f'id="queue-comment-{comment.pk}"') < html.index(
            f'id="queue-answer-{answer.pk}"'
        )
        assert "by @keen-flagger" in html
        assert "“Mentions a colleague by name”" in html
        for action in (
            f'action="{url("dismiss", "comment", comment.pk)}"',
            f'action="{url("hide", "comment", comment.pk)}"',
            f'href="{url("warn", "comment", comment.pk)}"',
            f'href="{url("person", comment.author.username)}"',
            f'href="{reverse("forum:answer_edit", args=[answer.pk])}"',
        ):
            assert action in html, action
        comment_entry = html.split(f'id="queue-comment-{comment.pk}"')[1]
        comment_actions = comment_entry.split('class="queue__actions"')[1].split("</div>")[0]
        assert "/edit/" not in comment_actions  # comments have no edit

    def test_an_item_hidden_by_flags_offers_restore(self, mod_client, thread):
        answer = thread[1]
        flags(answer, 3)
        html = mod_client.get(QUEUE).text
        assert "hidden by flags" in html
        assert f'action="{url("restore", "answer", answer.pk)}"' in html
        assert "Keep hidden" in html

    def test_dismiss_from_the_queue_returns_to_it(self, mod_client, thread):
        answer = thread[1]
        flags(answer, 3)
        response = mod_client.post(
            url("dismiss", "answer", answer.pk), {"next": QUEUE, "reason": "Fine"}
        )
        assert response.url == QUEUE
        page = follow_messages(mod_client, response)
        assert "Dismissed 3 flags." in page
        assert "Nothing to review." in page
        assert not fresh(answer).is_hidden

    def test_hide_from_the_queue(self, mod_client, thread):
        _question, _, comment = thread
        flag(comment, reason="rude")
        response = mod_client.post(
            url("hide", "comment", comment.pk), {"next": QUEUE, "reason": "Rude or abusive"}
        )
        assert response.url == QUEUE
        assert "The comment is hidden." in follow_messages(mod_client, response)
        comment = fresh(comment)
        assert (comment.is_hidden, comment.hidden_by, comment.hidden_reason) == (
            True,
            mod_client.user,
            "Rude or abusive",
        )
        assert Flag.objects.get().status == "upheld"

    def test_hiding_needs_a_reason(self, mod_client, thread):
        answer = thread[1]
        response = mod_client.post(url("hide", "answer", answer.pk), {"reason": ""})
        assert response.url == answer.get_absolute_url()
        assert "Give a reason for hiding it." in follow_messages(mod_client, response)
        assert not fresh(answer).is_hidden

    def test_next_outside_moderation_is_ignored(self, mod_client, thread):
        answer = thread[1]
        response = mod_client.post(
            url("hide", "answer", answer.pk), {"reason": "x", "next": "https://evil.example/"}
        )
        assert response.url == answer.get_absolute_url()
        comment = thread[2]
        response = mod_client.post(url("hide", "comment", comment.pk), {"reason": "x"})
        assert response.url == comment.get_absolute_url()

    def test_warn_page_and_warning(self, mod_client, client, thread):
        _, answer, _ = thread
        flag(answer, reason="rude")
        page = mod_client.get(url("warn", "answer", answer.pk))
        assert page.status_code == 200
        assert "Warning to the author" in page.text
        empty = mod_client.post(url("warn", "answer", answer.pk), {"message": ""})
        assert empty.status_code == 400
        response = mod_client.post(
            url("warn", "answer", answer.pk),
            {"message": "Please keep it about the work.", "next": QUEUE},
        )
        assert "The warning is sent." in follow_messages(mod_client, response)
        notification = Notification.objects.get(kind="warning")
        assert notification.recipient == answer.author
        client.force_login(answer.author)
        html = client.get(reverse("forum:notifications")).text
        assert "sent you a moderator&#x27;s warning about" in html
        assert "Please keep it about the work." in html
        assert Flag.objects.get().status == "upheld"


# Hidden content -------------------------------------------------------------------------------


class TestHiddenPage:
    def test_lists_everything_hidden_and_who_hid_it(self, mod_client, thread):
        _question, answer, comment = thread
        other = QuestionFactory(title="Deleted by the person who asked it")
        forum_services.post_delete(user=other.author, item=other)
        flags(answer, 3)
        services.content_hide(moderator=mod_client.user, item=comment, reason="Name-calling")
        html = mod_client.get(HIDDEN).text
        assert "Deleted by the person who asked it" in html
        assert "by its author: Deleted by its author" in html
        assert "by flags: Hidden by flags, awaiting review" in html
        assert "by Ada Moderator: Name-calling" in html
        for kind, item in (("question", other), ("answer", answer), ("comment", comment)):
            assert f'action="{url("restore", kind, item.pk)}"' in html

    def test_restore_from_the_list(self, mod_client, thread):
        question, answer, _ = thread
        forum_services.post_delete(user=answer.author, item=answer)
        assert fresh(question).answer_count == 0
        response = mod_client.post(url("restore", "answer", answer.pk), {"next": HIDDEN})
        assert response.url == HIDDEN
        assert "The answer is visible again." in follow_messages(mod_client, response)
        assert fresh(question).answer_count == 1
        assert AuditEntry.objects.get().action == "restore"

    def test_anonymous_authors_stay_anonymous_on_moderation_pages(self, mod_client):
        answer = AnswerFactory(is_anonymous=True, author=UserFactory(username="secret-sam"))
        flag(answer, reason="rude")
        queue = mod_client.get(QUEUE).text
        forum_services.post_delete(user=answer.author, item=answer)
        hidden = mod_client.get(HIDDEN).text
        page = mod_client.get(answer.question.get_absolute_url()).text
        for html in (queue, hidden, page):
            assert "secret-sam" not in html
        assert "By an anonymous author" in queue


# Deleting, through the site -------------------------------------------------------------------


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
        services.content_hide(moderator=moderator(), item=question, reason="Spam")
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


class TestNothingIsHardDeleted:
    def test_a_voter_cannot_be_deleted_in_the_admin(self, client):
        """Vote.user cascades, so the admin must refuse: the vote admin allows no deletes."""
        answer = AnswerFactory()
        voter = UserFactory()
        forum_services.vote_cast(user=voter, post=answer, value=1)
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
        response = client.post(
            reverse("admin:accounts_user_delete", args=[voter.pk]), {"post": "yes"}
        )
        assert response.status_code == 403
        assert Vote.objects.filter(answer=answer, user=voter).count() == 1
        assert fresh(answer).score == 1

    def test_people_with_posts_cannot_be_deleted_in_the_admin(self, client, thread):
        _, answer, _ = thread
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
        response = client.post(
            reverse("admin:accounts_user_delete", args=[answer.author.pk]), {"post": "yes"}
        )
        assert response.status_code == 200  # the "cannot delete: protected" page
        assert Answer.objects.filter(pk=answer.pk).exists()


# Curating -------------------------------------------------------------------------------------


class TestCurate:
    def test_curated_answers_show_first_with_note_and_curator(self, mod_client, client, thread):
        question, first, _ = thread
        second = AnswerFactory(question=question, body="Ask for a mid-cycle check-in with notes.")
        forum_services.vote_cast(user=UserFactory(), post=first, value=1)
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
        response = mod_client.post(url("curate", first.pk), {"undo": "1"})
        assert "The answer is no longer curated." in follow_messages(mod_client, response)
        assert fresh(first).curated_at is None
        assert fresh(second).curated_at is not None

    def test_a_note_is_required(self, mod_client, thread):
        answer = thread[1]
        response = mod_client.post(url("curate", answer.pk), {"note": ""})
        assert "Add a short note" in follow_messages(mod_client, response)
        assert fresh(answer).curated_at is None


# Featuring ------------------------------------------------------------------------------------


class TestFeature:
    def test_feature_on_home_and_level_page_and_toggle_off(self, mod_client, client, ladder):
        first = QuestionFactory(title="First pinned question about growth plans")
        second = QuestionFactory(title="Second pinned question about growth plans")
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
        response = mod_client.post(url("feature", second.pk), {"where": "mid"})
        assert "no longer featured there" in follow_messages(mod_client, response)
        assert (
            "Featured at this level"
            not in client.get(reverse("forum:level_questions", args=["mid"])).text
        )
        assert mod_client.post(url("feature", first.pk), {"where": "nowhere"}).status_code == 404

    def test_the_featured_page_orders_and_unpins(self, mod_client, client):
        a, b, c = (QuestionFactory(title=f"Pinned question number {n} here") for n in "ABC")
        for question in (a, b, c):
            services.question_feature(moderator=mod_client.user, question=question, level=None)
        pins = {f.question_id: f for f in Feature.objects.all()}
        page = mod_client.get(FEATURED).text
        assert page.index(a.title) < page.index(b.title) < page.index(c.title)
        assert "pinned by Ada Moderator" in page
        assert page.count(" disabled>Move up") == 1
        assert page.count(" disabled>Move down") == 1
        response = mod_client.post(url("feature_move", pins[c.pk].pk), {"direction": "up"})
        assert response.url == FEATURED
        mod_client.post(url("feature_move", pins[c.pk].pk), {"direction": "up"})
        mod_client.post(url("feature_move", pins[a.pk].pk), {"direction": "down"})
        home = client.get(reverse("home")).text
        assert home.index(c.title) < home.index(b.title) < home.index(a.title)
        mod_client.post(url("feature_move", pins[b.pk].pk), {"remove": "1"})
        assert list(Feature.objects.values_list("question_id", flat=True)) == [c.pk, a.pk]
        assert Question.objects.filter(pk=b.pk).exists()
        actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
        assert actions[-4:] == ["reorder", "reorder", "reorder", "unfeature"]
        assert mod_client.post(url("feature_move", 999999), {}).status_code == 404


# Closing and locking --------------------------------------------------------------------------


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
        services.content_hide(moderator=mod_client.user, item=hidden, reason="x")
        refusals = {
            "": "Paste the address or number of a question.",
            "999999": "Paste the address or number of a question.",
            "/ladder/": "Paste the address or number of a question.",
            str(hidden.pk): "Link another, visible question as the original.",
        }
        for pasted, refusal in refusals.items():
            response = mod_client.post(
                url("close", question.pk), {"reason": "duplicate", "duplicate_of": pasted}
            )
            assert f"still open: {refusal}" in follow_messages(mod_client, response)
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

    def test_a_duplicate_of_itself_is_refused_with_a_message(self, mod_client):
        question = QuestionFactory()
        mod_client.raise_request_exception = False
        response = mod_client.post(
            url("close", question.pk), {"reason": "duplicate", "duplicate_of": question.pk}
        )
        assert response.status_code == 302
        assert "The question is still open" in follow_messages(mod_client, response)
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
        response = mod_client.post(url("close", question.pk), {"undo": "1"})
        assert "The question is open again." in follow_messages(mod_client, response)
        html = client.get(question.get_absolute_url()).text
        assert "Closed:" not in html
        assert "Post your answer" in html

    def test_an_unknown_reason_is_a_message(self, mod_client):
        question = QuestionFactory()
        response = mod_client.post(url("close", question.pk), {"reason": "boring"})
        assert "The question is still open: Select a valid choice." in follow_messages(
            mod_client, response
        )


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
        response = mod_client.post(url("lock", question.pk), {"undo": "1"})
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


# Suspensions ----------------------------------------------------------------------------------


class TestSuspend:
    def test_suspend_from_the_person_page_and_lift(self, mod_client):
        person = UserFactory(username="hot-head")
        page = mod_client.get(url("person", "hot-head")).text
        assert "In good standing" in page
        response = mod_client.post(
            url("suspend", "hot-head"), {"days": 7, "reason": "Insults in three threads"}
        )
        assert response.url == url("person", "hot-head")
        page = follow_messages(mod_client, response)
        assert "@hot-head is suspended." in page
        assert "Suspended until" in page
        assert "Insults in three threads" in page
        suspension = Suspension.objects.get()
        assert fresh(person).suspended_until == suspension.ends_at
        response = mod_client.post(url("lift", suspension.pk))
        page = follow_messages(mod_client, response)
        assert "The suspension is lifted." in page
        assert "lifted by Ada Moderator" in page
        assert not fresh(person).is_suspended

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"days": 0, "reason": "x"}, "greater than or equal to 1"),
            ({"days": 400, "reason": "x"}, "less than or equal to 365"),
            ({"days": 3, "reason": ""}, "This field is required."),
        ],
    )
    def test_bad_input_is_a_form_error(self, mod_client, data, message):
        UserFactory(username="hot-head")
        response = mod_client.post(url("suspend", "hot-head"), data)
        assert response.status_code == 400
        assert message in response.text
        assert not Suspension.objects.exists()

    def test_moderators_cannot_suspend_themselves(self, mod_client):
        response = mod_client.post(url("suspend", "mod-ada"), {"days": 1, "reason": "x"})
        assert response.status_code == 403
        assert "nobody can suspend a superuser or themselves" in response.text

    def test_a_moderator_sees_no_lift_button_for_a_suspension_only_a_superuser_may_lift(
        self, mod_client
    ):
        other_mod = moderator(username="mod-bea")
        suspension = services.user_suspend(
            moderator=superuser(), user=other_mod, days=3, reason="Cooling off"
        )
        page = mod_client.get(url("person", "mod-bea")).text
        assert "Cooling off" in page
        assert url("lift", suspension.pk) not in page
        assert mod_client.post(url("lift", suspension.pk)).status_code == 403
        assert fresh(suspension).is_live

    def test_missing_people_are_404(self, mod_client):
        assert mod_client.get(url("person", "nobody-here")).status_code == 404
        assert mod_client.post(url("lift", 999999)).status_code == 404


class TestSuspendedPerson:
    @pytest.fixture
    def suspended(self, client, thread):
        person = UserFactory(username="benched")
        mine = AnswerFactory(question=thread[0], author=person)
        suspension = services.user_suspend(
            moderator=moderator(), user=person, days=5, reason="Spam links in answers"
        )
        client.force_login(person)
        until = suspension.ends_at.astimezone(UTC).strftime("%-d %B %Y, %H:%M")
        return person, mine, until

    def test_the_banner_says_why_and_until_when_on_every_page(self, client, suspended, thread):
        _, _, until = suspended
        for where in (reverse("home"), thread[0].get_absolute_url(), reverse("forum:questions")):
            html = client.get(where).text
            assert f"Your account is suspended until {until} UTC." in html
            assert "Reason: Spam links in answers." in html

    def test_reading_works(self, client, suspended, thread):
        assert client.get(thread[0].get_absolute_url()).status_code == 200
        assert client.get(reverse("forum:search") + "?q=quarter").status_code == 200

    def test_signing_in_works(self, suspended):
        person = suspended[0]
        other = Client()
        response = other.post(
            reverse("account_login"), {"login": person.email, "password": PASSWORD}
        )
        assert response.status_code == 302
        assert other.get(reverse("home")).context["user"] == person

    def test_every_write_is_refused_with_the_reason(self, client, suspended, thread):
        _person, mine, until = suspended
        question, answer, comment = thread
        refusal = f"Your account is suspended until {until} UTC: Spam links in answers"
        requests = [
            (
                reverse("forum:ask"),
                {
                    "title": "A question from a suspended person",
                    "body": "This body is long enough to pass the form's validation.",
                    "level": "mid",
                    "tags": "pip",
                },
            ),
            (reverse("forum:answer_create", args=[question.pk]), {"body": "a" * 40}),
            (reverse("forum:question_comment", args=[question.pk]), {"body": "A comment"}),
            (reverse("forum:answer_vote", args=[answer.pk]), {"value": "up"}),
            (url("flag", "comment", comment.pk), {"reason": "spam"}),
            (reverse("forum:answer_edit", args=[mine.pk]), {"body": "e" * 40}),
            (reverse("forum:delete", args=["answer", mine.pk]), {}),
        ]
        for where, data in requests:
            response = client.post(where, data)
            assert response.status_code == 403, where
            assert refusal in response.text, where
        assert Question.objects.count() == 1
        assert (Answer.objects.count(), Comment.objects.count()) == (2, 1)
        assert not Vote.objects.exists()
        assert not Flag.objects.exists()
        assert not fresh(mine).is_hidden

    def test_the_question_page_explains_instead_of_offering_forms(self, client, suspended, thread):
        _, _, until = suspended
        html = client.get(thread[0].get_absolute_url()).text
        assert "Post your answer" not in html
        assert "Add a comment" not in html
        assert f"Your account is suspended until {until} UTC: Spam links in answers" in html
        assert ">Flag</a>" not in html

    def test_lifting_restores_rights(self, client, suspended, thread):
        person = suspended[0]
        services.suspension_lift(moderator=moderator(), suspension=Suspension.objects.get())
        html = client.get(thread[0].get_absolute_url()).text
        assert "Your account is suspended" not in html
        assert "Post your answer" in html
        response = client.post(url("flag", "comment", thread[2].pk), {"reason": "spam"})
        assert response.status_code == 302
        assert Flag.objects.get().flagger == person


# Reveal ---------------------------------------------------------------------------------------


class TestReveal:
    @pytest.fixture
    def secret(self):
        author = UserFactory(username="secret-sam", display_name="Samira Secret")
        return QuestionFactory(author=author, is_anonymous=True, title="An anonymous PIP question")

    def test_reveal_needs_a_reason_and_is_logged_for_other_moderators(self, mod_client, secret):
        where = url("reveal", "question", secret.pk)
        form = mod_client.get(where)
        assert form.status_code == 200
        assert "secret-sam" not in form.text
        assert "Why you need to know" in form.text
        assert not AuditEntry.objects.exists()
        empty = mod_client.post(where, {"reason": ""})
        assert empty.status_code == 400
        assert "secret-sam" not in empty.text
        assert not AuditEntry.objects.exists()
        shown = mod_client.post(where, {"reason": "Repeated abuse reports"})
        assert shown.status_code == 200
        assert "Written by" in shown.text
        assert "@secret-sam" in shown.text
        entry = AuditEntry.objects.get()
        assert (entry.action, entry.actor, entry.reason) == (
            "reveal",
            mod_client.user,
            "Repeated abuse reports",
        )
        other = Client()
        other.force_login(moderator())
        log = other.get(LOG).text
        assert "Revealed an anonymous author" in log
        assert "Revealed: @secret-sam" in log
        assert "Repeated abuse reports" in log
        assert "@mod-ada" in log

    def test_ordinary_people_cannot_reveal_or_read_the_log(self, client, secret):
        client.force_login(UserFactory())
        for response in (
            client.get(url("reveal", "question", secret.pk)),
            client.post(url("reveal", "question", secret.pk), {"reason": "Curious"}),
        ):
            assert response.status_code == 403
            assert "secret-sam" not in response.text
        assert client.get(LOG).status_code == 403
        assert not AuditEntry.objects.exists()

    def test_signed_posts_have_nothing_to_reveal(self, mod_client):
        question = QuestionFactory()
        response = mod_client.get(url("reveal", "question", question.pk))
        assert response.status_code == 403
        html = mod_client.get(question.get_absolute_url()).text
        assert "Reveal the author" not in html

    def test_the_reveal_link_shows_on_anonymous_posts_for_moderators(self, mod_client, secret):
        html = mod_client.get(secret.get_absolute_url()).text
        assert f'href="{url("reveal", "question", secret.pk)}"' in html
        assert "secret-sam" not in html

    def test_warning_an_anonymous_author_does_not_reveal_them(self, mod_client, secret):
        mod_client.post(url("warn", "question", secret.pk), {"message": "Please remove the names."})
        other = Client()
        other.force_login(moderator())
        log = other.get(LOG).text
        record = other.get(url("person", "secret-sam")).text
        assert not AuditEntry.objects.filter(action="reveal").exists()
        assert "secret-sam" not in log
        assert secret.get_absolute_url() not in record


# The audit log --------------------------------------------------------------------------------


class TestAuditLogPage:
    @pytest.fixture
    def logged(self):
        alice, bob = moderator(username="alice-mod"), moderator(username="bob-mod")
        question = QuestionFactory(title="A question that got locked")
        answer = AnswerFactory(question=question)
        services.question_lock(moderator=alice, question=question, reason="Heated")
        services.content_hide(moderator=bob, item=answer, reason="Spam link")
        services.user_suspend(moderator=alice, user=answer.author, days=2, reason="Spam again")
        return alice, bob, question, answer

    def rows(self, html: str) -> list[str]:
        return re.findall(r"<td>(Locked a question|Hid content|Suspended a person)</td>", html)

    def test_everything_newest_first(self, client, logged):
        alice, *_ = logged
        client.force_login(alice)
        html = client.get(LOG).text
        assert self.rows(html) == ["Suspended a person", "Hid content", "Locked a question"]
        assert "A question that got locked" in html
        assert "Spam link" in html
        assert "2 days" in html

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("?action=lock", ["Locked a question"]),
            ("?actor=alice-mod", ["Suspended a person", "Locked a question"]),
            ("?actor=bob-mod", ["Hid content"]),
            ("?kind=user", ["Suspended a person"]),
            ("?kind=answer&actor=bob-mod", ["Hid content"]),
            ("?action=reveal", []),
            ("?action=not-an-action", ["Suspended a person", "Hid content", "Locked a question"]),
        ],
    )
    def test_filters(self, client, logged, query, expected):
        client.force_login(logged[0])
        html = client.get(LOG + query).text
        assert self.rows(html) == expected
        if not expected:
            assert "No entries match these filters." in html

    def test_there_is_no_way_to_change_an_entry_through_the_site(self, client, logged):
        client.force_login(logged[0])
        assert client.post(LOG, {"action": "lock"}).status_code == 405
        assert AuditEntry.objects.count() == 3


# Query budgets ----------------------------------------------------------------------------------


def _flag_spread(count: int) -> None:
    """`count` flagged threads: a question, an answer and a comment on each, several flags."""
    for _ in range(count):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        on_question = CommentFactory(post=question)
        on_answer = CommentFactory(post=answer)
        flag(question, reason="off-topic")
        flags(answer, 3)  # hidden by flags
        flag(on_question, reason="needs-moderator")
        flag(on_answer, reason="rude")
        flag(on_answer, reason="spam")


def _hidden_spread(count: int, mod) -> None:
    for _ in range(count):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        on_question = CommentFactory(post=question)
        on_answer = CommentFactory(post=answer)
        services.content_hide(moderator=mod, item=answer, reason="Spam")
        forum_services.post_delete(user=on_question.author, item=on_question)
        services.content_hide(moderator=mod, item=on_answer, reason="Rude")
        services.content_hide(moderator=mod, item=question, reason="Spam")
        flags(AnswerFactory(), 3)


def _log_spread(count: int, mod) -> None:
    for _ in range(count):
        question = QuestionFactory(is_anonymous=True)
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        services.question_lock(moderator=mod, question=question, reason="l")
        services.content_hide(moderator=mod, item=comment, reason="h")
        services.author_reveal(moderator=mod, item=question, reason="r")
        services.user_suspend(moderator=mod, user=answer.author, days=2, reason="s")


def _featured_spread(count: int, mod, ladder) -> None:
    for i in range(count):
        question = QuestionFactory(level=ladder[("junior", "mid", "senior")[i % 3]])
        services.question_feature(moderator=mod, question=question, level=None)
        services.question_feature(moderator=mod, question=question, level=question.level)


def _record_spread(count: int, mod, person) -> None:
    for live in Suspension.objects.filter(user=person, lifted_at__isnull=True):
        services.suspension_lift(moderator=mod, suspension=live)
    person.refresh_from_db()
    for _ in range(count):
        question = QuestionFactory(author=person)
        answer = AnswerFactory(author=person)
        flag(question)
        flag(answer)
        services.content_hide(moderator=mod, item=answer, reason="x")
        services.user_warn(moderator=mod, item=question, message="w")
        suspension = services.user_suspend(moderator=moderator(), user=person, days=1, reason="s")
        services.suspension_lift(moderator=mod, suspension=suspension)
    services.user_suspend(moderator=mod, user=person, days=3, reason="live one")


# (page, budget): the number of queries pinned for each page, whatever its size.
BUDGETS = {"queue": 5, "hidden": 7, "log": 7, "featured": 6, "person": 12}


class TestQueryBudgets:
    def _pages(self, mod_client, ladder, person):
        return {
            "queue": (QUEUE, lambda n: _flag_spread(n)),
            "hidden": (HIDDEN, lambda n: _hidden_spread(n, mod_client.user)),
            "log": (LOG, lambda n: _log_spread(n, mod_client.user)),
            "featured": (FEATURED, lambda n: _featured_spread(n, mod_client.user, ladder)),
            "person": (
                url("person", person.username),
                lambda n: _record_spread(n, mod_client.user, person),
            ),
        }

    @pytest.mark.parametrize("page", list(BUDGETS))
    def test_moderation_pages_stay_flat_as_rows_grow(
        self, mod_client, ladder, page, django_assert_max_num_queries
    ):
        person = UserFactory(username="regular-person")
        where, grow = self._pages(mod_client, ladder, person)[page]
        grow(2)
        with django_assert_max_num_queries(BUDGETS[page]) as few:
            response = mod_client.get(where)
        assert response.status_code == 200
        grow(12)
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = mod_client.get(where)
        assert response.status_code == 200
        if page == "queue":
            assert response.text.count('class="queue__item panel"') == 14 * 4
        if page == "hidden":
            assert response.text.count('class="queue__item panel"') == 14 * 5
        if page == "featured":
            assert response.text.count('class="pin"') == 14 * 2
        if page == "person":
            assert response.text.count("lifted by") == 15  # 2 + 12, and the first live one

    def test_question_page_for_a_moderator(self, mod_client, django_assert_max_num_queries):
        question = QuestionFactory(tags=["pip", "promotion"])
        people = [UserFactory() for _ in range(4)]
        answers = [AnswerFactory(question=question, author=people[i % 4]) for i in range(20)]
        for i, answer in enumerate(answers):
            comment = CommentFactory(post=answer, author=people[(i + 1) % 4])
            if i % 3 == 0:
                flag(answer, reason="off-topic")
                services.content_hide(moderator=mod_client.user, item=comment, reason="x")
            if i % 4 == 0:
                services.answer_curate(moderator=mod_client.user, answer=answer, note="Good")
        services.content_hide(moderator=mod_client.user, item=answers[-1], reason="Spam")
        with django_assert_max_num_queries(14):
            response = mod_client.get(question.get_absolute_url())
        assert response.status_code == 200
        assert response.text.count('class="post post--answer') == 20
        assert response.text.count('class="comment comment--hidden"') == 7


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
