"""Your data and leaving: the privacy page, the export, and deleting one's account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from accounts.rules import can_delete_account
from core import ratelimit
from core.http import form_data, form_status, login_required
from core.pagecache import cached_page
from core.rules import require
from privacy.forms import DeleteAccountForm
from privacy.selectors import personal_export
from privacy.services import account_delete


@require_safe
@cached_page(())
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/privacy.html")


@require_safe
@never_cache
@login_required
def data_export(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own data, as a JSON download. No argument names whose: there is
    no way to ask for anyone else's. Never stored by any cache (never_cache: private,
    no-store), and core.pagecache only ever stores views that ask for it."""
    data = personal_export(user=request.user)
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2})
    filename = f"rungs-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def account_delete_confirm(request: HttpRequest) -> HttpResponse:
    require(can_delete_account, request.user)
    form = DeleteAccountForm(form_data(request), user=request.user)
    confirmed = False
    if request.method == "POST":
        # Every password try counts, a wrong one too: it is guessing that is being limited.
        with ratelimit.limit(request, "account_delete"):
            confirmed = form.is_valid()
    if confirmed:
        account_delete(user=request.user)
        logout(request)
        messages.success(request, "Your account is deleted. Thank you for your time on Rungs.")
        return redirect("home")
    return render(request, "privacy/delete.html", {"form": form}, status=form_status(form))
