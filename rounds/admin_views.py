"""Editors' side of a round in the Wagtail admin: evaluation, exports, release."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.models import Organisation

from . import exports, services
from .admin_forms import BulkDecisionForm
from .choices import Decision
from .models import CommentRound
from .permissions import can_evaluate


def _round_for(request, pk) -> CommentRound:
    comment_round = get_object_or_404(CommentRound.objects.select_related("page"), pk=pk)
    if not can_evaluate(request.user, comment_round):
        raise PermissionDenied
    return comment_round


def evaluate(request, pk):
    """All comments grouped by paragraph, filterable; answer one by one or in bulk."""
    comment_round = _round_for(request, pk)
    comments = comment_round.comments.for_table()
    decision = request.GET.get("entscheidung", "")
    organisation = request.GET.get("organisation", "")
    block_id = request.GET.get("absatz", "")
    if decision in Decision.values:
        comments = comments.filter(decision=decision)
    if organisation.isdigit():
        comments = comments.filter(organisation_id=int(organisation))
    if block_id:
        comments = comments.filter(block_id="" if block_id == "gesamt" else block_id)

    if request.method == "POST":
        return _save_decisions(request, comment_round, comments)

    grouped = defaultdict(list)
    for comment in comments:
        grouped[comment.block_id].append(comment)
    groups = [("", _("Ganzer Text"), grouped.get("", []))] + [
        (item.block.id, _("Absatz %(number)s") % {"number": item.number}, grouped[item.block.id])
        for item in comment_round.numbered_body
        if grouped.get(item.block.id)
    ]
    return TemplateResponse(
        request,
        "rounds/admin/evaluate.html",
        {
            "round": comment_round,
            "groups": [group for group in groups if group[2]],
            "decisions": Decision.choices,
            "organisations": Organisation.objects.filter(
                round_comments__round=comment_round
            ).distinct(),
            "paragraphs": [item for item in comment_round.numbered_body if not item.is_heading],
            "filters": {"entscheidung": decision, "organisation": organisation, "absatz": block_id},
            "bulk_form": BulkDecisionForm(),
            "formats": exports.FORMATS,
        },
    )


def _save_decisions(request, comment_round, comments):
    """One answer per row, or the bulk form's answer for the selected rows."""
    bulk = BulkDecisionForm(request.POST) if "bulk" in request.POST else None
    if bulk is not None and not bulk.is_valid():
        messages.error(
            request, _("Bitte wählen Sie eine Entscheidung für die ausgewählten Kommentare.")
        )
        return redirect(request.get_full_path())
    # Only the comments the filters show: a row outside them is not in the form.
    shown = comments.values_list("pk", flat=True)
    if bulk is not None:
        selected = set(request.POST.getlist("ausgewaehlt"))
        decision, answer = bulk.cleaned_data["decision"], bulk.cleaned_data["answer"]
        answers = [(pk, decision, answer) for pk in shown if str(pk) in selected]
    else:
        answers = [
            (pk, request.POST.get(f"entscheidung-{pk}"), request.POST.get(f"antwort-{pk}"))
            for pk in shown
        ]
    seen = {pk: request.POST[f"stand-{pk}"] for pk in shown if f"stand-{pk}" in request.POST}
    result = services.answer_comments(comment_round, request.user, answers, seen)
    messages.success(
        request, _("%(count)d Kommentar(e) gespeichert.") % {"count": len(result.changed)}
    )
    if result.rewritten:
        messages.warning(
            request,
            _(
                "%(count)d Kommentar(e) wurden inzwischen von ihren Verfassern geändert und "
                "nicht gespeichert. Bitte lesen Sie den neuen Text und entscheiden Sie erneut."
            )
            % {"count": len(result.rewritten)},
        )
    return redirect(request.get_full_path())


def export(request, pk, fmt):
    comment_round = _round_for(request, pk)
    if fmt == "html":
        from .views import disposition_table

        return disposition_table(request, comment_round)
    if fmt not in exports.FORMATS:
        raise PermissionDenied
    build, content_type = exports.FORMATS[fmt]
    response = HttpResponse(build(comment_round), content_type=content_type)
    filename = f"abwaegungstabelle-{comment_round.pk}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def release(request, pk):
    """Make the disposition table public at the round's URL."""
    comment_round = _round_for(request, pk)
    try:
        released = services.release(comment_round, request.user)
    except services.RoundStillOpen:
        messages.error(request, _("Die Runde läuft noch; veröffentlichen Sie die Abwägung danach."))
    else:
        if released:
            messages.success(request, _("Die Abwägungstabelle ist jetzt öffentlich."))
    return redirect("rounds_evaluate", pk=pk)


@require_POST
def mark_evaluated(request, pk):
    """Finish the evaluation; a waiting workflow step "Kommentierungsrunde" moves on."""
    comment_round = _round_for(request, pk)
    try:
        services.mark_evaluated(comment_round, request.user)
    except services.RoundStillOpen:
        messages.error(request, _("Die Runde läuft noch."))
    else:
        messages.success(request, _("Die Auswertung ist abgeschlossen."))
    return redirect("rounds_evaluate", pk=pk)
