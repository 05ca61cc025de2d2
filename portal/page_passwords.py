"""Wagtail's password form for protected pages, with wrong passwords rate-limited.

Wagtail's own view (``wagtail.views.authenticate_with_password``) lets anyone try
passwords without end; this one stands on its URL and counts the failed tries per
client address and protected section (``settings.PORTAL_RATE_LIMITS``).
"""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from . import ratelimits
from .submissions import TryLater


class TooManyTriesForm(PasswordViewRestrictionForm):
    """The password form again, saying only that there were too many wrong tries."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].required = False

    def clean_password(self) -> str:
        return ""  # not compared while the tries are blocked

    def clean(self):
        raise forms.ValidationError(ratelimits.TOO_MANY_PASSWORDS)


def authenticate_with_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if ratelimits.page_password_blocked(request, page_view_restriction_id):
        return too_many_tries(request, page_view_restriction_id, page_id)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail answers the right password with a redirect, a wrong one with the form again.
    if response.status_code != 302:
        ratelimits.count_failed_page_password(request, page_view_restriction_id)
    return response


def too_many_tries(request: HttpRequest, restriction_id: int, page_id: int) -> HttpResponse:
    restriction = get_object_or_404(PageViewRestriction, id=restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = TooManyTriesForm(
        {"return_url": request.POST.get("return_url", "")}, instance=restriction
    )
    form.is_valid()
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    refusal = TryLater(
        ratelimits.TOO_MANY_PASSWORDS,
        429,
        ratelimits.page_password_retry_after(request, restriction_id),
    )
    return refusal.respond(page.serve_password_required_response(request, form, action_url))
