"""Badges awarded where things happen, and by the backfill (forum/services/badges.py), by the
rules of forum/badges.py."""

import io

import pytest
from django.core.management import call_command

from forum import badges as rules
from forum.models import Badge, BadgeAward
from forum.services import badges
from forum.services.answers import answer_accept
from forum.services.badges import badges_backfill
from forum.services.votes import vote_cast
from moderation.services.curation import answer_curate
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


def held(user) -> set[str]:
    return set(BadgeAward.objects.filter(user=user).values_list("badge", flat=True))


def upvote(post, times: int) -> None:
    for _ in range(times):
        vote_cast(user=UserFactory(reputation=5000), post=post, value=1)


class TestLiveAwards:
    def test_first_accepted_answer(self):
        answer = AnswerFactory()
        answer_accept(user=answer.question.author, answer=answer)
        award = BadgeAward.objects.get(user=answer.author)
        assert (award.badge, award.answer_id, award.question_id) == (
            Badge.ACCEPTED_ANSWER,
            answer.pk,
            None,
        )
        second = AnswerFactory(author=answer.author)
        answer_accept(user=second.question.author, answer=second)
        assert BadgeAward.objects.filter(user=answer.author).count() == 1  # held once

    def test_accepting_your_own_answer_earns_no_badge(self):
        question = QuestionFactory()
        own = AnswerFactory(question=question, author=question.author)
        answer_accept(user=question.author, answer=own)
        assert held(question.author) == set()

    def test_good_question_at_a_score_of_five(self):
        question = QuestionFactory()
        upvote(question, rules.GOOD_QUESTION_SCORE - 1)
        assert held(question.author) == set()
        upvote(question, 1)
        assert held(question.author) == {Badge.GOOD_QUESTION}

    def test_good_answer_at_a_score_of_five(self, ladder):
        answer = AnswerFactory(question=QuestionFactory(level=ladder["junior"]))
        upvote(answer, rules.GOOD_ANSWER_SCORE)
        assert held(answer.author) == {Badge.GOOD_ANSWER}

    def test_a_badge_is_kept_when_the_votes_go(self):
        question = QuestionFactory()
        voters = [UserFactory(reputation=5000) for _ in range(rules.GOOD_QUESTION_SCORE)]
        for voter in voters:
            vote_cast(user=voter, post=question, value=1)
        vote_cast(user=voters[0], post=question, value=1)  # retracted
        assert held(question.author) == {Badge.GOOD_QUESTION}

    def test_curated_answer(self):
        answer = AnswerFactory()
        answer_curate(moderator=moderator(), answer=answer, note="Clear and kind.")
        assert held(answer.author) == {Badge.CURATED_ANSWER}

    def test_answered_ten_questions(self):
        person = UserFactory()
        question = QuestionFactory()
        for _ in range(3):  # answers on one question count once
            AnswerFactory(author=person, question=question)
        for _ in range(rules.ANSWERED_QUESTIONS - 2):
            AnswerFactory(author=person)
        assert held(person) == set()
        AnswerFactory(author=person)
        assert held(person) == {Badge.TEN_ANSWERS}


class TestHelpedAtTheNextLevel:
    @pytest.mark.parametrize(
        ("band", "level", "earns"),
        [
            ("junior", "mid", True),
            ("junior", "senior", True),
            ("mid", "senior", True),
            ("mid", "mid", False),
            ("senior", "mid", False),
            ("senior", "senior", False),
            ("staff", "senior", False),
            ("", "senior", False),  # no band: above nothing
        ],
    )
    def test_an_accepted_answer_above_your_band(self, ladder, band, level, earns):
        answer = AnswerFactory(
            author=UserFactory(band=band), question=QuestionFactory(level=ladder[level])
        )
        answer_accept(user=answer.question.author, answer=answer)
        assert (Badge.NEXT_LEVEL in held(answer.author)) is earns

    def test_or_a_score_of_three(self, ladder):
        answer = AnswerFactory(
            author=UserFactory(band="mid"), question=QuestionFactory(level=ladder["senior"])
        )
        upvote(answer, rules.NEXT_LEVEL_SCORE - 1)
        assert held(answer.author) == set()
        upvote(answer, 1)
        assert held(answer.author) == {Badge.NEXT_LEVEL}

    def test_the_band_when_answering_counts_not_a_later_one(self, ladder):
        person = UserFactory(band="senior")
        answer = AnswerFactory(author=person, question=QuestionFactory(level=ladder["senior"]))
        person.band = "junior"  # a later change of band does not rewrite history
        person.save(update_fields=["band"])
        answer_accept(user=answer.question.author, answer=answer)
        assert Badge.NEXT_LEVEL not in held(person)


class TestAnonymousPostsEarnNothing:
    def test_live(self, ladder):
        question = QuestionFactory(is_anonymous=True)
        upvote(question, rules.GOOD_QUESTION_SCORE)
        answer = AnswerFactory(
            is_anonymous=True,
            author=UserFactory(band="junior"),
            question=QuestionFactory(level=ladder["senior"]),
        )
        upvote(answer, rules.GOOD_ANSWER_SCORE)
        answer_accept(user=answer.question.author, answer=answer)
        answer_curate(moderator=moderator(), answer=answer, note="Good.")
        person = UserFactory()
        for _ in range(rules.ANSWERED_QUESTIONS):
            AnswerFactory(author=person, is_anonymous=True)
        assert BadgeAward.objects.count() == 0
        assert badges_backfill() == 0


def test_the_backfill_awards_what_was_earned_before_badges_existed(ladder):
    answer = AnswerFactory(author=UserFactory(band="junior"))
    question = QuestionFactory()
    answer_accept(user=answer.question.author, answer=answer)
    upvote(question, rules.GOOD_QUESTION_SCORE)
    expected = set(BadgeAward.objects.values_list("user", "badge", "answer", "question"))
    BadgeAward.objects.all().delete()
    call_command("award_badges", stdout=io.StringIO())
    assert set(BadgeAward.objects.values_list("user", "badge", "answer", "question")) == expected
    assert badges_backfill() == 0  # idempotent
    assert held(answer.author) == {Badge.ACCEPTED_ANSWER, Badge.NEXT_LEVEL}


def test_a_vote_on_someone_holding_the_badges_costs_one_query(django_assert_num_queries):
    question = QuestionFactory()
    upvote(question, rules.GOOD_QUESTION_SCORE)
    on_vote = badges.on_vote("question", rules.GOOD_QUESTION_SCORE)
    assert on_vote == (Badge.GOOD_QUESTION,)
    with django_assert_num_queries(1):
        badges.badges_check(user_id=question.author.pk, badges=on_vote)


def test_a_vote_below_every_threshold_asks_nothing(django_assert_num_queries):
    assert badges.on_vote("question", rules.GOOD_QUESTION_SCORE - 1) == ()
    assert badges.on_vote("answer", rules.NEXT_LEVEL_SCORE - 1) == ()
    assert badges.on_vote("answer", rules.NEXT_LEVEL_SCORE) == (Badge.NEXT_LEVEL,)
    author = QuestionFactory().author
    with django_assert_num_queries(0):
        badges.badges_check(user_id=author.pk, badges=())
