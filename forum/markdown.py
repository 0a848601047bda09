"""The one pipeline for everything users write: markdown-it-py, then nh3's allow-list.

Rendered once when content is saved, and the stored HTML is what templates mark safe. Nothing
else user-written is ever marked safe. Raw HTML in the source is shown as text; images become
plain links (no third-party requests from our pages, and the CSP allows only our own images).
"""

import html as html_lib

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from core.text import one_line

LINK_REL = "nofollow ugc noopener"
URL_SCHEMES = {"http", "https", "mailto"}

_BLOCK_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_INLINE_TAGS = {"a", "strong", "em", "s", "del", "code"}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
}


def _image_as_link(self, tokens, idx, options, env):
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escapeHtml(src)}">{escapeHtml(alt)}</a>'


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": False})
    md.enable(["table", "strikethrough", "linkify"])
    md.add_render_rule("image", _image_as_link)
    return md


_MD = _parser()


def _clean(html: str, tags: set[str]) -> str:
    return nh3.clean(
        html,
        tags=tags,
        attributes={tag: attrs for tag, attrs in _ATTRIBUTES.items() if tag in tags},
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
        allowed_classes={"code": {f"language-{lang}" for lang in _LANGUAGES}},
    )


def render_markdown(text: str) -> str:
    """Markdown for question and answer bodies: CommonMark, tables, fenced code."""
    return _clean(_MD.render(text), _BLOCK_TAGS | _INLINE_TAGS)


def render_inline(text: str) -> str:
    """Comments: one paragraph of plain text with links, code and emphasis."""
    return _clean(_MD.renderInline(one_line(text)), _INLINE_TAGS)


def plain_text(html: str, limit: int | None = None) -> str:
    """Rendered HTML back to plain, unescaped text: escape it again wherever it becomes HTML
    (templates do; feeds do it themselves)."""
    text = one_line(html_lib.unescape(nh3.clean(html, tags=set())))
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def excerpt(html: str, length: int = 200) -> str:
    """The opening words of a rendered body, as plain text: what lists show under a title."""
    return plain_text(html, limit=length)


_LANGUAGES = {
    "bash", "c", "cpp", "csharp", "css", "diff", "dockerfile", "go", "hcl", "html", "ini",
    "java", "javascript", "js", "json", "kotlin", "make", "markdown", "nginx", "php", "python",
    "py", "ruby", "rust", "scala", "sh", "shell", "sql", "swift", "terraform", "text", "toml",
    "ts", "typescript", "xml", "yaml", "yml",
}  # fmt: skip
