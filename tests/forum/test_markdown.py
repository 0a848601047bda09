"""The markdown pipeline: what people may write, and how it comes out (forum/markdown.py)."""

import pytest

from forum.markdown import LINK_REL, MAX_DEPTH, plain_text, render_inline, render_markdown
from tests.forum.support import tags_of


def tag_names(html: str) -> set[str]:
    return {name for name, _ in tags_of(html)}


class TestCommonMark:
    def test_headings_emphasis_code_lists_quotes_and_rules(self):
        source = (
            "# Title\n\nSome **bold**, _em_ and `code`.\n\n"
            "- a\n- b\n\n1. x\n2. y\n\n> quote\n\n---\n"
        )
        assert render_markdown(source) == (
            "<h1>Title</h1>\n"
            "<p>Some <strong>bold</strong>, <em>em</em> and <code>code</code>.</p>\n"
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
            "<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n"
            "<blockquote>\n<p>quote</p>\n</blockquote>\n"
            "<hr>\n"
        )

    def test_an_ordered_list_keeps_its_start_number(self):
        assert render_markdown("3. three\n4. four") == (
            '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n'
        )

    def test_tables(self):
        assert render_markdown("| Level | Scope |\n|---|---|\n| L4 | team |\n") == (
            "<table>\n<thead>\n<tr>\n<th>Level</th>\n<th>Scope</th>\n</tr>\n</thead>\n"
            "<tbody>\n<tr>\n<td>L4</td>\n<td>team</td>\n</tr>\n</tbody>\n</table>\n"
        )

    def test_fenced_code_keeps_a_known_language_class_and_escapes_its_content(self):
        html = render_markdown("```python\nprint('<hi>')\n```")
        assert html == ("<pre><code class=\"language-python\">print('&lt;hi&gt;')\n</code></pre>\n")

    @pytest.mark.parametrize("info", ["brainfuck", "Python", "x onmouseover=alert(1)"])
    def test_an_unknown_language_class_is_dropped(self, info):
        html = render_markdown(f"```{info}\n+++\n```")
        [pre, code] = tags_of(html)
        assert pre == ("pre", {})
        assert code[0] == "code"
        assert code[1].get("class", "") == ""  # dropped (an empty class attribute is harmless)
        assert "language-" not in html
        assert "onmouseover" not in html
        assert "+++" in html

    def test_links_carry_the_rel_and_keep_their_title(self):
        assert render_markdown('[ladder](https://example.com/ladder "The ladder")') == (
            '<p><a href="https://example.com/ladder" title="The ladder" '
            'rel="nofollow ugc noopener">ladder</a></p>\n'
        )

    def test_bare_urls_and_mail_links_become_links_with_the_rel(self):
        html = render_markdown("See https://example.com/auto or [mail me](mailto:a@example.com)")
        assert tags_of(html) == [
            ("p", {}),
            ("a", {"href": "https://example.com/auto", "rel": LINK_REL}),
            ("a", {"href": "mailto:a@example.com", "rel": LINK_REL}),
        ]

    def test_strikethrough_survives(self):
        html = render_markdown("~~gone~~")
        assert tag_names(html) & {"s", "del"}

    def test_strikethrough_needs_two_tildes(self):
        assert render_markdown("~one~ ~~two~~") == "<p>~one~ <del>two</del></p>\n"

    def test_www_addresses_and_mail_addresses_become_links(self):
        assert hrefs_of(render_markdown("www.example.com and me@example.com")) == [
            "http://www.example.com",
            "mailto:me@example.com",
        ]

    def test_special_characters_come_out_escaped_once(self):
        assert render_markdown("a & b < c > d \"e\" 'f' &amp;") == (
            "<p>a &amp; b &lt; c &gt; d \"e\" 'f' &amp;</p>\n"
        )

    def test_a_link_title_keeps_quotes_and_ampersands(self):
        html = render_markdown('[a](https://e.example "say \\"hi\\" & <go>")')
        assert tags_of(html)[1] == (
            "a",
            {"href": "https://e.example", "title": 'say "hi" & <go>', "rel": LINK_REL},
        )


def hrefs_of(html: str) -> list[str]:
    return [attrs["href"] for name, attrs in tags_of(html) if name == "a"]


class TestDepth:
    """Quotes and lists can nest as deep as markers go; past MAX_DEPTH they flatten, keeping
    every word (nh3 and browsers take time that grows with the square of the depth)."""

    @pytest.mark.parametrize("marker", ["> ", ">", "- ", "* ", "1. ", "2) ", "- > "])
    def test_markers_on_one_line_nest_no_deeper_than_the_limit(self, marker):
        html = render_markdown(marker * 200 + "end")
        depth = sum(tag_names_count(html, tag) for tag in ("blockquote", "ul", "ol"))
        assert depth == MAX_DEPTH
        assert plain_text(html).endswith("end")

    def test_indented_lists_nest_no_deeper_than_the_limit(self):
        source = "\n".join("  " * level + f"- item{level}" for level in range(60))
        html = render_markdown(source)
        assert tag_names_count(html, "ul") == MAX_DEPTH
        assert plain_text(html) == " ".join(f"item{level}" for level in range(60))

    def test_a_code_line_of_markers_is_left_alone(self):
        line = "> " * 50
        assert render_markdown(f"```\n{line}\n```") == (
            f"<pre><code>{'&gt; ' * 50}\n</code></pre>\n"
        )

    def test_a_long_rule_stays_a_rule_among_many_lists(self):
        source = "- a\n\n* b\n\n" * 20 + "- " * 40 + "\n\nend"
        html = render_markdown(source)
        assert tag_names_count(html, "hr") == 1
        assert "\\" not in html

    def test_the_limit_is_not_reached_by_a_normal_body(self):
        html = render_markdown("> quote\n> - a\n>   - b\n>     1. c\n")
        assert [tag_names_count(html, tag) for tag in ("blockquote", "ul", "ol")] == [1, 2, 1]


def tag_names_count(html: str, name: str) -> int:
    return sum(1 for tag, _ in tags_of(html) if tag == name)


class TestImages:
    def test_an_image_becomes_a_plain_link_named_by_its_alt_text(self):
        assert render_markdown("![org chart](https://example.com/chart.png)") == (
            '<p><a href="https://example.com/chart.png" rel="nofollow ugc noopener">'
            "org chart</a></p>\n"
        )

    def test_an_image_without_alt_text_is_named_by_its_address(self):
        assert render_markdown("![](https://example.com/chart.png)") == (
            '<p><a href="https://example.com/chart.png" rel="nofollow ugc noopener">'
            "https://example.com/chart.png</a></p>\n"
        )

    def test_no_img_tag_ever_comes_out(self):
        html = render_markdown('![a "quoted" <alt>](https://example.com/x.png "title")')
        assert "img" not in tag_names(html)
        assert tags_of(html) == [
            ("p", {}),
            ("a", {"href": "https://example.com/x.png", "rel": LINK_REL}),
        ]
        assert "&lt;alt&gt;" in html


class TestInline:
    def test_block_elements_are_dropped_but_inline_ones_stay(self):
        html = render_inline("# head\n\n- item\n\n> quote\n\n**b** [l](https://x.example) `c`")
        assert html == (
            "# head - item &gt; quote <strong>b</strong> "
            '<a href="https://x.example" rel="nofollow ugc noopener">l</a> <code>c</code>'
        )

    @pytest.mark.parametrize(
        "source",
        [
            "para one\n\npara two",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "```py\nx = 1\n```",
            "1. one\n2. two",
            "---",
            "## Heading",
        ],
    )
    def test_no_block_tag_survives_inline_mode(self, source):
        assert tag_names(render_inline(source)) <= {"a", "strong", "em", "code", "del"}

    def test_whitespace_and_newlines_fold_into_one_line(self):
        assert render_inline("one\n\n\ntwo   three") == "one two three"

    @pytest.mark.parametrize(
        "source",
        ["# not a heading", "> not a quote", "- not a list", "1. not a list", "    not code",
         "[a]: https://x.example not a definition", "<div> not a block", "--- not a rule"],
    )  # fmt: skip
    def test_what_would_start_a_block_is_text_in_a_comment(self, source):
        assert plain_text(render_inline(source)) == source.strip()

    def test_the_comment_lead_never_shows(self):
        for source in ("x", "*x*", "`x`", "<b>", "[x](https://e.example)", "\\", "  x  "):
            assert "\ue000" not in render_inline(source)
        assert render_inline("") == ""
        assert render_inline(" \n ") == ""

    def test_images_become_links_inline_too(self):
        assert render_inline("![chart](https://example.com/c.png)") == (
            '<a href="https://example.com/c.png" rel="nofollow ugc noopener">chart</a>'
        )


class TestPlainText:
    def test_tags_go_and_entities_come_back(self):
        html = "<p>a &amp; b &lt;c&gt; &quot;d&quot;</p>\n<p>second   para</p>"
        assert plain_text(html) == 'a & b <c> "d" second para'

    def test_the_limit_cuts_at_a_word_with_an_ellipsis(self):
        assert plain_text("<p>one two three four five six</p>", limit=12) == "one two…"

    def test_short_text_is_left_alone(self):
        assert plain_text("<p>short</p>", limit=12) == "short"

    def test_rendered_markdown_round_trips_to_its_words(self):
        html = render_markdown("# Title\n\nSome **bold** [link](https://example.com).")
        assert plain_text(html) == "Title Some bold link."

    def test_plain_text_decodes_entities_exactly_once(self):
        assert plain_text(render_markdown("Write `&lt;` in HTML")) == "Write &lt; in HTML"
