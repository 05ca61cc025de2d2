"""Tables on a phone: cells stack, and each says which column it belongs to.

On a desktop screen the disposition table and the version list stay real tables
with their header row; on a narrow screen the header row is hidden and every
stacked cell carries its column label, so comment and answer can be told apart.
"""

from playwright.sync_api import expect

from rounds.models import CommentRound

DISPOSITION_LABELS = ["Absatz", "Kommentar", "Von", "Entscheidung", "Antwort der Redaktion"]
# The row header reads "Fassung 2.0" by itself and needs no label.
VERSION_LABELS = ["none", "Veröffentlicht am", "Änderungshinweis", "Vergleich"]

# For each cell of the first body row: how it is displayed, and the label drawn before it.
CELL_LABELS = """
(selector) => [...document.querySelectorAll(selector + " tbody tr:first-child > *")].map(
  (cell) => ({
    display: getComputedStyle(cell).display,
    label: getComputedStyle(cell, "::before").content,
  })
)
"""
PAGE_WIDTH = "[document.documentElement.scrollWidth, window.innerWidth]"


def _disposition_path() -> str:
    released = CommentRound.objects.filter(released_at__isnull=False).first()
    return f"{released.page.url}kommentierung/{released.pk}/"


def _labels(page, selector: str) -> list[str]:
    return [cell["label"].strip('"') for cell in page.evaluate(CELL_LABELS, selector)]


def test_stacked_disposition_cells_name_their_column_on_a_phone(page, assert_accessible):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(_disposition_path())
    table = page.locator(".disposition-table")
    expect(table).to_be_visible()
    assert [label.rstrip(": ") for label in _labels(page, ".disposition-table")] == (
        DISPOSITION_LABELS
    )
    expect(table.locator("thead")).not_to_be_in_viewport()
    scroll_width, inner_width = page.evaluate(PAGE_WIDTH)
    assert scroll_width <= inner_width
    assert_accessible(page)


def test_disposition_table_keeps_its_columns_on_a_desktop(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(_disposition_path())
    cells = page.evaluate(CELL_LABELS, ".disposition-table")
    assert {cell["display"] for cell in cells} == {"table-cell"}
    assert {cell["label"] for cell in cells} == {"none"}
    expect(page.locator(".disposition-table thead")).to_be_visible()


def test_version_list_fits_a_phone_and_names_each_column(page, assert_accessible):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/leitbild/open-source-zuerst/fassungen/")
    scroll_width, inner_width = page.evaluate(PAGE_WIDTH)
    assert scroll_width <= inner_width, f"Seite {scroll_width} px breit bei {inner_width} px"
    assert [label.rstrip(": ") for label in _labels(page, ".version-table")] == VERSION_LABELS
    assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    cells = page.evaluate(CELL_LABELS, ".version-table")
    assert {cell["display"] for cell in cells} == {"table-cell"}
    expect(page.locator(".version-table thead")).to_be_visible()
