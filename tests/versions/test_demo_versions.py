"""The demo has texts with two or three versions and meaningful comparisons."""

import pytest
from django.core.management import call_command

from strands.models import GuidancePage, MissionPage
from versions.diff import Change, diff_versions
from versions.models import Version


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def labels(page) -> list[str]:
    return [v.label for v in Version.objects.of_page(page).newest_first()]


@pytest.mark.django_db
def test_demo_texts_have_several_versions_with_notes(demo):
    open_source = MissionPage.objects.get(slug="open-source-zuerst")
    assert labels(open_source) == ["2.0", "1.1", "1.0"]
    assert labels(MissionPage.objects.get(slug="grundsaetze")) == ["1.1", "1.0"]
    assert labels(GuidancePage.objects.get(slug="open-source-strategie")) == ["1.1", "1.0"]
    later = Version.objects.exclude(major=1, minor=0)
    assert later.count() == 4
    assert all(len(version.change_note) > 40 for version in later)
    assert {version.approver.email for version in later} == {"freigabe@staedtetag.example"}


@pytest.mark.django_db
def test_demo_comparison_shows_every_kind_of_change(demo):
    versions = Version.objects.of_page(MissionPage.objects.get(slug="open-source-zuerst"))
    diff = diff_versions(versions.get(major=1, minor=0), versions.get(major=2, minor=0)).body
    for kind in (Change.ADDED, Change.REMOVED, Change.CHANGED, Change.MOVED):
        assert diff.counts[kind] >= 1, kind


@pytest.mark.django_db
def test_loading_the_demo_again_creates_no_versions(demo):
    before = Version.objects.count()
    call_command("load_demo", verbosity=0)
    assert Version.objects.count() == before
