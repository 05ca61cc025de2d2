from django_tasks import task

from background.retries import retried


@task()
def notify_followers(post_id: int, attempt: int = 1) -> int:
    """E-mail the followers of a new reply's thread; returns how many mails went out now.

    Each message has a Message-ID derived from post and recipient, so a retry after a
    temporary SMTP error (or a run after a crash) sends only what is still missing.
    """
    from .notifications import send_reply_notifications

    with retried(notify_followers, attempt, post_id):
        return send_reply_notifications(post_id)
