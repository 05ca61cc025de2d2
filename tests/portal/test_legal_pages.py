"""The pages a German public website must have, and the BITV feedback form."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from legal.models import AccessibilityPage


@pytest.fixture
def statement(home):
    page = AccessibilityPage.objects.get()
    page.to_address = "barrierefreiheit@staedtetag.example"
    page.from_address = "noreply@kommunal-souveraen.example"
    page.subject = "Rückmeldung zur Barrierefreiheit"
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/impressum/", "/datenschutz/", "/leichte-sprache/", "/barrierefreiheit/"]
)
def test_legal_pages_exist_from_the_start(client, home, path):
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_feedback_form_is_ready_without_editor_setup(client, home):
    html = client.get("/barrierefreiheit/").content.decode()
    assert "Barriere melden" in html
    assert 'name="ihre_nachricht"' in html
    assert "(Pflichtfeld)" in html


@pytest.mark.django_db
def test_empty_feedback_is_refused_in_german_and_keeps_what_was_typed(client, statement):
    response = client.post(
        "/barrierefreiheit/", {"ihr_name": "Erika Mustermann", "ihre_nachricht": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert 'value="Erika Mustermann"' in html
    assert FormSubmission.objects.count() == 0


@pytest.mark.django_db
def test_feedback_is_stored_and_mailed_to_the_editors(client, statement):
    response = client.post(
        "/barrierefreiheit/",
        {
            "ihr_name": "Erika Mustermann",
            "ihre_e_mail_adresse": "erika@example.org",
            "ihre_nachricht": "Die Tabelle auf Seite 3 hat keine Überschriften.",
        },
    )
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Rückmeldung" in response.content.decode()
    assert FormSubmission.objects.filter(page=statement).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["barrierefreiheit@staedtetag.example"]
    assert "keine Überschriften" in mail.outbox[0].body
