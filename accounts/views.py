from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from accounts.forms import ProfileForm
from accounts.selectors import user_get_public
from accounts.services import profile_update
from forum.http import form_data
from forum.permissions import can_edit_profile, require
from forum.selectors import user_activity
from growth.selectors import latest_readiness


@require_safe
def profile(request: HttpRequest, username: str) -> HttpResponse:
    person = user_get_public(username=username)
    context = {
        "person": person,
        "activity": user_activity(person=person, viewer=request.user),
        "readiness": latest_readiness(person=person) if person.show_readiness else None,
    }
    return render(request, "accounts/profile.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    require(can_edit_profile, request.user)
    form = ProfileForm(form_data(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        profile_update(
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
    return render(request, "accounts/profile_edit.html", {"form": form})
