"""A version as an office document (DOCX, ODT), for those who work in a word processor.

The document says what the version page says: title, version, date, change note,
summaries, the numbered text and how to cite it, with the SHA-256 of the canonical
Markdown text. Numbers and text come from ``strands.body.text``, the one reader of a
body; the document is a copy for reading, the Markdown text stays the one that is hashed.
"""

from django.utils.translation import gettext as _

from portal import office
from strands.body.text import block_lines, number_blocks

from .models import Version
from .publication import published_on

FORMATS = {
    "docx": (office.as_docx, office.DOCX_CONTENT_TYPE),
    "odt": (office.as_odt, office.ODT_CONTENT_TYPE),
}
PROJECT = "Kommunal souverän – Initiative Digitale Souveränität von Deutschem Städtetag und KGSt"


def citation(version: Version, permalink: str) -> str:
    """The citation line, as the version page shows it."""
    return _("„%(title)s“, Fassung %(label)s vom %(date)s. %(project)s. %(url)s") % {
        "title": version.title,
        "label": version.label,
        "date": published_on(version.published_at),
        "project": PROJECT,
        "url": permalink,
    }


def document_blocks(version: Version, permalink: str) -> list[office.Block]:
    Block = office.Block
    date = published_on(version.published_at)
    blocks = [
        Block("title", version.title),
        Block(
            "paragraph",
            _("Fassung %(label)s vom %(date)s") % {"label": version.label, "date": date},
        ),
    ]
    if version.change_note.strip():
        blocks.append(
            Block("paragraph", _("Änderungshinweis: %(note)s") % {"note": version.change_note})
        )
    if version.summary.strip():
        blocks.append(Block("paragraph", version.summary))
    if version.easy_language_summary.strip():
        blocks.append(Block("heading", _("In Leichter Sprache")))
        blocks += [
            Block("paragraph", line)
            for line in version.easy_language_summary.splitlines()
            if line.strip()
        ]
    for item in number_blocks(version.body):
        lines = block_lines(item.block)
        if item.is_heading:
            blocks.append(Block("heading", " ".join(lines), number=item.number))
        else:
            blocks.append(Block("paragraph", "\n".join(lines), number=item.number))
    blocks += [
        Block("heading", _("Diese Fassung zitieren")),
        Block("paragraph", citation(version, permalink)),
        Block("paragraph", _("Dauerhafte Adresse: %(url)s") % {"url": permalink}),
        Block(
            "paragraph",
            _("Prüfsumme (SHA-256) des Textes im Markdown-Format: %(hash)s")
            % {"hash": version.content_hash},
        ),
        Block(
            "paragraph",
            _(
                "Verbindlich ist der Text im Markdown-Format, den diese Prüfsumme belegt; "
                "er steht unter der dauerhaften Adresse zum Herunterladen bereit."
            ),
        ),
    ]
    return blocks


def version_document(version: Version, fmt: str, permalink: str) -> bytes:
    """``version`` as a ``"docx"`` or ``"odt"`` file."""
    build, _content_type = FORMATS[fmt]
    title = _("%(title)s – Fassung %(label)s") % {"title": version.title, "label": version.label}
    return build(document_blocks(version, permalink), title=title)


def document_filename(version: Version, fmt: str) -> str:
    return version.markdown_filename().removesuffix(".md") + f".{fmt}"
