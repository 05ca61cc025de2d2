"""From comment to change: the decided comments behind the paragraphs of a version diff."""

from collections import defaultdict

from .models import Comment


def decided_comments(page, older, newer) -> dict[str, list[Comment]]:
    """Comments of released rounds held on texts between two versions, by paragraph id.

    A round on version 1.1 (or on a draft after it) explains the changes in 2.0.
    """
    low, high = sorted([older.revision_id, newer.revision_id])
    comments = (
        Comment.objects.active()
        .filter(
            round__page=page,
            round__released_at__isnull=False,
            round__revision_id__gte=low,
            round__revision_id__lt=high,
        )
        .exclude(block_id="")
        .select_related("organisation", "author", "round", "round__page")
        .order_by("created_at")
    )
    by_block = defaultdict(list)
    for comment in comments:
        by_block[comment.block_id].append(comment)
    return dict(by_block)
