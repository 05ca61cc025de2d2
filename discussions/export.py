"""The discussion part of a member's data export (see ``members/export.py``)."""

from members.export import timestamp

from .models import Post, Report, Subscription, Thread


def discussion_section(user) -> dict:
    return {
        "eroeffnete_themen": [
            {
                "titel": thread.title,
                "raum": thread.room.title,
                "eroeffnet_am": timestamp(thread.created_at),
            }
            for thread in Thread.objects.filter(author=user).select_related("room")
        ],
        "beitraege": [
            {
                "thema": post.thread.title,
                "text": post.text,
                "geschrieben_am": timestamp(post.created_at),
                "organisation": post.organisation.name if post.organisation else None,
                "ausgeblendet": post.hidden,
            }
            for post in Post.objects.filter(author=user).select_related("thread", "organisation")
        ],
        "abonnierte_themen": [
            {"thema": item.thread.title, "seit": timestamp(item.created_at)}
            for item in Subscription.objects.filter(user=user).select_related("thread")
        ],
        "meldungen": [
            {
                "beitrag_nr": report.post_id,
                "grund": report.get_reason_display(),
                "erlaeuterung": report.details,
                "gemeldet_am": timestamp(report.created_at),
                "status": report.get_status_display(),
            }
            for report in Report.objects.filter(reporter=user)
        ],
    }
