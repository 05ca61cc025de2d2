"""Builders for pages in the tree; each returns a published page."""

import uuid

from taggit.models import Tag
from wagtail.models import Page

from portal.page_tree import publish_child
from strands.models import GuidancePage, MissionPage, PracticeExamplePage


def body(sections: int = 2, paragraphs: int = 3, prefix: str = "Absatz") -> list[dict]:
    """Raw StreamField data: ``sections`` headings, each followed by ``paragraphs`` paragraphs."""
    data = []
    for s in range(1, sections + 1):
        data.append({"type": "heading", "value": f"Abschnitt {s}", "id": str(uuid.uuid4())})
        for p in range(1, paragraphs + 1):
            data.append(
                {
                    "type": "paragraph",
                    "value": f"<p>{prefix} {s}.{p} über offene Standards.</p>",
                    "id": str(uuid.uuid4()),
                }
            )
    return data


def mission_page(parent: Page, title: str = "Offene Standards", **fields) -> MissionPage:
    fields.setdefault("body", body())
    return publish_child(parent, MissionPage(title=title, **fields))


def guidance_page(
    parent: Page,
    title: str = "Open-Source-Strategie",
    principles: list[MissionPage] = (),
    tags: list[str] = (),
    **fields,
) -> GuidancePage:
    fields.setdefault("body", body())
    page = GuidancePage(title=title, **fields)
    page.principles = list(principles)
    page.tags.set([Tag.objects.get_or_create(name=t)[0] for t in tags])
    return publish_child(parent, page)


def practice_example(
    parent: Page, title: str = "Musterhausen migriert", tags: list[str] = (), **fields
) -> PracticeExamplePage:
    fields.setdefault("municipality", "Stadt Musterhausen")
    fields.setdefault("what_was_done", "<p>Die Stadt hat ihre Bürosoftware umgestellt.</p>")
    page = PracticeExamplePage(title=title, **fields)
    page.tags.set([Tag.objects.get_or_create(name=t)[0] for t in tags])
    return publish_child(parent, page)


def draft_child(parent: Page, page: Page) -> Page:
    """Add ``page`` as an unpublished draft."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


# --- People, organisations and discussions (members/, discussions/) -------------------

PASSWORD = "Ein-sicheres-Passwort-2020"


def organisation(
    name: str = "Stadt Musterhausen",
    domains: tuple[str, ...] = ("musterhausen.example",),
    kind: str = "stadt",
    ags: str = "",
    active: bool = True,
):
    from members.models import Organisation, OrganisationDomain

    org = Organisation.objects.create(name=name, kind=kind, ags=ags, active=active)
    for domain in domains:
        OrganisationDomain.objects.create(organisation=org, domain=domain)
    return org


def user(
    email: str,
    first_name: str = "Erika",
    last_name: str = "Muster",
    verified: bool = True,
    groups: tuple[str, ...] = (),
    **fields,
):
    """A user who can log in with ``PASSWORD`` (allauth needs a verified address)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    person = get_user_model().objects.create_user(
        username=email,
        email=email,
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
        **fields,
    )
    EmailAddress.objects.create(user=person, email=email, verified=verified, primary=True)
    person.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in groups])
    return person


def member(org, email: str | None = None, **fields):
    """A member of ``org`` by a staff-entered membership (no verification flow)."""
    from members.choices import MembershipSource
    from members.services import grant_membership

    domain = org.domains.first()
    email = email or f"person{uuid.uuid4().hex[:6]}@{domain.domain if domain else 'example.org'}"
    person = user(email, **fields)
    grant_membership(person, org, MembershipSource.STAFF)
    return person


def room(area, title: str = "Open Source in der Verwaltung", **fields):
    from discussions.models import DiscussionRoomPage

    return publish_child(area, DiscussionRoomPage(title=title, **fields))


def thread(
    room_page,
    author,
    title: str = "Erfahrungen mit Open-Source-Büroanwendungen",
    text: str = "Wer hat schon umgestellt?",
    replies: int = 0,
    replier=None,
):
    from discussions.services import create_thread, reply

    created = create_thread(room_page, author, title=title, text=text)
    for number in range(replies):
        # The author keeps following; another replier does not start to.
        reply(created, replier or author, f"Antwort Nummer {number + 1}.", follow=replier is None)
    return created
