"""A tag's page (description, wiki, top askers and answerers), its wiki editor and history."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe
from taggit.models import Tag

from core import ratelimit
from core.http import form_data, form_status, login_required
from core.rules import require
from forum.forms import TagWikiForm
from forum.rules import can_edit_tag_wiki
from forum.selectors.tags import tag_get, tag_page, tag_wiki, tag_wiki_revisions
from forum.services import tagwiki as services
from forum.views.shared import tag_slug


def _tag_or_404(raw: str) -> Tag:
    tag = tag_get(slug=tag_slug(raw))
    if tag is None:
        raise Http404("No such tag.")
    return tag


@require_safe
def tag_detail(request: HttpRequest, tag: str) -> HttpResponse:
    page = tag_page(tag=_tag_or_404(tag))
    return render(request, "forum/tag_detail.html", {"page": page, "tag": page.tag})


@require_http_methods(["GET", "POST"])
@login_required
def tag_wiki_edit(request: HttpRequest, tag: str) -> HttpResponse:
    found = _tag_or_404(tag)
    require(can_edit_tag_wiki, request.user)
    wiki = tag_wiki(tag=found)
    initial = {
        "excerpt": wiki.excerpt if wiki else "",
        "body": wiki.body if wiki else "",
        "base_revision": wiki.revision if wiki else 0,
    }
    form = TagWikiForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with ratelimit.limit(request, "edit"):
                services.tag_wiki_edit(
                    editor=request.user,
                    tag=found,
                    excerpt=form.cleaned_data["excerpt"],
                    body=form.cleaned_data["body"],
                    reason=form.cleaned_data["reason"],
                    base_revision=form.cleaned_data["base_revision"],
                )
        except services.WikiConflict as conflict:
            # Shown again on what they typed, now based on the newer revision: saving again
            # (after reading it) replaces that one, knowingly.
            data = request.POST.copy()
            current = tag_wiki(tag=found)  # None when no revision exists yet
            data["base_revision"] = str(current.revision if current else 0)
            form = TagWikiForm(data)
            form.is_valid()
            form.add_error(None, str(conflict))
        except ValueError as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"The description of “{found.name}” is saved.")
            return redirect(reverse("forum:tag", args=[found.slug]))
    context = {"form": form, "tag": found, "wiki": wiki}
    return render(request, "forum/tag_wiki_form.html", context, status=form_status(form))


@require_safe
def tag_wiki_history(request: HttpRequest, tag: str) -> HttpResponse:
    found = _tag_or_404(tag)
    context = {"tag": found, "revisions": tag_wiki_revisions(tag=found)}
    return render(request, "forum/tag_wiki_history.html", context)
