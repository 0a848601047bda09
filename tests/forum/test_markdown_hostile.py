"""The markdown pipeline against hostile input: raw HTML, dangerous links, anything at all
(forum/markdown.py)."""

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forum.markdown import LINK_REL, render_inline, render_markdown
from tests.forum.support import tags_of

REL = f'rel="{LINK_REL}"'


SAFE_SCHEMES = {"http", "https", "mailto"}


ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}, "ol": {"start"}, "code": {"class"}}


def normalised(href: str) -> str:
    """The address as a browser reads it: tabs, newlines and leading controls dropped."""
    return "".join(ch for ch in href if ch not in "\t\n\r").lstrip("\x00- ").lower()


def scheme(href: str) -> str:
    return urlsplit(normalised(href)).scheme


def is_safe_href(href: str) -> bool:
    """http, https, mailto, or no scheme at all (a relative link on our own site)."""
    return scheme(href) in SAFE_SCHEMES | {""}


def hrefs(html: str) -> list[str]:
    return [attrs["href"] for name, attrs in tags_of(html) if name == "a" and "href" in attrs]


class TestRawHtml:
    @pytest.mark.parametrize(
        ("source", "dead_tag"),
        [
            ("<script>alert(1)</script>", "script"),
            ("<img src=x onerror=alert(1)>", "img"),
            ("<iframe src='https://evil.example'></iframe>", "iframe"),
            ('<a href="javascript:alert(1)">x</a>', "a"),
            ("<svg onload=alert(1)>", "svg"),
            ('<div style="color:red" onclick="alert(1)">x</div>', "div"),
        ],
    )
    def test_raw_html_is_shown_as_text_never_as_a_live_tag(self, source, dead_tag):
        html = render_markdown(source)
        assert f"&lt;{dead_tag}" in html
        assert f"<{dead_tag}" not in html
        assert not [attr for _, attrs in tags_of(html) for attr in attrs if attr.startswith("on")]
        assert all(is_safe_href(url) for url in hrefs(html))

    def test_the_script_example_renders_exactly(self):
        assert render_markdown("<script>alert(1)</script>") == (
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
        )

    def test_html_comments_are_text_too(self):
        assert render_markdown("<!-- hidden -->") == "<p>&lt;!-- hidden --&gt;</p>\n"

    def test_inline_mode_escapes_raw_html_as_well(self):
        assert render_inline("<b>bold</b> <script>x</script>") == (
            "&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;"
        )

    def test_what_cmark_writes_for_raw_html_can_be_typed_and_stays_text(self):
        """cmark's safe mode leaves this comment where raw HTML was; typed, it is raw HTML too."""
        assert render_markdown("a <!-- raw HTML omitted --> b") == (
            "<p>a &lt;!-- raw HTML omitted --&gt; b</p>\n"
        )

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("# <b>head</b>", "<h1>&lt;b&gt;head&lt;/b&gt;</h1>\n"),
            ("[<i>x</i>](https://e.example)", "&lt;i&gt;x&lt;/i&gt;</a>"),
            ("| <td> |\n|---|\n| <tr> |", "<td>&lt;tr&gt;</td>"),
            ("- <div>\n  x\n\nafter", "<li>\n<p>&lt;div&gt;\nx</p>\n</li>"),
            ("> <script>\n> alert(1)", "<blockquote>\n<p>&lt;script&gt;\nalert(1)</p>"),
            ("<div>\n\n*still markdown*\n\n</div>", "<p><em>still markdown</em></p>"),
        ],
    )
    def test_raw_html_anywhere_is_text_in_its_place(self, source, expected):
        html = render_markdown(source)
        assert expected in html
        assert not {name for name, _ in tags_of(html)} & {"b", "i", "div", "script"}

    def test_raw_html_in_an_image_description_is_text_of_the_link(self):
        assert render_markdown("<b>1</b> ![a <i>b</i>](https://e.example/c.png) <s>2") == (
            "<p>&lt;b&gt;1&lt;/b&gt; "
            f'<a href="https://e.example/c.png" {REL}>a &lt;i&gt;b&lt;/i&gt;</a> &lt;s&gt;2</p>\n'
        )

    def test_an_image_inside_a_link_is_its_alt_text_so_links_never_nest(self):
        html = render_markdown("[![badge](https://e.example/b.svg) build](https://ci.example)")
        assert html == f'<p><a href="https://ci.example" {REL}>badge build</a></p>\n'


DANGEROUS_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "jav&#x61;script:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "java%0ascript:alert(1)",
    "java&#x09;script:alert(1)",
    "java&#10;script:alert(1)",
    "&#x20;javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/png;base64,AAAA",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "ftp://example.com/file",
]


class TestDangerousUrls:
    @pytest.mark.parametrize("url", DANGEROUS_URLS)
    @pytest.mark.parametrize("form", ["[click]({url})", "![click]({url})", "<{url}>"])
    def test_only_http_https_and_mailto_survive_as_href(self, url, form):
        for render in (render_markdown, render_inline):
            html = render(form.format(url=url))
            assert all(is_safe_href(href) for href in hrefs(html)), html
            assert "javascript:" not in " ".join(hrefs(html)).lower()
            lowered = html.lower()
            for scheme in ("javascript:", "vbscript:", "data:"):
                assert f'href="{scheme}' not in lowered

    def test_an_entity_encoded_javascript_link_keeps_only_its_text(self):
        """cmark decodes the entity, sees the javascript: scheme and writes an empty address;
        the pipeline then drops the link and keeps its text."""
        assert render_markdown("[x](jav&#x61;script:alert(1))") == "<p>x</p>\n"

    @pytest.mark.parametrize(
        "url",
        [
            "data:image/png;base64,AAAA",
            "ftp://example.com/file",
            "vbscript:msgbox(1)",
            "&#x20;javascript:alert(1)",
        ],
    )
    def test_a_link_to_another_scheme_keeps_only_its_text(self, url):
        assert render_markdown(f"[x]({url})") == "<p>x</p>\n"
        assert render_inline(f"say [x]({url})") == "say x"

    def test_an_autolink_to_javascript_is_text(self):
        assert render_markdown("<javascript:alert(1)>") == "<p>javascript:alert(1)</p>\n"

    def test_an_image_with_a_dangerous_address_is_its_alt_text(self):
        assert render_markdown(
            "![chart](javascript:alert(1)) ![map](data:image/png;base64,AA)"
        ) == ("<p>chart map</p>\n")

    def test_upper_case_https_still_works(self):
        assert hrefs(render_markdown("[x](HTTPS://EXAMPLE.COM)")) == ["HTTPS://EXAMPLE.COM"]


# Fragments that make arbitrary text far more likely to exercise the dangerous paths.
FRAGMENTS = st.sampled_from(
    [
        "<script>",
        "</script>",
        "<img src=x onerror=alert(1)>",
        "<a href='javascript:alert(1)'>",
        "javascript:",
        "jav&#x61;script:",
        "&#106;",
        "data:text/html,",
        "vbscript:",
        "[",
        "](",
        ")",
        "![",
        "<",
        ">",
        '"',
        "'",
        " onclick=",
        "`",
        "```",
        "\n",
        "\n\n",
        "* ",
        "> ",
        "| a |\n|---|\n",
        "https://example.com/",
        "mailto:a@b.c",
        "&amp;",
        "&lt;",
        "\\",
        "<http://x.y/>",
    ]
)


MARKDOWNISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=30).map("".join)


def assert_safe(html: str) -> None:
    assert "<script" not in html.lower()
    for name, attrs in tags_of(html):
        assert not [attr for attr in attrs if attr.startswith("on")], (name, attrs)
        assert set(attrs) <= ALLOWED_ATTRIBUTES.get(name, set()), (name, attrs)
        if name == "a":
            assert attrs.get("rel") == LINK_REL
            href = attrs.get("href")
            if href is not None:
                # "https://example.com/javascript:" is harmless; a javascript: *scheme* is not.
                assert not normalised(href).startswith(("javascript:", "vbscript:", "data:"))
                assert is_safe_href(href)
    assert html.count("<a ") == html.count(REL)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_yields_script_bad_links_or_event_handlers(text):
    assert_safe(render_markdown(text))
    assert_safe(render_inline(text))


@settings(max_examples=200, deadline=None)
@given(MARKDOWNISH)
def test_hostile_markdown_never_yields_script_bad_links_or_event_handlers(text):
    assert_safe(render_markdown(text))
    assert_safe(render_inline(text))
