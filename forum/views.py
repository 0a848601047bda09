from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forum import selectors, services
from forum.forms import (
    AnswerEditForm,
    AnswerForm,
    CommentForm,
    QuestionEditForm,
    QuestionForm,
    SearchForm,
)
from forum.http import login_required, visitor_key
from forum.markdown import render_markdown
from forum.models import Answer, Question
from forum.notifications import notifications_mark_read
from forum.permissions import can_comment, can_edit, require
from forum.selectors import PostView
from ladder.models import Level

PAGE_SIZE = 20


def _with_params(request: HttpRequest, **changes) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return f"{request.path}?{params.urlencode()}" if params else request.path


def _page(request: HttpRequest, items, size: int = PAGE_SIZE):
    return Paginator(items, size).get_page(request.GET.get("page"))


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "forum/home.html", {"home": selectors.home()})


@require_GET
def question_list(
    request: HttpRequest, level: str | None = None, tag: str | None = None
) -> HttpResponse:
    level_slug = level or request.GET.get("level") or None
    tag_slug = tag or request.GET.get("tag") or None
    level_obj = get_object_or_404(Level, slug=level_slug) if level_slug else None
    tag_obj = selectors.tag_get(slug=tag_slug) if tag_slug else None
    if tag_slug and tag_obj is None:
        raise Http404(f"No questions are tagged “{tag_slug}”.")
    sort = request.GET.get("sort", selectors.DEFAULT_SORT)
    if sort not in selectors.SORTS:
        sort = selectors.DEFAULT_SORT
    questions = selectors.question_list(sort=sort, level=level_obj, tag=tag_slug)
    context = {
        "page": _page(request, questions),
        "sort": sort,
        "sort_links": [
            (name, _with_params(request, sort=name, page=None)) for name in selectors.SORTS
        ],
        "level": level_obj,
        "tag": tag_obj,
        "tag_slug": tag_slug,
        "levels": Level.objects.order_by("order"),
    }
    return render(request, "forum/question_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def question_ask(request: HttpRequest) -> HttpResponse:
    initial = {"level": request.GET.get("level") or request.user.band or None}
    form = QuestionForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"])
        else:
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


def _form_status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


@require_POST
def markdown_preview(request: HttpRequest) -> HttpResponse:
    """htmx: the body field rendered exactly as it will be stored."""
    body = request.POST.get("body", "")[:30_000]
    return render(request, "forum/_preview.html", {"preview": render_markdown(body)})


def _question_or_404(pk: int) -> Question:
    question = selectors.question_get(pk=pk)
    if question is None:
        raise Http404("There is no such question, or it has been removed.")
    return question


@require_GET
def question_short(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect(_question_or_404(pk), permanent=True)


@require_GET
def question_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    question = _question_or_404(pk)
    if slug != question.slug:
        return redirect(question, permanent=True)
    if services.question_record_view(question=question, visitor=visitor_key(request)):
        question.view_count += 1
    return _render_question(request, question)


def _render_question(
    request: HttpRequest,
    question: Question,
    *,
    answer_form: AnswerForm | None = None,
    comment_form: tuple[str, int, CommentForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    page = selectors.question_page(question=question, viewer=request.user)
    if answer_form is None:
        anonymous_asker = question.is_anonymous and question.author_is(request.user)
        answer_form = AnswerForm(initial={"is_anonymous": anonymous_asker}, auto_id="answer_%s")
    for item in (page.question, *page.answers):
        if can_comment(request.user, item.post):
            key = (item.post.kind, item.post.pk)
            prefix = f"{item.post.kind}{item.post.pk}_%s"
            bound = comment_form and comment_form[:2] == key
            item.comment_form = comment_form[2] if bound else CommentForm(auto_id=prefix)
    context = {"page": page, "question": question, "answer_form": answer_form}
    return render(request, "forum/question_detail.html", context, status=status)


@login_required
@require_POST
def answer_create(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question_or_404(pk)
    form = AnswerForm(request.POST, auto_id="answer_%s")
    if not form.is_valid():
        return _render_question(request, question, answer_form=form, status=400)
    answer = services.answer_create(
        author=request.user,
        question=question,
        body=form.cleaned_data["body"],
        is_anonymous=form.cleaned_data["is_anonymous"],
        client_token=form.cleaned_data["client_token"],
    )
    messages.success(request, "Your answer is posted.")
    return redirect(answer)


def _visible_post(kind: str, pk: int) -> Question | Answer:
    if kind == "question":
        return _question_or_404(pk)
    answer = (
        Answer.objects.visible()
        .select_related("question", "author")
        .filter(pk=pk, question__is_hidden=False)
        .first()
    )
    if answer is None:
        raise Http404("There is no such answer, or it has been removed.")
    return answer


@login_required
@require_POST
def comment_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    post = _visible_post(kind, pk)
    form = CommentForm(request.POST, auto_id=f"{kind}{pk}_%s")
    question = post if kind == "question" else post.question
    if not form.is_valid():
        return _render_question(request, question, comment_form=(kind, pk, form), status=400)
    comment = services.comment_create(
        author=request.user,
        post=post,
        body=form.cleaned_data["body"],
        client_token=form.cleaned_data["client_token"],
    )
    return redirect(comment)


@login_required
@require_POST
def vote(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    post = _visible_post(kind, pk)
    value = {"up": 1, "down": -1}.get(request.POST.get("value", ""))
    if value is None:
        return HttpResponseBadRequest("A vote is “up” or “down”.")
    outcome = services.vote_cast(user=request.user, post=post, value=value)
    if request.htmx:
        post.score = outcome.score
        item = PostView(post=post, author=None, my_vote=outcome.value)
        return render(request, "forum/question_detail.html#vote", {"item": item})
    return redirect(post)


@login_required
@require_POST
def answer_accept(request: HttpRequest, pk: int) -> HttpResponse:
    answer = _visible_post("answer", pk)
    if request.POST.get("undo"):
        services.answer_unaccept(user=request.user, answer=answer)
        messages.info(request, "The answer is no longer marked as accepted.")
    else:
        services.answer_accept(user=request.user, answer=answer)
        messages.success(request, "You accepted this answer. Thank you for closing the loop.")
    return redirect(answer)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question_or_404(pk)
    require(can_edit, request.user, question)
    initial = {
        "title": question.title,
        "body": question.body,
        "level": question.level.slug,
        "tags": ", ".join(question.tags.names()),
    }
    form = QuestionEditForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"])
        else:
            question = services.question_edit(
                question=question,
                editor=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                level=form.cleaned_data["level"],
                tags=form.cleaned_data["tags"],
            )
            messages.success(request, "Your changes are saved.")
            return redirect(question)
    context = {
        "form": form,
        "preview": preview,
        "question": question,
        "tag_suggestions": selectors.tag_suggestions(),
        "editing": True,
    }
    return render(request, "forum/question_form.html", context, status=_form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def answer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    answer = _visible_post("answer", pk)
    require(can_edit, request.user, answer)
    form = AnswerEditForm(request.POST or None, initial={"body": answer.body})
    if request.method == "POST" and form.is_valid():
        services.answer_edit(answer=answer, editor=request.user, body=form.cleaned_data["body"])
        messages.success(request, "Your changes are saved.")
        return redirect(answer)
    context = {"form": form, "answer": answer, "question": answer.question}
    return render(request, "forum/answer_form.html", context, status=_form_status(form))


@require_GET
def tag_index(request: HttpRequest) -> HttpResponse:
    return render(request, "forum/tags.html", {"tags": selectors.tags_popular(limit=None)})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": ""}
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        ids = selectors.question_search(
            query=query, level=form.cleaned_data["level"], tag=form.cleaned_data["tag"] or None
        )
        page = _page(request, ids)
        context |= {
            "query": query,
            "page": page,
            "hits": selectors.search_hits(query=query, ids=list(page.object_list)),
            "total": len(ids),
        }
    return render(request, "forum/search.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        notifications_mark_read(recipient=request.user)
        return redirect("forum:notifications")
    items = selectors.notification_list(recipient=request.user)
    response = render(request, "forum/notifications.html", {"notifications": items})
    # Seeing the list is reading it: the unread badge clears on the next page.
    notifications_mark_read(recipient=request.user, ids=[n.pk for n in items if n.read_at is None])
    return response
