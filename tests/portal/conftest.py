import shutil

import pytest

from tests.processes import only_in_pass, prepare


@pytest.fixture(scope="session")
def installation_folder(tmp_path_factory):
    """One migrated installation with collected static files, for tests with real processes.

    On SQLite, the embedded default these tests are about, whatever DATABASE_URL says.
    """
    only_in_pass("sqlite")
    folder = tmp_path_factory.mktemp("installation")
    prepare(folder)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
