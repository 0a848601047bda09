"""Answering, editing an answer, and the asker's accept mark."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core import ratelimit
from core.http import form_data, login_required
from core.rules import require
from forum import edits
from forum.forms import AnswerEditForm, AnswerForm
from forum.rules import can_edit
from forum.services import answers as services
from forum.views.questions import render_question
from forum.views.shared import contribution_or_404, question_or_404


@require_POST
@login_required
def answer_create(request: HttpRequest, pk: int) -> HttpResponse:
    question = question_or_404(request, pk)
    form = AnswerForm(request.POST, auto_id="answer_%s")
    if not form.is_valid():
        return render_question(request, question, answer_form=form, status=400)
    with ratelimit.limit(request, "answer"):
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
def answer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    answer = contribution_or_404(request, "answer", pk)
    require(can_edit, request.user, answer)
    initial = {"body": answer.body, "base_revision": edits.latest_number(answer)}
    form = AnswerEditForm(form_data(request), initial=initial)
    result = edits.Attempt(saved=False, form=form)
    if request.method == "POST" and form.is_valid():

        def save():
            with ratelimit.limit(request, "edit"):  # a conflict is not charged
                services.answer_edit(
                    answer=answer,
                    editor=request.user,
                    body=form.cleaned_data["body"],
                    reason=form.cleaned_data["reason"],
                    base_revision=form.cleaned_data["base_revision"],
                )

        result = edits.attempt(form, save, initial=initial)
        if result.saved:
            messages.success(request, "Your changes are saved.")
            return redirect(answer)
    context = {
        "form": result.form,
        "answer": answer,
        "question": answer.question,
        "conflict": result.conflict,
    }
    return render(request, "forum/answer_form.html", context, status=result.status)


@require_POST
@login_required
def answer_accept(request: HttpRequest, pk: int) -> HttpResponse:
    answer = contribution_or_404(request, "answer", pk)
    services.answer_accept(user=request.user, answer=answer)
    messages.success(request, "You accepted this answer. Thank you for closing the loop.")
    return redirect(answer)


@require_POST
@login_required
def answer_unaccept(request: HttpRequest, pk: int) -> HttpResponse:
    answer = contribution_or_404(request, "answer", pk)
    services.answer_unaccept(user=request.user, answer=answer)
    messages.info(request, "The answer is no longer marked as accepted.")
    return redirect(answer)
