"""Every registered part of the site export round-trips its files, in a valid order.

The round trip runs over the registry, so a newly registered part is covered without
a test of its own: its files must come back byte for byte, and every file of the
export must belong to a part.
"""

import json

import pytest

from portability import formats, parts
from portability.parts import Part

from .conftest import read_tree, run, wipe_content
from .test_round_trip import enrich_demo


def owned(tree: dict[str, bytes], part: type[Part]) -> dict[str, bytes]:
    """The files of ``tree`` that ``part`` wrote (its files, and everything in its folders)."""
    return {
        name: content
        for name, content in tree.items()
        if any(name == path or name.startswith(f"{path}/") for path in part.paths)
    }


def test_the_registry_holds_every_part_after_the_parts_it_needs():
    ordered = parts.parts()
    assert [part.key for part in ordered] == [
        "organisations",
        "media",
        "pages",
        "versions",
        "rounds",
        "discussions",
    ]
    assert parts.order_problems(ordered) == []
    for part in ordered:
        assert part.paths, part.key
        assert part.counts, part.key


def test_an_order_with_a_later_or_missing_need_is_reported():
    class Early(Part):
        key, needs = "early", ("late", "unknown")

    class Late(Part):
        key = "late"

    assert parts.order_problems([Early, Late]) == [
        "early needs late, which comes after it",
        "early needs unknown, which is not registered",
    ]


@pytest.mark.django_db
def test_every_registered_part_gives_back_the_files_it_wrote(tmp_path):
    run("load_demo")
    enrich_demo()
    first, second = tmp_path / "export-1", tmp_path / "export-2"
    run("export_site", str(first))
    wipe_content()
    run("import_site", str(first))
    run("export_site", str(second))

    exported, again = read_tree(first), read_tree(second)
    counts = json.loads(exported.pop(formats.MANIFEST))["counts"]
    counts_again = json.loads(again.pop(formats.MANIFEST))["counts"]
    registered = parts.parts()
    differing, unowned = {}, set(exported) | set(again)
    for part in registered:
        before, after = owned(exported, part), owned(again, part)
        assert before, f"the demo gives the part {part.key} nothing to export"
        unowned -= set(before) | set(after)
        differing[part.key] = sorted(
            name for name in set(before) | set(after) if before.get(name) != after.get(name)
        )
        for kind in part.counts:
            assert counts[kind] == counts_again[kind] > 0, (part.key, kind)
    assert differing == {part.key: [] for part in registered}
    assert unowned == set()  # every file of the export belongs to a registered part
    assert set(counts) == {kind for part in registered for kind in part.counts}
