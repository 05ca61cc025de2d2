"""allauth in our design and language; no enumeration; rate limits; the admin's login door; SSO."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from members.views import admin_login  # noqa: F401 – the view under test
from portal.settings.sso import openid_connect_providers
from tests import factories


def main_html(response) -> str:
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert 'class="site-header"' in html  # our base.html, not allauth's bare layout
    return html


ANONYMOUS_PAGES = {
    "account_login": "Anmelden",
    "account_signup": "Registrieren",
    "account_reset_password": "Passwort zurücksetzen",
    "account_reset_password_done": "E-Mail verschickt",
    "account_email_verification_sent": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
    "account_inactive": "Konto deaktiviert",
}
SIGNED_IN_PAGES = {
    "members:account": "Mein Konto",
    "members:delete": "Konto löschen",
    "account_email": "E-Mail-Adressen",
    "account_change_password": "Passwort ändern",
    "account_logout": "Abmelden",
    "account_reauthenticate": "Zugriff bestätigen",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "heading"), ANONYMOUS_PAGES.items())
def test_account_pages_for_visitors_are_ours_and_german(client, home, name, heading):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = main_html(response)
    assert f"<h1>{heading}</h1>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "heading"), SIGNED_IN_PAGES.items())
def test_account_pages_for_signed_in_people_are_ours_and_german(as_user, member, name, heading):
    response = as_user(member).get(reverse(name))
    assert response.status_code == 200
    html = main_html(response)
    assert f"<h1>{heading}</h1>" in html
    assert 'aria-label="Kontobereich"' in html


@pytest.mark.django_db
def test_confirmation_and_reset_links_render_in_our_design(client, home):
    bad_confirm = client.get(reverse("account_confirm_email", args=["falsch"]))
    assert "Dieser Bestätigungslink ist abgelaufen oder ungültig" in main_html(bad_confirm)
    bad_reset = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "1", "key": "x-y"})
    )
    assert "Ungültiger Link" in main_html(bad_reset)


@pytest.mark.django_db
def test_the_header_offers_login_or_the_account(client, as_user, member, home):
    anonymous = client.get("/").content.decode()
    assert 'href="/accounts/login/">Anmelden<' in anonymous
    assert 'href="/accounts/signup/">Registrieren<' in anonymous
    signed_in = as_user(member).get("/").content.decode()
    assert ">Mein Konto<" in signed_in and ">Abmelden<" in signed_in and ">Diskussion<" in signed_in


@pytest.mark.django_db
def test_registered_people_see_no_discussion_link(as_user, registered):
    assert ">Diskussion<" not in as_user(registered).get("/").content.decode()


@pytest.mark.django_db
def test_sign_up_asks_for_a_name_and_explains_bad_input(client, home):
    response = client.post(
        reverse("account_signup"),
        {"email": "kein-at", "password1": "kurz", "password2": "anders", "first_name": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein." in html
    assert "Dieses Feld muss ausgefüllt werden." in html  # first name
    assert 'value="kein-at"' in html  # the typed address is kept
    assert 'role="alert"' in html


# --- No enumeration ------------------------------------------------------------------


@pytest.mark.django_db
def test_sign_up_answers_alike_for_known_and_unknown_addresses(client, mailbox, member):
    def signup(email):
        with mailbox.collect():
            return client.post(
                reverse("account_signup"),
                {
                    "email": email,
                    "password1": factories.PASSWORD,
                    "password2": factories.PASSWORD,
                    "first_name": "A",
                    "last_name": "B",
                },
            )

    known, unknown = signup(member.email), signup("neu@musterhausen.example")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("account_email_verification_sent")
    # The owner of the known address is told by mail, not the person at the keyboard.
    subjects = {mail.to[0]: mail.subject for mail in mailbox.outbox}
    assert "bereits ein Konto" in subjects[member.email]
    assert "bestätigen" in subjects["neu@musterhausen.example"]


@pytest.mark.django_db
def test_password_reset_answers_alike_for_known_and_unknown_addresses(client, mailbox, member):
    with mailbox.collect():
        known = client.post(reverse("account_reset_password"), {"email": member.email})
        unknown = client.post(reverse("account_reset_password"), {"email": "wer@nirgends.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    [reset, unknown_mail] = mailbox.outbox
    assert reset.subject == "[Kommunal souverän] Passwort zurücksetzen"
    assert "/accounts/password/reset/key/" in reset.body
    assert "kein Konto" in unknown_mail.body


@pytest.mark.django_db
def test_login_failures_read_alike_for_known_and_unknown_addresses(client, member):
    wrong_password = client.post(
        reverse("account_login"), {"login": member.email, "password": "falsch-falsch"}
    )
    unknown = client.post(
        reverse("account_login"), {"login": "wer@nirgends.example", "password": "falsch-falsch"}
    )

    def errors(response):
        return re.findall(
            r'<div class="form-errors" role="alert">(.*?)</div>', response.content.decode(), re.S
        )

    assert errors(wrong_password) == errors(unknown) != []


# --- Rate limits and the admin login ---------------------------------------------------


@pytest.mark.django_db
def test_failed_logins_are_rate_limited(client, member):
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": member.email, "password": "falsch"})
    blocked = client.post(
        reverse("account_login"), {"login": member.email, "password": factories.PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in blocked.content.decode()


@pytest.mark.django_db
def test_admin_login_leads_to_the_rate_limited_login(client, home):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    door = client.get(response["Location"])
    assert door.status_code == 302
    assert door["Location"] == "/accounts/login/?next=/admin/"


@pytest.mark.django_db
def test_wagtails_own_login_form_takes_no_passwords(client, superuser):
    response = client.post(
        "/admin/login/", {"username": superuser.username, "password": factories.PASSWORD}
    )
    assert response.status_code == 405
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_admin_login_ignores_foreign_next_urls(client, home):
    response = client.get("/admin/login/", {"next": "https://evil.example/"})
    assert response["Location"] == "/accounts/login/?next=/admin/"


@pytest.mark.django_db
def test_signed_in_people_without_admin_rights_get_a_clear_refusal(as_user, member):
    client = as_user(member)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "Kein Zugang zur Verwaltung" in response.content.decode()


@pytest.mark.django_db
def test_editors_reach_the_admin_through_the_login(client, superuser):
    client.post(
        "/accounts/login/?next=/admin/",
        {"login": superuser.email, "password": factories.PASSWORD, "next": "/admin/"},
    )
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_wagtails_password_reset_is_off(client, home):
    assert client.get("/admin/password_reset/").status_code == 404


# --- Single sign-on ------------------------------------------------------------------


def test_sso_is_off_without_configuration():
    assert openid_connect_providers({}) == {}
    assert openid_connect_providers({"OIDC_SERVER_URL": "https://idp.example"}) == {}


def test_sso_is_configured_from_the_environment_only():
    providers = openid_connect_providers(
        {
            "OIDC_SERVER_URL": "https://login.musterhausen.example/realms/stadt",
            "OIDC_CLIENT_ID": "kommunal-souveraen",
            "OIDC_CLIENT_SECRET": "geheim",
            "OIDC_PROVIDER_NAME": "Stadt Musterhausen",
        }
    )
    [app] = providers["openid_connect"]["APPS"]
    assert app["provider_id"] == "kommune"
    assert app["name"] == "Stadt Musterhausen"
    assert app["client_id"] == "kommunal-souveraen" and app["secret"] == "geheim"
    assert app["settings"]["server_url"] == "https://login.musterhausen.example/realms/stadt"
    assert app["settings"]["oauth_pkce_enabled"] is True


@pytest.mark.django_db
def test_the_login_page_offers_sso_when_configured(client, home):
    assert "Dienstliche Anmeldung" not in client.get(reverse("account_login")).content.decode()
    providers = openid_connect_providers(
        {
            "OIDC_SERVER_URL": "https://idp.example",
            "OIDC_CLIENT_ID": "id",
            "OIDC_CLIENT_SECRET": "secret",
            "OIDC_PROVIDER_NAME": "Anmeldung Musterhausen",
        }
    )
    with override_settings(SOCIALACCOUNT_PROVIDERS=providers):
        html = client.get(reverse("account_login")).content.decode()
        assert "Anmelden mit Anmeldung Musterhausen" in html
        assert 'action="/accounts/oidc/kommune/login/?process=login"' in html
        confirm = client.get("/accounts/oidc/kommune/login/?process=login")
        assert confirm.status_code == 200
        assert "Anmelden mit Anmeldung Musterhausen" in main_html(confirm)


@pytest.mark.django_db
def test_passwords_change_only_in_the_rate_limited_form(as_user, superuser):
    html = as_user(superuser).get(reverse("wagtailadmin_account")).content.decode()
    assert 'name="password_old"' not in html and "old_password" not in html
