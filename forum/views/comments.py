"""Commenting on a question or an answer."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core import ratelimit
from core.http import form_data, form_status, login_required
from core.rules import require
from forum.forms import CommentForm
from forum.models import thread_of
from forum.rules import can_comment
from forum.services import comments as services
from forum.views.shared import contribution_or_404


@require_http_methods(["GET", "POST"])
@login_required
def comment_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The comment form: a page of its own, or (htmx) the form alone, swapped in under the post
    in place of its "Add a comment" link."""
    post = contribution_or_404(request, kind, pk)
    if request.method == "GET":
        require(can_comment, request.user, post)
    form = CommentForm(form_data(request), auto_id=f"{kind}{pk}_%s")
    if request.method == "POST" and form.is_valid():
        with ratelimit.limit(request, "comment"):
            comment = services.comment_create(
                author=request.user,
                post=post,
                body=form.cleaned_data["body"],
                client_token=form.cleaned_data["client_token"],
            )
        return redirect(comment)
    context = {"form": form, "post": post, "question": thread_of(post)}
    template = "forum/comment_form.html" + ("#form" if request.htmx else "")
    return render(request, template, context, status=form_status(form))
