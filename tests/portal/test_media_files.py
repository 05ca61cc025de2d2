"""Files under /media/: image files are public, document files never are.

Documents may sit in members-only collections; only Wagtail's document view
(/dokumente/<id>/<name>) checks that. Served by a real server in the debug profile
too, where Django's static helper used to serve all of /media/.
"""

import pytest

from tests.processes import Server, installation_env

pytestmark = pytest.mark.processes


@pytest.fixture(scope="module", params=["false", "true"], ids=["run", "debug"])
def server(request, installation_folder):
    media = installation_folder / "media"
    for folder, name in (("documents", "protokoll.txt"), ("original_images", "logo.png")):
        (media / folder).mkdir(parents=True, exist_ok=True)
        (media / folder / name).write_bytes(b"Inhalt nur fuer Mitglieder")
    running = Server(installation_env(installation_folder, DEBUG=request.param)).start()
    yield running
    running.stop()


def test_document_files_are_never_served_from_media(server):
    status, _headers, body = server.get("/media/documents/protokoll.txt")
    assert status == 404
    assert "Inhalt nur fuer Mitglieder" not in body


def test_image_files_are_served_from_media(server):
    status, _headers, body = server.get("/media/original_images/logo.png")
    assert status == 200
    assert body == "Inhalt nur fuer Mitglieder"
    climbing = server.get("/media/original_images/../documents/protokoll.txt")
    assert climbing[0] in (400, 404)
    assert "Inhalt nur fuer Mitglieder" not in climbing[2]
