"""Which questions a query matches and their extracts, on SQLite and PostgreSQL alike
(forum/search/matching.py, through forum.selectors.search)."""

import pytest
from django.urls import reverse

from forum.fragments import search_rows
from forum.models import Answer, Question
from forum.search import index, matching
from forum.search.query import HIT_END, HIT_START, Segment
from forum.selectors.search import question_search
from forum.services.questions import question_edit
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

FILLER = "I have been at the company for three years and want to understand what comes next."


def ask(title: str, body: str = FILLER, **kwargs) -> Question:
    return QuestionFactory(title=title, body=body, **kwargs)


def found(query: str, **filters) -> list[int]:
    return question_search(query=query, **filters)


@pytest.mark.usefixtures("ladder")
class TestQuestionSearch:
    def test_a_title_match_ranks_above_a_body_match_and_an_answer_match(self):
        in_answer = ask("How do I ask for time away from work?")
        AnswerFactory(question=in_answer, body="Ask for a sabbatical in writing, months ahead.")
        in_body = ask("How do I ask for a long break?", body=f"{FILLER} Maybe a sabbatical.")
        in_title = ask("How do I ask for a sabbatical?")
        ask("An unrelated question about code review")
        ranked = found("sabbatical")
        assert sorted(ranked) == sorted([in_title.pk, in_body.pk, in_answer.pk])
        assert ranked[0] == in_title.pk
        assert ranked.index(in_title.pk) < ranked.index(in_body.pk) < ranked.index(in_answer.pk)

    def test_words_are_stemmed(self):
        question = ask("Passed over for promotion twice", body=f"{FILLER} I was promoted late.")
        assert found("promotions") == [question.pk]
        assert found("promoting") == [question.pk]

    def test_all_words_must_match(self):
        both = ask("My manager wants a growth plan")
        ask("My manager never replies")
        assert found("manager growth") == [both.pk]

    def test_a_phrase_matches_only_the_words_together(self):
        phrase = ask("Is a growth plan the same as a PIP?")
        apart = ask("A plan for growth before my review")
        assert sorted(found("growth plan")) == sorted([phrase.pk, apart.pk])
        assert found('"growth plan"') == [phrase.pk]

    def test_a_minus_excludes_a_word(self):
        kept = ask("Promotion at a large company")
        ask("Promotion at a startup")
        assert found("promotion -startup") == [kept.pk]

    def test_or_finds_either(self):
        burnout = ask("Dealing with burnout after a launch")
        procrastination = ask("Fighting procrastination on big tasks")
        ask("Something else entirely about reviews")
        assert sorted(found("burnout or procrastination")) == sorted(
            [burnout.pk, procrastination.pk]
        )

    @pytest.mark.parametrize(
        "query", ["sabbatical*", "^sabbatical", '"sabbatical', "(sabbatical)", "sabbatical:"]
    )
    def test_fts5_syntax_typed_by_people_neither_crashes_nor_loses_the_word(self, query):
        question = ask("Can I take a sabbatical?")
        assert found(query) == [question.pk]

    @pytest.mark.parametrize("query", ["", "   ", "!!!", "-", '""', "title:", "NEAR()"])
    def test_empty_or_punctuation_queries_find_nothing(self, query):
        ask("Can I take a sabbatical?")
        assert found(query) == []

    def test_the_level_filter(self, ladder):
        mid = ask("Sabbatical at mid level", level=ladder["mid"])
        senior = ask("Sabbatical at senior level", level=ladder["senior"])
        assert found("sabbatical", level=ladder["mid"]) == [mid.pk]
        assert found("sabbatical", level=ladder["senior"]) == [senior.pk]
        assert found("sabbatical", level=ladder["junior"]) == []

    def test_the_tag_filter(self):
        tagged = ask("Sabbatical and burnout", tags=["burnout", "leave"])
        ask("Sabbatical and promotion", tags=["promotion"])
        assert found("sabbatical", tag="leave") == [tagged.pk]
        assert found("sabbatical", tag="nonexistent") == []

    def test_hidden_questions_never_match(self):
        hidden = ask("A sabbatical question a moderator removed")
        kept = ask("A sabbatical question that stays")
        Question.objects.filter(pk=hidden.pk).update(is_hidden=True)
        index.index_question(hidden.pk)
        assert found("sabbatical") == [kept.pk]
        assert found("removed") == []

    def test_hidden_questions_never_match_even_before_a_reindex(self):
        hidden = ask("A sabbatical question a moderator removed")
        Question.objects.filter(pk=hidden.pk).update(is_hidden=True)
        assert found("sabbatical") == []

    def test_a_hidden_answers_text_stops_matching_after_reindex(self):
        question = ask("How do I take time off?")
        answer = AnswerFactory(question=question, body="Negotiate a sabbatical with your manager.")
        AnswerFactory(question=question, body="Use your annual leave in one block instead.")
        assert found("sabbatical") == [question.pk]
        Answer.objects.filter(pk=answer.pk).update(is_hidden=True)
        index.index_question(question.pk)
        assert found("sabbatical") == []
        assert found("annual leave") == [question.pk]

    def test_editing_a_question_reindexes_it(self, ladder):
        question = ask("Can I take a sabbatical?")
        question_edit(
            question=question,
            editor=question.author,
            title="Can I take unpaid leave?",
            body=FILLER,
            level=ladder["mid"],
            tags=["leave"],
        )
        assert found("sabbatical") == []
        assert found("unpaid") == [question.pk]

    def test_rebuilding_the_index_keeps_visible_questions_only(self):
        kept = ask("Can I take a sabbatical?")
        hidden = ask("Another sabbatical question")
        Question.objects.filter(pk=hidden.pk).update(is_hidden=True)
        assert index.rebuild_index() == Question.objects.visible().count()
        assert found("sabbatical") == [kept.pk]

    def test_only_the_newest_matches_are_ranked(self, monkeypatch):
        monkeypatch.setattr(matching, "CANDIDATES", 3)
        titled = [ask("Promotion promotion promotion, how?")]  # the best match, but oldest
        titled += [ask(f"A question about my promotion, take {n}") for n in range(4)]
        newest_three = [q.pk for q in titled[-3:]]
        assert sorted(found("promotion")) == sorted(newest_three)


@pytest.mark.usefixtures("ladder")
class TestSnippets:
    def test_rows_keep_the_order_of_the_ids_given(self):
        first = ask("Can I take a sabbatical?")
        second = ask("Is a sabbatical a career risk?")

        def titles(ids):
            rows = search_rows(query="sabbatical", ids=ids)
            return [int("Can I take" in row) for row in rows]

        assert titles([second.pk, first.pk]) == [0, 1]
        assert titles([first.pk, second.pk]) == [1, 0]

    def test_a_row_shows_its_highlighted_extract_and_drops_once_hidden(self):
        question = ask("How do I plan?", body="Ask for a sabbatical before the reorganisation.")
        [row] = search_rows(query="sabbatical", ids=[question.pk])
        assert "<mark>sabbatical</mark> before the reorganisation" in row
        assert "rungs:extract" not in row
        # The row is cached; the extract is per query.
        [row] = search_rows(query="reorganisation", ids=[question.pk])
        assert "<mark>reorganisation</mark>" in row
        assert "<mark>sabbatical</mark>" not in row
        moderator = UserFactory(is_moderator=True)
        contribution_hide(moderator=moderator, contribution=question, reason="spam")
        assert search_rows(query="sabbatical", ids=[question.pk]) == []

    def test_hits_carry_highlighted_segments(self):
        question = ask(
            "How do I plan my next year?",
            body="My manager suggested a sabbatical before the reorganisation next spring.",
        )
        ids = found("sabbatical")
        assert ids == [question.pk]
        segments = matching.snippets("sabbatical", ids)[question.pk]
        assert all(isinstance(segment, Segment) for segment in segments)
        marked = [segment.text for segment in segments if segment.hit]
        assert marked
        assert all("sabbatical" in text.lower() for text in marked)
        text = "".join(segment.text for segment in segments)
        assert "sabbatical before the reorganisation" in text
        assert HIT_START not in text
        assert HIT_END not in text

    def test_a_stemmed_query_highlights_the_word_as_written(self):
        ask("Stuck below senior", body="I keep asking about a promotion and hear nothing back.")
        [segments] = matching.snippets("promotions", found("promotions")).values()
        assert [s.text.lower() for s in segments if s.hit] == ["promotion"]

    def test_user_html_in_a_body_comes_back_as_plain_text(self):
        ask(
            "My request for time off was ignored",
            body="My sabbatical request said <script>alert(1)</script> and <b>bold</b> words.",
        )
        [segments] = matching.snippets("sabbatical", found("sabbatical")).values()
        text = "".join(segment.text for segment in segments)
        assert [s.text.lower() for s in segments if s.hit] == ["sabbatical"]
        assert "alert(1)" in text
        assert "&lt;" not in text  # not escaped yet: the template escapes it, exactly once
        assert "&amp;" not in text

    def test_text_that_looks_like_html_is_kept_in_snippets(self, client):
        ask(
            "Is my code review feedback fair?",
            body="My sabbatical cover said to return a List<String> or <script>alert(1) here.",
        )
        [segments] = matching.snippets("sabbatical", found("sabbatical")).values()
        text = "".join(segment.text for segment in segments)
        assert "a List<String> or <script>alert(1) here" in text
        page = client.get(reverse("forum:search"), {"q": "sabbatical"}).text
        assert "a List&lt;String&gt; or &lt;script&gt;alert(1) here" in page
        assert "<script>alert" not in page

    def test_no_ids_no_hits(self):
        assert search_rows(query="anything", ids=[]) == []
        assert matching.snippets("anything", []) == {}
