"""Import member organisations from CSV: all rows or none, with a German message per bad row.

Columns (header row required, any order, case-insensitive; ``,`` or ``;`` as separator):

    name     Name der Organisation (Pflicht)
    art      Stadt, Gemeinde, Kreis, Verband oder Sonstige (Pflicht)
    ags      Amtlicher Gemeindeschlüssel, 8 Ziffern (optional)
    domains  E-Mail-Domains, durch Leerzeichen, Komma oder | getrennt (optional)
    aktiv    ja/nein (optional, Standard: ja)

An existing organisation is found by its AGS, else by its name, and updated; its
domains are replaced by those in the file.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from portal.progress import Steps, quietly

from .choices import OrganisationKind
from .models import Organisation, OrganisationDomain, normalise_domain, validate_member_domain

COLUMNS = {
    "name": "name",
    "art": "kind",
    "kind": "kind",
    "ags": "ags",
    "domains": "domains",
    "domain": "domains",
    "e-mail-domains": "domains",
    "aktiv": "active",
    "active": "active",
}
REQUIRED = {"name", "kind"}
DOMAIN_SEPARATORS = re.compile(r"[\s,;|]+")
YES = {"", "ja", "j", "yes", "y", "true", "wahr", "1", "x"}
NO = {"nein", "n", "no", "false", "falsch", "0", "-"}
KINDS = {
    **{value: value for value in OrganisationKind.values},
    **{str(label).lower(): value for value, label in OrganisationKind.choices},
    "landkreis": OrganisationKind.DISTRICT,
    "kreisfreie stadt": OrganisationKind.CITY,
}


class ImportFailed(Exception):
    """The file was rejected; ``errors`` says why, row by row."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Row:
    number: int
    organisation: Organisation
    domains: list[str]
    is_new: bool


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def read_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = list(reader)
    if not rows:
        raise ImportFailed(["Die Datei ist leer."])
    header = [cell.strip().lower() for cell in rows[0]]
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise ImportFailed(
            [
                "Zeile 1: unbekannte Spalte(n) "
                + ", ".join(f"„{name}“" for name in unknown)
                + ". Erlaubt sind: name, art, ags, domains, aktiv."
            ]
        )
    columns = [COLUMNS.get(name, "") for name in header]
    missing = REQUIRED - set(columns)
    if missing:
        german = {"name": "name", "kind": "art"}
        raise ImportFailed(
            [
                "Zeile 1: Pflichtspalte(n) fehlen: "
                + ", ".join(sorted(german[column] for column in missing))
                + "."
            ]
        )
    records = []
    for cells in rows[1:]:
        if not any(cell.strip() for cell in cells):
            records.append({})  # keep numbering; blank lines are skipped later
            continue
        records.append(
            {column: cell.strip() for column, cell in zip(columns, cells, strict=False) if column}
        )
    return columns, records


def parse_row(number: int, record: dict[str, str], errors: list[str]) -> Row | None:
    problems = []
    name = record.get("name", "")
    if not name:
        problems.append("Der Name fehlt.")
    kind = KINDS.get(record.get("kind", "").lower())
    if kind is None:
        problems.append(
            f"Die Art „{record.get('kind', '')}“ ist unbekannt; erlaubt sind Stadt, Gemeinde, "
            "Kreis, Verband und Sonstige."
        )
    ags = re.sub(r"\s", "", record.get("ags", ""))
    if ags and not re.fullmatch(r"\d{8}", ags):
        hint = " (führende Null verloren?)" if re.fullmatch(r"\d{7}", ags) else ""
        problems.append(f"Der AGS „{ags}“ muss aus genau 8 Ziffern bestehen{hint}.")
    active_text = record.get("active", "").lower()
    if active_text not in YES | NO:
        problems.append(f"„{record.get('active')}“ in der Spalte aktiv: bitte ja oder nein.")
    domains = []
    for raw in DOMAIN_SEPARATORS.split(record.get("domains", "")):
        if not raw:
            continue
        domain = normalise_domain(raw)
        try:
            validate_member_domain(domain)
        except ValidationError as error:
            problems.extend(error.messages)
        else:
            domains.append(domain)
    if problems:
        errors.extend(f"Zeile {number}: {problem}" for problem in problems)
        return None

    existing = None
    if ags:
        existing = Organisation.objects.filter(ags=ags).first()
    if existing is None:
        existing = Organisation.objects.filter(name=name).first()
    organisation = existing or Organisation()
    organisation.name = name
    organisation.kind = kind
    organisation.ags = ags
    organisation.active = active_text not in NO
    return Row(number, organisation, sorted(set(domains)), is_new=existing is None)


def check_row(row: Row, errors: list[str]) -> None:
    try:
        row.organisation.full_clean()
    except ValidationError as error:
        errors.extend(f"Zeile {row.number}: {message}" for message in error.messages)
    owners = OrganisationDomain.objects.filter(domain__in=row.domains).select_related(
        "organisation"
    )
    for owned in owners:
        if owned.organisation_id != row.organisation.pk:
            errors.append(
                f"Zeile {row.number}: Die Domain „{owned.domain}“ gehört bereits zu "
                f"„{owned.organisation.name}“."
            )


def check_duplicates(rows: list[Row], errors: list[str]) -> None:
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        keys = [("Name", row.organisation.name.lower())]
        if row.organisation.ags:
            keys.append(("AGS", row.organisation.ags))
        keys += [("Domain", domain) for domain in row.domains]
        for label, value in keys:
            first = seen.setdefault((label, value), row.number)
            if first != row.number:
                errors.append(
                    f"Zeile {row.number}: {label} „{value}“ steht schon in Zeile {first}."
                )


def import_organisations(text: str, dry_run: bool = False, steps: Steps = quietly) -> ImportResult:
    """Validate every row, then save all of them in one transaction (or nothing)."""
    _columns, records = read_rows(text)
    errors: list[str] = []
    rows = []
    for number, record in enumerate(records, start=2):
        if record:
            row = parse_row(number, record, errors)
            if row:
                rows.append(row)
    if not rows and not errors:
        errors.append("Die Datei enthält keine Organisationen.")
    check_duplicates(rows, errors)
    for row in rows:
        check_row(row, errors)
    if errors:
        raise ImportFailed(errors)

    result = ImportResult()
    with transaction.atomic():
        for row in steps(rows, "Organisationen"):
            organisation = row.organisation
            organisation.save()
            OrganisationDomain.objects.filter(organisation=organisation).exclude(
                domain__in=row.domains
            ).delete()
            for domain in row.domains:
                OrganisationDomain.objects.get_or_create(organisation=organisation, domain=domain)
            (result.created if row.is_new else result.updated).append(organisation.name)
        if dry_run:
            transaction.set_rollback(True)
    return result
