"""A person's posts, reputation history and badges as their profile shows them
(forum/selectors/people.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum import reputation
from forum.models import Answer, Badge, Vote
from forum.selectors import people
from forum.selectors.personal import personal_data
from forum.services.answers import answer_accept, answer_unaccept
from forum.services.votes import vote_cast
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


def voter():
    # Enough reputation for any vote, whatever accounts/privileges.py asks of downvoters.
    return UserFactory(reputation=5000)


def all_changes(person, viewer=None):
    changes, number = [], 1
    while True:
        history = people.reputation_history(person=person, viewer=viewer, number=number)
        changes += history.page.items
        if not history.page.has_next:
            return changes
        number += 1


class TestReputationHistory:
    def test_it_sums_to_the_reputation_after_votes_retractions_and_accepts(self):
        person = UserFactory()
        question = QuestionFactory(author=person)
        anonymous_question = QuestionFactory(author=person, is_anonymous=True)
        answers = [AnswerFactory(author=person) for _ in range(3)]
        anonymous_answer = AnswerFactory(author=person, is_anonymous=True)
        own_answer = AnswerFactory(author=person, question=question)  # self-accept earns nothing
        voters = [voter() for _ in range(12)]
        for i, someone in enumerate(voters):
            vote_cast(user=someone, post=question, value=1 if i % 3 else -1)
            vote_cast(user=someone, post=answers[i % 3], value=1 if i % 4 else -1)
            vote_cast(user=someone, post=anonymous_question, value=1)
            vote_cast(user=someone, post=anonymous_answer, value=1)
        vote_cast(user=voters[0], post=answers[0], value=-1)  # again: retracted
        vote_cast(user=voters[1], post=question, value=-1)  # switched from up to down
        vote_cast(user=voters[2], post=own_answer, value=1)
        answer_accept(user=answers[0].question.author, answer=answers[0])
        answer_accept(user=answers[1].question.author, answer=answers[1])
        answer_unaccept(user=answers[1].question.author, answer=answers[1])  # taken back
        answer_accept(user=question.author, answer=own_answer)
        answer_accept(user=anonymous_answer.question.author, answer=anonymous_answer)

        person.refresh_from_db()
        changes = all_changes(person)
        assert len(changes) > people.PER_PAGE  # more than one page
        assert sum(change.points for change in changes) == person.reputation
        assert person.reputation == reputation.recount()[person.pk]
        reasons = {change.reason for change in changes}
        assert {
            "Question upvoted",
            "Answer upvoted",
            "Question downvoted",
            "Answer downvoted",
            "Vote on answer retracted",
            people.ACCEPTED_REASON,
        } <= reasons
        assert [c.reason for c in changes].count(people.ACCEPTED_REASON) == 1
        # Nothing from the anonymous posts: no change links to them.
        linked = {change.post.pk for change in changes if change.post is not None}
        assert anonymous_answer.pk not in linked
        assert all(c.title != anonymous_question.title for c in changes)

    def test_newest_first_grouped_by_day(self):
        person = UserFactory()
        answer = AnswerFactory(author=person)
        old, new = voter(), voter()
        vote_cast(user=old, post=answer, value=1)
        vote_cast(user=new, post=answer, value=1)
        Vote.objects.filter(user=old).update(updated_at=timezone.now() - timedelta(days=3))
        answer_accept(user=answer.question.author, answer=answer)
        history = people.reputation_history(person=person, viewer=None)
        assert [day.total for day in history.days] == [25, 10]
        assert [c.reason for c in history.days[0].changes] == [
            people.ACCEPTED_REASON,
            "Answer upvoted",
        ]
        assert history.days[0].day > history.days[1].day

    def test_hidden_posts_have_no_title_or_link_except_for_moderators(self):
        person = UserFactory()
        answer = AnswerFactory(author=person)
        vote_cast(user=voter(), post=answer, value=1)
        contribution_hide(moderator=moderator(), contribution=answer, reason="Spam")
        (change,) = people.reputation_history(person=person, viewer=person).page.items
        assert change.points == 10
        assert change.post is None
        (change,) = people.reputation_history(person=person, viewer=moderator()).page.items
        assert change.post.pk == answer.pk

    def test_accepts_from_before_accepted_at_was_kept_use_the_answers_date(self):
        person = UserFactory()
        answer = AnswerFactory(author=person)
        answer_accept(user=answer.question.author, answer=answer)
        Answer.objects.filter(pk=answer.pk).update(accepted_at=None)
        (change,) = people.reputation_history(person=person, viewer=None).page.items
        assert change.when == Answer.objects.get(pk=answer.pk).created_at

    def test_three_queries_whatever_the_size(self, django_assert_num_queries):
        person = UserFactory()
        for _ in range(5):
            answer = AnswerFactory(author=person)
            vote_cast(user=voter(), post=answer, value=1)
            vote_cast(user=voter(), post=QuestionFactory(author=person), value=1)
        with django_assert_num_queries(3):
            people.reputation_history(person=person, viewer=None)


class TestProfilePosts:
    def test_anonymous_posts_only_to_their_author_hidden_only_to_moderators(self):
        person = UserFactory()
        signed = QuestionFactory(author=person)
        anonymous = QuestionFactory(author=person, is_anonymous=True)
        hidden = QuestionFactory(author=person)
        mod = moderator()
        contribution_hide(moderator=mod, contribution=hidden, reason="Spam")
        seen = {
            "stranger": people.profile_questions(person=person, viewer=UserFactory()),
            "anonymous": people.profile_questions(person=person, viewer=None),
            "owner": people.profile_questions(person=person, viewer=person),
            "moderator": people.profile_questions(person=person, viewer=mod),
        }
        ids = {who: {q.pk for q in page.items} for who, page in seen.items()}
        assert ids["stranger"] == ids["anonymous"] == {signed.pk}
        assert ids["owner"] == {signed.pk, anonymous.pk}
        assert ids["moderator"] == {signed.pk, hidden.pk}

    def test_pages_of_twenty(self):
        person = UserFactory()
        question = QuestionFactory()
        for _ in range(people.PER_PAGE + 1):
            AnswerFactory(author=person, question=question)
        first = people.profile_answers(person=person, viewer=None)
        second = people.profile_answers(person=person, viewer=None, number=2)
        assert len(first.items) == people.PER_PAGE
        assert first.has_next
        assert len(second.items) == 1
        assert not second.has_next


def test_badge_list_counts_holders():
    AnswerFactory()
    answer = AnswerFactory()
    answer_accept(user=answer.question.author, answer=answer)
    counts = {info.badge: info.holders for info in people.badge_list()}
    assert counts[Badge.ACCEPTED_ANSWER] == 1
    assert set(counts) == set(Badge)
    assert [b.badge for b in people.person_badges(person=answer.author)] == [Badge.ACCEPTED_ANSWER]


def test_the_data_export_lists_badges_and_accept_dates():
    answer = AnswerFactory()
    answer_accept(user=answer.question.author, answer=answer)
    data = personal_data(person=answer.author)
    assert [(b["badge"], b["for_answer_id"]) for b in data["badges"]] == [
        (Badge.ACCEPTED_ANSWER, answer.pk)
    ]
    assert data["answers"][0]["accepted_at"] is not None
