"""The web-search syntax, translated for FTS5; highlighted segments (forum/search/query.py)."""

import sqlite3
from contextlib import closing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forum.search.query import HIT_END, HIT_START, Segment, split_hits, to_fts5


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
    marked = f"before {HIT_START}hit{HIT_END} after"
    assert split_hits(marked) == [
        Segment("before ", hit=False),
        Segment("hit", hit=True),
        Segment(" after", hit=False),
    ]
    assert split_hits("") == []
