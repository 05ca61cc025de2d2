"""Security headers for every response: a Content-Security-Policy and a Permissions-Policy.

Public pages get the strict policy: scripts and styles only from this server, no
inline code at all, for editors with Wagtail's userbar, too. The Wagtail admin gets
a policy of its own, as strict as the admin still works with (see ADMIN_POLICY and
tests/browser/test_admin_csp.py, which watches the browser for violations).
"""

from django.http import HttpRequest, HttpResponse

ADMIN_PREFIX = "/admin/"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    # Wagtail's userbar for editors builds its styles from stylesheets in a shadow
    # root; style attributes it sets through the CSSOM are not subject to CSP.
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    # Wagtail 8 starts its widgets with inline scripts: choosers (written in Python),
    # date and time fields, InlinePanel. Still no eval and no other origin.
    "script-src": "'self' 'unsafe-inline'",
    # The rich text editor (Draftail) adds <style> elements, admin scripts style attributes.
    "style-src": "'self' 'unsafe-inline'",
    # Upload previews are blob: URLs; jQuery UI's menus (tag suggestions) use a data: image.
    "img-src": "'self' data: blob:",
    # The preview panel is an iframe of the admin's own preview view.
    "frame-src": "'self'",
}


def frame_ancestors(response: HttpResponse) -> str:
    """Framing follows X-Frame-Options: only Wagtail's preview views allow their own origin.

    A browser that sees frame-ancestors ignores X-Frame-Options, so both must agree.
    """
    return "'self'" if response.get("X-Frame-Options") == "SAMEORIGIN" else "'none'"


def is_preview_render(request: HttpRequest) -> bool:
    """Wagtail renders a preview by sending a dummy request for the page's public URL
    through the middleware again; the admin request around it decides the headers."""
    return getattr(request, "is_dummy", False)


def content_security_policy(request: HttpRequest, response: HttpResponse) -> str:
    policy = ADMIN_POLICY if request.path.startswith(ADMIN_PREFIX) else PUBLIC_POLICY
    directives = {**policy, "frame-ancestors": frame_ancestors(response)}
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


class SecurityHeadersMiddleware:
    """Sits outside Django's XFrameOptionsMiddleware, so it sees the final X-Frame-Options."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_preview_render(request):
            return response
        response.setdefault("Content-Security-Policy", content_security_policy(request, response))
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
