"""The comparison on crafted cases: insert, delete, move, edit, umlauts, markup."""

from types import SimpleNamespace

from bs4 import BeautifulSoup

from versions.diff import Change, diff_bodies, diff_versions, word_diff

from .helpers import heading, paragraph


def body(*blocks):
    return list(blocks)


BASE = body(
    heading("Grundsätze", "h1"),
    paragraph("Erster Absatz.", "a"),
    paragraph("Zweiter Absatz.", "b"),
    paragraph("Dritter Absatz.", "c"),
)


def kinds(diff) -> list[tuple[str, tuple[str, ...]]]:
    return [((row.new or row.old).id, tuple(row.changes)) for row in diff.rows]


def plain(html) -> str:
    return BeautifulSoup(str(html), "html.parser").get_text()


def test_identical_bodies_have_no_changes():
    diff = diff_bodies(BASE, BASE)
    assert not diff.has_changes
    assert diff.counts[Change.UNCHANGED] == 4
    assert [group.unchanged for group in diff.groups()] == [True]


def test_inserted_paragraph_is_shown_where_it_now_stands():
    new = body(*BASE[:2], paragraph("Neu eingefügt.", "n"), *BASE[2:])
    diff = diff_bodies(BASE, new)
    assert kinds(diff) == [
        ("h1", (Change.UNCHANGED,)),
        ("a", (Change.UNCHANGED,)),
        ("n", (Change.ADDED,)),
        ("b", (Change.UNCHANGED,)),
        ("c", (Change.UNCHANGED,)),
    ]
    added = diff.rows[2]
    assert (added.old_number, added.new_number) == (None, "1.2")
    assert str(added.html).startswith("<ins>")
    # Numbers after the insertion shift; both numbers are kept.
    assert (diff.rows[3].old_number, diff.rows[3].new_number) == ("1.2", "1.3")


def test_deleted_paragraph_is_shown_where_it_stood():
    new = body(BASE[0], BASE[1], BASE[3])
    diff = diff_bodies(BASE, new)
    assert kinds(diff) == [
        ("h1", (Change.UNCHANGED,)),
        ("a", (Change.UNCHANGED,)),
        ("b", (Change.REMOVED,)),
        ("c", (Change.UNCHANGED,)),
    ]
    removed = diff.rows[2]
    assert (removed.old_number, removed.new_number) == ("1.2", None)
    assert plain(removed.html) == "[gestrichen: Zweiter Absatz.]"


def test_replacing_a_paragraph_shows_the_deletion_before_the_insertion():
    new = body(BASE[0], BASE[1], paragraph("Ersatz.", "x"), BASE[3])
    assert [change for _, (change,) in kinds(diff_bodies(BASE, new))][1:4] == [
        Change.UNCHANGED,
        Change.REMOVED,
        Change.ADDED,
    ]


def test_moved_paragraph_is_matched_by_id_not_by_position():
    new = body(BASE[0], BASE[3], BASE[1], BASE[2])
    diff = diff_bodies(BASE, new)
    assert diff.counts[Change.MOVED] == 1
    assert diff.counts[Change.UNCHANGED] == 3
    moved = next(row for row in diff.rows if Change.MOVED in row.changes)
    assert moved.new.id == "c"
    assert (moved.old_number, moved.new_number) == ("1.3", "1.1")
    assert len(diff.rows) == 4  # shown once, at its new place


def test_moved_and_edited_paragraph_carries_both_labels():
    new = body(BASE[0], paragraph("Dritter Absatz, überarbeitet.", "c"), BASE[1], BASE[2])
    moved = next(row for row in diff_bodies(BASE, new).rows if row.new.id == "c")
    assert moved.changes == (Change.MOVED, Change.CHANGED)
    assert [label for _, label in moved.labels] == ["verschoben", "geändert"]


def test_edit_inside_a_paragraph_marks_only_the_changed_words():
    old = [paragraph("Die Städte setzen auf offene Standards und freie Software.", "p")]
    new = [paragraph("Die Städte setzen auf offene Schnittstellen und freie Software.", "p")]
    row = diff_bodies(old, new).rows[0]
    assert row.changes == (Change.CHANGED,)
    soup = BeautifulSoup(str(row.html), "html.parser")
    assert [d.get_text() for d in soup.select("del")] == ["[gestrichen: Standards]"]
    assert [i.get_text() for i in soup.select("ins")] == ["[eingefügt: Schnittstellen]"]
    assert plain(row.html).startswith("Die Städte setzen auf offene ")


def test_umlauts_and_long_compound_words_are_whole_words():
    old = "Datenschutzgrundverordnungskonformität prüfen, Größenklasse beachten."
    new = "Datenschutzgrundverordnungskonformität prüfen, Gemeindegrößenklasse beachten."
    soup = BeautifulSoup(str(word_diff(old, new)), "html.parser")
    assert [d.get_text() for d in soup.select("del")] == ["[gestrichen: Größenklasse]"]
    assert [i.get_text() for i in soup.select("ins")] == ["[eingefügt: Gemeindegrößenklasse]"]
    assert "Datenschutzgrundverordnungskonformität" not in "".join(
        tag.get_text() for tag in soup.select("ins, del")
    )


def test_neighbouring_changed_words_read_as_one_change():
    html = str(word_diff("Die alte kleine Regel gilt.", "Die neue große Regel gilt."))
    soup = BeautifulSoup(html, "html.parser")
    assert [d.get_text() for d in soup.select("del")] == ["[gestrichen: alte kleine]"]
    assert [i.get_text() for i in soup.select("ins")] == ["[eingefügt: neue große]"]


def test_rich_text_markup_is_compared_as_text_and_stays_well_formed():
    old = [paragraph("Offene <b>Standards</b> und <a href='https://example.org'>Link</a>.", "p")]
    new = [paragraph("Offene <i>Standards</i> und <a href='https://example.org'>Links</a>.", "p")]
    row = diff_bodies(old, new).rows[0]
    html = str(row.html)
    assert "<b>" not in html and "<i>" not in html and "<a" not in html
    assert plain(html).replace("[gestrichen: Link]", "").replace("[eingefügt: Links]", "") == (
        "Offene Standards und ."
    )
    # Only our own, balanced tags remain.
    soup = BeautifulSoup(html, "html.parser")
    assert {tag.name for tag in soup.find_all()} <= {"ins", "del", "span"}
    assert html.count("<ins>") == html.count("</ins>") and html.count("<del>") == html.count(
        "</del>"
    )


def test_markup_in_diffed_content_is_escaped_not_executed():
    attack = "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;</p>"
    old = [{"type": "paragraph", "value": "<p>Harmlos.</p>", "id": "p"}]
    new = [{"type": "paragraph", "value": attack, "id": "p"}, heading("<b>Fett</b>", "h")]
    diff = diff_bodies(old, new)
    html = "".join(str(row.html) for row in diff.rows)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Fett&lt;/b&gt;" in html
    fields = diff_versions(
        SimpleNamespace(title="A", summary="", easy_language_summary="", body=old),
        SimpleNamespace(title="<script>x</script>", summary="", easy_language_summary="", body=old),
    ).fields
    assert "<script>" not in str(fields[0].html)


def test_lists_quotes_and_info_boxes_are_compared_by_their_text():
    old = [
        {
            "type": "list",
            "value": {"style": "ol", "items": ["Bestand erheben", "Bewerten"]},
            "id": "l",
        },
        {"type": "quote", "value": {"text": "Alt.", "source": "Dedy"}, "id": "q"},
        {
            "type": "info_box",
            "value": {"kind": "hinweis", "title": "T", "text": "<p>X</p>"},
            "id": "i",
        },
    ]
    new = [
        {
            "type": "list",
            "value": {
                "style": "ol",
                "items": [
                    {"type": "item", "value": "Bestand erheben", "id": "1"},
                    {"type": "item", "value": "Gründlich bewerten", "id": "2"},
                ],
            },
            "id": "l",
        },
        {"type": "quote", "value": {"text": "Alt.", "source": "Dedy"}, "id": "q"},
        {
            "type": "info_box",
            "value": {"kind": "achtung", "title": "T", "text": "<p>X</p>"},
            "id": "i",
        },
    ]
    diff = diff_bodies(old, new)
    assert [row.changes for row in diff.rows] == [
        (Change.CHANGED,),
        (Change.UNCHANGED,),
        (Change.CHANGED,),
    ]
    assert plain(diff.rows[0].html) == (
        "1. Bestand erheben\n2. [gestrichen: Bewerten][eingefügt: Gründlich bewerten]"
    )
    assert plain(diff.rows[2].html) == "[gestrichen: Hinweis][eingefügt: Achtung]: T\nX"


def test_unchanged_runs_are_grouped_for_folding():
    new = body(BASE[0], paragraph("Erster Absatz, neu.", "a"), BASE[2], BASE[3])
    groups = diff_bodies(BASE, new).groups()
    assert [(group.unchanged, len(group.rows)) for group in groups] == [
        (True, 1),
        (False, 1),
        (True, 2),
    ]
    assert groups[2].span == "1.2–1.3"


def test_summary_counts_every_kind():
    new = body(
        BASE[0],
        paragraph("Erster Absatz, neu.", "a"),
        BASE[3],
        paragraph("Neu.", "n"),
    )
    summary = {key: count for key, _, count in diff_bodies(BASE, new).summary()}
    assert summary == {
        "eingefuegt": 1,
        "gestrichen": 1,
        "geaendert": 1,
        "verschoben": 0,
        "unveraendert": 2,
    }
