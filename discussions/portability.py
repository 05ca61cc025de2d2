"""The discussion area's part of the site export (``portability``).

What goes out: the discussion area's live rooms with their visible posts, as members
see them there: display name and organisation, never an e-mail address. Hidden posts
stay behind. The export holds no accounts: the import gives every author an inactive
placeholder account that only carries the name shown, and the area is member-only
again afterwards.
"""

from typing import Any

from members.identity import author_label_from, full_name
from portability import formats
from portability.context import ExportContext, ImportContext, read_json
from portability.markdown import escape, when
from portability.parts import Part

from .models import DiscussionIndexPage, DiscussionRoomPage, Post, Thread

AREA_FILE = "bereich.json"


def room_markdown(record: dict[str, Any]) -> str:
    parts = [f"# {escape(record['title'])}"]
    if record["description"]:
        parts.append(escape(record["description"]))
    for thread in record["threads"]:
        parts.append(
            f"## {escape(thread['title'])}\n\n"
            f"Eröffnet von {escape(author_label_from(thread['author'], thread['organisation']))} "
            f"am {when(thread['created_at'])}" + (" · gesperrt" if thread["locked"] else "")
        )
        for post in thread["posts"]:
            text = "\n".join(f"> {line}" if line else ">" for line in post["text"].splitlines())
            parts.append(
                f"**{escape(author_label_from(post['author'], post['organisation']))}**, "
                f"{when(post['created_at'])}:\n\n{text}"
            )
    return "\n\n".join(parts) + "\n"


def room_threads(room: DiscussionRoomPage):
    return (
        Thread.objects.filter(room=room)
        .select_related("author", "organisation")
        .order_by("created_at", "pk")
    )


class DiscussionsPart(Part):
    key = "discussions"
    order = 60
    needs = ("organisations", "pages")
    counts = ("rooms", "threads", "posts")
    paths = (formats.DISCUSSIONS_DIR,)
    database_label = "Diskussionsthemen"

    def __init__(self) -> None:
        # Rooms created in the page step, whose threads import_() adds.
        self.rooms: list[tuple[dict, DiscussionRoomPage]] = []

    # --- export -----------------------------------------------------------------------

    def export(self, context: ExportContext) -> None:
        home = context.home
        index = DiscussionIndexPage.objects.child_of(home).live().first() if home else None
        if index is None:
            return
        folder = context.folder / formats.DISCUSSIONS_DIR
        formats.write_json(
            folder / AREA_FILE,
            {
                "title": index.title,
                "slug": index.slug,
                "intro": context.refs.rich_text(index.intro),
                "first_published_at": formats.timestamp(index.first_published_at),
                "last_published_at": formats.timestamp(index.last_published_at),
            },
        )
        rooms = DiscussionRoomPage.objects.child_of(index).live().order_by("path")
        for order, room in enumerate(rooms):
            record = {
                "order": order,
                "title": room.title,
                "slug": room.slug,
                "description": room.description,
                "related_page": context.refs.pages.get(room.related_page_id),
                "first_published_at": formats.timestamp(room.first_published_at),
                "last_published_at": formats.timestamp(room.last_published_at),
                "threads": [self.thread_record(context, thread) for thread in room_threads(room)],
            }
            formats.write_json(folder / f"{room.slug}.json", record)
            formats.write_text(folder / f"{room.slug}.md", room_markdown(record))
            context.count("rooms")

    def thread_record(self, context: ExportContext, thread: Thread) -> dict:
        posts = [
            {
                "author": full_name(post.author),
                "organisation": post.organisation.name if post.organisation else None,
                "text": post.text,
                "created_at": formats.timestamp(post.created_at),
            }
            for post in thread.posts.filter(hidden=False)
            .select_related("author", "organisation")
            .order_by("created_at", "pk")
        ]
        context.count("threads")
        context.count("posts", len(posts))
        return {
            "title": thread.title,
            "slug": thread.slug,
            "author": full_name(thread.author),
            "organisation": thread.organisation.name if thread.organisation else None,
            "created_at": formats.timestamp(thread.created_at),
            "last_activity_at": formats.timestamp(thread.last_activity_at),
            "locked": thread.locked,
            "posts": posts,
        }

    # --- import -----------------------------------------------------------------------

    def has_content(self) -> bool:
        return Thread.objects.exists()

    def records(self, context: ImportContext) -> tuple[dict | None, list[dict]]:
        folder = context.folder / formats.DISCUSSIONS_DIR
        if not (folder / AREA_FILE).is_file():
            return None, []
        rooms = [read_json(path) for path in folder.glob("*.json") if path.name != AREA_FILE]
        return read_json(folder / AREA_FILE), sorted(rooms, key=lambda r: r["order"])

    def add_pages(self, context: ImportContext) -> None:
        """The area and its rooms, published with the other pages in the page step."""
        area, rooms = self.records(context)
        if area is None:
            return
        home = context.targets.pages["/"]
        index = DiscussionIndexPage(
            title=area["title"],
            slug=area["slug"],
            intro=context.targets.rich_text(area["intro"]),
            first_published_at=formats.parse_timestamp(area["first_published_at"]),
            last_published_at=formats.parse_timestamp(area["last_published_at"]),
        )
        home.add_child(instance=index)
        context.finish_later({"fields": {}, **area}, index)
        for record in rooms:
            room = DiscussionRoomPage(
                title=record["title"],
                slug=record["slug"],
                description=record["description"],
                first_published_at=formats.parse_timestamp(record["first_published_at"]),
                last_published_at=formats.parse_timestamp(record["last_published_at"]),
            )
            if record["related_page"]:
                room.related_page = context.page(record["related_page"])
            index.add_child(instance=room)
            context.finish_later({"fields": {}, **record}, room)
            self.rooms.append((record, room))

    def import_(self, context: ImportContext) -> None:
        for record, room in self.rooms:
            for item in record["threads"]:
                thread = Thread(
                    room=room,
                    title=item["title"],
                    author=context.person(item["author"]),
                    organisation=context.organisation(item["organisation"]),
                    created_at=formats.parse_timestamp(item["created_at"]),
                    last_activity_at=formats.parse_timestamp(item["last_activity_at"]),
                    locked=item["locked"],
                )
                thread.save()
                for post in item["posts"]:
                    Post.objects.create(
                        thread=thread,
                        author=context.person(post["author"]),
                        organisation=context.organisation(post["organisation"]),
                        text=post["text"],
                        created_at=formats.parse_timestamp(post["created_at"]),
                    )
                Thread.objects.filter(pk=thread.pk).update(
                    last_activity_at=formats.parse_timestamp(item["last_activity_at"])
                )
