import pytest
from django.core.cache import caches

from home.site_tree import ensure_site_tree
from strands.models import GuidanceIndexPage, MissionIndexPage, PracticeExampleIndexPage

# Organisations and people in every role (members/, discussions/).
pytest_plugins = ["tests.members.fixtures"]


@pytest.fixture
def home(db):
    return ensure_site_tree()


@pytest.fixture
def mission_index(home):
    return MissionIndexPage.objects.get()


@pytest.fixture
def guidance_index(home):
    return GuidanceIndexPage.objects.get()


@pytest.fixture
def examples_index(home):
    return PracticeExampleIndexPage.objects.get()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches, as a fresh installation would."""
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Under pytest-xdist (``make test``): tests with real processes share one worker, so
    their expensive installations are set up once; the others are dealt out one by one
    in pytest-django's order, so no test that flushes the database (transactional) runs
    before a test that relies on what the migrations wrote."""
    for item in items:
        if item.get_closest_marker("processes"):
            item.add_marker(pytest.mark.xdist_group("processes"))
