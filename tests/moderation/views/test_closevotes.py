"""Members' close and reopen votes through the site (moderation/views/closevotes.py)."""

import pytest
from django.test import Client

from moderation.models import VOTES_TO_CLOSE, CloseVote
from moderation.services.closevotes import close_vote_cast
from moderation.services.people import user_suspend
from moderation.services.questions import question_close
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import fresh, moderator
from tests.moderation.support import follow_messages, url

pytestmark = pytest.mark.usefixtures("ladder")

ROLES = ("anonymous", "user", "author", "other", "close-vote holder", "moderator", "suspended")


def browser_for(role: str, question) -> tuple[Client, object]:
    people = {
        "user": lambda: UserFactory(),
        "author": lambda: question.author,
        "other": lambda: AnswerFactory(question=question).author,
        "close-vote holder": lambda: UserFactory(reputation=500),
        "moderator": moderator,
        "suspended": lambda: UserFactory(reputation=500),
    }
    browser = Client()
    if role == "anonymous":
        return browser, None
    person = people[role]()
    if role == "suspended":
        user_suspend(moderator=moderator(), user=person, days=2, reason="Abuse")
    browser.force_login(person)
    return browser, person


class TestPermissionMatrix:
    @pytest.mark.parametrize(
        ("role", "expected"),
        list(zip(ROLES, [302, 403, 403, 403, 302, 403, 403], strict=True)),
    )
    def test_vote_to_close(self, role, expected):
        question = QuestionFactory()
        browser, _person = browser_for(role, question)
        response = browser.post(url("close_vote", question.pk), {"reason": "off-topic"})
        assert response.status_code == expected
        if role == "anonymous":
            assert "/accounts/login/" in response["Location"]
        assert CloseVote.objects.exists() == (role == "close-vote holder")

    def test_the_asker_with_the_privilege_may_vote_on_their_own(self):
        question = QuestionFactory(author=UserFactory(reputation=500))
        browser, _ = browser_for("author", question)
        assert (
            browser.post(url("close_vote", question.pk), {"reason": "off-topic"}).status_code == 302
        )
        assert CloseVote.objects.filter(voter=question.author).exists()

    @pytest.mark.parametrize(
        ("role", "expected"),
        list(zip(ROLES, [302, 403, 403, 403, 302, 403, 403], strict=True)),
    )
    def test_vote_to_reopen(self, role, expected):
        question = QuestionFactory()
        question_close(moderator=moderator(), question=question, reason="off-topic")
        browser, _ = browser_for(role, question)
        response = browser.post(url("reopen_vote", question.pk))
        assert response.status_code == expected
        assert CloseVote.objects.filter(kind="reopen").exists() == (role == "close-vote holder")

    @pytest.mark.parametrize("role", ROLES)
    def test_retract_takes_back_only_ones_own_vote(self, role):
        question = QuestionFactory()
        holder = UserFactory(reputation=500)
        close_vote_cast(voter=holder, question=question, reason="off-topic")
        browser, _person = browser_for(role, question)
        if role == "close-vote holder":
            browser.force_login(holder)
        response = browser.post(url("retract_vote", question.pk))
        assert response.status_code == {"anonymous": 302, "suspended": 403}.get(role, 302)
        retracted = CloseVote.objects.filter(retracted_at__isnull=False).exists()
        assert retracted == (role == "close-vote holder")


class TestOnTheQuestionPage:
    def test_voters_see_the_count_and_three_votes_close(self, client):
        question = QuestionFactory()
        close_vote_cast(voter=UserFactory(reputation=500), question=question, reason="off-topic")
        close_vote_cast(voter=UserFactory(reputation=500), question=question, reason="off-topic")
        client.force_login(UserFactory(reputation=600))
        html = client.get(question.get_absolute_url()).text
        assert f"2 of {VOTES_TO_CLOSE} close votes" in html
        assert 'id="vote_duplicate_of"' in html  # the same picker as moderators'
        response = client.post(url("close_vote", question.pk), {"reason": "off-topic"})
        assert "3 votes: the question is closed." in follow_messages(client, response)
        assert fresh(question).is_closed

    def test_moderators_see_the_count_and_plain_members_do_not(self, client, mod_client):
        question = QuestionFactory()
        close_vote_cast(voter=UserFactory(reputation=500), question=question, reason="off-topic")
        assert "1 of 3 close votes from members" in mod_client.get(question.get_absolute_url()).text
        client.force_login(UserFactory())
        assert "close votes" not in client.get(question.get_absolute_url()).text

    def test_a_suspended_member_gets_no_voting_panel(self, client):
        """The panel asks the same rules as the votes (moderation/rules.py): a suspended member
        with the privilege is not offered buttons that would refuse them."""
        question = QuestionFactory()
        person = UserFactory(reputation=500)
        user_suspend(moderator=moderator(), user=person, days=2, reason="Abuse")
        client.force_login(person)
        assert "close votes" not in client.get(question.get_absolute_url()).text

    def test_a_voter_sees_their_vote_and_takes_it_back(self, client):
        question = QuestionFactory()
        voter = UserFactory(reputation=500)
        close_vote_cast(voter=voter, question=question, reason="off-topic")
        client.force_login(voter)
        html = client.get(question.get_absolute_url()).text
        assert "You voted to close." in html
        response = client.post(url("retract_vote", question.pk))
        assert "Your vote is taken back." in follow_messages(client, response)
        assert f"0 of {VOTES_TO_CLOSE} close votes" in client.get(question.get_absolute_url()).text

    def test_voting_twice_is_a_message_not_a_second_vote(self, client):
        question = QuestionFactory()
        voter = UserFactory(reputation=500)
        client.force_login(voter)
        client.post(url("close_vote", question.pk), {"reason": "off-topic"})
        response = client.post(url("close_vote", question.pk), {"reason": "off-topic"})
        assert response.status_code == 302
        assert CloseVote.objects.count() == 1

    def test_a_duplicate_vote_without_js_gets_the_results_step(self, client):
        original = QuestionFactory(title="How do I negotiate a promotion after a reorganisation?")
        question = QuestionFactory(title="Negotiating my promotion after a reorganisation")
        client.force_login(UserFactory(reputation=500))
        response = client.post(
            url("close_vote", question.pk),
            {"reason": "duplicate", "duplicate_of": "promotion reorganisation"},
        )
        assert response.status_code == 400
        assert f'name="original" value="{original.pk}"' in response.text
        assert "Vote to close" in response.text
        response = client.post(
            url("close_vote", question.pk),
            {"reason": "duplicate", "duplicate_of": "x", "original": str(original.pk)},
        )
        assert response.status_code == 302
        assert CloseVote.objects.get().duplicate_of == original

    @pytest.mark.parametrize(
        "data",
        [{}, {"reason": "boring"}, {"reason": "duplicate", "original": "-3"},
         {"reason": "duplicate", "duplicate_of": "x" * 400}],
    )  # fmt: skip
    def test_hostile_input_is_a_form_error(self, client, data):
        question = QuestionFactory()
        client.force_login(UserFactory(reputation=500))
        assert client.post(url("close_vote", question.pk), data).status_code == 400
        assert not CloseVote.objects.exists()

    def test_question_page_queries_for_a_voter_stay_flat(
        self, client, django_assert_max_num_queries
    ):
        question = QuestionFactory()
        client.force_login(UserFactory(reputation=500))
        with django_assert_max_num_queries(12) as few:
            assert client.get(question.get_absolute_url()).status_code == 200
        AnswerFactory(question=question)
        for _ in range(VOTES_TO_CLOSE - 1):
            close_vote_cast(
                voter=UserFactory(reputation=500), question=question, reason="off-topic"
            )
        with django_assert_max_num_queries(len(few.captured_queries) + 1):
            assert client.get(question.get_absolute_url()).status_code == 200
