"""The most hostile markdown we know of (bench/markdown_inputs.py) still comes out as safe,
well-formed HTML that keeps what was written. How fast is the benchmark's question
(bench/markdown.py), not a test's."""

import pytest

from bench.markdown_inputs import WORST_CASES
from forum.markdown import plain_text, render_inline, render_markdown
from tests.forum.support import tags_of

BODY_TAGS = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol"}
BODY_TAGS |= {"li", "table", "thead", "tbody", "tr", "th", "td", "a", "strong", "em", "s", "del"}
BODY_TAGS |= {"code"}
INLINE_TAGS = {"a", "strong", "em", "s", "del", "code"}
# Long enough to show the shape of each input, short enough for a quick test.
LENGTH = 2000


def _safe(html: str, allowed: set[str]) -> None:
    for name, attrs in tags_of(html):
        assert name in allowed, name
        assert not [attr for attr in attrs if attr.startswith("on") or attr == "style"]
        if name == "a" and "href" in attrs:
            assert attrs["href"].split(":")[0].lower() in {"http", "https", "mailto"} or (
                ":" not in attrs["href"].split("/")[0]
            )


@pytest.mark.parametrize("name", list(WORST_CASES))
def test_a_worst_case_body_renders_safe_html(name):
    source = WORST_CASES[name](LENGTH)
    html = render_markdown(source)
    _safe(html, BODY_TAGS)
    assert "<img" not in html
    assert "<script" not in html


@pytest.mark.parametrize("name", list(WORST_CASES))
def test_a_worst_case_comment_renders_safe_inline_html(name):
    html = render_inline(WORST_CASES[name](600))
    _safe(html, INLINE_TAGS)


@pytest.mark.parametrize(
    ("name", "kept"),
    [("unclosed [", "["), ("unclosed ![", "!["), ("<", "<"), ("&", "&"), ("](", "](")],
)
def test_unmatched_markup_is_kept_as_text(name, kept):
    """Brackets that close nothing, and stray < and &, are what the person wrote: shown as
    text, every one of them."""
    source = WORST_CASES[name](LENGTH)
    assert plain_text(render_markdown(source)) == source.strip()
    assert kept in plain_text(render_inline(source[:600]))


def test_nested_brackets_are_kept_as_text():
    source = WORST_CASES["nested [[…]]"](LENGTH)
    assert plain_text(render_markdown(source)) == source


def test_links_and_images_in_bulk_all_become_links():
    html = render_markdown(WORST_CASES["links"](LENGTH))
    links = [attrs for name, attrs in tags_of(html) if name == "a"]
    assert len(links) == LENGTH // len("[ab](http://e.com/) ")
    assert {link["href"] for link in links} == {"http://e.com/"}
