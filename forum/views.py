from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.marks import FORM_TOKEN_MARK
from core.pagecache import cached_page, generations
from core.paging import Page, list_page, page_number
from forum import edits, freshness, ratelimit, selectors, services
from forum.forms import (
    AnswerEditForm,
    AnswerForm,
    CommentForm,
    QuestionEditForm,
    QuestionForm,
    ReasonForm,
    SearchForm,
)
from forum.fragments import search_rows, shared_posts
from forum.http import form_data, login_required, url_with_params, visitor_key
from forum.markdown import render_markdown
from forum.models import Answer, Comment, Question, Revision, thread_of
from forum.notifications import notifications_mark_read
from forum.permissions import (
    can_comment,
    can_delete,
    can_edit,
    can_moderate,
    can_see_history,
    require,
)
from forum.revisions import revision_diff
from forum.selectors import PostView
from forum.tags import TagError, normalise_tag
from ladder.freshness import LADDER
from ladder.models import Competency, Level
from moderation.forms import CloseForm

PAGE_SIZE = 20


def _tag_slug(raw: str | None) -> str | None:
    """A typed tag as the slug it is stored under ("Growth Plan" → "growth-plan")."""
    if not raw or not raw.strip():
        return None
    try:
        return normalise_tag(raw)
    except TagError:
        raise Http404(f"“{raw[:40]}” is not a tag.") from None


def _preview(request: HttpRequest, form) -> str | None:
    """The body as it will look, when the person pressed Preview instead of saving."""
    return render_markdown(form.cleaned_data["body"]) if "preview" in request.POST else None


def _form_status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


@require_safe
@cached_page([freshness.LISTS])
def home(request: HttpRequest) -> HttpResponse:
    context = {"home": SimpleLazyObject(selectors.home), "fragment_version": _lists_version()}
    return render(request, "forum/home.html", context)


def _lists_version() -> list[int]:
    """What the lists' shared fragments are keyed on (the lazy context inside them is read only
    when the fragment is missing)."""
    return generations([freshness.LISTS])


@require_safe
@cached_page([freshness.LISTS])
def question_list(
    request: HttpRequest, level: str | None = None, tag: str | None = None
) -> HttpResponse:
    level_slug = level or request.GET.get("level") or None
    tag_slug = _tag_slug(tag or request.GET.get("tag"))
    competency_slug = request.GET.get("competency") or None
    level_obj = get_object_or_404(Level, slug=level_slug) if level_slug else None
    competency = get_object_or_404(Competency, slug=competency_slug) if competency_slug else None
    tag_obj = selectors.tag_get(slug=tag_slug) if tag_slug else None
    if tag_slug and tag_obj is None:
        raise Http404(f"No questions are tagged “{tag_slug}”.")
    sort = request.GET.get("sort", selectors.DEFAULT_SORT)
    if sort not in selectors.SORTS:
        sort = selectors.DEFAULT_SORT
    page = SimpleLazyObject(
        lambda: selectors.question_page_of_list(
            sort=sort,
            level=level_obj,
            tag=tag_obj,
            competency=competency,
            number=page_number(request),
            cursor=request.GET.get("after", ""),
        )
    )
    featured = level and not tag_slug
    context = {
        "fragment_version": _lists_version(),
        "page": page,
        "sort": sort,
        "sort_links": [
            (name, url_with_params(request, sort=name, page=None)) for name in selectors.SORTS
        ],
        "level": level_obj,
        "tag": tag_obj,
        "tag_slug": tag_slug,
        "competency": competency,
        "levels": SimpleLazyObject(lambda: list(Level.objects.order_by("order"))),
        "featured": SimpleLazyObject(
            lambda: selectors.featured(level=level_obj) if featured else []
        ),
    }
    return render(request, "forum/question_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def question_ask(request: HttpRequest) -> HttpResponse:
    initial = {"level": request.GET.get("level") or request.user.band or None}
    form = QuestionForm(form_data(request), initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        preview = _preview(request, form)
        if preview is None:
            ratelimit.hit(request, "question")
            question = services.question_create(
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                level=form.cleaned_data["level"],
                tags=form.cleaned_data["tags"],
                is_anonymous=form.cleaned_data["is_anonymous"],
                client_token=form.cleaned_data["client_token"],
            )
            return redirect(question)
    context = {
        "form": form,
        "preview": preview,
        "tag_suggestions": selectors.tag_suggestions(),
        "editing": False,
    }
    return render(request, "forum/question_form.html", context, status=_form_status(form))


@require_POST
@login_required
def markdown_preview(request: HttpRequest) -> HttpResponse:
    """htmx: the body field rendered exactly as it will be stored."""
    ratelimit.hit(request, "preview")
    body = request.POST.get("body", "")[:30_000]
    return render(request, "forum/_preview.html", {"preview": render_markdown(body)})


def _question_or_404(request: HttpRequest, pk: int) -> Question:
    return selectors.item_get_or_404(kind="question", pk=pk, viewer=request.user)


def _item_or_404(request: HttpRequest, kind: str, pk: int) -> Question | Answer | Comment:
    return selectors.item_get_or_404(kind=kind, pk=pk, viewer=request.user)


@require_safe
def question_short(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect(_question_or_404(request, pk), permanent=True)


@require_safe
def question_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    # Counted before the page cache answers, so cached pages still count their readers.
    services.question_record_view(question_id=pk, visitor=visitor_key(request))
    return _question_detail(request, pk=pk, slug=slug)


@cached_page(lambda pk, slug: [freshness.question(pk), LADDER])
def _question_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    version = generations([freshness.question(pk), LADDER])
    thread = selectors.question_thread(
        question_id=pk,
        viewer=request.user,
        version=version[:1],
        answer_page=page_number(request),
        expand=_expanded(request),
    )
    if thread is None:
        raise Http404("There is no such question, or it has been removed.")
    question = thread.question
    if slug != question.slug:
        return redirect(question, permanent=True)
    services.related_refresh_if_stale(question=question)
    return _render_question(request, question, thread=thread, version=version)


def _expanded(request: HttpRequest) -> tuple[str, int] | None:
    """?comments=answer-12: the post whose comments are all shown."""
    kind, _, pk = request.GET.get("comments", "").partition("-")
    if kind in ("question", "answer") and pk.isascii() and pk.isdigit():
        return kind, int(pk)
    return None


def _render_question(
    request: HttpRequest,
    question: Question,
    *,
    answer_form: AnswerForm | None = None,
    status: int = 200,
    thread: selectors.Thread | None = None,
    version: list[int] | None = None,
) -> HttpResponse:
    version = version or generations([freshness.question(question.pk), LADDER])
    page = selectors.question_page(
        question=question,
        viewer=request.user,
        answer_page=page_number(request),
        expand=_expanded(request),
        thread=thread,
    )
    if answer_form is None:
        anonymous_asker = question.is_anonymous and question.author_is(request.user)
        answer_form = AnswerForm(
            initial={"is_anonymous": anonymous_asker, "client_token": FORM_TOKEN_MARK},
            auto_id="answer_%s",
        )
    context = {
        "page": page,
        "question": page.question.post,
        "answer_form": answer_form,
        "fragment_version": version,
    }
    if can_moderate(request.user):
        context["moderation"] = selectors.moderation_panel(question=question, page=page)
        context["close_form"] = CloseForm(auto_id="close_%s")
    else:
        shared_posts(request, page=page, version=version)
    return render(request, "forum/question_detail.html", context, status=status)


@require_POST
@login_required
def answer_create(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question_or_404(request, pk)
    form = AnswerForm(request.POST, auto_id="answer_%s")
    if not form.is_valid():
        return _render_question(request, question, answer_form=form, status=400)
    ratelimit.hit(request, "answer")
    answer = services.answer_create(
        author=request.user,
        question=question,
        body=form.cleaned_data["body"],
        is_anonymous=form.cleaned_data["is_anonymous"],
        client_token=form.cleaned_data["client_token"],
    )
    messages.success(request, "Your answer is posted.")
    return redirect(answer)


@require_http_methods(["GET", "POST"])
@login_required
def comment_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The comment form: a page of its own, or (htmx) the form alone, swapped in under the post
    in place of its "Add a comment" link."""
    post = _item_or_404(request, kind, pk)
    if request.method == "GET":
        require(can_comment, request.user, post)
    form = CommentForm(form_data(request), auto_id=f"{kind}{pk}_%s")
    if request.method == "POST" and form.is_valid():
        ratelimit.hit(request, "comment")
        comment = services.comment_create(
            author=request.user,
            post=post,
            body=form.cleaned_data["body"],
            client_token=form.cleaned_data["client_token"],
        )
        return redirect(comment)
    context = {"form": form, "post": post, "question": thread_of(post)}
    template = "forum/comment_form.html" + ("#form" if request.htmx else "")
    return render(request, template, context, status=_form_status(form))


@require_POST
@login_required
def vote(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    post = _item_or_404(request, kind, pk)
    value = {"up": 1, "down": -1}.get(request.POST.get("value", ""))
    if value is None:
        return HttpResponseBadRequest("A vote is “up” or “down”.")
    ratelimit.hit(request, "vote")
    outcome = services.vote_cast(user=request.user, post=post, value=value)
    if request.htmx:
        post.score = outcome.score
        item = PostView(post=post, author=None, my_vote=outcome.value)
        return render(request, "forum/question_detail.html#vote", {"item": item})
    return redirect(post)


@require_POST
@login_required
def answer_accept(request: HttpRequest, pk: int) -> HttpResponse:
    answer = _item_or_404(request, "answer", pk)
    if request.POST.get("undo"):
        services.answer_unaccept(user=request.user, answer=answer)
        messages.info(request, "The answer is no longer marked as accepted.")
    else:
        services.answer_accept(user=request.user, answer=answer)
        messages.success(request, "You accepted this answer. Thank you for closing the loop.")
    return redirect(answer)


@require_http_methods(["GET", "POST"])
@login_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question_or_404(request, pk)
    require(can_edit, request.user, question)
    initial = {
        "title": question.title,
        "body": question.body,
        "level": question.level.slug,
        "tags": ", ".join(sorted(question.tags.names())),
        "base_revision": edits.latest_number(question),
    }
    form = QuestionEditForm(form_data(request), initial=initial)
    preview = conflict = None
    if request.method == "POST" and form.is_valid():
        preview = _preview(request, form)
        if preview is None:
            ratelimit.hit(request, "edit")
            try:
                question = services.question_edit(
                    question=question,
                    editor=request.user,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    level=form.cleaned_data["level"],
                    tags=form.cleaned_data["tags"],
                    reason=form.cleaned_data["reason"],
                    base_revision=form.cleaned_data["base_revision"],
                )
            except edits.EditConflict as error:
                conflict, form = error, edits.reopened(form, error, initial=initial)
            else:
                messages.success(request, "Your changes are saved.")
                return redirect(question)
    context = {
        "form": form,
        "preview": preview,
        "conflict": conflict,
        "question": question,
        "tag_suggestions": selectors.tag_suggestions(),
        "editing": True,
    }
    status = 409 if conflict else _form_status(form)
    return render(request, "forum/question_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def answer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    answer = _item_or_404(request, "answer", pk)
    require(can_edit, request.user, answer)
    initial = {"body": answer.body, "base_revision": edits.latest_number(answer)}
    form = AnswerEditForm(form_data(request), initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        ratelimit.hit(request, "edit")
        try:
            services.answer_edit(
                answer=answer,
                editor=request.user,
                body=form.cleaned_data["body"],
                reason=form.cleaned_data["reason"],
                base_revision=form.cleaned_data["base_revision"],
            )
        except edits.EditConflict as error:
            conflict, form = error, edits.reopened(form, error, initial=initial)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect(answer)
    context = {"form": form, "answer": answer, "question": answer.question, "conflict": conflict}
    status = 409 if conflict else _form_status(form)
    return render(request, "forum/answer_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def item_delete(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """An author deletes their own post or comment (it is hidden, never removed), after
    confirming on a page of its own: a stray click should not make a post disappear."""
    item = _item_or_404(request, kind, pk)
    require(can_delete, request.user, item)
    if request.method == "GET":
        return render(
            request, "forum/confirm_delete.html", {"item": item, "question": thread_of(item)}
        )
    services.post_delete(user=request.user, item=item)
    messages.info(request, f"Your {kind} is deleted. A moderator can restore it if needed.")
    if kind == "question":
        return redirect("forum:questions")
    return redirect(thread_of(item))


@require_safe
def revisions(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A post's revision history, with a readable diff between any two revisions."""
    if kind == "comment":
        raise Http404("Comments have no revision history.")
    post = _item_or_404(request, kind, pk)
    require(can_see_history, request.user, post)
    history = selectors.revision_history(post=post, viewer=request.user)
    numbers = [entry.revision.number for entry in history]
    try:
        older = int(request.GET.get("from", numbers[-2] if len(numbers) > 1 else numbers[-1]))
        newer = int(request.GET.get("to", numbers[-1]))
    except ValueError:
        return HttpResponseBadRequest("Revision numbers are whole numbers.")
    by_number = {entry.revision.number: entry.revision for entry in history}
    if older not in by_number or newer not in by_number:
        raise Http404("This post has no such revision.")
    context = {
        "post": post,
        "question": thread_of(post),
        "history": history,
        "older": by_number[older],
        "newer": by_number[newer],
        "diff": revision_diff(by_number[older], by_number[newer]),
        "reason_form": ReasonForm(auto_id="rollback_%s"),
    }
    return render(request, "forum/revisions.html", context)


@require_POST
@login_required
def revision_rollback(request: HttpRequest, pk: int) -> HttpResponse:
    revision = get_object_or_404(Revision, pk=pk)
    kind, post_id = (
        ("question", revision.question_id)
        if revision.question_id
        else ("answer", revision.answer_id)
    )
    post = _item_or_404(request, kind, post_id)
    require(can_edit, request.user, post)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("The reason is too long: 300 characters at most.")
    reason = form.cleaned_data["reason"]
    ratelimit.hit(request, "edit")
    services.post_rollback(post=post, revision=revision, editor=request.user, reason=reason)
    messages.success(request, f"Rolled back to revision {revision.number}, as a new revision.")
    return redirect("forum:revisions", kind=kind, pk=post_id)


@require_safe
@cached_page([freshness.LISTS])
def tag_index(request: HttpRequest) -> HttpResponse:
    return render(request, "forum/tags.html", {"tags": selectors.tags_popular(limit=None)})


@require_safe
@cached_page([freshness.LISTS])
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "fragment_version": _lists_version()}
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        level, tag = form.cleaned_data["level"], _tag_slug(form.cleaned_data["tag"])
        number = page_number(request)
        context |= {
            "query": query,
            "results": SimpleLazyObject(
                lambda: _search_results(query=query, level=level, tag=tag, number=number)
            ),
        }
    return render(request, "forum/search.html", context)


@dataclass(frozen=True)
class _SearchResults:
    page: Page
    rows: list[SafeString]
    total: int


def _search_results(*, query: str, level: Level | None, tag: str | None, number: int):
    ids = selectors.question_search(query=query, level=level, tag=tag)
    page = list_page(ids, number=number, per_page=PAGE_SIZE)
    rows = search_rows(query=query, ids=page.items)
    return _SearchResults(page=page, rows=rows, total=len(ids))


@require_http_methods(["GET", "POST"])
@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        notifications_mark_read(recipient=request.user)
        return redirect("forum:notifications")
    items = selectors.notification_list(recipient=request.user)
    response = render(request, "forum/notifications.html", {"notifications": items})
    # Seeing the list is reading it: the unread badge clears on the next page.
    notifications_mark_read(recipient=request.user, ids=[n.pk for n in items if n.read_at is None])
    return response
