"""The comment-round part of a member's data export (see ``members/export.py``)."""

from django.db.models import Prefetch

from members.export import timestamp
from members.mail import absolute_url

from .models import Comment, CommentRound


def comment_section(user) -> dict:
    """Every comment ``user`` wrote, withdrawn ones included, grouped by round."""
    own = Comment.objects.filter(author=user).select_related("organisation")
    rounds = (
        CommentRound.objects.filter(comments__author=user)
        .distinct()
        .select_related("page")
        .prefetch_related(Prefetch("comments", queryset=own, to_attr="own_comments"))
    )
    return {
        "kommentare": [
            comment_entry(comment_round, comment)
            for comment_round in rounds
            for comment in comment_round.own_comments
        ]
    }


def round_address(comment_round: CommentRound) -> str | None:
    # A page that no site routes to has no address.
    return absolute_url(comment_round.get_url()) if comment_round.page.url else None


def comment_entry(comment_round: CommentRound, comment: Comment) -> dict:
    # Decisions and answers are the editors' work in progress until the table is released.
    released = comment_round.is_released
    return {
        "runde": str(comment_round),
        "seite": comment_round.page.title,
        "adresse": round_address(comment_round),
        "absatz": comment_round.paragraph_numbers.get(comment.block_id) or None,
        "absatz_anker": f"p-{comment.block_id}" if comment.block_id else None,
        "zitierte_stelle": comment.quote,
        "text": comment.text,
        "organisation": comment.organisation.name,
        "name_in_abwaegungstabelle": comment.show_author_name,
        "eingereicht_am": timestamp(comment.created_at),
        "geaendert_am": timestamp(comment.updated_at),
        "zurueckgezogen_am": timestamp(comment.withdrawn_at),
        "entscheidung": comment.get_decision_display() if released else None,
        "antwort_der_redaktion": comment.answer if released else None,
    }
