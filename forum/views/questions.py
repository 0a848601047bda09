"""Asking, editing and reading a question."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import AnswerSort
from accounts.services import answer_sort_remember
from core import ratelimit
from core.http import form_data, form_status, login_required, visitor_key, whole_number
from core.marks import FORM_TOKEN_MARK
from core.pagecache import cached_page, generations
from core.paging import page_number
from core.rules import require
from forum import edits, freshness, identity
from forum.forms import AnswerForm, QuestionEditForm, QuestionForm
from forum.fragments import shared_posts
from forum.markdown import render_markdown
from forum.models import BODY_MAX_LENGTH, Question
from forum.rules import can_edit
from forum.search.query import significant_words
from forum.selectors.follows import follow_button
from forum.selectors.search import similar_questions
from forum.selectors.suggestions import waiting_on_page
from forum.selectors.tags import tag_suggestions, tags_matching
from forum.selectors.threads import QuestionPage, Thread, question_page, question_thread
from forum.services import questions as services
from forum.slots import CONTRIBUTION_TOOLS, QUESTION_PANELS
from forum.tags import tags_being_typed
from forum.views.shared import preview, question_or_404

# The asker saw the similar questions (the no-JavaScript step, or the list under the title).
SIMILAR_SEEN = "similar_seen"


@require_http_methods(["GET", "POST"])
@login_required
def question_create(request: HttpRequest) -> HttpResponse:
    """Ask a question (with a preview of the body before posting).

    Before the first post, the asker sees the questions like theirs: while typing the title
    (htmx, `similar`), or else as a step of its own. Posting a question that has similar ones,
    without the form saying they were seen, shows them above the form, everything typed kept,
    and the form posts for real the next time. "Check for similar questions" (`check`) shows
    that step whenever the asker wants, before the rest of the form is filled in."""
    initial = {"level": request.GET.get("level") or request.user.band or None}
    form = QuestionForm(form_data(request), initial=initial)
    shown = None
    similar = checked = None
    if request.method == "POST" and "check" in request.POST:
        similar = _similar(request, request.POST.get("title", ""))
        checked = True
        # Unbound, so that the fields not filled in yet are not marked as errors.
        form = QuestionForm(initial=_typed(request))
    elif request.method == "POST" and form.is_valid():
        shown = preview(request, form)
        if shown is None and SIMILAR_SEEN not in request.POST:
            similar = _similar(request, form.cleaned_data["title"])
            checked = bool(similar)
        if shown is None and not checked:
            with ratelimit.limit(request, "question"):
                question = services.question_create(
                    author=request.user,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    level=form.cleaned_data["level"],
                    tags=form.cleaned_data["tags"],
                    is_anonymous=form.cleaned_data["is_anonymous"],
                    client_token=form.cleaned_data["client_token"],
                )
            messages.success(request, "Your question is posted.")
            return redirect(question)
    form.look_up_similar(reverse("forum:similar"))
    context = {
        "form": form,
        "preview": shown,
        "similar": similar,
        "similar_checked": checked or SIMILAR_SEEN in request.POST,
        "tag_suggestions": tag_suggestions(),
    }
    return render(request, "forum/question_form.html", context, status=form_status(form))


def _typed(request: HttpRequest) -> dict[str, str]:
    """What the asker typed into the question form, to show it again."""
    return {name: request.POST[name] for name in QuestionForm.base_fields if name in request.POST}


def _similar(request: HttpRequest, title: str) -> list[Question]:
    with ratelimit.limit(request, "similar"):
        return similar_questions(title=title[: Question._meta.get_field("title").max_length])


@require_safe
@login_required
def similar(request: HttpRequest) -> HttpResponse:
    """htmx: the questions like the title being typed on the ask page."""
    title = request.GET.get("title", "")
    found = _similar(request, title) if significant_words(title) else None
    return render(request, "forum/_similar.html", {"similar": found, "checked": True, "live": True})


@require_safe
@login_required
def tag_suggest(request: HttpRequest) -> HttpResponse:
    """htmx: tags that complete the one being typed in a question's tags field, with how many
    questions carry them; each completes the whole field ("pip, man" → "pip, manager")."""
    typing = tags_being_typed(request.GET.get("tags", "")[: QuestionForm.TAGS_MAX_LENGTH])
    found = tags_matching(start=typing.last, exclude=typing.done)
    context = {"suggestions": found, "head": typing.head, "typed": typing.last, "live": True}
    return render(request, "forum/_tag_suggestions.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = question_or_404(request, pk)
    require(can_edit, request.user, question)
    initial = {
        "title": question.title,
        "body": question.body,
        "level": question.level.slug,
        "tags": ", ".join(sorted(question.tags.names())),
        "base_revision": edits.latest_number(question),
    }
    form = QuestionEditForm(form_data(request), initial=initial)
    shown = None
    result = edits.Attempt(saved=False, form=form)
    if request.method == "POST" and form.is_valid():
        shown = preview(request, form)
        if shown is None:

            def save():
                with ratelimit.limit(request, "edit"):  # a conflict is not charged
                    return services.question_edit(
                        question=question,
                        editor=request.user,
                        title=form.cleaned_data["title"],
                        body=form.cleaned_data["body"],
                        level=form.cleaned_data["level"],
                        tags=form.cleaned_data["tags"],
                        reason=form.cleaned_data["reason"],
                        base_revision=form.cleaned_data["base_revision"],
                    )

            result = edits.attempt(form, save, initial=initial)
            if result.saved:
                messages.success(request, "Your changes are saved.")
                return redirect(result.value)
    context = {
        "form": result.form,
        "preview": shown,
        "conflict": result.conflict,
        "question": question,
        "tag_suggestions": tag_suggestions(),
        "editing": True,
    }
    return render(request, "forum/question_form.html", context, status=result.status)


@require_POST
@login_required
def markdown_preview(request: HttpRequest) -> HttpResponse:
    """htmx: the body field rendered exactly as it will be stored."""
    body = request.POST.get("body", "")[:BODY_MAX_LENGTH]
    with ratelimit.limit(request, "preview"):
        shown = render_markdown(body)
    return render(request, "forum/_preview.html", {"preview": shown})


@require_safe
def question_short(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect(question_or_404(request, pk), permanent=True)


@require_safe
def question_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    # Counted before the page cache answers, so cached pages still count their readers.
    services.question_record_view(question_id=pk, visitor=visitor_key(request))
    # Before the page cache: a signed-in person's stored copies follow their order (the write
    # bumps their generation). Anonymous readers' order lives in the URL alone, which is part
    # of every cache key, so their shared copies stay right.
    if (asked := asked_answer_sort(request)) and request.user.is_authenticated:
        answer_sort_remember(user=request.user, sort=asked)
    return _question_detail(request, pk=pk, slug=slug)


def asked_answer_sort(request: HttpRequest) -> AnswerSort | None:
    """?sort=newest: the order of answers asked for in the URL, if any (anything else: none)."""
    value = request.GET.get("sort", "")
    return AnswerSort(value) if value in AnswerSort.values else None


def answer_sort(request: HttpRequest) -> AnswerSort:
    """The order this page shows: the one in the URL, else the one the person last chose."""
    remembered = getattr(request.user, "answer_sort", AnswerSort.VOTES)
    return asked_answer_sort(request) or AnswerSort(remembered)


@cached_page(lambda pk, slug: freshness.question_page(pk))
def _question_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    version = generations(freshness.question_page(pk))
    thread = question_thread(
        question_id=pk,
        viewer=request.user,
        version=version[:1],
        answer_page=page_number(request),
        expand=_expanded(request),
        sort=answer_sort(request),
    )
    if thread is None:
        raise Http404("There is no such question, or it has been removed.")
    question = thread.question
    if slug != question.slug:
        return redirect(question, permanent=True)
    services.related_refresh_if_stale(question=question)
    return render_question(request, question, thread=thread, version=version)


def _expanded(request: HttpRequest) -> tuple[str, int] | None:
    """?comments=answer-12: the post whose comments are all shown."""
    kind, _, pk = request.GET.get("comments", "").partition("-")
    number = whole_number(pk)
    if kind in ("question", "answer") and number is not None:
        return kind, number
    return None


def render_question(
    request: HttpRequest,
    question: Question,
    *,
    answer_form: AnswerForm | None = None,
    status: int = 200,
    thread: Thread | None = None,
    version: list[int] | None = None,
) -> HttpResponse:
    """The question page; also the answer form's page when what was sent needs fixing."""
    version = version or generations(freshness.question_page(question.pk))
    page = question_page(
        question=question,
        viewer=request.user,
        answer_page=page_number(request),
        expand=_expanded(request),
        thread=thread,
        sort=answer_sort(request),
    )
    if answer_form is None:
        # Ticked for whoever already posted anonymously here (the service enforces it; the
        # answers of this page are enough to tell most of them without another query).
        anonymous_here = request.user.is_authenticated and identity.speaks_anonymously(
            request.user, question, answers=[item.post for item in page.answers]
        )
        answer_form = AnswerForm(
            initial={"is_anonymous": anonymous_here, "client_token": FORM_TOKEN_MARK},
            auto_id="answer_%s",
        )
    panels = QUESTION_PANELS.fill(request, page)
    for tools in CONTRIBUTION_TOOLS.fill(request, page):
        _attach(page, tools)
    shared_posts(request, page=page, version=version)
    context = {
        "page": page,
        "question": page.question.post,
        "answer_form": answer_form,
        "fragment_version": version,
        "panels": panels,
        "answer_sorts": AnswerSort.choices,
        "follow": follow_button(viewer=request.user, target=page.question.post),
        "suggestions_waiting": waiting_on_page(
            viewer=request.user, posts=[item.post for item in page.posts]
        ),
    }
    return render(request, "forum/question_detail.html", context, status=status)


def _attach(page: QuestionPage, tools: dict[tuple[str, int], str]) -> None:
    """Give each post and comment of the page the tools a slot's filler made for it."""
    for item in page.posts:
        if html := tools.get((item.post.kind, item.post.pk)):
            item.tools.append(html)
        for shown in item.comments:
            if html := tools.get(("comment", shown.comment.pk)):
                shown.tools.append(html)
