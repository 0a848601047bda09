"""Topic tags: one lower-case slug per idea, checked before anything is stored."""

import pytest

from forum.forms import QuestionForm
from forum.tags import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    TagError,
    normalise_tag,
    parse_tags,
    tags_being_typed,
)


class TestNormaliseTag:
    @pytest.mark.parametrize(
        ("raw", "tag"),
        [
            ("PIP", "pip"),
            ("  Pip ", "pip"),
            ("Performance Review", "performance-review"),
            ("career_growth", "career-growth"),
            ("career__growth", "career-growth"),
            ("  Career_Growth  ", "career-growth"),
            ("on call\trotation", "on-call-rotation"),
            ("-pip-", "pip"),
            ("_pip_", "pip"),
            ("l4", "l4"),
            ("2026-review", "2026-review"),
        ],
    )
    def test_lower_cases_and_turns_spaces_and_underscores_into_hyphens(self, raw, tag):
        assert normalise_tag(raw) == tag

    @pytest.mark.parametrize(
        ("raw", "message"),
        [
            ("c++", "“c++”: tags use letters, digits and single hyphens only."),
            ("node.js", "“node.js”: tags use letters, digits and single hyphens only."),
            ("ü", "“ü”: tags use letters, digits and single hyphens only."),
            ("Über", "“über”: tags use letters, digits and single hyphens only."),
            ("<b>", "“<b>”: tags use letters, digits and single hyphens only."),
            ("C#", "“c#”: tags use letters, digits and single hyphens only."),
            ("a--b", "“a--b”: tags use letters, digits and single hyphens only."),
            ("a - b", "“a---b”: tags use letters, digits and single hyphens only."),
        ],
    )
    def test_odd_characters_are_refused_with_a_clear_message(self, raw, message):
        with pytest.raises(TagError) as error:
            normalise_tag(raw)
        assert str(error.value) == message

    @pytest.mark.parametrize("raw", ["", "   ", "-", "__", " - "])
    def test_nothing_is_not_a_tag(self, raw):
        with pytest.raises(TagError, match=r"^Tags cannot be empty\.$"):
            normalise_tag(raw)

    def test_thirty_characters_is_the_longest_tag(self):
        assert MAX_TAG_LENGTH == 30
        assert normalise_tag("x" * 30) == "x" * 30
        assert normalise_tag("X" * 30 + "  ") == "x" * 30

    def test_thirty_one_characters_is_too_long(self):
        with pytest.raises(TagError) as error:
            normalise_tag("x" * 31)
        assert str(error.value) == f"“{'x' * 31}” is too long: tags have at most 30 characters."

    def test_a_very_long_tag_is_quoted_only_in_part(self):
        with pytest.raises(TagError) as error:
            normalise_tag("y" * 200)
        assert str(error.value) == f"“{'y' * 40}” is too long: tags have at most 30 characters."

    def test_a_tag_error_is_a_value_error(self):
        assert issubclass(TagError, ValueError)


class TestParseTags:
    @pytest.mark.parametrize(
        ("text", "tags"),
        [
            ("pip promotion   burnout", ["pip", "promotion", "burnout"]),
            ("pip\npromotion\tburnout", ["pip", "promotion", "burnout"]),
            ("pip,promotion,burnout", ["pip", "promotion", "burnout"]),
            ("pip ,\n promotion", ["pip", "promotion"]),
            ("pip,,promotion", ["pip", "promotion"]),
            ("career_growth on_call", ["career-growth", "on-call"]),
            ("  PIP  ", ["pip"]),
            ("a,-,b", ["a", "b"]),
        ],
    )
    def test_commas_or_whitespace_separate_tags_in_the_order_given(self, text, tags):
        assert parse_tags(text) == tags

    def test_without_a_comma_two_words_are_two_tags(self):
        assert parse_tags("Performance Review") == ["performance", "review"]

    def test_once_there_is_a_comma_spaces_join_the_words_of_one_tag(self):
        assert parse_tags("pip, growth  plan") == ["pip", "growth-plan"]
        assert parse_tags("Performance Review, PIP") == ["performance-review", "pip"]

    def test_repeats_are_dropped_keeping_the_first(self):
        assert parse_tags("pip, PIP, Pip, promotion, pip_, -pip") == ["pip", "promotion"]
        assert parse_tags("pip PIP promotion Pip") == ["pip", "promotion"]

    def test_repeats_do_not_count_against_the_limit(self):
        assert parse_tags("a b c d e a b c d e") == ["a", "b", "c", "d", "e"]

    @pytest.mark.parametrize("text", ["", "   ", ",,,", " , - _ ", None])
    def test_no_tags_are_refused(self, text):
        with pytest.raises(TagError) as error:
            parse_tags(text)
        assert str(error.value) == "Add at least one tag, such as pip, promotion or burnout."

    def test_five_tags_are_allowed(self):
        assert MAX_TAGS == 5
        assert parse_tags("a, b, c, d, e") == ["a", "b", "c", "d", "e"]

    @pytest.mark.parametrize("text", ["a, b, c, d, e, f", "a b c d e f", "A b c d e f a"])
    def test_six_tags_are_refused(self, text):
        with pytest.raises(TagError) as error:
            parse_tags(text)
        assert str(error.value) == "Use at most 5 tags; you gave 6."

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("pip, c++", "“c++”: tags use letters, digits and single hyphens only."),
            ("node.js promotion", "“node.js”: tags use letters, digits and single hyphens only."),
            ("pip ü", "“ü”: tags use letters, digits and single hyphens only."),
            ("<b>", "“<b>”: tags use letters, digits and single hyphens only."),
            ("<script>alert(1)</script>", "“<script>alert(1)</script>”: tags use letters, "
             "digits and single hyphens only."),
        ],
    )  # fmt: skip
    def test_one_odd_tag_refuses_the_whole_list(self, text, message):
        with pytest.raises(TagError) as error:
            parse_tags(text)
        assert str(error.value) == message

    def test_a_tag_over_thirty_characters_refuses_the_list(self):
        with pytest.raises(TagError, match="is too long: tags have at most 30 characters"):
            parse_tags("pip " + "z" * 31)
        with pytest.raises(TagError, match="is too long: tags have at most 30 characters"):
            parse_tags("pip, a much too long tag with many many words")


class TestTheAskForm:
    """The form turns a TagError into a field error with the same message."""

    def test_the_tags_field_shows_the_tag_error(self, ladder):
        form = QuestionForm(
            data={
                "title": "How do I prepare for a promotion case?",
                "body": "My manager says I am close to senior. What should the case contain?",
                "level": "mid",
                "tags": "promotion, node.js",
            }
        )
        assert not form.is_valid()
        assert form.errors["tags"] == [
            "“node.js”: tags use letters, digits and single hyphens only."
        ]

    def test_the_tags_field_cleans_to_the_parsed_list(self, ladder):
        form = QuestionForm(
            data={
                "title": "How do I prepare for a promotion case?",
                "body": "My manager says I am close to senior. What should the case contain?",
                "level": "mid",
                "tags": "Promotion, career growth, promotion",
            }
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["tags"] == ["promotion", "career-growth"]


class TestTagsBeingTyped:
    @pytest.mark.parametrize(
        ("text", "head", "last", "done"),
        [
            ("", "", "", ()),
            ("pi", "", "pi", ()),
            ("PIP ", "PIP ", "", ("pip",)),
            ("pip man", "pip ", "man", ("pip",)),
            ("pip, growth pl", "pip, ", "growth-pl", ("pip",)),
            ("pip,", "pip, ", "", ("pip",)),
            ("c++, pr", "c++, ", "pr", ()),
            ("pip pip pro", "pip pip ", "pro", ("pip",)),
        ],
    )
    def test_splits_where_the_person_is_typing(self, text, head, last, done):
        typing = tags_being_typed(text)
        assert (typing.head, typing.last, typing.done) == (head, last, done)

    def test_completing_the_field_gives_what_parse_tags_reads(self):
        typing = tags_being_typed("PIP, growth pl")
        assert parse_tags(typing.head + "growth-plan") == ["pip", "growth-plan"]
