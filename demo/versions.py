"""Demo versions: three texts get later versions with realistic changes and change notes.

Each change is published the way an approver would, as a new revision of the page
whose version number and note come from the change. A change is applied only if the
page has no version with its note yet, and never over an editor's unpublished draft,
so loading the demo twice creates nothing new.
"""

import copy
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from strands.models import GuidancePage, MissionPage
from versions.choices import ChangeKind
from versions.models import Version
from versions.publication import published_by

from .content import para

Body = list[dict]
Edit = Callable[[Body], Body]

EDITORS = {
    MissionPage: "redaktion-leitbild@staedtetag.example",
    GuidancePage: "redaktion-handlungshilfen@kgst.example",
}
APPROVER = "freigabe@staedtetag.example"


# --- edits on raw body data; blocks are found by a piece of their text ----------------


def _text(block: dict) -> str:
    return str(block.get("value"))


def _index(body: Body, contains: str) -> int:
    for index, block in enumerate(body):
        if contains in _text(block):
            return index
    raise LookupError(f"Kein Block enthält „{contains}“.")


def _new(block: dict) -> dict:
    return {**block, "id": str(uuid.uuid4())}


def replace_text(contains: str, old: str, new: str) -> Edit:
    """Replace ``old`` by ``new`` inside the block containing ``contains``; keeps its id."""

    def edit(body: Body) -> Body:
        block = body[_index(body, contains)]
        if isinstance(block["value"], str):
            block["value"] = block["value"].replace(old, new)
        else:  # a list block: its items
            items = block["value"]["items"]
            for position, item in enumerate(items):
                if isinstance(item, dict):
                    item["value"] = item["value"].replace(old, new)
                else:
                    items[position] = item.replace(old, new)
        return body

    return edit


def insert_after(contains: str, block: dict) -> Edit:
    def edit(body: Body) -> Body:
        body.insert(_index(body, contains) + 1, _new(block))
        return body

    return edit


def remove(contains: str) -> Edit:
    def edit(body: Body) -> Body:
        del body[_index(body, contains)]
        return body

    return edit


def append_item(contains: str, text: str) -> Edit:
    """Add an item at the end of the list block containing ``contains``."""

    def edit(body: Body) -> Body:
        items = body[_index(body, contains)]["value"]["items"]
        items.append({"type": "item", "value": text, "id": str(uuid.uuid4())})
        return body

    return edit


def move_after(contains: str, target: str) -> Edit:
    """Move the block containing ``contains`` behind the one containing ``target``."""

    def edit(body: Body) -> Body:
        block = body.pop(_index(body, contains))
        body.insert(_index(body, target) + 1, block)
        return body

    return edit


@dataclass(frozen=True)
class DemoChange:
    kind: ChangeKind
    note: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class DemoHistory:
    model: type[MissionPage] | type[GuidancePage]
    slug: str
    changes: tuple[DemoChange, ...]


HISTORIES = [
    DemoHistory(
        MissionPage,
        "open-source-zuerst",
        (
            DemoChange(
                ChangeKind.MINOR,
                "Abschnitt 2 präzisiert: Eine Abweichung vom Vorrang für Open Source wird im "
                "Vergabevermerk begründet. In 1.2 auch Datenschutzgründe als Ausnahme genannt.",
                (
                    replace_text(
                        "Open Source zuerst heißt nicht",
                        "wird die Abweichung begründet.",
                        "wird die Abweichung schriftlich begründet und im Vergabevermerk "
                        "dokumentiert.",
                    ),
                    replace_text(
                        "Public Money",
                        "sofern keine Sicherheitsgründe dagegen sprechen",
                        "sofern keine Sicherheits- oder Datenschutzgründe dagegen sprechen",
                    ),
                ),
            ),
            DemoChange(
                ChangeKind.MAJOR,
                "Überarbeitung nach der Kommentierungsrunde der Mitgliedskommunen: neuer "
                "Absatz zur Finanzierung gemeinsamer Lösungen (3.3), die Liste der "
                "Voraussetzungen steht jetzt am Anfang von Abschnitt 2, der Beispielkasten "
                "entfällt zugunsten der guten Beispiele.",
                (
                    insert_after(
                        "gemeinsame Plattformen",
                        para(
                            "Gemeinsame Lösungen brauchen eine verlässliche Finanzierung. "
                            "Die beteiligten Städte vereinbaren deshalb schon zu Beginn, wer "
                            "Wartung, Sicherheitsupdates und Weiterentwicklung trägt, und "
                            "sehen dafür feste Mittel in ihren Haushalten vor."
                        ),
                    ),
                    remove("Ratsinformationssystems und teilen sich die Kosten"),
                    move_after("Open Source ist nicht kostenlos", "Vorrang mit Augenmaß"),
                ),
            ),
        ),
    ),
    DemoHistory(
        MissionPage,
        "grundsaetze",
        (
            DemoChange(
                ChangeKind.MINOR,
                "Siebter Leitsatz ergänzt: Die Städte machen ihre Entscheidungen "
                "nachvollziehbar. Einleitung von Abschnitt 4 entsprechend angepasst.",
                (
                    replace_text("sechs Leitsätze ab", "sechs Leitsätze", "sieben Leitsätze"),
                    append_item(
                        "Wir bündeln die kommunalen Kräfte",
                        "Wir machen unsere Entscheidungen nachvollziehbar: Jede Fassung "
                        "bleibt mit ihren Änderungen öffentlich.",
                    ),
                ),
            ),
        ),
    ),
    DemoHistory(
        GuidancePage,
        "open-source-strategie",
        (
            DemoChange(
                ChangeKind.MINOR,
                "Schritt 2 um die Kosten eines späteren Wechsels ergänzt; neuer Absatz zum "
                "jährlichen Bericht an den Rat im Abschnitt „Erfolg messen“.",
                (
                    replace_text(
                        "Abhängigkeiten bewerten",
                        "besonders teuer?",
                        "besonders teuer, und was kostet ein späterer Wechsel?",
                    ),
                    insert_after(
                        "überprüfbare Ziele",
                        para(
                            "Einmal im Jahr berichtet die Verwaltung dem Rat über den Stand "
                            "der Umsetzung. So bleibt die Strategie auf der Tagesordnung und "
                            "kann nachgesteuert werden, wenn sich Ziele als zu ehrgeizig "
                            "oder zu zaghaft erweisen."
                        ),
                    ),
                ),
            ),
        ),
    ),
]


def _user(email: str):
    return get_user_model().objects.filter(email__iexact=email).first()


def apply_history(history: DemoHistory) -> int:
    """Publish the history's missing changes of one page; returns how many were published."""
    page = history.model.objects.filter(slug=history.slug).first()
    if page is None or not page.live or page.has_unpublished_changes:
        return 0
    notes = set(Version.objects.of_page(page).values_list("change_note", flat=True))
    editor, approver = _user(EDITORS[history.model]), _user(APPROVER)
    published = 0
    for change in history.changes:
        if change.note in notes:
            continue
        page = history.model.objects.get(pk=page.pk)
        body = copy.deepcopy(page.body.get_prep_value())
        for edit in change.edits:
            body = edit(body)
        page.body = body
        page.change_kind = change.kind
        page.change_note = change.note
        with published_by(approver):
            page.save_revision(user=editor).publish(user=approver)
        published += 1
    return published


def load_demo_versions(report: Callable[[str], None]) -> None:
    """Give the demo texts of HISTORIES their later versions; idempotent."""
    published = sum(apply_history(history) for history in HISTORIES)
    report(f"Fassungen: {published} neue Fassung(en) veröffentlicht.")
