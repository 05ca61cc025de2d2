import pytest

from discussions.models import DiscussionIndexPage
from tests import factories


@pytest.fixture
def area(home):
    return DiscussionIndexPage.objects.get()


@pytest.fixture
def room(area):
    return factories.room(area)


@pytest.fixture
def thread(room, member):
    return factories.thread(room, member)
