"""The account page: profile, membership, data export and deletion; the admin's login door."""

import json

from allauth.account.models import EmailAddress
from allauth.account.views import SignupView as AllauthSignupView
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import services
from .export import export_user_data
from .forms import DeleteAccountForm, MembershipRequestForm, ProfileForm, password_hint
from .models import Membership, MembershipEnding, MembershipRequest, Organisation
from .permissions import can_delete_own_account, can_request_membership, is_member


class SignupView(AllauthSignupView):
    """allauth's sign-up (rate limit, no enumeration and all), with one short
    password hint instead of a line per validator and the participating organisations."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if "password1" in form.fields:
            form.fields["password1"].help_text = password_hint()
        return form

    def get_context_data(self, **kwargs) -> dict:
        # Answers "Ist meine Kommune dabei?": names only, never domains or people.
        names = Organisation.objects.active().order_by("name").values_list("name", flat=True)
        return super().get_context_data(**kwargs) | {"participating_organisations": list(names)}


def account_context(request, **forms) -> dict:
    user = request.user
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    requests = list(MembershipRequest.objects.filter(user=user).select_related("organisation")[:5])
    pending = next((item for item in requests if item.is_pending), None)
    may_request = can_request_membership(user) and pending is None
    ending = None
    if membership is None:
        ending = MembershipEnding.objects.filter(user=user).select_related("organisation").first()
    return {
        "membership": membership,
        "ending": ending,
        "is_member": is_member(user),
        "pending_request": pending,
        "last_decision": next((item for item in requests if not item.is_pending), None),
        "request_form": forms.get("request_form")
        or (MembershipRequestForm() if may_request else None),
        "profile_form": forms.get("profile_form") or ProfileForm(instance=user),
        "email_addresses": EmailAddress.objects.filter(user=user).order_by("-primary", "email"),
        "may_delete": can_delete_own_account(user),
    }


@never_cache
@login_required
@require_GET
def account(request):
    return TemplateResponse(request, "members/account.html", account_context(request))


@never_cache
@login_required
@require_POST
def update_profile(request):
    form = ProfileForm(request.POST, instance=request.user)
    if form.is_valid():
        services.rename(
            request.user, form.cleaned_data["first_name"], form.cleaned_data["last_name"]
        )
        messages.success(request, _("Ihr Name wurde gespeichert."))
        return redirect("members:account")
    context = account_context(request, profile_form=form)
    return TemplateResponse(request, "members/account.html", context, status=400)


@never_cache
@login_required
@require_POST
def request_membership(request):
    if not can_request_membership(request.user):
        messages.info(request, _("Sie sind bereits Mitglied."))
        return redirect("members:account")
    if MembershipRequest.objects.pending().filter(user=request.user).exists():
        messages.info(request, _("Ihr Antrag liegt bereits vor und wird geprüft."))
        return redirect("members:account")
    form = MembershipRequestForm(request.POST)
    if form.is_valid():
        services.request_membership(
            request.user, form.cleaned_data["organisation"], form.cleaned_data["message"]
        )
        messages.success(
            request,
            _(
                "Ihr Antrag ist eingegangen. Sie erhalten eine E-Mail, sobald darüber "
                "entschieden ist."
            ),
        )
        return redirect("members:account")
    context = account_context(request, request_form=form)
    return TemplateResponse(request, "members/account.html", context, status=400)


@never_cache
@login_required
@require_GET
def export_data(request):
    data = export_user_data(request.user)
    filename = f"kommunal-souveraen-meine-daten-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    if not can_delete_own_account(user):
        return TemplateResponse(request, "members/delete_account.html", {"refused": True})
    form = DeleteAccountForm(request.POST or None, user=user)
    status = 200
    if request.method == "POST":
        # The password is checked here: guessing it must be as slow as at the login.
        if not ratelimit.consume(request, action="reauthenticate", user=user):
            form.add_error(None, _("Zu viele Versuche. Bitte warten Sie einige Minuten."))
            status = 429
        elif form.is_valid():
            logout(request)
            services.delete_account(user)
            messages.success(
                request,
                _(
                    "Ihr Konto wurde gelöscht. Ihre Beiträge bleiben stehen und zeigen nur noch "
                    "Ihre Organisation."
                ),
            )
            return redirect("/")
        else:
            status = 400
    return TemplateResponse(request, "members/delete_account.html", {"form": form}, status=status)


@never_cache
@require_GET
def admin_login(request):
    """``/admin/login/``: Wagtail's own form has no rate limit, so the door is allauth's.

    Anonymous visitors go to the rate-limited allauth login; people signed in without
    admin rights get a clear refusal instead of a redirect loop.
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    next_url = next_url or reverse("wagtailadmin_home")
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, reverse("account_login"))
    if request.user.has_perm("wagtailadmin.access_admin"):
        return HttpResponseRedirect(next_url)
    return TemplateResponse(request, "members/admin_refused.html", status=403)
