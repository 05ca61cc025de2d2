import shutil

import pytest

from tests.processes import prepare


@pytest.fixture(scope="session")
def installation_folder(tmp_path_factory):
    """One migrated installation with collected static files, for tests with real processes."""
    folder = tmp_path_factory.mktemp("installation")
    prepare(folder)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
