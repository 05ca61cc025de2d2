"""``manage.py import_organisations``: all rows or none, a German message per bad row."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from members.models import Organisation, OrganisationDomain
from tests import factories

GOOD = """name;art;ags;domains;aktiv
Stadt Musterhausen;Stadt;05111000;musterhausen.example stadt-musterhausen.example;ja
Landkreis Beispielkreis;Kreis;;beispielkreis.example;
Zweckverband Digitale Musterregion;Verband;;musterregion.example;nein
"""


def run(tmp_path, text: str, *args: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "organisationen.csv"
    path.write_bytes(text.encode(encoding))
    out = StringIO()
    call_command("import_organisations", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_imports_organisations_with_domains(tmp_path, home):
    output = run(tmp_path, GOOD)
    assert "3 Organisationen wurden angelegt, 0 wurden aktualisiert." in output
    city = Organisation.objects.get(ags="05111000")
    assert city.kind == "stadt" and city.active
    assert sorted(city.domains.values_list("domain", flat=True)) == [
        "musterhausen.example",
        "stadt-musterhausen.example",
    ]
    assert Organisation.objects.get(name="Landkreis Beispielkreis").active  # empty means yes
    assert not Organisation.objects.get(name="Zweckverband Digitale Musterregion").active


@pytest.mark.django_db
def test_a_second_import_updates_by_ags_and_replaces_domains(tmp_path, home):
    run(tmp_path, GOOD)
    output = run(
        tmp_path,
        "name,art,ags,domains\nStadt Musterhausen (neu),stadt,05111000,musterhausen.example\n",
    )
    assert "0 Organisationen wurden angelegt, 1 wurden aktualisiert." in output
    city = Organisation.objects.get(ags="05111000")
    assert city.name == "Stadt Musterhausen (neu)"
    assert list(city.domains.values_list("domain", flat=True)) == ["musterhausen.example"]
    assert Organisation.objects.count() == 3


@pytest.mark.django_db
def test_bad_rows_are_all_reported_and_nothing_is_imported(tmp_path, home):
    factories.organisation("Gemeinde Alt", domains=("alt.example",), kind="gemeinde")
    text = (
        "name;art;ags;domains;aktiv\n"
        "Stadt Gut;Stadt;05111000;gut.example;ja\n"
        ";Stadt;;;\n"
        "Stadt Schlecht;Metropole;1234;gmail.com;vielleicht\n"
        "Gemeinde Ohne Null;Gemeinde;5111000;;\n"
        "Stadt Doppelt;Stadt;05111000;gut.example;\n"
        "Gemeinde Dieb;Gemeinde;;alt.example;\n"
        "Stadt Kaputt;Stadt;;nicht_gueltig;\n"
    )
    with pytest.raises(CommandError) as error:
        run(tmp_path, text)
    message = str(error.value)
    assert message.startswith("Nichts importiert. Bitte korrigieren Sie die Datei:")
    for expected in [
        "Zeile 3: Der Name fehlt.",
        "Zeile 4: Die Art „Metropole“ ist unbekannt",
        "Zeile 4: Der AGS „1234“ muss aus genau 8 Ziffern bestehen.",
        "Zeile 4: „vielleicht“ in der Spalte aktiv: bitte ja oder nein.",
        "Zeile 4: „gmail.com“ ist ein öffentlicher E-Mail-Anbieter.",
        "Zeile 5: Der AGS „5111000“ muss aus genau 8 Ziffern bestehen (führende Null verloren?).",
        "Zeile 6: AGS „05111000“ steht schon in Zeile 2.",
        "Zeile 6: Domain „gut.example“ steht schon in Zeile 2.",
        "Zeile 7: Die Domain „alt.example“ gehört bereits zu „Gemeinde Alt“.",
        "Zeile 8: „nicht_gueltig“ ist kein gültiger Domainname.",
    ]:
        assert expected in message, expected
    assert "Zeile 2" not in message.replace("in Zeile 2", "")
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Gemeinde Alt"]


@pytest.mark.django_db
def test_a_dry_run_checks_without_saving(tmp_path, home):
    output = run(tmp_path, GOOD, "--probelauf")
    assert "3 Organisationen würden angelegt" in output and "nichts gespeichert" in output
    assert not Organisation.objects.exists()
    assert not OrganisationDomain.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Die Datei ist leer."),
        ("name;art\n", "Die Datei enthält keine Organisationen."),
        ("name;typ\nStadt A;Stadt\n", "Zeile 1: unbekannte Spalte(n) „typ“"),
        ("name;ags\nStadt A;05111000\n", "Zeile 1: Pflichtspalte(n) fehlen: art."),
    ],
)
def test_a_broken_file_is_explained(tmp_path, home, text, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(tmp_path, text)


@pytest.mark.django_db
def test_excel_files_in_windows_encoding_need_the_option(tmp_path, home):
    text = "name;art\nGemeinde Südheim;Gemeinde\n"
    with pytest.raises(CommandError, match="--encoding cp1252"):
        run(tmp_path, text, encoding="cp1252")
    (tmp_path / "organisationen.csv").write_bytes(text.encode("cp1252"))
    call_command(
        "import_organisations",
        str(tmp_path / "organisationen.csv"),
        "--encoding",
        "cp1252",
        stdout=StringIO(),
    )
    assert Organisation.objects.filter(name="Gemeinde Südheim").exists()


@pytest.mark.django_db
def test_a_missing_file_is_named(tmp_path, home):
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("import_organisations", str(tmp_path / "fehlt.csv"))
