from django_tasks import task


@task()
def notify_followers(post_id: int) -> int:
    """E-mail the followers of a new reply's thread; returns how many mails went out."""
    from .notifications import send_reply_notifications

    return send_reply_notifications(post_id)
