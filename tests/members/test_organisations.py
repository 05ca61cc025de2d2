"""Organisation rules: AGS, e-mail domains, matching addresses."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members.models import Organisation, OrganisationDomain
from tests import factories


@pytest.mark.django_db
@pytest.mark.parametrize("ags", ["0511100", "051110000", "0511100a", "05 111 000"])
def test_the_ags_has_exactly_eight_digits(home, ags):
    organisation = Organisation(name="Stadt X", kind="stadt", ags=ags)
    with pytest.raises(ValidationError, match="genau 8 Ziffern"):
        organisation.full_clean()


@pytest.mark.django_db
def test_an_ags_belongs_to_one_organisation_but_many_have_none(home):
    factories.organisation("Stadt A", domains=(), ags="05111000")
    factories.organisation("Verband B", domains=(), kind="verband")
    Organisation(name="Verband C", kind="verband").full_clean()
    with pytest.raises(ValidationError, match="Gemeindeschlüssel gibt es schon"):
        Organisation(name="Stadt D", kind="stadt", ags="05111000").full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("domain", ["gmail.com", "web.de", "gmx.de", "t-online.de"])
def test_public_mail_providers_are_no_member_domains(home, domain):
    organisation = factories.organisation(domains=())
    with pytest.raises(ValidationError, match="öffentlicher E-Mail-Anbieter"):
        OrganisationDomain(organisation=organisation, domain=domain).full_clean()


@pytest.mark.django_db
def test_domains_are_stored_in_one_spelling(home):
    organisation = factories.organisation(domains=("@Musterhausen.Example.",))
    assert organisation.domains.get().domain == "musterhausen.example"


@pytest.mark.django_db
def test_addresses_match_only_active_organisations_by_exact_domain(organisation):
    assert list(Organisation.objects.for_email("A.B@MUSTERHAUSEN.example")) == [organisation]
    assert not Organisation.objects.for_email("a@sub.musterhausen.example").exists()
    organisation.active = False
    organisation.save()
    assert not Organisation.objects.for_email("a@musterhausen.example").exists()


@pytest.mark.django_db
def test_staff_create_an_organisation_with_domains_in_the_admin(as_user, superuser):
    response = as_user(superuser).post(
        reverse("organisationen:add"),
        {
            "name": "Gemeinde Modellingen",
            "kind": "gemeinde",
            "ags": "05999001",
            "active": "on",
            "domains-TOTAL_FORMS": "1",
            "domains-INITIAL_FORMS": "0",
            "domains-MIN_NUM_FORMS": "0",
            "domains-MAX_NUM_FORMS": "1000",
            "domains-0-domain": "Modellingen.Example",
            "domains-0-id": "",
            "domains-0-ORDER": "",
            "domains-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    organisation = Organisation.objects.get(name="Gemeinde Modellingen")
    assert list(organisation.domains.values_list("domain", flat=True)) == ["modellingen.example"]


@pytest.mark.django_db
def test_the_admin_explains_a_bad_ags(as_user, superuser):
    response = as_user(superuser).post(
        reverse("organisationen:add"),
        {
            "name": "Stadt Falsch",
            "kind": "stadt",
            "ags": "123",
            "domains-TOTAL_FORMS": "0",
            "domains-INITIAL_FORMS": "0",
            "domains-MIN_NUM_FORMS": "0",
            "domains-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "besteht aus genau 8 Ziffern" in response.content.decode()
    assert not Organisation.objects.filter(name="Stadt Falsch").exists()
