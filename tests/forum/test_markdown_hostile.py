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

    def test_an_entity_encoded_javascript_link_stays_plain_text(self):
        assert render_markdown("[x](jav&#x61;script:alert(1))") == (
            "<p>[x](javascript:alert(1))</p>\n"
        )

    def test_a_link_with_a_data_url_loses_its_href_but_keeps_its_text(self):
        assert render_markdown("[x](data:image/png;base64,AAAA)") == (
            '<p><a rel="nofollow ugc noopener">x</a></p>\n'
        )

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
