"""Passwords of password-protected pages cannot be guessed without end: failed tries
are limited per client address and protected section, like logins."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests import factories

PASSWORD = "sommer-im-rathaus"
BLOCKED = "Zu viele falsche Passwörter in kurzer Zeit."


def protect(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )


def try_password(client, restriction, password: str, **headers):
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, restriction.page_id]
    )
    return client.post(url, {"password": password, "return_url": restriction.page.url}, **headers)


@pytest.fixture
def protected(mission_index):
    return protect(factories.mission_page(mission_index, title="Interner Entwurf"))


@pytest.mark.django_db
def test_the_right_password_opens_the_page(client, protected):
    assert "Interner Entwurf" not in client.get(protected.page.url).content.decode()
    response = try_password(client, protected, PASSWORD)
    assert response.status_code == 302
    assert "Interner Entwurf" in client.get(protected.page.url).content.decode()


@pytest.mark.django_db
def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, protected):
    for _ in range(5):
        wrong = try_password(client, protected, "geraten")
        assert wrong.status_code == 200  # Wagtail shows the form again
    refused = try_password(client, protected, PASSWORD)
    html = refused.content.decode()
    assert refused.status_code == 429
    assert BLOCKED in html
    assert 'name="password"' in html  # the form, to try again later
    assert 240 < int(refused["Retry-After"]) <= 300
    assert "Interner Entwurf" not in client.get(protected.page.url).content.decode()


@pytest.mark.django_db
def test_a_blocked_address_does_not_block_other_addresses_or_pages(
    client, protected, mission_index
):
    for _ in range(5):
        try_password(client, protected, "geraten")
    assert try_password(client, protected, PASSWORD).status_code == 429

    assert try_password(client, protected, PASSWORD, REMOTE_ADDR="192.0.2.7").status_code == 302
    other = protect(factories.mission_page(mission_index, title="Anderer Entwurf"))
    assert try_password(client, other, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, protected):
    # Without trusted proxies (TRUSTED_PROXY_COUNT=0) X-Forwarded-For is the client's word.
    for n in range(5):
        try_password(client, protected, "geraten", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    refused = try_password(client, protected, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert refused.status_code == 429


@pytest.mark.django_db
def test_the_right_password_does_not_count_as_a_failed_try(client, protected):
    for _ in range(10):
        assert try_password(client, protected, PASSWORD).status_code == 302
    assert try_password(client, protected, "geraten").status_code == 200
