"""The page tree keeps the shape DESIGN.md draws, for both strands alike."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from discussions.models import DiscussionIndexPage
from home.models import HomePage
from home.site_tree import ensure_site_tree
from legal.models import AccessibilityPage, LegalPage
from strands.models import (
    GuidanceIndexPage,
    GuidancePage,
    MissionIndexPage,
    MissionPage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_site_tree()

    def test_home_holds_the_strands_the_legal_pages_and_the_discussion_area(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                MissionIndexPage,
                GuidanceIndexPage,
                LegalPage,
                AccessibilityPage,
                DiscussionIndexPage,
            },
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_each_strand_takes_only_its_own_texts(self):
        self.assertAllowedSubpageTypes(MissionIndexPage, {MissionPage})
        self.assertAllowedSubpageTypes(GuidanceIndexPage, {GuidancePage, PracticeExampleIndexPage})
        self.assertAllowedSubpageTypes(PracticeExampleIndexPage, {PracticeExamplePage})
        self.assertCanNotCreateAt(MissionIndexPage, GuidancePage)
        self.assertCanNotCreateAt(GuidanceIndexPage, MissionPage)
        self.assertCanNotCreateAt(MissionIndexPage, PracticeExamplePage)
        self.assertCanNotCreateAt(GuidanceIndexPage, PracticeExamplePage)

    def test_texts_have_no_children(self):
        for model in (MissionPage, GuidancePage, PracticeExamplePage, LegalPage):
            self.assertAllowedSubpageTypes(model, set())

    def test_at_most_one_index_per_strand(self):
        for model in (MissionIndexPage, GuidanceIndexPage, HomePage):
            self.assertFalse(model.can_create_at(self.home))
        guidance_index = GuidanceIndexPage.objects.get()
        self.assertFalse(PracticeExampleIndexPage.can_create_at(guidance_index))

    def test_editor_creates_a_guidance_page_with_a_numbered_body(self):
        principle = MissionPage(title="Offene Standards", body=[])
        MissionIndexPage.objects.get().add_child(instance=principle)
        guidance_index = GuidanceIndexPage.objects.get()
        self.login()
        self.assertCanCreate(
            guidance_index,
            GuidancePage,
            nested_form_data(
                {
                    "title": "Beschaffung von Open-Source-Software",
                    "slug": "beschaffung",
                    "summary": "Wie Kommunen Open Source ausschreiben.",
                    "body": streamfield(
                        [
                            ("heading", "Ausgangslage"),
                            ("paragraph", rich_text("<p>Vergaberecht erlaubt das.</p>")),
                        ]
                    ),
                    "tags": "Beschaffung, Open Source",
                    "principles": principle.pk,
                }
            ),
        )
        created = GuidancePage.objects.get(slug="beschaffung")
        self.assertEqual([p.pk for p in created.principles.all()], [principle.pk])
        self.assertEqual(sorted(created.tags.names()), ["Beschaffung", "Open Source"])


@pytest.mark.django_db
def test_site_tree_is_created_once(home):
    pages_before = Page.objects.count()
    assert ensure_site_tree().pk == home.pk
    assert Page.objects.count() == pages_before
    assert home.url == "/"
    assert MissionIndexPage.objects.get().url == "/leitbild/"
    assert GuidanceIndexPage.objects.get().url == "/handlungshilfen/"
    assert PracticeExampleIndexPage.objects.get().url == "/handlungshilfen/beispiele/"
