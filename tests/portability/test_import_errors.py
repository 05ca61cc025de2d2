"""Wrong folders, formats and databases get a clear German error, and nothing changes."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from members.models import Organisation
from tests import factories

from .conftest import run, wipe_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(home, mission_index, tmp_path):
    factories.organisation()
    factories.mission_page(mission_index)
    folder = tmp_path / "export"
    run("export_site", str(folder))
    return folder


def test_missing_folder_is_named(tmp_path, db):
    with pytest.raises(CommandError, match="Den Ordner .* gibt es nicht"):
        call_command("import_site", str(tmp_path / "fehlt"))


def test_folder_without_manifest_is_refused(tmp_path, db):
    with pytest.raises(CommandError, match="keine manifest.json"):
        call_command("import_site", str(tmp_path))


def test_other_format_version_is_refused(export):
    manifest = json.loads((export / "manifest.json").read_text())
    (export / "manifest.json").write_text(json.dumps(manifest | {"format_version": 99}))
    with pytest.raises(CommandError, match="Formatversion 99.*nur Formatversion 1"):
        call_command("import_site", str(export))


def test_import_into_a_database_with_content_is_refused(export):
    with pytest.raises(CommandError, match="Die Datenbank ist nicht leer"):
        call_command("import_site", str(export))


def test_a_changed_version_text_aborts_the_whole_import(export):
    wipe_content()
    text = export / "fassungen" / "leitbild__offene-standards" / "1.0.md"
    text.write_text(text.read_text() + "Nachträglich eingefügt.\n")
    with pytest.raises(CommandError, match="Prüfsumme"):
        call_command("import_site", str(export))
    # All or nothing: neither the organisation nor any page was kept.
    assert not Organisation.objects.exists()
    assert Page.objects.count() == 1
