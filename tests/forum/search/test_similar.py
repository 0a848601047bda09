"""Similar questions from a title and “did you mean” (forum/search/similar.py, spelling.py), on
SQLite and PostgreSQL. Both databases must find the same questions for ordinary titles; only
PostgreSQL's trigrams forgive a typo in the title itself, so those expectations differ by
vendor."""

import pytest
from django.core.cache import cache
from django.db import connection

from forum.models import Question
from forum.search import similar, spelling
from forum.search.query import stem
from forum.selectors.search import similar_questions
from forum.services.answers import answer_accept
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, QuestionFactory
from tests.moderation.factories import moderator

POSTGRES = connection.vendor == "postgresql"
pytestmark = pytest.mark.usefixtures("ladder")


def ask(title: str, **kwargs) -> Question:
    return QuestionFactory(title=title, **kwargs)


class TestStems:
    def test_word_forms_share_a_stem(self):
        assert stem("promoted") == stem("promotion") == stem("promotions") == "promot"
        assert stem("Managers") == "manager"
        assert stem("pip") == "pip"

    def test_overlap_counts_shared_words_not_common_ones(self):
        assert similar.overlap("How do I get promoted?", "Promotions") == 1.0
        assert similar.overlap("How do I get promoted?", "How do I quit?") == 0.0


class TestSimilarQuestions:
    def test_finds_questions_sharing_the_titles_words_best_first(self):
        close = ask("How do I get promoted to senior engineer?")
        closer = ask("Promotion to senior engineer after two years")
        ask("Handling a difficult code review with a peer")
        found = similar.similar_ids("Promoted to senior engineer after two years?")
        assert found[:2] == [closer.pk, close.pk]
        assert len(found) == 2

    def test_one_shared_common_word_is_not_similar(self):
        ask("What does a staff engineer do all day at a large company?")
        assert similar.similar_ids("Should I become an engineer manager or stay technical?") == []

    def test_hidden_questions_never_appear(self):
        shown = ask("Negotiating salary after a promotion offer")
        hidden = ask("Negotiating salary after a promotion at a startup")
        contribution_hide(moderator=moderator(), contribution=hidden, reason="spam")
        assert similar.similar_ids("Negotiating my salary after a promotion") == [shown.pk]

    def test_a_question_hidden_while_cached_is_left_out_of_the_rows(self):
        question = ask("Negotiating salary after a promotion offer")
        assert [q.pk for q in similar_questions(title="Negotiating salary after promotion")] == [
            question.pk
        ]
        contribution_hide(moderator=moderator(), contribution=question, reason="spam")
        assert similar_questions(title="Negotiating salary after promotion") == []

    def test_at_most_five(self):
        for n in range(8):
            ask(f"Preparing for a promotion committee review, attempt {n}")
        assert len(similar.similar_ids("Preparing for my promotion committee review")) == 5

    def test_nothing_to_look_for(self):
        ask("How do I get promoted to senior engineer?")
        assert similar.similar_ids("") == []
        assert similar.similar_ids("how do I?") == []
        assert similar.similar_ids('") OR * NEAR(') == []

    def test_rows_carry_level_answers_and_acceptance_but_no_author(
        self, django_assert_max_num_queries
    ):
        question = ask("Surviving my first performance improvement plan", is_anonymous=True)
        answer = AnswerFactory(question=question)
        AnswerFactory(question=question)
        answer_accept(user=question.author, answer=answer)
        other = ask("My first performance improvement plan starts tomorrow")
        cache.clear()
        with django_assert_max_num_queries(2):
            rows = similar_questions(title="First performance improvement plan, what now?")
            shown = [(q.pk, q.level.name, q.answer_count, q.has_accepted) for q in rows]
        assert sorted(shown) == sorted(
            [
                (question.pk, "Mid-level engineer", 2, True),
                (other.pk, "Mid-level engineer", 0, False),
            ]
        )

    def test_a_typo_in_the_title(self):
        question = ask("How to ask for a promotion at a startup")
        found = similar.similar_ids("How to ask for a promtion at a startup")
        # Both find it by the other words; PostgreSQL also by trigrams, ranked first either way.
        assert found[:1] == [question.pk]

    def test_only_trigrams_match_a_title_whose_every_word_is_misspelt(self):
        question = ask("Negotiating compensation")
        found = similar.similar_ids("Negotiatng compensaton")
        assert found == ([question.pk] if POSTGRES else [])


class TestDidYouMean:
    def test_a_misspelt_word_becomes_a_tag_name(self):
        ask("How do I get to the next level?", tags=["promotion"])
        assert spelling.suggestion("promtion") == "promotion"

    def test_a_misspelt_word_becomes_a_title_word(self):
        ask("Working with a difficult stakeholder", tags=["people"])
        assert spelling.suggestion("stakeholdr meetings") == "stakeholder meetings"

    def test_nothing_to_correct(self):
        ask("How do I get to the next level?", tags=["promotion"])
        assert spelling.suggestion("promotion") is None
        assert spelling.suggestion("zzzzqqqq") is None
        assert spelling.suggestion("") is None
        assert spelling.suggestion("a to of") is None

    def test_hidden_titles_lend_no_words(self):
        hidden = ask("Quarterly calibrations explained", tags=["reviews"])
        contribution_hide(moderator=moderator(), contribution=hidden, reason="spam")
        cache.clear()
        assert spelling.suggestion("calibratons") is None

    def test_queries_are_bounded(self, django_assert_max_num_queries):
        ask("Working with a difficult stakeholder", tags=["people"])
        words = " ".join(f"word{n}xyz" for n in range(40))
        with django_assert_max_num_queries(2):
            spelling.suggestion(f"stakeholdr {words}")
