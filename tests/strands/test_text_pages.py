"""Rendering of both strands' pages: numbering, anchors, contents and the links between them."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from strands.models import GuidancePage, MissionPage
from tests import factories


def paragraph_anchors(html: str) -> dict[str, str]:
    """Map of anchor id → visible number for every numbered block on a page."""
    soup = BeautifulSoup(html, "html.parser")
    anchors = {}
    for element in soup.select(".text__body [id^=p-]"):
        anchors[element["id"]] = (
            element.select_one(".number, .paragraph__number")
            .get_text(" ", strip=True)
            .replace("Absatz ", "")
        )
    return anchors


@pytest.fixture(params=["mission", "guidance"])
def text_page(request, mission_index, guidance_index):
    """The same body on a page of each strand: both must render it alike."""
    if request.param == "mission":
        return factories.mission_page(mission_index, title="Offene Standards")
    return factories.guidance_page(guidance_index, title="Open-Source-Strategie")


@pytest.mark.django_db
def test_text_page_numbers_sections_and_paragraphs(client, text_page):
    response = client.get(text_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    anchors = paragraph_anchors(html)
    assert list(anchors.values()) == ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3"]
    for block in text_page.body:
        assert f'id="p-{block.id}"' in html
    # The table of contents links to both section headings.
    toc = BeautifulSoup(html, "html.parser").select(".toc a")
    assert [a["href"] for a in toc] == [
        f"#p-{b.id}" for b in text_page.body if b.block_type == "heading"
    ]
    assert 'lang="de"' in html
    assert "Zum Inhalt springen" in html


@pytest.mark.django_db
def test_paragraphs_before_the_first_heading_count_on_their_own(client, mission_index):
    page = factories.mission_page(
        mission_index,
        body=[
            {"type": "paragraph", "value": "<p>Vorwort</p>", "id": "a"},
            {"type": "heading", "value": "Teil", "id": "b"},
            {"type": "paragraph", "value": "<p>Erster</p>", "id": "c"},
        ],
    )
    assert list(paragraph_anchors(client.get(page.url).content.decode()).values()) == [
        "1",
        "1",
        "1.1",
    ]


@pytest.mark.django_db
def test_every_body_block_kind_renders(client, guidance_index):
    page = factories.guidance_page(
        guidance_index,
        body=[
            {"type": "heading", "value": "Schritte", "id": "h"},
            {"type": "paragraph", "value": "<p>Einleitung</p>", "id": "p"},
            {"type": "list", "value": {"style": "ol", "items": ["Inventur", "Ziele"]}, "id": "l"},
            {"type": "quote", "value": {"text": "Digital souverän.", "source": "Dedy"}, "id": "q"},
            {
                "type": "info_box",
                "value": {"kind": "beispiel", "title": "Praxis", "text": "<p>So geht es.</p>"},
                "id": "i",
            },
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<ol>" in html and "<li>Inventur</li>" in html
    assert "<blockquote>" in html and "Dedy" in html
    assert "Beispiel: " in html and "So geht es." in html
    assert list(paragraph_anchors(html).values()) == ["1", "1.1", "1.2", "1.3", "1.4"]


@pytest.mark.django_db
def test_anchors_and_numbers_survive_an_edit_in_the_admin(client, admin_user, mission_index):
    page = factories.mission_page(mission_index)
    before = paragraph_anchors(client.get(page.url).content.decode())

    client.force_login(admin_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    form["summary"] = "Neu gefasst."
    form["change_note"] = "Kurzfassung und Absatz 1.2 neu gefasst."
    form["action-publish"] = "action-publish"
    # The body editor posts each block with its id, as the admin's JavaScript does;
    # the editor rewrites the text of paragraph 1.2.
    form.update(body_form_data(page, {1: "<p>Absatz 1.2, neu formuliert.</p>"}))
    response = client.post(edit_url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()

    page.refresh_from_db()
    assert page.get_latest_revision().pk != page.revisions.order_by("pk").first().pk
    html = client.get(page.url).content.decode()
    assert "Neu gefasst." in html and "Absatz 1.2, neu formuliert." in html
    assert paragraph_anchors(html) == before


def body_form_data(page, new_paragraph_texts: dict[int, str]) -> dict[str, str]:
    """Admin form data for a page's body, keeping block ids; paragraph n gets a new text."""
    data = {"body-count": str(len(page.body))}
    paragraph_index = 0
    for index, block in enumerate(page.body):
        value = block.value
        if block.block_type == "paragraph":
            html = new_paragraph_texts.get(paragraph_index, block.value.source)
            value = rich_text(html)
            paragraph_index += 1
        data |= {
            f"body-{index}-type": block.block_type,
            f"body-{index}-value": value,
            f"body-{index}-id": block.id,
            f"body-{index}-order": str(index),
            f"body-{index}-deleted": "",
        }
    return data


@pytest.mark.django_db
def test_strands_link_both_ways_and_only_to_public_pages(client, mission_index, guidance_index):
    principle = factories.mission_page(mission_index, title="Open Source zuerst")
    served = factories.guidance_page(
        guidance_index, title="Schritt für Schritt zu Open Source", principles=[principle]
    )
    draft = factories.draft_child(
        guidance_index, GuidancePage(title="Unfertiger Entwurf", body=factories.body())
    )
    draft.principles = [principle]
    draft.save()

    principle_html = client.get(principle.url).content.decode()
    assert "Handlungshilfen zu diesem Grundsatz" in principle_html
    assert served.title in principle_html
    assert "Unfertiger Entwurf" not in principle_html

    guidance_html = client.get(served.url).content.decode()
    assert "Setzt diese Grundsätze des Leitbilds um" in guidance_html
    assert f'href="{principle.url}"' in guidance_html


@pytest.mark.django_db
def test_cross_strand_link_is_edited_on_the_guidance_side_only():
    def edited_fields(model):
        return set(model.get_edit_handler().get_form_options()["fields"])

    assert "principles" in edited_fields(GuidancePage)
    assert not edited_fields(MissionPage) & {"principles", "guidance_pages"}


@pytest.mark.django_db
def test_indexes_list_live_texts_only(client, mission_index, guidance_index, examples_index):
    factories.mission_page(mission_index, title="Datensouveränität")
    factories.draft_child(mission_index, MissionPage(title="Geheimer Entwurf", body=[]))
    factories.guidance_page(guidance_index, title="Cloud-Abhängigkeiten analysieren")
    factories.practice_example(examples_index, title="Beispielkreis bündelt Kräfte")

    leitbild = client.get("/leitbild/").content.decode()
    assert "Datensouveränität" in leitbild and "Geheimer Entwurf" not in leitbild
    assert "Cloud-Abhängigkeiten analysieren" in client.get("/handlungshilfen/").content.decode()
    assert "Beispielkreis bündelt Kräfte" in client.get(examples_index.url).content.decode()

    home = client.get("/").content.decode()
    assert "Datensouveränität" in home and "Geheimer Entwurf" not in home
    assert 'href="/leitbild/"' in home and 'href="/handlungshilfen/"' in home


@pytest.mark.django_db
def test_practice_example_shows_its_facts(client, examples_index):
    example = factories.practice_example(
        examples_index,
        title="Musterhausen wechselt die Bürosoftware",
        population_class="bis-100000",
        lessons_learned="<p>Früh die Personalvertretung einbinden.</p>",
        contact="Fachbereich IT, it@musterhausen.example",
        tags=["Open Source"],
    )
    html = client.get(example.url).content.decode()
    for text in [
        "Stadt Musterhausen",
        "50.000 bis 100.000 Einwohner",
        "Früh die Personalvertretung einbinden.",
        "it@musterhausen.example",
        'href="/handlungshilfen/themen/open-source/"',
    ]:
        assert text in html


@pytest.mark.django_db
def test_topics_list_and_topic_pages(client, guidance_index, examples_index):
    factories.guidance_page(guidance_index, title="Vergabe", tags=["Beschaffung"])
    factories.practice_example(examples_index, title="Rahmenvertrag", tags=["Beschaffung"])
    hidden = factories.draft_child(
        guidance_index, GuidancePage(title="Entwurf zur Cloud", body=factories.body())
    )
    hidden.tags.add("Cloud")
    hidden.save()

    topics = client.get("/handlungshilfen/themen/").content.decode()
    assert "Beschaffung" in topics and "(2 Texte)" in topics
    assert "Cloud" not in topics

    topic = client.get("/handlungshilfen/themen/beschaffung/").content.decode()
    assert "Vergabe" in topic and "Rahmenvertrag" in topic
    assert client.get("/handlungshilfen/themen/cloud/").status_code == 404
    assert client.get("/handlungshilfen/themen/gibt-es-nicht/").status_code == 404


@pytest.mark.django_db
def test_a_guidance_draft_shows_its_public_principles_in_the_preview(
    mission_index, guidance_index, rf
):
    principle = factories.mission_page(mission_index, title="Open Source zuerst")
    hidden = factories.draft_child(
        mission_index, MissionPage(title="Noch nicht veröffentlicht", body=factories.body())
    )
    page = factories.guidance_page(guidance_index, title="Schritt für Schritt")
    page.principles = [principle, hidden]
    page.save_revision()

    # A revision holds its principles in memory, as the admin's preview renders it.
    draft = page.get_latest_revision_as_object()
    assert list(draft.implemented_principles()) == [principle]
    request = rf.get("/")
    request.user = AnonymousUser()
    assert "Open Source zuerst" in draft.serve_preview(request, "").rendered_content
