"""The sign-up page: one short password hint, and which organisations take part."""

import re

import pytest
from django.urls import reverse


def signup_page(client) -> str:
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_sign_up_states_the_password_rules_once_in_german(client, home):
    html = signup_page(client)
    assert html.count("mindestens 10 Zeichen") == 1
    assert "nur aus Ziffern" in html
    assert "Namen oder Ihrer E-Mail-Adresse" in html
    # Not the stock list of the validators, in German or in English.
    assert "Das Passwort darf nicht" not in html
    assert "Das Passwort muss" not in html
    assert "Your password" not in html
    assert "<li>" not in re.search(r'id="id_password1_helptext">(.*?)</div>', html, re.S).group(1)
    assert 'aria-describedby="id_password1_helptext"' in html


@pytest.mark.django_db
def test_the_short_hint_leaves_the_password_rules_in_force(client, home):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "neu@post.example",
            "first_name": "Lena",
            "last_name": "Fischer",
            "password1": "1234567890",
            "password2": "1234567890",
        },
    )
    assert response.status_code == 200
    assert "Dieses Passwort ist zu üblich" in response.content.decode()


@pytest.mark.django_db
def test_sign_up_lists_the_participating_organisations_by_name_only(client, home):
    from members.models import Organisation, OrganisationDomain

    active = Organisation.objects.create(name="Stadt Musterhausen", kind="stadt")
    OrganisationDomain.objects.create(organisation=active, domain="musterhausen.example")
    gone = Organisation.objects.create(name="Gemeinde Altdorf", kind="gemeinde", active=False)
    OrganisationDomain.objects.create(organisation=gone, domain="altdorf.example")

    html = signup_page(client)
    assert "Ist meine Kommune dabei?" in html
    assert "<li>Stadt Musterhausen</li>" in html
    assert "Gemeinde Altdorf" not in html
    assert "musterhausen.example" not in html  # no e-mail domains
    assert "altdorf.example" not in html


@pytest.mark.django_db
def test_the_list_of_organisations_costs_one_query(client, home, django_assert_max_num_queries):
    from members.models import Organisation

    client.get(reverse("account_signup"))  # warm up site and page caches
    Organisation.objects.create(name="Stadt Musterhausen", kind="stadt")
    with django_assert_max_num_queries(50) as few:
        client.get(reverse("account_signup"))
    Organisation.objects.bulk_create(
        Organisation(name=f"Gemeinde {number}", kind="gemeinde") for number in range(30)
    )
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        html = signup_page(client)
    assert "Gemeinde 29" in html
    organisation_queries = [
        query for query in many.captured_queries if "members_organisation" in query["sql"]
    ]
    assert len(organisation_queries) == 1
