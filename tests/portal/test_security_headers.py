"""Security headers on public pages (HSTS is tested with the production profile)."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/leitbild/", "/suche/?q=open", "/barrierefreiheit/"])
def test_public_pages_send_a_strict_policy(client, home, path):
    first = client.get(path)
    cached = client.get(path)  # a cached copy carries the same headers
    for response in (first, cached):
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
        assert "frame-ancestors 'none'" in csp
        assert "object-src 'none'" in csp
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_templates_contain_no_inline_script(client, home):
    html = client.get("/").content.decode()
    assert "<script>" not in html and "onclick=" not in html


def test_production_sends_hsts(settings):
    from django.test import Client

    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = False
    response = Client().get("/healthz", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
