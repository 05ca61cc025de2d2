"""The media part (core): Wagtail's images and documents, as files with a listing.

What goes out: images and documents from collections without view restriction, each
file with its title, collection, tags, date and checksum (images also with size and
focal point). Files in restricted collections stay behind. The import refuses a file
whose checksum does not match.
"""

import hashlib
import shutil
from pathlib import Path

from django.core.files import File
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from . import formats
from .context import ExportContext, ImportContext, ImportProblem, read_json
from .parts import Part


def is_public_collection(collection: Collection) -> bool:
    return not collection.get_view_restrictions().exists()


def collection_path(collection: Collection) -> list[str]:
    """Names from below the root collection down to ``collection``."""
    return [item.name for item in collection.get_ancestors(inclusive=True) if not item.is_root()]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


class MediaPart(Part):
    key = "media"
    order = 20
    counts = ("images", "documents")
    paths = (formats.MEDIA_DIR,)

    def export(self, context: ExportContext) -> None:
        public = {c.pk for c in Collection.objects.all() if is_public_collection(c)}
        for model, kind, listing, table in [
            (get_image_model(), "bilder", formats.IMAGES_FILE, context.refs.images),
            (get_document_model(), "dokumente", formats.DOCUMENTS_FILE, context.refs.documents),
        ]:
            records = []
            items = model.objects.filter(collection_id__in=public).select_related("collection")
            for number, item in enumerate(items.order_by("created_at", "pk"), start=1):
                suffix = Path(item.file.name).suffix.lower()
                name = f"{kind}/{number:04d}-{slugify(item.title)[:60] or 'datei'}{suffix}"
                target = context.folder / formats.MEDIA_DIR / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with item.file.open("rb") as source, target.open("wb") as copy:
                    shutil.copyfileobj(source, copy)
                table[item.pk] = name
                record = {
                    "file": name,
                    "title": item.title,
                    "collection": collection_path(item.collection),
                    "tags": sorted(tag.name for tag in item.tags.all()),
                    "created_at": formats.timestamp(item.created_at),
                    "sha256": sha256_file(target),
                }
                if kind == "bilder":
                    record |= {
                        "width": item.width,
                        "height": item.height,
                        "focal_point": [
                            item.focal_point_x,
                            item.focal_point_y,
                            item.focal_point_width,
                            item.focal_point_height,
                        ],
                    }
                records.append(record)
            formats.write_json(context.folder / formats.MEDIA_DIR / listing, records)
            context.count("images" if kind == "bilder" else "documents", len(records))

    def import_(self, context: ImportContext) -> None:
        media = context.folder / formats.MEDIA_DIR
        for model, listing, table in [
            (get_image_model(), formats.IMAGES_FILE, context.targets.images),
            (get_document_model(), formats.DOCUMENTS_FILE, context.targets.documents),
        ]:
            for record in read_json(media / listing):
                path = media / record["file"]
                if not path.is_file():
                    raise ImportProblem(f"Im Export fehlt die Mediendatei „{record['file']}“.")
                if hashlib.sha256(path.read_bytes()).hexdigest() != record["sha256"]:
                    raise ImportProblem(
                        f"Die Mediendatei „{record['file']}“ ist beschädigt (Prüfsumme falsch)."
                    )
                collection = self.collection(record["collection"])
                item = model(title=record["title"], collection=collection)
                if "focal_point" in record:
                    (
                        item.focal_point_x,
                        item.focal_point_y,
                        item.focal_point_width,
                        item.focal_point_height,
                    ) = record["focal_point"]
                with path.open("rb") as stream:
                    item.file.save(path.name, File(stream), save=False)
                context.saved_files.append((item.file.storage, item.file.name))
                item.save()
                item.tags.set(record["tags"])
                model.objects.filter(pk=item.pk).update(
                    created_at=formats.parse_timestamp(record["created_at"])
                )
                table[record["file"]] = item.pk

    def collection(self, names: list[str]) -> Collection:
        collection = Collection.get_first_root_node()
        for name in names:
            child = collection.get_children().filter(name=name).first()
            collection = child or collection.add_child(instance=Collection(name=name))
        return collection
