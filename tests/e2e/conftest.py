"""What every browser journey shares: the screenshot fixture (artifacts under tests/e2e/artifacts/)."""
from pathlib import Path

import pytest
from playwright.sync_api import Page

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


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
