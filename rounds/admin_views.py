"""Editors' side of a round in the Wagtail admin: evaluation, exports, release."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import TaskState

from members.models import Organisation
from portal import content_cache

from . import exports
from .admin_forms import BulkDecisionForm
from .choices import Decision
from .models import Comment, CommentRound, CommentRoundTask
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


@transaction.atomic
def _save_decisions(request, comment_round, comments):
    now = timezone.now()
    selected = set(request.POST.getlist("ausgewaehlt"))
    bulk = BulkDecisionForm(request.POST) if "bulk" in request.POST else None
    if bulk is not None and not bulk.is_valid():
        messages.error(
            request, _("Bitte wählen Sie eine Entscheidung für die ausgewählten Kommentare.")
        )
        return redirect(request.get_full_path())
    changed = []
    for comment in comments:
        if bulk is not None:
            if str(comment.pk) not in selected:
                continue
            decision, answer = bulk.cleaned_data["decision"], bulk.cleaned_data["answer"]
        else:
            decision = request.POST.get(f"entscheidung-{comment.pk}", comment.decision)
            answer = request.POST.get(f"antwort-{comment.pk}", comment.answer).strip()
        if decision not in Decision.values:
            continue
        if (decision, answer) != (comment.decision, comment.answer):
            comment.decision, comment.answer = decision, answer
            comment.answered_by, comment.answered_at = request.user, now
            changed.append(comment)
    Comment.objects.bulk_update(changed, ["decision", "answer", "answered_by", "answered_at"])
    if changed:
        log(
            instance=comment_round,
            action="rounds.answer",
            user=request.user,
            data={"comments": [c.pk for c in changed]},
        )
        if comment_round.is_released:
            content_cache.bump()
    messages.success(request, _("%(count)d Kommentar(e) gespeichert.") % {"count": len(changed)})
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
    if comment_round.is_open():
        messages.error(request, _("Die Runde läuft noch; veröffentlichen Sie die Abwägung danach."))
    elif not comment_round.is_released:
        comment_round.released_at = timezone.now()
        comment_round.save(update_fields=["released_at"])
        log(instance=comment_round, action="rounds.release", user=request.user)
        content_cache.bump()
        messages.success(request, _("Die Abwägungstabelle ist jetzt öffentlich."))
    return redirect("rounds_evaluate", pk=pk)


@require_POST
def mark_evaluated(request, pk):
    """Finish the evaluation; a waiting workflow step "Kommentierungsrunde" moves on."""
    comment_round = _round_for(request, pk)
    if comment_round.is_open():
        messages.error(request, _("Die Runde läuft noch."))
        return redirect("rounds_evaluate", pk=pk)
    with transaction.atomic():
        if comment_round.evaluated_at is None:
            comment_round.evaluated_at = timezone.now()
            comment_round.save(update_fields=["evaluated_at"])
            log(instance=comment_round, action="rounds.evaluate", user=request.user)
        waiting = TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=CommentRoundTask.objects.all(),
            workflow_state__object_id=str(comment_round.page_id),
        )
        for task_state in waiting:
            task_state.specific.approve(user=request.user)
    messages.success(request, _("Die Auswertung ist abgeschlossen."))
    return redirect("rounds_evaluate", pk=pk)
