"""Browser journey (issue 17): "In" opens a preview of the document: the PDF shown in the page, "Tải PDF" and
"Tải Word (.docx)" (the Word copy was unreachable in the embedded default: the print button answered with the
PDF itself). Runs in Debian's Chromium (tests/conftest.py); screenshots go to tests/e2e/artifacts/."""
import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in
from tests.e2e.test_form_behaviour_journey import assert_no_serious_axe_violation
from tests.factories.dossiers import ready_dossier

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_printing_opens_a_preview_with_pdf_and_word(live_server, page: Page, cast, shot):
    dossier = ready_dossier(cast)
    log_in(page, live_server.url, cast.clerk_a.username, cast.password)
    page.goto(live_server.url + dossier.get_absolute_url())

    page.locator("#print").get_by_role("button", name="Tờ trình", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tờ trình đề nghị khen thưởng")
    preview = page.locator("iframe#document-preview")
    expect(preview).to_be_visible()
    src = preview.get_attribute("src")
    inline = page.request.get(live_server.url + src)
    assert inline.headers["content-type"] == "application/pdf" and inline.body().startswith(b"%PDF-")
    expect(page.get_by_role("link", name="Mở tệp PDF trong thẻ mới")).to_have_attribute("href", src)
    shot("01-preview")
    assert_no_serious_axe_violation(page)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone shows no PDF in a frame: the link is there
    expect(page.get_by_role("link", name="Mở tệp PDF trong thẻ mới")).to_be_visible()
    expect(page.get_by_role("link", name="Tải Word (.docx)")).to_be_visible()
    shot("02-preview-phone")

    with page.expect_download() as pdf:
        page.get_by_role("link", name="Tải PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF-")
    with page.expect_download() as word:
        page.get_by_role("link", name="Tải Word (.docx)").click()
    assert word.value.suggested_filename.endswith(".docx")
    package = zipfile.ZipFile(io.BytesIO(Path(word.value.path()).read_bytes()))
    assert "word/document.xml" in package.namelist()
    page.get_by_role("link", name="‹ Quay lại").click()
    expect(page).to_have_url(live_server.url + dossier.get_absolute_url())
