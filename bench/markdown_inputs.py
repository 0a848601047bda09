"""The most hostile markdown we know of, for the benchmark (bench/markdown.py) and the tests
that check what comes out: each entry makes a text of the given length."""

from collections.abc import Callable


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda length: (unit * (length // len(unit) + 1))[:length]


def _nested_brackets(length: int) -> str:
    half = length // 2
    return "[" * half + "]" * (length - half)


def _nested_list(length: int) -> str:
    lines, depth = [], 0
    while sum(map(len, lines)) < length:
        lines.append("  " * depth + "- x\n")
        depth += 1
    return "".join(lines)[:length]


def _markers_on_one_line(marker: str) -> Callable[[int], str]:
    return lambda length: (marker * length)[: length - 1] + "x"


def _nested_emphasis(length: int) -> str:
    half = length // 6
    return ("*a " * half + "a* " * half)[:length]


def _table(length: int) -> str:
    return ("| a | b |\n|---|---|\n" + "| x | y |\n" * length)[:length]


WORST_CASES: dict[str, Callable[[int], str]] = {
    "unclosed [": _repeat("["),
    "unclosed ![": _repeat("!["),
    "nested [[…]]": _nested_brackets,
    "[a](": _repeat("[a]("),
    "[a][": _repeat("[a]["),
    "[![": _repeat("[!["),
    "](": _repeat("]("),
    "![](": _repeat("![]("),
    "[a]: b definitions": _repeat("[a]: b\n"),
    "*": _repeat("*"),
    "_": _repeat("_"),
    "*a ": _repeat("*a "),
    "*_ mixed": _repeat("*_"),
    "**a": _repeat("**a"),
    "a*": _repeat("a*"),
    "<": _repeat("<"),
    "<a ": _repeat("<a "),
    "<http://a": _repeat("<http://a"),
    "`": _repeat("`"),
    "`a ": _repeat("`a "),
    "[`": _repeat("[`"),
    "> nested quotes": _repeat("> "),
    "nested list": _nested_list,
    "- - -": _repeat("- "),
    "&": _repeat("&"),
    "\\": _repeat("\\"),
    "~": _repeat("~"),
    "|": _repeat("|"),
    "table rows": _table,
    "bare URLs": _repeat("http://a.b/ "),
    "links": _repeat("[ab](http://e.com/) "),
    "emphasis": _repeat("*ab* "),
    "code spans": _repeat("`ab` "),
    # Added with the move to cmark-gfm (C), whose own parsing is fast: these go after what
    # remains, in Python and in nh3 (forum/markdown.py): character references, nesting that
    # only the line's markers limit, raw HTML shown as text, images made into links.
    '"': _repeat('"'),
    ">": _repeat(">"),
    "- - nested lists": _markers_on_one_line("- "),
    "1. 1. nested lists": _markers_on_one_line("1. "),
    "nested emphasis": _nested_emphasis,
    "<b> raw tags": _repeat("<b>"),
    "<div> raw blocks": _repeat("<div>\n\n"),
    "images": _repeat("![a](http://e.com/i.png) "),
    "images in links": _repeat("[![a](i.png)](http://e.com/) "),
    "mail addresses": _repeat("a@b.cd "),
}
