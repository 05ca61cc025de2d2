"""The round page ``<page>/kommentierung/<id>/``: frozen draft with comment forms for the
audience while it is open, and the public disposition table once released."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from members.permissions import is_member
from portal import ratelimits
from portal.submissions import TryLater, accept

from . import disposition, services
from .forms import CommentForm
from .models import Comment, CommentRound
from .permissions import (
    can_change_comment,
    can_comment,
    can_view_disposition,
    can_view_text,
    publicly_mentioned,
    sees_audience_notice,
    visible_comments,
)

CLOSED_MESSAGE = gettext_lazy(
    "Die Kommentierungsrunde ist nicht geöffnet (sie läuft vom %(opens)s bis %(closes)s). "
    "Ihr Text ist unten erhalten; bitte sichern Sie ihn bei Bedarf."
)


def _get_round(page, round_id) -> CommentRound | None:
    return CommentRound.objects.select_related("page").filter(pk=round_id, page=page).first()


def _closed_message(round: CommentRound) -> str:
    fmt = "%d.%m.%Y, %H:%M Uhr"
    return CLOSED_MESSAGE % {
        "opens": timezone.localtime(round.opens_at).strftime(fmt),
        "closes": timezone.localtime(round.closes_at).strftime(fmt),
    }


def round_view(request, page, round_id):
    round = _get_round(page, round_id)
    user = request.user
    if round is not None and round.is_released and request.method != "POST":
        return disposition_table(request, round)
    if round is None or not can_view_text(user, round):
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if round is not None and sees_audience_notice(user, round):
            return audience_notice(request, page, round)
        raise Http404

    if request.method != "POST":
        return _render_round(request, page, round)
    bound_form = CommentForm(request.POST, round=round, auto_id=_form_ids(request.POST))
    if not can_comment(user, round):
        bound_form.is_valid()
        bound_form.add_error(None, _closed_message(round))
    elif bound_form.is_valid():
        try:
            comment = _submit(request, round, bound_form.cleaned_data)
        except TryLater as refusal:
            bound_form.add_error(None, refusal.message)
            return refusal.respond(_render_round(request, page, round, bound_form))
        messages.success(request, _("Danke, Ihr Kommentar ist eingegangen."))
        return HttpResponseRedirect(f"{round.get_url()}#k-{comment.pk}")
    return _render_round(request, page, round, bound_form)


def audience_notice(request, page, round: CommentRound):
    """For signed-in people outside the audience: whom the round is for and how to join.
    Shows the live page's title, never the frozen text or its comments."""
    from members.models import MembershipRequest

    user = request.user
    member = is_member(user)
    pending = None if member else MembershipRequest.objects.pending().filter(user=user).first()
    response = TemplateResponse(
        request,
        "rounds/audience_notice.html",
        {"page": page, "round": round, "is_member": member, "pending_request": pending},
        status=403,
    )
    add_never_cache_headers(response)
    return response


def _form_ids(data) -> str:
    return f"k-{data.get('block_id') or 'gesamt'}-%s"


def _submit(request, round: CommentRound, data: dict) -> Comment:
    token = data["submission_token"]
    return accept(
        request,
        ratelimits.COMMENT,
        stored_before=lambda: services.submitted_comment(request.user, token),
        store=lambda: services.submit_comment(
            round,
            request.user,
            text=data["text"],
            block_id=data["block_id"],
            quote=data["quote"],
            show_author_name=data["show_author_name"],
            token=token,
        ),
    )


def _render_round(request, page, round: CommentRound, bound_form=None):
    user = request.user
    commenting = can_comment(user, round)
    comments_by_block = defaultdict(list)
    for comment in visible_comments(user, round):
        comments_by_block[comment.block_id].append(comment)

    # A form posted for an unknown paragraph comes back as the general form, text and all.
    bound_block = bound_form.data.get("block_id") or "" if bound_form is not None else None
    if bound_block and bound_block not in round.paragraph_numbers:
        bound_block = ""

    def form_for(block_id):
        if bound_form is not None and bound_block == block_id:
            return bound_form
        if not commenting:
            return None
        return CommentForm(
            round=round,
            initial={"block_id": block_id},
            auto_id=f"k-{block_id or 'gesamt'}-%s",
        )

    paragraphs = [
        {
            "item": item,
            "comments": comments_by_block.get(item.block.id, []),
            "form": None if item.is_heading else form_for(item.block.id),
        }
        for item in round.numbered_body
    ]
    return TemplateResponse(
        request,
        "rounds/round_page.html",
        {
            "page": page,
            "round": round,
            "state": round.state(),
            "paragraphs": paragraphs,
            "general_comments": comments_by_block.get("", []),
            "general_form": form_for(""),
            "can_comment": commenting,
            "bound_form": bound_form,
            "show_disposition_link": can_view_disposition(user, round),
            "user_id": user.pk,
        },
        status=400 if bound_form is not None else 200,
    )


def disposition_table(request, round: CommentRound):
    table = disposition.rows(round)
    return TemplateResponse(
        request,
        "rounds/disposition_table.html",
        {
            "page": round.page,
            "round": round,
            "groups": disposition.groups(table),
            "count": len(table),
        },
    )


def _own_comment(request, page, round_id, comment_id) -> Comment:
    round = _get_round(page, round_id)
    if round is None or not can_view_text(request.user, round):
        raise Http404
    return get_object_or_404(
        round.comments.select_related("round"), pk=comment_id, author=request.user
    )


def comment_edit_view(request, page, round_id, comment_id):
    comment = _own_comment(request, page, round_id, comment_id)
    round = comment.round
    form = CommentForm(
        request.POST or None, instance=comment, round=round, auto_id="k-bearbeiten-%s"
    )
    form.fields["block_id"].initial = comment.block_id
    if request.method == "POST":
        if not can_change_comment(request.user, comment):
            form.is_valid()
            form.add_error(None, _closed_message(round))
        elif form.is_valid():
            try:
                _edit(comment, form.cleaned_data)
            except TryLater as refusal:
                form.add_error(None, refusal.message)
                return refusal.respond(_render_edit(request, page, comment, form))
            messages.success(request, _("Ihr Kommentar ist geändert."))
            return HttpResponseRedirect(f"{round.get_url()}#k-{comment.pk}")
    return _render_edit(request, page, comment, form)


def _edit(comment: Comment, data: dict) -> Comment:
    return services.edit_comment(
        comment,
        text=data["text"],
        block_id=data["block_id"],
        quote=data["quote"],
        show_author_name=data["show_author_name"],
    )


def _render_edit(request, page, comment: Comment, form: CommentForm):
    round = comment.round
    return TemplateResponse(
        request,
        "rounds/comment_edit.html",
        {
            "page": page,
            "round": round,
            "comment": comment,
            "form": form,
            "can_change": can_change_comment(request.user, comment),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
def comment_withdraw_view(request, page, round_id, comment_id):
    comment = _own_comment(request, page, round_id, comment_id)
    if can_change_comment(request.user, comment):
        services.withdraw_comment(comment)
        messages.success(request, _("Ihr Kommentar ist zurückgezogen."))
    else:
        messages.error(request, _closed_message(comment.round))
    return HttpResponseRedirect(comment.round.get_url())


def overview(request):
    """``/kommentierungen/``: running rounds, rounds in evaluation and released tables,
    for everyone; only what ``publicly_mentioned`` allows."""
    now = timezone.now()
    rounds = list(publicly_mentioned(now).order_by("closes_at", "pk"))
    released = sorted(
        (r for r in rounds if r.is_released), key=lambda r: r.released_at, reverse=True
    )
    return TemplateResponse(
        request,
        "rounds/overview.html",
        {
            "running": [r for r in rounds if r.is_open(now)],
            "in_evaluation": [r for r in rounds if not r.is_open(now) and not r.is_released],
            "released": released,
        },
    )
