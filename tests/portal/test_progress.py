"""Long commands show a progress bar to a person at a terminal, and nothing in logs or CI."""

import io

import pytest
from django.core.management import call_command

from portal.progress import bar, quietly

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def no_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)


def test_a_terminal_gets_a_german_bar(no_ci):
    terminal = Terminal()
    assert list(bar(terminal)([1, 2, 3], "Export")) == [1, 2, 3]
    shown = terminal.getvalue()
    assert "Export: 3/3" in shown and "vergangen" in shown


def test_logs_and_ci_get_nothing(monkeypatch, no_ci):
    assert bar(io.StringIO()) is quietly
    monkeypatch.setenv("CI", "true")
    assert bar(Terminal()) is quietly


def test_export_site_shows_its_parts_on_a_terminal(no_ci, home, tmp_path):
    terminal, log = Terminal(), io.StringIO()
    call_command("export_site", tmp_path / "a", stderr=terminal, stdout=io.StringIO())
    call_command("export_site", tmp_path / "b", stderr=log, stdout=io.StringIO())
    assert "Export: " in terminal.getvalue()
    assert log.getvalue() == ""


def test_import_organisations_shows_its_rows_on_a_terminal(no_ci, tmp_path):
    csv_file = tmp_path / "organisationen.csv"
    csv_file.write_text(
        "name,art,ags,domains,aktiv\nStadt Fortschritt,stadt,,fortschritt.example,ja\n",
        encoding="utf-8",
    )
    terminal = Terminal()
    call_command("import_organisations", csv_file, stderr=terminal, stdout=io.StringIO())
    assert "Organisationen: 1/1" in terminal.getvalue()
