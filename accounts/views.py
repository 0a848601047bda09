import copy

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from accounts import avatars
from accounts.bands import describe_level_code
from accounts.forms import ProfileForm, WelcomeForm
from accounts.privileges import ladder_for
from accounts.rules import can_edit_profile
from accounts.selectors import user_get_public, welcome_due
from accounts.services import email_unsubscribe, welcome_complete, welcome_dismiss
from accounts.services import profile_update as update
from accounts.slots import PROFILE_FACTS, PROFILE_SECTIONS, PROFILE_TABS, WELCOME_PARTS
from accounts.standing import is_trusted_by_role
from accounts.unsubscribe import BadToken, user_from_token
from core.http import form_data, form_status, login_required, safe_next
from core.rules import require


@require_safe
def profile(request: HttpRequest, username: str) -> HttpResponse:
    """A person's public page, in tabs (?tab=questions): "Summary" first, then those the apps
    above fill in; what they know of the person comes through accounts.slots. Only the open
    tab is drawn."""
    person = user_get_public(username=username)
    tabs = [tab for given in PROFILE_TABS.fill(request, person) for tab in given]
    current = request.GET.get("tab", "summary")
    if current != "summary" and current not in {tab.slug for tab in tabs}:
        raise Http404("No such tab.")
    context = {
        "person": person,
        "avatar": avatars.for_person(person, 72),
        "facts": PROFILE_FACTS.fill(request, person),
        "tabs": tabs,
        "current": current,
    }
    if current == "summary":
        context["sections"] = PROFILE_SECTIONS.fill(request, person)
    else:
        context["tab_html"] = next(tab for tab in tabs if tab.slug == current).render(
            request, person
        )
    return render(request, "accounts/profile.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def profile_update(request: HttpRequest) -> HttpResponse:
    require(can_edit_profile, request.user)
    # A copy: validating writes the typed values onto the instance, and the page around a
    # refused form (the header's name) must still show the saved ones.
    form = ProfileForm(form_data(request), instance=copy.copy(request.user))
    if request.method == "POST" and form.is_valid():
        update(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            headline=form.cleaned_data["headline"],
            company=form.cleaned_data["company"],
            level_code=form.cleaned_data["level_code"],
            band_override=form.cleaned_band_override(),
            email_frequency=form.cleaned_data["email_frequency"],
            show_readiness=form.cleaned_data["show_readiness"],
        )
        messages.success(request, "Your profile is saved.")
        return redirect(request.user)
    # The band of the saved code: what the preview beside the field shows before any typing,
    # and all it shows without JavaScript.
    band_text = describe_level_code(request.user.level_code)
    return render(request, "accounts/profile_edit.html", {"form": form, "band_text": band_text})


@require_safe
@cache_control(private=True, max_age=3600)
def level_band(request: HttpRequest) -> HttpResponse:
    """htmx: the band a level code maps to, as the person types it. Reads nothing but the code
    (no database, no session), so the browser may keep the answer."""
    code = request.GET.get("level_code", "")[:200]
    return HttpResponse(
        render_to_string("accounts/_level_band.html", {"band_text": describe_level_code(code)})
    )


@require_http_methods(["GET", "POST"])
@login_required
def welcome(request: HttpRequest) -> HttpResponse:
    """The step after the first log-in (accounts.adapter sends people here): name, headline
    and level code, or "Skip for now". Shown once; afterwards the page sends people on."""
    next_url = _next_url(request)
    if not welcome_due(request.user):
        return redirect(next_url)
    if request.method == "POST" and "skip" in request.POST:
        welcome_dismiss(user=request.user)
        return redirect(next_url)
    data = form_data(request)
    form = WelcomeForm(data, instance=copy.copy(request.user))
    parts = WELCOME_PARTS.fill(request, data)
    forms = [form, *(part.form for part in parts)]
    # A list, not a generator: every form is checked, so each shows its own errors at once.
    if request.method == "POST" and all([f.is_valid() for f in forms]):  # noqa: C419
        welcome_complete(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            headline=form.cleaned_data["headline"],
            level_code=form.cleaned_data["level_code"],
            band_override=form.cleaned_band_override(),
            also=[part.save for part in parts],
        )
        messages.success(request, "Welcome to Rungs. Your profile is saved.")
        return redirect(next_url)
    context = {
        "form": form,
        "parts": parts,
        "band_text": describe_level_code(request.user.level_code),
        "next_url": next_url,
    }
    status = max(form_status(f) for f in forms)
    return render(request, "accounts/welcome.html", context, status=status)


def _next_url(request: HttpRequest) -> str:
    """Where the person was going when they logged in: a page of this site, else home."""
    wanted = safe_next(request, reverse("home"))
    return reverse("home") if wanted.startswith(reverse("welcome")) else wanted


@csrf_exempt  # the signed token is the authority; mail clients POST without a CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """A notification e-mail's one-click unsubscribe link, without logging in: GET asks to
    confirm (a link opened by a mail scanner changes nothing), POST unsubscribes (the button,
    or a mail client's RFC 8058 one-click request). A bad or old link is a 400 that says so."""
    try:
        person = user_from_token(token)
    except BadToken as error:
        return render(
            request, "accounts/unsubscribe_invalid.html", {"problem": str(error)}, status=400
        )
    done = request.method == "POST"
    if done:
        email_unsubscribe(user=person)
    return render(request, "accounts/unsubscribe.html", {"person": person, "done": done})


@require_safe
def privileges(request: HttpRequest) -> HttpResponse:
    """What reputation unlocks (accounts/privileges.py), and what the viewer holds."""
    user = request.user
    context = {
        "ladder": ladder_for(user),
        "holds_all": user.is_authenticated and is_trusted_by_role(user),
    }
    return render(request, "accounts/privileges.html", context)
