"""Follow buttons and the Following tab (forum/views/follows.py), with who may do what."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from forum.models import Follow
from forum.services.follows import follow_create
from forum.services.visibility import visibility_set
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


def follow_url(target) -> str:
    if isinstance(target, Tag):
        return reverse("forum:follow_tag", args=[target.slug])
    if hasattr(target, "title"):
        return reverse("forum:follow_question", args=[target.pk])
    return reverse("forum:follow_level", args=[target.slug])


def follows(person, **link) -> bool:
    return Follow.objects.filter(follower=person, **link).exists()


class TestTheButtonsPost:
    def test_anonymous_visitors_are_sent_to_log_in(self, client):
        question = QuestionFactory()
        response = client.post(follow_url(question))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
        assert Follow.objects.filter(question=question).count() == 1  # the asker's own

    def test_a_get_changes_nothing(self, client):
        person, question = UserFactory(), QuestionFactory()
        client.force_login(person)
        assert client.get(follow_url(question)).status_code == 405
        assert not follows(person, question=question)

    @pytest.mark.parametrize("who", ["user", "author", "other", "moderator"])
    def test_anyone_signed_in_toggles_their_own_follow(self, client, who):
        question = QuestionFactory()
        person = {
            "user": UserFactory,
            "author": lambda: question.author,
            "other": lambda: AnswerFactory(question=question).author,
            "moderator": moderator,
        }[who]()
        client.force_login(person)
        before = follows(person, question=question)
        response = client.post(follow_url(question))
        assert response.status_code == 302
        assert response.url == question.get_absolute_url()
        assert follows(person, question=question) is not before
        # and only theirs: the asker's own follow is untouched by others
        if who != "author":
            assert follows(question.author, question=question)

    def test_back_to_the_page_it_was_on_but_never_elsewhere(self, client, ladder):
        client.force_login(UserFactory())
        url = follow_url(ladder["senior"])
        here = reverse("forum:level_questions", args=["senior"]) + "?sort=votes"
        assert client.post(url, {"next": here}).url == here
        away = client.post(url, {"next": "https://evil.example/"})
        assert away.url == reverse("forum:level_questions", args=["senior"])

    def test_htmx_swaps_the_button(self, client):
        person = UserFactory()
        tag = Tag.objects.get_or_create(slug="promotion", defaults={"name": "promotion"})[0]
        client.force_login(person)
        response = client.post(follow_url(tag), headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert "<html" not in response.text
        assert 'Unfollow<span class="visually-hidden"> the tag promotion</span>' in response.text
        assert follows(person, tag=tag)

    def test_a_hidden_question_is_not_found_but_for_moderators(self, client):
        question = QuestionFactory()
        visibility_set(contribution=question, hidden=True, by=None, reason="spam")
        client.force_login(UserFactory())
        assert client.post(follow_url(question)).status_code == 404
        mod = moderator()
        client.force_login(mod)
        assert client.post(follow_url(question)).status_code == 302
        assert follows(mod, question=question)

    def test_unknown_targets_are_404(self, client):
        client.force_login(UserFactory())
        assert client.post(reverse("forum:follow_tag", args=["no-such-tag"])).status_code == 404
        assert client.post(reverse("forum:follow_level", args=["wizard"])).status_code == 404
        assert client.post(reverse("forum:follow_question", args=[999999])).status_code == 404


class TestTheButtonsShow:
    def test_on_the_question_page_for_people_signed_in(self, client):
        question = QuestionFactory()
        url = question.get_absolute_url()
        assert follow_url(question) not in client.get(url).text
        person = UserFactory()
        client.force_login(person)
        assert ">Follow<span" in client.get(url).text
        client.post(follow_url(question))
        page = client.get(url).text  # their stored copy was rebuilt
        assert ">Unfollow<span" in page
        assert "Following: you hear of new answers" in page

    def test_on_tag_and_level_lists_only(self, client, ladder):
        QuestionFactory(tags=["promotion"])
        client.force_login(UserFactory())
        tag_page = client.get(reverse("forum:tag_questions", args=["promotion"])).text
        assert follow_url(Tag.objects.get(slug="promotion")) in tag_page
        level_page = client.get(reverse("forum:level_questions", args=["mid"])).text
        assert follow_url(ladder["mid"]) in level_page
        assert "follow-form" not in client.get(reverse("forum:questions")).text

    def test_list_pages_stay_within_their_query_budget(
        self, client, ladder, django_assert_max_num_queries
    ):
        for n in range(6):
            QuestionFactory(tags=["promotion", f"topic-{n}"])
        client.force_login(UserFactory())
        url = reverse("forum:tag_questions", args=["promotion"])
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


class TestFollowingTab:
    def test_needs_a_login(self, client):
        response = client.get(reverse("forum:following"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    def test_shows_what_one_follows_the_latest_activity_first(self, client, ladder):
        person = UserFactory()
        followed = QuestionFactory(title="A question they follow")
        at_level = QuestionFactory(title="A senior question", level=ladder["senior"])
        tagged = QuestionFactory(title="A question about burnout", tags=["burnout"])
        elsewhere = QuestionFactory(title="Nothing to do with them", level=ladder["junior"])
        hidden = QuestionFactory(title="A hidden senior question", level=ladder["senior"])
        visibility_set(contribution=hidden, hidden=True, by=None, reason="spam")
        follow_create(follower=person, target=followed)
        follow_create(follower=person, target=ladder["senior"])
        follow_create(follower=person, target=Tag.objects.get(slug="burnout"))
        AnswerFactory(question=followed)  # the latest activity
        client.force_login(person)
        page = client.get(reverse("forum:following")).text
        positions = [page.find(q.title) for q in (followed, tagged, at_level)]
        assert -1 not in positions
        assert positions == sorted(positions)
        assert elsewhere.title not in page
        assert hidden.title not in page
        assert 'aria-current="page">Following</a>' in page

    def test_empty_says_how_to_start(self, client):
        client.force_login(UserFactory())
        assert "Nothing to show yet." in client.get(reverse("forum:following")).text

    def test_the_home_page_has_the_tabs_for_people_signed_in(self, client):
        assert reverse("forum:following") not in client.get(reverse("home")).text
        client.force_login(UserFactory())
        assert reverse("forum:following") in client.get(reverse("home")).text

    def test_query_budget(self, client, ladder, django_assert_max_num_queries):
        person = UserFactory()
        for n in range(10):
            question = QuestionFactory(tags=["burnout", f"t{n}"], level=ladder["senior"])
            follow_create(follower=person, target=question)
        follow_create(follower=person, target=ladder["senior"])
        follow_create(follower=person, target=Tag.objects.get(slug="burnout"))
        client.force_login(person)
        # session, user, notifications menu, then follows, questions, their tags, tags, levels
        with django_assert_max_num_queries(9):
            assert client.get(reverse("forum:following")).status_code == 200
