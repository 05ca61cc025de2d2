import pytest

from members.roles import Role
from strands.models import GuidancePage, MissionPage
from tests import factories

from .helpers import user

STRANDS = {
    "leitbild": (MissionPage, factories.mission_page, Role.MISSION_EDITOR),
    "handlungshilfen": (GuidancePage, factories.guidance_page, Role.GUIDANCE_EDITOR),
}


@pytest.fixture(params=list(STRANDS))
def strand(request, mission_index, guidance_index):
    """Each test using it runs once per strand: both share one versioning."""
    model, factory, editor_role = STRANDS[request.param]
    index = mission_index if model is MissionPage else guidance_index
    return {
        "key": request.param,
        "model": model,
        "index": index,
        "editor_role": editor_role,
        "make": lambda **fields: factory(index, **fields),
    }


@pytest.fixture
def text_page(strand):
    """A published text of the strand, hence with version 1.0."""
    return strand["make"](title="Offene Standards", summary="Warum offene Standards zählen.")


@pytest.fixture
def editor(strand):
    return user(f"redaktion-{strand['key']}@example.org", strand["editor_role"])


@pytest.fixture
def approver(home):
    return user("freigabe@example.org", Role.APPROVER)


@pytest.fixture
def administrator(home):
    return user("admin@example.org", superuser=True)
