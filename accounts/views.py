import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_safe

from accounts.bands import describe_level_code
from accounts.forms import ProfileForm
from accounts.privileges import ladder_for
from accounts.rules import can_edit_profile
from accounts.selectors import user_get_public
from accounts.services import profile_update as update
from accounts.slots import PROFILE_FACTS, PROFILE_SECTIONS
from core.http import form_data, login_required
from core.rules import require


@require_safe
def profile(request: HttpRequest, username: str) -> HttpResponse:
    """A person's public page; what other apps know of them comes through accounts.slots."""
    person = user_get_public(username=username)
    context = {
        "person": person,
        "facts": PROFILE_FACTS.fill(request, person),
        "sections": PROFILE_SECTIONS.fill(request, person),
    }
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
            email_notifications=form.cleaned_data["email_notifications"],
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


@require_safe
def privileges(request: HttpRequest) -> HttpResponse:
    """What reputation unlocks (accounts/privileges.py), and what the viewer holds."""
    return render(request, "accounts/privileges.html", {"ladder": ladder_for(request.user)})
