"""The admin's organisation list reads in German: yes/no marks, not True/False."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests import factories


@pytest.mark.django_db
def test_organisation_list_marks_active_and_inactive_with_german_yes_and_no(as_user, superuser):
    factories.organisation("Stadt Aktivhausen", domains=())
    factories.organisation("Stadt Ruhestadt", domains=(), active=False)
    response = as_user(superuser).get(reverse("organisationen:index"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headers = [th.get_text(" ", strip=True) for th in soup.select("table.listing thead th")]
    column = next(index for index, text in enumerate(headers) if text.startswith("Aktiv"))
    cells = {}
    for row in soup.select("table.listing tbody tr"):
        name = row.select_one("td.title a").get_text(strip=True)
        cells[name] = row.select("td")[column]
    active, inactive = cells["Stadt Aktivhausen"], cells["Stadt Ruhestadt"]
    assert active.select_one("svg.icon-check") is not None
    assert active.get_text(strip=True) == "Ja"
    assert inactive.select_one("svg.icon-cross") is not None
    assert inactive.get_text(strip=True) == "Nein"
    for text in ("True", "False"):
        assert text not in soup.select_one("table.listing").get_text()
