"""E-mail to the followers of a thread when someone replies.

The view enqueues a task after its transaction commits; the task checks at send
time who may still read the discussion area, so nobody who lost access gets
member-only text by mail. Every message has an unsubscribe link that works
without login (a signed token, also for one-click unsubscribe, RFC 8058), and a
Message-ID made from post and recipient: a task that runs again sends only what is
still missing (``members.mail.deliver``).
"""

from allauth.account.models import EmailAddress
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse

from members.identity import author_label
from members.mail import absolute_url, deliver, message_id_domain, render_email

from .models import Post, Subscription
from .permissions import viewers
from .rendering import excerpt

UNSUBSCRIBE_SALT = "discussions.unsubscribe"
POSTS_PER_PAGE = 50


def unsubscribe_token(user_id: int, thread_id: int) -> str:
    return signing.dumps([user_id, thread_id], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    try:
        user_id, thread_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(user_id), int(thread_id)


def unsubscribe_url(user_id: int, thread_id: int) -> str:
    return absolute_url(
        reverse("discussions:unsubscribe", args=[unsubscribe_token(user_id, thread_id)])
    )


def reply_message_id(post: Post, user_id: int) -> str:
    """The same in every run of the task; the post's time keeps it unique if ids recur."""
    written = int(post.created_at.timestamp() * 1_000_000)
    return f"<antwort.{post.pk}.{written}.{user_id}@{message_id_domain()}>"


def recipients(post: Post):
    """Followers of the post's thread who may still read it (``permissions.viewers``),
    other than its author, with an active account and a verified address."""
    verified = EmailAddress.objects.filter(
        user=OuterRef("user"), email__iexact=OuterRef("user__email"), verified=True
    )
    return (
        Subscription.objects.filter(thread=post.thread, user__in=viewers())
        .filter(user__is_active=True)
        .exclude(user_id=post.author_id)
        .exclude(user__email="")
        .filter(Exists(verified))
        .select_related("user")
    )


def post_url(post: Post) -> str:
    """The post on its page of the thread."""
    earlier = Post.objects.filter(thread=post.thread, created_at__lt=post.created_at).count()
    page = earlier // POSTS_PER_PAGE + 1
    query = f"?seite={page}" if page > 1 else ""
    return absolute_url(f"{post.thread.get_absolute_url()}{query}#{post.anchor}")


def reply_messages(post: Post) -> list:
    if post.hidden:
        return []
    thread = post.thread
    context = {
        "thread": thread,
        "author": author_label(post.author, post.organisation),
        "excerpt": excerpt(post.text),
        "post_url": post_url(post),
    }
    messages = []
    for subscription in recipients(post):
        link = unsubscribe_url(subscription.user_id, thread.pk)
        messages.append(
            render_email(
                "discussions/email/reply",
                {**context, "recipient": subscription.user, "unsubscribe_url": link},
                to=[subscription.user.email],
                headers={
                    "Message-ID": reply_message_id(post, subscription.user_id),
                    "List-Unsubscribe": f"<{link}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        )
    return messages


def send_reply_notifications(post_id: int) -> int:
    post = (
        Post.objects.select_related("thread__room", "author", "organisation")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        return 0
    messages = reply_messages(post)
    if not messages:
        return 0
    return deliver(messages)


def notify_after_commit(post: Post) -> None:
    from .tasks import notify_followers

    transaction.on_commit(lambda: notify_followers.enqueue(post.pk))
