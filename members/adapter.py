"""allauth adapter: e-mail leaves through the task queue after commit."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from .mail import send_after_commit


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Rendered now (the templates need the request), sent by a task once the
        # transaction has committed, so sign-up never waits on the mail server.
        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        send_after_commit(self.render_mail(template_prefix, email, full_context))
