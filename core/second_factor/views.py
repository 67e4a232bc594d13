"""The second factor's pages: the code asked after the password, setting up an authenticator app, and one's
own second factor (new recovery codes; removing an optional one). Only `verify` and `enrol` open before the
session has proved a second factor (core.middleware.SecondFactorMiddleware)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import Refused
from core.second_factor import services
from core.second_factor.forms import CodeForm, FirstCodeForm
from core.second_factor.rules import has_second_factor, required_for


def verify(request):
    """The code after the password: from the authenticator app, or one recovery code."""
    user, after = request.user, _next(request)
    if user.is_verified():
        return redirect(after)
    if not has_second_factor(user):
        return redirect(_with_next(reverse("second_factor:enrol"), after) if required_for(user) else after)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            services.code_check(request=request, code=form.cleaned_data["code"])
        except Refused as refused:
            form.add_error("code", refused.reasons)
        else:
            return redirect(after)
    return render(request, "second_factor/verify.html", {"form": form, "next": after})


def enrol(request):
    """Setting up an authenticator app: its QR code and key, confirmed with a first code; then the recovery
    codes, shown once. One who already has an app proves it instead (no second app past the first)."""
    user, after = request.user, _next(request)
    if has_second_factor(user):
        return redirect("second_factor:manage" if user.is_verified() else _with_next(
            reverse("second_factor:verify"), after))
    device = services.pending_device(user)
    form = FirstCodeForm(request.POST or None)
    if form.is_valid():
        try:
            codes = services.device_confirm(request=request, token=form.cleaned_data["code"])
        except Refused as refused:
            form.add_error("code", refused.reasons)
        else:
            return _show_codes(request, codes, after)
    return render(request, "second_factor/enrol.html", {
        "form": form, "next": after, "qr": services.qr_svg(device), "secret": services.secret_text(device),
        "required": required_for(user)})


def manage(request):
    """My second factor: whether I have one, how many recovery codes are left, and what I may do."""
    user = request.user
    recovery = user.staticdevice_set.filter(confirmed=True).first()
    return render(request, "second_factor/manage.html", {
        "enrolled": has_second_factor(user), "required": required_for(user),
        "codes_left": recovery.token_set.count() if recovery else 0})


@require_POST
def codes_renew(request):
    try:
        codes = services.recovery_codes_renew(user=request.user, by=request.user)
    except Refused as refused:
        messages.error(request, " ".join(refused.reasons))
        return redirect("second_factor:manage")
    return _show_codes(request, codes, reverse("second_factor:manage"))


@require_POST
def remove(request):
    """A partner user's own optional second factor; a required one only an administrator resets."""
    try:
        services.second_factor_reset(user=request.user, by=request.user)
    except Refused as refused:
        messages.error(request, " ".join(refused.reasons))
    else:
        messages.success(request, _("Your second factor was removed."))
    return redirect("second_factor:manage")


def _show_codes(request, codes, after):
    # Shown in the answer to the POST that made them, and never again: no page lists them later.
    response = render(request, "second_factor/codes.html", {"codes": codes, "next": after})
    response["Cache-Control"] = "no-store"
    return response


def _next(request):
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return wanted
    return reverse("dashboard")


def _with_next(url, after):
    return f"{url}?{urlencode({'next': after})}"
