"""Full-text search: the web-search → FTS5 translation, the selector on the real database, the page.

The suite runs on SQLite (FTS5) and on PostgreSQL (tsvector); everything asserted here holds on
both, so ranking is only checked where the weights make it unambiguous.
"""

import sqlite3
from contextlib import closing

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from forum import search, selectors, services
from forum.fragments import search_rows
from forum.models import Answer, Question
from forum.search import Segment, split_hits, to_fts5
from moderation.services import content_hide
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

FILLER = "I have been at the company for three years and want to understand what comes next."


def ask(title: str, body: str = FILLER, **kwargs) -> Question:
    return QuestionFactory(title=title, body=body, **kwargs)


def found(query: str, **filters) -> list[int]:
    return selectors.question_search(query=query, **filters)


class TestToFts5:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("pip manager", '("pip" AND "manager")'),
            ("  pip   manager  ", '("pip" AND "manager")'),
            ('"growth plan"', '("growth plan")'),
            ('"growth plan" manager', '("growth plan" AND "manager")'),
            ("promotion -startup", '(("promotion")) NOT "startup"'),
            ('-"bad phrase" good', '(("good")) NOT "bad phrase"'),
            ("x -y -z", '((("x")) NOT "y") NOT "z"'),
            ("burnout or procrastination", '("burnout") OR ("procrastination")'),
            ("burnout OR procrastination", '("burnout") OR ("procrastination")'),
            ("x or y z", '("x") OR ("y" AND "z")'),
            ("ünïcode", '("ünïcode")'),
            ("don't", '("don t")'),
        ],
    )
    def test_web_search_syntax_translates(self, query, expected):
        assert to_fts5(query) == expected

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("x AND y", '("x" AND "y")'),
            ("x NOT y", '("x" AND "y")'),
            ("NEAR(x y)", '("NEAR x" AND "y")'),
            ("NEAR(x y, 5)", '("NEAR x" AND "y" AND "5")'),
            ("x*", '("x")'),
            ("^x", '("x")'),
            ("x + y", '("x" AND "y")'),
            ("title:pip", '("title pip")'),
            ("{title body}:pip", '("title" AND "body pip")'),
            ("body: x", '("body" AND "x")'),
            ('say "hi', '("say" AND "hi")'),
            ('x"); DROP TABLE t; --', '("x" AND "DROP" AND "TABLE" AND "t")'),
        ],
    )  # fmt: skip
    def test_fts5_operators_typed_by_people_are_only_ever_quoted_words(self, query, expected):
        assert to_fts5(query) == expected

    @pytest.mark.parametrize(
        "query",
        ["", "   ", "\n\t", "!!! ... ---", "-", "--", '"', '""', '"  "', "*", "or", "OR or"],
    )
    def test_empty_or_punctuation_only_input_gives_nothing(self, query):
        assert to_fts5(query) == ""

    def test_none_gives_nothing(self):
        assert to_fts5(None) == ""

    def test_only_exclusions_give_nothing(self):
        assert to_fts5("-startup") == ""

    def test_common_words_are_dropped_outside_phrases_like_postgresql_does(self):
        assert to_fts5("how to ask for a promotion") == '("ask" AND "promotion")'
        assert to_fts5('"plan for growth"') == '("plan for growth")'
        assert to_fts5("the and of") == ""

    @pytest.mark.parametrize(("query", "expected"), [("or x", '("x")'), ("x or", '("x")')])
    def test_a_dangling_or_is_ignored(self, query, expected):
        assert to_fts5(query) == expected


def _fts5_accepts(expression: str) -> None:
    with closing(sqlite3.connect(":memory:")) as db:
        db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, answers)")
        db.execute("INSERT INTO t VALUES ('a title', 'a body', 'some answers')")
        db.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression]).fetchall()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(['"', "-", "or", "OR", "AND", "NOT", "NEAR(", ")", "*", "^", ":"]),
        ),
        max_size=12,
    ).map(" ".join)
)
def test_any_query_translates_to_valid_fts5_or_nothing(query):
    expression = to_fts5(query)
    if expression:
        _fts5_accepts(expression)  # an FTS5 syntax error would raise sqlite3.OperationalError


def test_split_hits_turns_markers_into_segments():
    marked = f"before {search.HIT_START}hit{search.HIT_END} after"
    assert split_hits(marked) == [
        Segment("before ", hit=False),
        Segment("hit", hit=True),
        Segment(" after", hit=False),
    ]
    assert split_hits("") == []


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
        search.index_question(hidden.pk)
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
        search.index_question(question.pk)
        assert found("sabbatical") == []
        assert found("annual leave") == [question.pk]

    def test_editing_a_question_reindexes_it(self, ladder):
        question = ask("Can I take a sabbatical?")
        services.question_edit(
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
        assert search.rebuild_index() == Question.objects.visible().count()
        assert found("sabbatical") == [kept.pk]


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
        content_hide(moderator=UserFactory(is_moderator=True), item=question, reason="spam")
        assert search_rows(query="sabbatical", ids=[question.pk]) == []

    def test_hits_carry_highlighted_segments(self):
        question = ask(
            "How do I plan my next year?",
            body="My manager suggested a sabbatical before the reorganisation next spring.",
        )
        ids = found("sabbatical")
        assert ids == [question.pk]
        segments = search.snippets("sabbatical", ids)[question.pk]
        assert all(isinstance(segment, Segment) for segment in segments)
        marked = [segment.text for segment in segments if segment.hit]
        assert marked
        assert all("sabbatical" in text.lower() for text in marked)
        text = "".join(segment.text for segment in segments)
        assert "sabbatical before the reorganisation" in text
        assert search.HIT_START not in text
        assert search.HIT_END not in text

    def test_a_stemmed_query_highlights_the_word_as_written(self):
        ask("Stuck below senior", body="I keep asking about a promotion and hear nothing back.")
        [segments] = search.snippets("promotions", found("promotions")).values()
        assert [s.text.lower() for s in segments if s.hit] == ["promotion"]

    def test_user_html_in_a_body_comes_back_as_plain_text(self):
        ask(
            "My request for time off was ignored",
            body="My sabbatical request said <script>alert(1)</script> and <b>bold</b> words.",
        )
        [segments] = search.snippets("sabbatical", found("sabbatical")).values()
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
        [segments] = search.snippets("sabbatical", found("sabbatical")).values()
        text = "".join(segment.text for segment in segments)
        assert "a List<String> or <script>alert(1) here" in text
        page = client.get(reverse("forum:search"), {"q": "sabbatical"}).text
        assert "a List&lt;String&gt; or &lt;script&gt;alert(1) here" in page
        assert "<script>alert" not in page

    def test_no_ids_no_hits(self):
        assert search_rows(query="anything", ids=[]) == []
        assert search.snippets("anything", []) == {}


@pytest.mark.usefixtures("ladder")
class TestSearchPage:
    def test_an_empty_query_shows_the_tips(self, client, django_assert_max_num_queries):
        with django_assert_max_num_queries(4):
            response = client.get(reverse("forum:search"))
        assert response.status_code == 200
        assert "Search tips" in response.text
        assert "Nothing matched." not in response.text
        assert 'class="q-list"' not in response.text

    def test_a_blank_query_also_shows_the_tips(self, client):
        response = client.get(reverse("forum:search"), {"q": "   "})
        assert response.status_code == 200
        assert "Search tips" in response.text

    def test_results_link_to_the_questions(self, client):
        question = ask("Can I take a break?", body=f"{FILLER} I am thinking of a sabbatical.")
        ask("Something unrelated about code review")
        response = client.get(reverse("forum:search"), {"q": "sabbatical"})
        assert response.status_code == 200
        assert "1 result for “sabbatical”." in response.text
        assert f'href="{question.get_absolute_url()}"' in response.text
        assert "<mark>sabbatical</mark>" in response.text
        assert "Search tips" not in response.text

    def test_nothing_matched(self, client):
        response = client.get(reverse("forum:search"), {"q": "xylophone"})
        assert response.status_code == 200
        assert "0 results for “xylophone”." in response.text
        assert "Nothing matched." in response.text

    def test_user_html_is_escaped_on_the_results_page(self, client):
        ask(
            "My request for time off was ignored",
            body="My sabbatical request said <script>alert(1)</script> and more.",
        )
        response = client.get(reverse("forum:search"), {"q": "sabbatical"})
        assert "1 result for" in response.text
        assert "<mark>sabbatical</mark> request said" in response.text
        assert "alert(1)" in response.text
        assert "<script>alert" not in response.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text

    def test_html_in_the_query_is_escaped(self, client):
        ask("Can I take a sabbatical?")
        response = client.get(reverse("forum:search"), {"q": "<script>alert(1)</script>"})
        assert response.status_code == 200
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
        assert "<script>alert" not in response.text

    def test_level_and_tag_filters(self, client, ladder):
        mid = ask("Sabbatical at mid level", level=ladder["mid"], tags=["leave"])
        senior = ask("Sabbatical at senior level", level=ladder["senior"], tags=["leave"])
        other = ask("Sabbatical with another tag", level=ladder["senior"], tags=["burnout"])
        url = reverse("forum:search")

        by_level = client.get(url, {"q": "sabbatical", "level": "senior"}).text
        assert "2 results for" in by_level
        assert senior.get_absolute_url() in by_level
        assert other.get_absolute_url() in by_level
        assert mid.get_absolute_url() not in by_level

        both = client.get(url, {"q": "sabbatical", "level": "senior", "tag": "leave"}).text
        assert "1 result for" in both
        assert senior.get_absolute_url() in both
        assert other.get_absolute_url() not in both

    def test_an_unknown_level_is_a_form_error_not_a_crash(self, client):
        response = client.get(reverse("forum:search"), {"q": "sabbatical", "level": "wizard"})
        assert response.status_code == 200
        assert "Select a valid choice." in response.text

    def test_pagination(self, client):
        questions = [ask(f"Sabbatical question number {n}") for n in range(22)]
        url = reverse("forum:search")
        first = client.get(url, {"q": "sabbatical"}).text
        second = client.get(url, {"q": "sabbatical", "page": "2"}).text
        beyond = client.get(url, {"q": "sabbatical", "page": "99"}).text
        assert "22 results for" in first
        assert "Page 1 of 2" in first
        assert "Page 2 of 2" in second
        assert "Page 2 of 2" in beyond  # past the end: the last page
        assert 'rel="next" href="/search/?q=sabbatical&amp;page=2"' in first

        def listed(html):
            return {q.pk for q in questions if q.get_absolute_url() in html}

        assert len(listed(first)) == 20
        assert len(listed(second)) == 2
        assert listed(first) | listed(second) == {q.pk for q in questions}

    @pytest.mark.parametrize("count", [3, 25])
    def test_a_results_page_is_a_fixed_number_of_queries(
        self, client, django_assert_max_num_queries, count
    ):
        for n in range(count):
            AnswerFactory(question=ask(f"Sabbatical question number {n}", tags=["leave", "pip"]))
        client.force_login(UserFactory())
        with django_assert_max_num_queries(10):
            response = client.get(reverse("forum:search"), {"q": "sabbatical", "tag": "leave"})
        assert f"{count} results for" in response.text


@pytest.mark.usefixtures("ladder")
class TestIndexUpkeep:
    """The stored entry is always what a rebuild would store, whichever write made it."""

    def test_posting_answers_appends_what_a_rebuild_would_build(self):
        question = ask("How do I prepare for a calibration meeting?")
        for body in ("Bring **evidence**: links to designs.", "Ask your manager for a dry run."):
            AnswerFactory(question=question, body=body)
        assert search.stored_document(question.pk) == search.fresh_document(question.pk)
        assert found("calibration evidence") == [question.pk]

    def test_edits_hides_and_restores_rebuild_the_entry(self):
        question = ask("What does ownership look like at mid level?")
        kept = AnswerFactory(question=question, body="Own one service end to end.")
        gone = AnswerFactory(question=question, body="Volunteer for the pager rotation.")
        services.visibility_set(item=gone, hidden=True, by=None, reason="spam")
        assert search.stored_document(question.pk) == search.fresh_document(question.pk)
        assert found("pager rotation") == []
        services.answer_edit(answer=kept, editor=kept.author, body="Own two services.")
        assert search.stored_document(question.pk) == search.fresh_document(question.pk)
        services.visibility_set(item=gone, hidden=False, by=None, reason="")
        assert found("pager rotation") == [question.pk]
        assert search.stored_document(question.pk) == search.fresh_document(question.pk)

    def test_markup_is_not_searchable_only_the_words(self):
        question = ask(
            "Where do I keep notes for my review?",
            body="Use a [shared doc](https://example.com/strong-notes) and **bold** headings.",
        )
        assert found("shared doc") == [question.pk]
        assert found("href") == []
        assert found("strong") == []

    def test_a_rebuild_stores_the_same_entries(self):
        question = ask("Is a lateral move a step back?")
        AnswerFactory(question=question, body="Not if you gain scope.")
        before = search.stored_document(question.pk)
        assert search.rebuild_index(batch_size=1) == Question.objects.visible().count()
        assert search.stored_document(question.pk) == before


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_outside_a_transaction_shares_the_work_between_connections(ladder):
    """PostgreSQL rebuilds on two connections at once (threads); the result is the same."""
    questions = [ask(f"Question number {n} about calibration") for n in range(5)]
    AnswerFactory(question=questions[0], body="Bring evidence to the calibration.")
    before = {q.pk: search.stored_document(q.pk) for q in questions}
    assert search.rebuild_index(batch_size=1) == 5
    assert {q.pk: search.stored_document(q.pk) for q in questions} == before
    assert found("calibration evidence") == [questions[0].pk]
