"""The one pipeline for everything users write: cmark-gfm (C), then nh3's allow-list.

Rendered once when content is saved, and the stored HTML is what templates mark safe. Nothing
else user-written is ever marked safe. Raw HTML in the source is shown as text; images become
plain links (no third-party requests from our pages, and the CSP allows only our own images).

The steps, in order, for bodies and comments alike:

1. cmark-gfm parses the text (CommonMark plus tables, strikethrough and autolinks) and renders
   it in its safe mode, so it never writes raw HTML out: each HTML block or inline tag the
   person typed becomes the placeholder comment `<!-- raw HTML omitted -->`.
2. Each placeholder is replaced by what was typed there, escaped, taken from cmark's XML
   rendering of the same tree (an HTML block becomes a paragraph of that text).
3. Links to anything but http, https, mailto or a relative address lose their link and keep
   their text; images become links named by their alt text.
4. Block containers (quotes, lists) nested deeper than `MAX_DEPTH` are flattened.
5. nh3 keeps only the allowed tags, attributes and URL schemes and adds `rel` to every link.

Steps 2 to 4 work on HTML that cmark wrote, never on the person's (which at that point only
exists escaped), so plain patterns can read it; nh3 checks everything again regardless. Why not
walk cmark's tree from Python instead: a call into C costs about half a microsecond from here,
and a 30,000-character body can hold 30,000 nodes (docs/forum.md, "Markdown").
"""

import html as html_lib
import operator
import re
from itertools import accumulate, repeat

import nh3
from cffi import FFI
from cmarkgfm import _cmark as _cmark_library
from cmarkgfm.cmark import Options

from core.text import one_line

LINK_REL = "nofollow ugc noopener"
URL_SCHEMES = {"http", "https", "mailto"}
# Quotes and lists nested deeper than this are flattened: markdown allows any depth, and the
# browser's (and nh3's) HTML parser takes time that grows with the square of it.
MAX_DEPTH = 32

_BLOCK_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_INLINE_TAGS = {"a", "strong", "em", "s", "del", "code"}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
}


# --- cmark-gfm ----------------------------------------------------------------------------
# cmarkgfm's own Python functions cover only part of the C API and never free the tree or the
# rendered text, so the functions are declared here and called from the library it ships.
_FFI = FFI()
_FFI.cdef("""
    typedef struct cmark_node cmark_node;
    typedef struct cmark_parser cmark_parser;
    typedef struct cmark_syntax_extension cmark_syntax_extension;
    typedef struct cmark_llist cmark_llist;
    typedef struct cmark_mem {
        void *(*calloc)(size_t, size_t);
        void *(*realloc)(void *, size_t);
        void (*free)(void *);
    } cmark_mem;
    cmark_mem *cmark_get_default_mem_allocator(void);
    void cmark_gfm_core_extensions_ensure_registered(void);
    cmark_syntax_extension *cmark_find_syntax_extension(const char *name);
    cmark_parser *cmark_parser_new(int options);
    int cmark_parser_attach_syntax_extension(cmark_parser *parser, cmark_syntax_extension *ext);
    void cmark_parser_feed(cmark_parser *parser, const char *buffer, size_t len);
    cmark_node *cmark_parser_finish(cmark_parser *parser);
    cmark_llist *cmark_parser_get_syntax_extensions(cmark_parser *parser);
    void cmark_parser_free(cmark_parser *parser);
    char *cmark_render_html(cmark_node *root, int options, cmark_llist *extensions);
    char *cmark_render_xml(cmark_node *root, int options);
    void cmark_node_free(cmark_node *node);
""")
_LIB = _FFI.dlopen(_cmark_library.__file__)
_LIB.cmark_gfm_core_extensions_ensure_registered()
# The extensions markdown-it-py had on before: tables, ~~strikethrough~~ and bare addresses.
_EXTENSIONS = [
    _LIB.cmark_find_syntax_extension(name) for name in (b"table", b"strikethrough", b"autolink")
]
if _FFI.NULL in _EXTENSIONS:
    raise ImportError("cmark-gfm lacks the table, strikethrough or autolink extension")
_MEMORY = _LIB.cmark_get_default_mem_allocator()
# Safe mode (no CMARK_OPT_UNSAFE): raw HTML comes out as a placeholder, never as HTML, and
# javascript:, vbscript:, file: and data: addresses (but data: images) come out empty.
# Strikethrough needs two tildes, as it always has here.
_OPTIONS = Options.CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE


def _take_string(pointer) -> str:
    try:
        return _FFI.string(pointer).decode("utf-8", "replace")
    finally:
        _MEMORY.free(pointer)


def _cmark(text: str) -> str:
    """cmark-gfm's HTML for the text, with the raw HTML it left out put back as text."""
    source = text.encode("utf-8", "replace")
    parser = _LIB.cmark_parser_new(_OPTIONS)
    if parser == _FFI.NULL:
        raise MemoryError("cmark_parser_new")
    try:
        for extension in _EXTENSIONS:
            _LIB.cmark_parser_attach_syntax_extension(parser, extension)
        _LIB.cmark_parser_feed(parser, source, len(source))
        root = _LIB.cmark_parser_finish(parser)
        if root == _FFI.NULL:
            raise MemoryError("cmark_parser_finish")
        try:
            extensions = _LIB.cmark_parser_get_syntax_extensions(parser)
            html = _take_string(_LIB.cmark_render_html(root, _OPTIONS, extensions))
            if _RAW_HTML in html:
                html = _raw_html_as_text(html, _take_string(_LIB.cmark_render_xml(root, _OPTIONS)))
        finally:
            _LIB.cmark_node_free(root)
    finally:
        _LIB.cmark_parser_free(parser)
    return html


# --- Raw HTML as text ---------------------------------------------------------------------
_RAW_HTML = "<!-- raw HTML omitted -->"
# In cmark's XML the raw HTML nodes carry what was typed, already escaped. Inside an image they
# are part of its alt text (which cmark writes as text), so they leave no placeholder.
_XML_RAW_HTML_NODE = r'html_(b|i)[a-z]* xml:space="preserve">([^<]*)'
_XML_RAW_HTML = re.compile("<" + _XML_RAW_HTML_NODE)
_XML_IMAGE_OR_RAW_HTML = re.compile(rf"<(?:{_XML_RAW_HTML_NODE}|(/?)image\b)")


def _raw_html_as_text(html: str, xml: str) -> str:
    if "<image " in xml:  # leave out those inside an image (an empty one ends in "/>")
        nodes, in_image = [], 0
        for match in _XML_IMAGE_OR_RAW_HTML.finditer(xml):
            kind, text, closing = match.groups()
            if kind:
                if not in_image:
                    nodes.append((kind, text))
            elif closing:
                in_image -= 1
            elif xml[xml.index(">", match.end()) - 1] != "/":
                in_image += 1
    else:
        nodes = _XML_RAW_HTML.findall(xml)
    typed = [f"<p>{text.rstrip()}</p>" if kind == "b" else text for kind, text in nodes]
    pieces = html.split(_RAW_HTML)
    if len(typed) != len(pieces) - 1:  # never seen; leave the raw HTML out rather than guess
        return "".join(pieces)
    joined = pieces + typed
    joined[::2], joined[1::2] = pieces, typed
    return "".join(joined)


# --- Links and images ---------------------------------------------------------------------
# An address with a scheme other than ours (cmark leaves the dangerous ones empty already), or
# one that starts with a space or control character (which cmark percent-encodes).
_OTHER_SCHEME = r"(?:%(?:[01][0-9a-f]|20|7f)|(?!(?:https?|mailto):)[a-z][a-z0-9+.\-]*:)[^\"]*"
_DEAD_LINK = re.compile(
    rf'<a href="(?:{_OTHER_SCHEME})?"(?: title="[^"]*")?>(.*?)</a>', re.IGNORECASE | re.DOTALL
)
_LINK = re.compile(r'(<a href="[^"]*"(?: title="[^"]*")?>)(.*?</a>)', re.DOTALL)
_IMAGE = re.compile(r'<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? />')
_OTHER_ADDRESS = re.compile(_OTHER_SCHEME, re.IGNORECASE)


def _image_as_link(match: re.Match) -> str:
    src, alt = match.groups()
    if not src or _OTHER_ADDRESS.match(src):
        return alt
    return f'<a href="{src}">{alt or src}</a>'


def _image_in_link(match: re.Match) -> str:
    opening, rest = match.groups()
    return opening + _IMAGE.sub(r"\2", rest)


def _links_and_images(html: str) -> str:
    if "<a " in html:
        html = _DEAD_LINK.sub(r"\1", html)
    if "<img " in html:
        if "<a " in html:  # an image inside a link is its alt text: links do not nest
            html = _LINK.sub(_image_in_link, html)
        html = _IMAGE.sub(_image_as_link, html)
    return html


# --- Depth --------------------------------------------------------------------------------
# Each nested quote or list can be opened by a marker on the same line ("> > > x", "- - - x"),
# so a body can nest 15,000 deep; indentation alone reaches only about 170 (each level indents
# every line of it by two more spaces). A line whose markers go deeper than MAX_DEPTH gets the
# next one escaped, which makes the rest of the line text; then whatever is still deeper (from
# indentation) loses its tags in the HTML.
_MARKER = r"(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))"
_DEEP_LINE = re.compile(
    r"^(?![ \t]*([-*_])(?:[ \t]*\1)+[ \t]*$)"  # not a rule ("- - -"), which nests nothing
    rf"(?P<markers>(?:[ \t]*{_MARKER}){{{MAX_DEPTH}}}[ \t]*)"
    r"(?P<number>\d{1,9}(?=[.)][ \t])|(?=>|[-+*][ \t]))",
    re.MULTILINE,
)
_CONTAINER = re.compile(r"(</?(?:blockquote|ul|ol|li)(?: [^>]*)?>)")
_STEP = {"<blockquote>": 1, "</blockquote>": -1, "<ul>": 1, "</ul>": -1, "</ol>": -1}
_STEP |= {"<li>": 0, "</li>": 0}  # any other match is an <ol>, which opens a level


def _containers(html: str) -> int:
    """How many quotes and lists: more than their deepest nesting."""
    return html.count("<blockquote>") + html.count("<ul>") + html.count("<ol")


def _flatten_deep_blocks(html: str) -> str:
    # Written with map() and accumulate() so that the loops run in C.
    parts = _CONTAINER.split(html)
    tags = parts[1::2]
    steps = list(map(_STEP.get, tags, repeat(1)))
    # A tag's level: the depth inside an opening tag or a list item, outside a closing tag.
    levels = map(operator.add, accumulate(steps), map(operator.lt, steps, repeat(0)))
    parts[1::2] = map(operator.mul, tags, map(MAX_DEPTH.__ge__, levels))  # the tag or ""
    return "".join(parts)


# --- Cheaper character references -------------------------------------------------------
# nh3's HTML parser spends about a microsecond on each named character reference, half that on
# a numeric one, and nothing on a plain character: a body of 30,000 "&" or '"' would otherwise
# cost 40 ms there alone. These pairs mean the same in text and in quoted attribute values
# (the only places cmark writes them), so nothing changes but the time.
_CHEAPER_REFERENCES = (("&amp;", "&#38;"), ("&lt;", "&#60;"), ("&quot;", "&#34;"), ("&gt;", ">"))


def _cheaper_references(html: str) -> str:
    for named, same in _CHEAPER_REFERENCES:
        html = html.replace(named, same)
    return html


# --- The pipeline -------------------------------------------------------------------------
def _clean(html: str, tags: set[str]) -> str:
    return nh3.clean(
        _cheaper_references(html),
        tags=tags,
        attributes={tag: attrs for tag, attrs in _ATTRIBUTES.items() if tag in tags},
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
        allowed_classes={"code": {f"language-{lang}" for lang in _LANGUAGES}},
    )


def _html(text: str) -> str:
    """Steps 1 to 4: cmark-gfm's HTML, before nh3."""
    html = _cmark(text)
    if _containers(html) > MAX_DEPTH:  # rare: only then can anything be too deep
        if _DEEP_LINE.search(text):
            html = _cmark(_DEEP_LINE.sub(r"\g<markers>\g<number>\\", text))
        if _containers(html) > MAX_DEPTH:
            html = _flatten_deep_blocks(html)
    return _links_and_images(html)


def render_markdown(text: str) -> str:
    """Markdown for question and answer bodies: CommonMark, tables, fenced code."""
    return _clean(_html(text), _BLOCK_TAGS | _INLINE_TAGS)


# Put before a comment so that it is the middle of a paragraph: nothing in it can then start a
# heading, list, quote, code block or link definition. A private-use character, then a space
# (which, like the start of a line, lets emphasis and autolinks open); taken out again after.
_INLINE_LEAD = "\ue000 "


def render_inline(text: str) -> str:
    """Comments: one paragraph of plain text with links, code and emphasis."""
    line = one_line(text)
    if not line:
        return ""
    html = _html(_INLINE_LEAD + line).replace(_INLINE_LEAD, "", 1)
    return _clean(html, _INLINE_TAGS).rstrip("\n")


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
