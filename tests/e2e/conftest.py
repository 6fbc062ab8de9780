"""What every browser journey shares: the screenshot fixture (artifacts under tests/e2e/artifacts/)."""
from pathlib import Path

import pytest
from playwright.sync_api import Page

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


_BUILDER = []  # the background process building the demo's database, kept so that it is not collected too early


def pytest_collection_finish(session):
    """When tests served by the demo (`demo_site`, test_role_journeys.py) were collected, start building the demo
    now, in the background (tests/shared_demo.py): by the time those tests run it is ready."""
    if session.config.option.collectonly:
        return
    if any("demo_site" in getattr(item, "fixturenames", ()) for item in session.items):
        from tests.e2e.test_role_journeys import build_command
        from tests.shared_demo import start_demo_folder

        _BUILDER.append(start_demo_folder(session.config._tmp_path_factory, build_command))


@pytest.fixture
def shot(request, page: Page):
    """shot("step") -> full-page screenshot at tests/e2e/artifacts/<test>-<step>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    test_name = request.node.originalname  # without the "[chromium]" parameter suffix

    def take(step):
        path = ARTIFACTS / f"{test_name}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path
    return take
