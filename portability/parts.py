"""The parts of the site export, and the registry the apps contribute them to.

Each kind of content is one part, owned by the app that owns the content: the app
subclasses ``Part`` in its ``portability.py`` and calls ``register(ThePart)`` in its
``AppConfig.ready()``. The export and the import run every registered part in its
place in the order (``order``, smallest first); ``needs`` names the parts whose
results a part uses, and they must come before it. Parts share what they need through
the export and import contexts (``portability.context``), never through each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from .context import ExportContext, ImportContext


class Part:
    """One kind of content: how it goes out, how it comes back, what it counts.

    A fresh instance serves one export or one import, so a part may keep what it
    read in one step for a later one (``add_pages`` → ``import_``).
    """

    #: The part's name in the registry and in ``needs``.
    key: ClassVar[str] = ""
    #: Its place in the order, smallest first (organisations and media, pages, the rest).
    order: ClassVar[int] = 0
    #: Keys of the parts it relies on; they come earlier in the order.
    needs: ClassVar[tuple[str, ...]] = ()
    #: The kinds it counts in the manifest's ``counts`` (each counted, also when zero).
    counts: ClassVar[tuple[str, ...]] = ()
    #: The files and folders it writes, relative to the export folder.
    paths: ClassVar[tuple[str, ...]] = ()
    #: How the empty-database check names its content ("" when it does not check).
    database_label: ClassVar[str] = ""

    def export(self, context: ExportContext) -> None:
        """Write this part's files into ``context.folder`` and count what went out."""

    def add_pages(self, context: ImportContext) -> None:
        """Contribute pages to the page step of the import.

        Called by the pages part once the exported pages exist and before any page is
        published; pages added with ``context.finish_later`` are published with them.
        """

    def import_(self, context: ImportContext) -> None:
        """Rebuild this part's content from ``context.folder``."""

    def has_content(self) -> bool:
        """Whether the database already holds content of this part (then import refuses)."""
        return False


_parts: dict[str, type[Part]] = {}


def register(part: type[Part]) -> None:
    """Add (or replace, for reloads) the part ``part.key``."""
    _parts[part.key] = part


def parts() -> list[type[Part]]:
    """The registered parts in the order the export and the import run them."""
    return sorted(_parts.values(), key=lambda part: (part.order, part.key))


def order_problems(ordered: list[type[Part]]) -> list[str]:
    """What is wrong with the order of ``ordered``: unknown or later dependencies."""
    seen: set[str] = set()
    known = {part.key for part in ordered}
    problems = []
    for part in ordered:
        for need in part.needs:
            if need not in known:
                problems.append(f"{part.key} needs {need}, which is not registered")
            elif need not in seen:
                problems.append(f"{part.key} needs {need}, which comes after it")
        seen.add(part.key)
    return problems
