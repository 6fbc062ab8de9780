import pytest

from tests.factories.catalogue import restore_catalogue


@pytest.fixture(autouse=True)
def catalogue(request):
    """The catalogue's forms with their statistical columns (a module of tests/e2e on the same worker may have
    flushed them); the demo's own tests load it with the demo (seeded_demo)."""
    if "seeded_demo" in request.fixturenames:
        return
    request.getfixturevalue("db")
    restore_catalogue()
