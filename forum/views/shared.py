"""Parsing and rendering helpers that several forum views share."""

from django.http import Http404, HttpRequest

from forum.markdown import render_markdown
from forum.models import Answer, Comment, Question
from forum.selectors.threads import contribution_get_or_404
from forum.tags import TagError, normalise_tag


def tag_slug(raw: str | None) -> str:
    """A typed tag as the slug it is stored under ("Growth Plan" → "growth-plan"); "" for
    none."""
    if not raw or not raw.strip():
        return ""
    try:
        return normalise_tag(raw)
    except TagError:
        raise Http404(f"“{raw[:40]}” is not a tag.") from None


def preview(request: HttpRequest, form) -> str | None:
    """The body as it will look, when the person pressed Preview instead of saving."""
    return render_markdown(form.cleaned_data["body"]) if "preview" in request.POST else None


def contribution_or_404(request: HttpRequest, kind: str, pk: int) -> Question | Answer | Comment:
    return contribution_get_or_404(kind=kind, pk=pk, viewer=request.user)


def question_or_404(request: HttpRequest, pk: int) -> Question:
    return contribution_get_or_404(kind="question", pk=pk, viewer=request.user)
