"""Public views of a page's versions, served through the page's own routes.

They run only for live pages and after Wagtail's view-restriction check (the page
router and the ``before_serve_page`` hooks come first), so a draft, unpublished or
restricted page never shows its versions either.
"""

import copy

from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from wagtail import hooks

from .diff import diff_versions
from .documents import FORMATS as DOCUMENT_FORMATS
from .documents import document_filename, version_document
from .models import Version, parse_label


def _versions(page):
    return Version.objects.of_page(page)


def _get_version(page, label: str) -> Version:
    version = _versions(page).with_label(label).first()
    if version is None:
        raise Http404(gettext("Diese Fassung gibt es nicht."))
    return version


def frozen_page(page, version: Version):
    """An unsaved copy of ``page`` showing ``version``'s frozen text, for the page templates."""
    frozen = copy.copy(page)
    # Drop values that copy.copy shares or that were computed from the live text.
    for cached in ("numbered_body", "current_version"):
        frozen.__dict__.pop(cached, None)
    frozen.title = version.title
    frozen.seo_title = gettext("%(title)s – Fassung %(label)s") % {
        "title": version.title,
        "label": version.label,
    }
    frozen.summary = version.summary
    frozen.easy_language_summary = version.easy_language_summary
    frozen.body = version.body  # StreamField turns the raw data into blocks
    return frozen


def version_list(request, page):
    versions = list(_versions(page).listing().newest_first())
    page.current_version = versions[0] if versions else None
    return TemplateResponse(
        request,
        "versions/version_list.html",
        page.get_context(request)
        | {
            "versions": versions,
            # Each version with the one before it, for "changes since" links.
            "version_rows": list(zip(versions, [*versions[1:], None], strict=True)),
            "current_version": page.current_version,
        },
    )


def version_detail(request, page, label: str):
    version = _get_version(page, label)
    current = page.current_version
    frozen = frozen_page(page, version)
    frozen.current_version = current
    context = frozen.get_context(request) | {
        "version": version,
        "current_version": current,
        "is_historic": current is not None and current.pk != version.pk,
        "live_page": page,
    }
    return TemplateResponse(request, page.get_template(request), context)


def version_markdown(request, page, label: str):
    """The canonical text, byte for byte what the content hash was computed from."""
    version = _get_version(page, label)
    response = HttpResponse(version.canonical_text.encode("utf-8"))
    response["Content-Type"] = "text/markdown; charset=utf-8"
    # RFC 6266/5987: slugs may contain umlauts.
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=version.markdown_filename()
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def version_office_document(request, page, label: str, fmt: str):
    """The version as DOCX or ODT; public like the Markdown text, and cached the same way."""
    version = _get_version(page, label)
    permalink = request.build_absolute_uri(f"{page.get_url(request)}fassungen/{version.label}/")
    response = HttpResponse(
        version_document(version, fmt, permalink), content_type=DOCUMENT_FORMATS[fmt][1]
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=document_filename(version, fmt)
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def version_compare(request, page, old: str, new: str):
    if old == new:
        return HttpResponseRedirect(f"{page.get_url(request)}fassungen/{new}/")
    wanted = Q()
    for major, minor in (parse_label(old), parse_label(new)):
        wanted |= Q(major=major, minor=minor)
    found = {version.label: version for version in _versions(page).filter(wanted)}
    if old not in found or new not in found:
        raise Http404(gettext("Mindestens eine der verglichenen Fassungen gibt es nicht."))
    older, newer = found[old], found[new]
    diff = diff_versions(older, newer)
    return TemplateResponse(
        request,
        "versions/version_compare.html",
        page.get_context(request)
        | {
            "diff": diff,
            "diff_notes": diff_notes(request, page, older, newer),
            "old_version": older,
            "new_version": newer,
            "reversed": (older.major, older.minor) > (newer.major, newer.minor),
        },
    )


def diff_notes(request, page, older: Version, newer: Version) -> dict[str, list]:
    """Notes other apps show beside paragraphs of a comparison, by block id.

    Functions registered for the ``versions_diff_notes`` hook receive
    ``(request, page, older, newer)`` and return ``{block id: [safe HTML, …]}``;
    the comment rounds use it to show the decided comments behind a change.
    """
    notes: dict[str, list] = {}
    for hook in hooks.get_hooks("versions_diff_notes"):
        for block_id, items in (hook(request, page, older, newer) or {}).items():
            notes.setdefault(block_id, []).extend(items)
    return notes


def version_compare_form(request, page):
    """The no-JavaScript comparison form on the version list posts here (GET)."""
    old, new = request.GET.get("von", ""), request.GET.get("bis", "")
    if parse_label(old) is None or parse_label(new) is None:
        return HttpResponseRedirect(f"{page.get_url(request)}fassungen/")
    return HttpResponseRedirect(f"{page.get_url(request)}fassungen/{old}/vergleich/{new}/")
