"""State changes of comments: submit (once per form) and edit."""

import uuid

from django.db import transaction

from portal.submissions import busy_means_try_later, store_once

from .models import Comment, CommentRound
from .permissions import organisation_of


def submitted_comment(author, token: uuid.UUID | None) -> Comment | None:
    """The comment an earlier sending of the same form stored, if any."""
    if token is None:
        return None
    return Comment.objects.filter(author=author, submission_token=token).first()


@busy_means_try_later
@transaction.atomic
def submit_comment(
    round: CommentRound,
    author,
    *,
    text: str,
    block_id: str = "",
    quote: str = "",
    show_author_name: bool = False,
    token: uuid.UUID | None = None,
) -> Comment:
    """The new comment; for a form sent twice at once, the one the first sending stored."""
    comment, _created = store_once(
        lambda: Comment.objects.create(
            round=round,
            block_id=block_id,
            quote=quote,
            text=text,
            show_author_name=show_author_name,
            author=author,
            organisation=organisation_of(author),
            submission_token=token,
        ),
        lambda: submitted_comment(author, token),
    )
    return comment


@busy_means_try_later
@transaction.atomic
def edit_comment(
    comment: Comment, *, text: str, block_id: str, quote: str, show_author_name: bool
) -> Comment:
    comment.text, comment.block_id, comment.quote = text, block_id, quote
    comment.show_author_name = show_author_name
    comment.save(update_fields=["text", "block_id", "quote", "show_author_name", "updated_at"])
    return comment
