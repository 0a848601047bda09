"""Helpers the forum tests share."""

from html.parser import HTMLParser

from forum.services.questions import question_edit

BODY_2 = "I have been mid-level for three years and my reviews say I am close. What now?"


def edit_question(question, editor, ladder, **changes):
    values = {
        "title": question.title,
        "body": question.body,
        "level": question.level,
        "tags": sorted(question.tags.names()),
        "reason": "",
    }
    values |= changes
    if isinstance(values["level"], str):
        values["level"] = ladder[values["level"]]
    return question_edit(question=question, editor=editor, **values)


class _Tags(HTMLParser):
    """Every start tag in a fragment, with its attributes, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


HOST = "http://testserver"  # the test client's host, in absolute URLs


def absolute(question) -> str:
    return HOST + question.get_absolute_url()
