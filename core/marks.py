"""Per-request values inside shared or stored HTML.

Some HTML is rendered once and served many times: post fragments shared between readers, and
whole pages kept for a signed-in reader (core/pagecache.py). What in it belongs to one request
is written as a mark and filled in on the way out by `MarkMiddleware`:

- CSRF_MARK, where a form's CSRF field goes: this request's `<input type="hidden" …>`.
- CSRF_VALUE_MARK, inside an attribute (htmx's request headers): this request's token.
- FORM_TOKEN_MARK, the initial value of a form's `client_token` (forum/forms.py): a fresh
  UUID per form, so that two copies of one stored page never share a double-submit token.

User content can never produce the first two: the markdown pipeline strips HTML comments and
every user-written "<" reaches the page escaped. The third may appear in a post's text, where
replacing it changes nothing that matters.
"""

import re
import uuid

from django.middleware.csrf import get_token
from django.template.backends.utils import csrf_input
from django.utils.safestring import SafeString, mark_safe

CSRF_MARK = "<!--rungs:csrf-->"
CSRF_VALUE_MARK = "<rungs:csrf-value>"
FORM_TOKEN_MARK = "rungs-form-token"  # noqa: S105 - a placeholder, not a secret

_CSRF = CSRF_MARK.encode()
_CSRF_VALUE = CSRF_VALUE_MARK.encode()
_FORM_TOKEN = re.compile(re.escape(f'value="{FORM_TOKEN_MARK}"').encode())


def csrf_mark() -> SafeString:
    return mark_safe(CSRF_MARK)  # noqa: S308 - a constant of ours, no user text


def csrf_value_mark() -> SafeString:
    return mark_safe(CSRF_VALUE_MARK)  # noqa: S308 - a constant of ours, no user text


def fill(request, content: bytes) -> bytes:
    """`content` with every mark replaced by this request's value."""
    if _CSRF in content:
        content = content.replace(_CSRF, str(csrf_input(request)).encode())
    if _CSRF_VALUE in content:
        content = content.replace(_CSRF_VALUE, get_token(request).encode())
    if FORM_TOKEN_MARK.encode() in content:
        content = _FORM_TOKEN.sub(lambda _: f'value="{uuid.uuid4()}"'.encode(), content)
    return content


class MarkMiddleware:
    """Fill the marks of every HTML response. Sits below the CSRF middleware, which then sees
    that the token was used and sets its cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.streaming and response.get("Content-Type", "").startswith("text/html"):
            content = response.content
            filled = fill(request, content)
            if filled is not content:
                response.content = filled
        return response
