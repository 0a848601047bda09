"""Per-request values inside shared HTML.

Fragments of pages are rendered once and served to many signed-in readers (see the
`{% cache %}` blocks in the forum templates). The one thing in them that belongs to a single
request, the CSRF token of a form, is written as CSRF_MARK and filled in on the way out by
`CsrfMarkMiddleware`. User content can never produce the mark: the markdown pipeline strips
HTML comments and templates escape everything else.
"""

from django.template.backends.utils import csrf_input
from django.utils.safestring import SafeString, mark_safe

CSRF_MARK = "<!--rungs:csrf-->"
_CSRF_BYTES = CSRF_MARK.encode()


def csrf_mark() -> SafeString:
    return mark_safe(CSRF_MARK)  # noqa: S308 - a constant of ours, no user text


class CsrfMarkMiddleware:
    """Replace every CSRF mark in an HTML response with this request's token field."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and _CSRF_BYTES in response.content
        ):
            token = str(csrf_input(request)).encode()
            response.content = response.content.replace(_CSRF_BYTES, token)
        return response
