"""The discussion views, served by the room page's routes (see ``models.py``).

Wagtail page privacy and ``wagtail_hooks.guard_discussion_pages`` keep
non-members out before any of these runs; each view checks its own rule again
from ``permissions.py``, so the rule holds even if the page privacy is changed.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from members.identity import author_label
from portal import ratelimits
from portal.submissions import TryLater, accept, within_limit

from . import permissions, services
from .forms import ReplyForm, ReportForm, ThreadForm
from .models import Post, Subscription, Thread
from .notifications import POSTS_PER_PAGE, read_unsubscribe_token
from .rendering import quote_text

THREADS_PER_PAGE = 25


def members_only(request):
    """For signed-in people without access: what the area is and how to join."""
    from members.models import MembershipRequest

    pending = None
    if request.user.is_authenticated:
        pending = MembershipRequest.objects.pending().filter(user=request.user).first()
    response = TemplateResponse(
        request, "discussions/members_only.html", {"pending_request": pending}, status=403
    )
    add_never_cache_headers(response)
    return response


def render(request, room, template: str, status: int = 200, **context):
    response = TemplateResponse(
        request, template, room.get_context(request) | context, status=status
    )
    add_never_cache_headers(response)
    return response


def get_thread(room, thread_id: int) -> Thread:
    thread = get_object_or_404(
        Thread.objects.select_related("author", "organisation"), pk=thread_id, room=room
    )
    thread.room = room  # the page in hand; links to the thread need it
    return thread


def get_post(room, post_id: int) -> Post:
    return get_object_or_404(
        Post.objects.select_related("thread", "author", "organisation"),
        pk=post_id,
        thread__room=room,
    )


def with_parent(items: list, field: str, parent) -> list:
    """Give every item the parent object in hand instead of a query per item."""
    for item in items:
        setattr(item, field, parent)
    return items


# --- Threads -------------------------------------------------------------------------


def thread_list(request, room):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if not permissions.can_view(request.user):
        return members_only(request)
    threads = Thread.objects.filter(room=room).for_listing(request.user)
    page_obj = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("seite"))
    page_obj.object_list = with_parent(list(page_obj.object_list), "room", room)
    return render(
        request,
        room,
        "discussions/discussion_room_page.html",
        page_obj=page_obj,
        can_start_thread=permissions.can_start_thread(request.user),
    )


def new_thread(request, room):
    if not permissions.can_view(request.user):
        return members_only(request)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = submit_thread(request, room, form.cleaned_data)
        except TryLater as refusal:
            form.add_error(None, refusal.message)
            return refusal.respond(render(request, room, "discussions/thread_form.html", form=form))
        messages.success(
            request, _("Ihr Thema ist eröffnet. Sie werden über Antworten per E-Mail informiert.")
        )
        return HttpResponseRedirect(thread.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, room, "discussions/thread_form.html", status=status, form=form)


def submit_thread(request, room, data: dict) -> Thread:
    token = data["submission_token"]
    return accept(
        request,
        ratelimits.DISCUSSION_POST,
        stored_before=lambda: services.submitted_thread(request.user, token),
        store=lambda: services.create_thread(
            room, request.user, title=data["title"], text=data["text"], token=token
        ),
    )


def thread_detail(request, room, thread_id: int, slug: str):
    if not permissions.can_view(request.user):
        return members_only(request)
    thread = get_thread(room, thread_id)
    if slug != thread.slug and request.method == "GET":
        return HttpResponseRedirect(thread.get_absolute_url())
    user = request.user
    is_following = Subscription.objects.filter(user=user, thread=thread).exists()

    refusal = None
    if request.method == "POST":
        if not permissions.can_post(user, thread):
            messages.error(
                request, _("Dieses Thema ist gesperrt; neue Antworten sind nicht möglich.")
            )
            return HttpResponseRedirect(thread.get_absolute_url())
        form = ReplyForm(request.POST)
        if form.is_valid():
            try:
                post = submit_reply(request, thread, form.cleaned_data)
            except TryLater as error:
                refusal = error
                form.add_error(None, refusal.message)
            else:
                messages.success(request, _("Ihre Antwort ist veröffentlicht."))
                return HttpResponseRedirect(post_location(post.thread, post))
        status = 400
    else:
        form = ReplyForm(initial={"follow": is_following, "text": quoted_initial(request, thread)})
        status = 200

    posts = (
        Post.objects.filter(thread=thread)
        .select_related("author", "organisation")
        .prefetch_related("author__groups")
    )
    page_obj = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("seite"))
    page_obj.object_list = with_parent(list(page_obj.object_list), "thread", thread)
    # Marking as read is a write too: left out when the reply could not be taken.
    last_read_at = None
    if refusal is None:
        newest_shown = max((post.created_at for post in page_obj.object_list), default=None)
        last_read_at = services.mark_read(user, thread, newest_shown)
    response = render(
        request,
        room,
        "discussions/thread.html",
        status=status,
        thread=thread,
        page_obj=page_obj,
        last_read_at=last_read_at,
        form=form,
        is_following=is_following,
        can_post=permissions.can_post(user, thread),
        can_moderate=permissions.can_moderate(user),
    )
    return refusal.respond(response) if refusal else response


def submit_reply(request, thread: Thread, data: dict) -> Post:
    token = data["submission_token"]
    return accept(
        request,
        ratelimits.DISCUSSION_POST,
        stored_before=lambda: services.submitted_post(request.user, token),
        store=lambda: services.reply(
            thread, request.user, data["text"], data["follow"], token=token
        ),
    )


def quoted_initial(request, thread: Thread) -> str:
    post_id = request.GET.get("zitat", "")
    if not post_id.isdigit():
        return ""
    post = (
        Post.objects.filter(pk=int(post_id), thread=thread)
        .select_related("author", "organisation")
        .first()
    )
    if post is None or not permissions.can_quote(request.user, post):
        return ""
    return quote_text(author_label(post.author, post.organisation), post.text)


def post_location(thread: Thread, post: Post) -> str:
    earlier = Post.objects.filter(thread=thread, created_at__lt=post.created_at).count()
    page = earlier // POSTS_PER_PAGE + 1
    query = f"?seite={page}" if page > 1 else ""
    return f"{thread.get_absolute_url()}{query}#{post.anchor}"


# --- Following, reporting, moderating -------------------------------------------------


def follow(request, room, thread_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not permissions.can_view(request.user):
        return members_only(request)
    thread = get_thread(room, thread_id)
    if request.POST.get("action") == "folgen":
        services.follow_thread(request.user, thread)
        messages.success(
            request, _("Sie folgen diesem Thema und erhalten neue Antworten per E-Mail.")
        )
    else:
        services.unfollow_thread(request.user, thread)
        messages.success(request, _("Sie folgen diesem Thema nicht mehr."))
    return HttpResponseRedirect(thread.get_absolute_url())


def moderation_refusal(request, room):
    """The answer to a moderation request that may not go on; None if it may."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not permissions.can_moderate(request.user):
        return (
            members_only(request)
            if not permissions.can_view(request.user)
            else forbidden(request, room)
        )
    return None


def lock(request, room, thread_id: int):
    if refusal := moderation_refusal(request, room):
        return refusal
    thread = get_thread(room, thread_id)
    locked = request.POST.get("action") == "sperren"
    services.set_locked(thread, locked, request.user)
    messages.success(
        request, _("Das Thema ist gesperrt.") if locked else _("Das Thema ist wieder offen.")
    )
    return HttpResponseRedirect(thread.get_absolute_url())


def report(request, room, post_id: int):
    if not permissions.can_view(request.user):
        return members_only(request)
    post = get_post(room, post_id)
    thread = post.thread
    if not permissions.can_report(request.user, post):
        messages.info(request, _("Diesen Beitrag können Sie nicht melden."))
        return HttpResponseRedirect(thread.get_absolute_url())
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            usage = within_limit(request, ratelimits.REPORT)
        except TryLater as refusal:
            form.add_error(None, refusal.message)
            return refusal.respond(render_report_form(request, room, form, post))
        if services.report_post(post, request.user, **form.cleaned_data):
            messages.success(
                request, _("Danke für Ihre Meldung. Das Moderationsteam sieht sich den Beitrag an.")
            )
        else:
            usage.rollback()  # an open report of the same person: nothing new for moderators
            messages.info(
                request,
                _("Sie haben diesen Beitrag bereits gemeldet; die Meldung wird bearbeitet."),
            )
        return HttpResponseRedirect(post_location(thread, post))
    status = 400 if request.method == "POST" else 200
    return render_report_form(request, room, form, post, status)


def render_report_form(request, room, form: ReportForm, post: Post, status: int = 200):
    return render(
        request,
        room,
        "discussions/report_form.html",
        status=status,
        form=form,
        post=post,
        thread=post.thread,
    )


def moderate_post(request, room, post_id: int):
    if refusal := moderation_refusal(request, room):
        return refusal
    post = get_post(room, post_id)
    action = request.POST.get("action")
    if action == "ausblenden":
        services.hide_post(post, request.user)
        messages.success(request, _("Der Beitrag ist ausgeblendet."))
    elif action == "einblenden":
        services.restore_post(post, request.user)
        messages.success(request, _("Der Beitrag ist wieder sichtbar."))
    elif action == "meldungen-zurueckweisen":
        services.dismiss_reports(post, request.user)
        messages.success(request, _("Die Meldungen zu diesem Beitrag sind als erledigt markiert."))
    else:
        raise Http404
    return HttpResponseRedirect(post_location(post.thread, post))


def forbidden(request, room):
    return render(request, room, "discussions/forbidden.html", status=403)


# --- Unsubscribe (no login) -----------------------------------------------------------


# The signed token is the authorisation and no session is used, so a CSRF token adds
# nothing; mail clients send one-click unsubscribe (RFC 8058) as a plain POST.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    ids = read_unsubscribe_token(token)
    if ids is None:
        return TemplateResponse(
            request, "discussions/unsubscribe.html", {"invalid": True}, status=400
        )
    user_id, thread_id = ids
    if request.method == "POST":
        services.unfollow_thread(user_id, thread_id)
        return TemplateResponse(request, "discussions/unsubscribe.html", {"done": True})
    subscribed = Subscription.objects.filter(user_id=user_id, thread_id=thread_id).exists()
    return TemplateResponse(
        request, "discussions/unsubscribe.html", {"token": token, "subscribed": subscribed}
    )
