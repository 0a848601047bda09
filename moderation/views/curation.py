"""Curating answers and featuring questions."""

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from core.http import login_required
from forum.models import Feature, Question
from forum.selectors.threads import contribution_get_or_404
from ladder.models import Level
from moderation import selectors
from moderation.forms import CurateForm, FeatureForm
from moderation.services import curation as services
from moderation.views.shared import back, moderator, optional_reason


@require_POST
@login_required
def answer_curate(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    answer = contribution_get_or_404(kind="answer", pk=pk, viewer=request.user)
    form = CurateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Add a short note saying why the answer is worth reading.")
        return back(request, answer)
    services.answer_curate(moderator=request.user, answer=answer, note=form.cleaned_data["note"])
    messages.success(request, "The answer is curated and now shows first.")
    return back(request, answer)


@require_POST
@login_required
def answer_uncurate(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    answer = contribution_get_or_404(kind="answer", pk=pk, viewer=request.user)
    services.answer_uncurate(moderator=request.user, answer=answer, reason=optional_reason(request))
    messages.info(request, "The answer is no longer curated.")
    return back(request, answer)


@require_safe
@login_required
def features_by_page(request: HttpRequest) -> HttpResponse:
    moderator(request)
    context = {"pages": selectors.features_by_page()}
    return render(request, "moderation/featured.html", context)


def _featured_where(request: HttpRequest, pk: int) -> tuple[Question, Level | None]:
    """The question, and where the button said: the home page (None) or a level's page."""
    moderator(request)
    question = contribution_get_or_404(kind="question", pk=pk, viewer=request.user)
    form = FeatureForm(request.POST)
    if not form.is_valid():
        raise BadRequest("Feature it on the home page or on a level's page.")
    where = form.cleaned_data["where"]
    return question, None if where == "home" else get_object_or_404(Level, slug=where)


@require_POST
@login_required
def question_feature(request: HttpRequest, pk: int) -> HttpResponse:
    """Feature the question on the home page or its level's page (again: no change)."""
    question, level = _featured_where(request, pk)
    services.question_feature(moderator=request.user, question=question, level=level)
    messages.success(request, "The question is featured.")
    return redirect(question)


@require_POST
@login_required
def question_unfeature_from(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop featuring the question there (again: no change)."""
    question, level = _featured_where(request, pk)
    services.question_unfeature_from(moderator=request.user, question=question, level=level)
    messages.info(request, "The question is no longer featured there.")
    return redirect(question)


def _feature(pk: int) -> Feature:
    return get_object_or_404(Feature.objects.select_related("question", "level"), pk=pk)


@require_POST
@login_required
def feature_move(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    offset = -1 if request.POST.get("direction") == "up" else 1
    services.feature_move(moderator=request.user, feature=_feature(pk), offset=offset)
    return redirect("moderation:featured")


@require_POST
@login_required
def question_unfeature(request: HttpRequest, pk: int) -> HttpResponse:
    moderator(request)
    services.question_unfeature(moderator=request.user, feature=_feature(pk))
    return redirect("moderation:featured")
