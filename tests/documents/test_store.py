"""Snapshot → render → store: what the pages and the service promise (docs/design.md, Workflow and Documents)."""
import io
import zipfile

import pytest
from django.urls import reverse

from documents import services
from documents.enums import RenderStatus
from documents.models import Document
from documents.registry import KINDS, register
from dossiers.services import building
from dossiers.services.workflow import transition
from tests.factories.dossiers import ready_dossier
from tests.pdf_assertions import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def run_worker():
    """What the worker does with the queued renders (the test's transaction never commits, so the tasks
    queued after commit do not run by themselves)."""
    for document in Document.objects.filter(status=RenderStatus.PENDING):
        try:
            services.render(document.pk)
        except Exception:  # noqa: BLE001 - recorded on the row, as the task does
            pass


def rendered(document):
    run_worker()
    document.refresh_from_db()
    return document


def print_url(code, obj):
    return reverse("documents:print", args=[code, obj.pk])


def follow_to_file(client, url):
    """Ask for a document as a person does: the print button (a POST), then (eager tasks) its preview, then
    the preview's "Tải PDF" (issue 17); the progress page while it is not stored."""
    response = client.post(url)
    assert response.status_code == 302
    run_worker()
    response = client.get(url)
    assert response.status_code == 302
    preview = response["Location"]
    document = Document.objects.get(pk=int(preview.rstrip("/").rsplit("/", 1)[1]))
    if not document.is_ready:
        response = client.get(preview)
        assert response.status_code == 200
        return response
    return client.get(reverse("documents:download", args=[document.pk]))


def test_draft_memo_renders_once_and_is_downloaded_with_a_readable_name(cast, client_for):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    response = follow_to_file(client, print_url("to_trinh", dossier))
    pdf = b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/pdf"
    assert "Tờ trình 07-TTr-TCCB.pdf" in response["Content-Disposition"].encode().decode("unicode_escape") or \
        "T%E1%BB%9D%20tr%C3%ACnh%2007-TTr-TCCB.pdf" in response["Content-Disposition"]
    assert "Số: 07/TTr-TCCB" in pdf_text(pdf)
    document = Document.objects.get(kind="to_trinh")
    rendered_at = document.rendered_at
    again = follow_to_file(client, print_url("to_trinh", dossier))
    assert b"".join(again.streaming_content) == pdf
    document.refresh_from_db()
    assert (Document.objects.count(), document.rendered_at) == (1, rendered_at)  # not rendered again


def test_a_change_while_draft_is_a_new_snapshot(cast, client_for):
    dossier = ready_dossier(cast)
    first = services.current("to_trinh", dossier)
    dossier.memo_number = "08/TTr-TCCB"
    building.save_dossier(dossier, by=cast.clerk_a)
    second = rendered(services.current("to_trinh", dossier))
    assert first.pk != second.pk
    assert "Số: 08/TTr-TCCB" in pdf_text(second.file.read())


def test_submitted_dossier_prints_what_was_sent_and_a_fix_after_return_prints_anew(cast):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    sent = services.current("to_trinh", dossier)
    assert sent.frozen_at is not None
    # the unit's name changes later: the sent Tờ trình does not
    cast.unit_a.name = "Phòng Tổ chức cán bộ (đổi tên)"
    cast.unit_a.save()
    dossier.refresh_from_db()
    assert services.current("to_trinh", dossier).pk == sent.pk
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    dossier = transition(dossier, "return", by=cast.reviewer, note="Ghi lại số Tờ trình.")
    dossier.memo_number = "09/TTr-TCCB"
    building.save_dossier(dossier, by=cast.clerk_a)
    dossier = transition(dossier, "submit", by=cast.clerk_a)
    resent = rendered(services.current("to_trinh", dossier))
    assert resent.pk != sent.pk
    assert "Số: 09/TTr-TCCB" in pdf_text(resent.file.read())


def test_return_slip_is_frozen_per_version_with_the_reasons(cast):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    dossier = transition(dossier, "return", by=cast.reviewer, note="Thiếu Biên bản có chữ ký.\nBổ sung số liệu.")
    slip = services.current("phieu_bo_sung", dossier, "1")
    assert slip.frozen_at is not None
    assert slip.context["reasons"] == ["Thiếu Biên bản có chữ ký.", "Bổ sung số liệu."]


def test_only_the_parts_a_document_has_are_printed(cast, client_for):
    """/in/<code>/<id>/<part>/ with any other part was a new render and a new stored file each time."""
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    dossier = transition(dossier, "return", by=cast.reviewer, note="Thiếu Biên bản có chữ ký.")
    client = client_for(cast.clerk_a)
    before = Document.objects.count()
    for code, part in (("phieu_bo_sung", "99"), ("phieu_bo_sung", "x" * 40), ("to_trinh", "1"), ("to_trinh", "a")):
        url = reverse("documents:print_part", args=[code, dossier.pk, part])
        assert client.get(url).status_code == 404, url
    assert Document.objects.count() == before
    url = reverse("documents:print_part", args=["phieu_bo_sung", dossier.pk, str(dossier.version)])
    first = client.post(url)
    assert first.status_code == 302 and client.post(url)["Location"] == first["Location"]  # the same document
    assert Document.objects.filter(kind="phieu_bo_sung").count() == 1  # idempotent per part


def test_another_units_clerk_gets_404_for_the_print_link_the_status_and_the_file(cast, client_for):
    dossier = ready_dossier(cast)
    document = services.current("to_trinh", dossier)
    client = client_for(cast.clerk_b)
    for url in (print_url("to_trinh", dossier), reverse("documents:status", args=[document.pk]),
                reverse("documents:download", args=[document.pk]), reverse("dossiers:dossier_zip", args=[dossier.pk])):
        assert client.get(url).status_code == 404, url


def test_a_failed_render_is_visible_and_can_be_retried(cast, client_for):
    @register("test_broken", label="Văn bản lỗi", template="documents/khong-co.html", model="dossiers.Dossier",
              visible=KINDS["to_trinh"].visible)
    def broken(dossier, part=""):
        return {"doc": {}}

    try:
        dossier = ready_dossier(cast)
        client = client_for(cast.clerk_a)
        page = follow_to_file(client, print_url("test_broken", dossier))
        document = Document.objects.get(kind="test_broken")
        assert document.status == RenderStatus.FAILED
        assert "TemplateDoesNotExist" in document.error
        assert "Không tạo được tệp PDF" in page.content.decode()
        response = client.post(reverse("documents:retry", args=[document.pk]))
        assert response.status_code == 302
        assert rendered(document).status == RenderStatus.FAILED
        assert document.attempts == 2  # queued again, tried again, failed again
    finally:
        KINDS.pop("test_broken")


def test_dossier_zip_holds_each_document_with_a_vietnamese_name(cast, client_for):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    waiting = client.get(reverse("dossiers:dossier_zip", args=[dossier.pk]))
    assert "Đang chuẩn bị các văn bản" in waiting.content.decode() and 'id="zip-create"' in waiting.content.decode()
    assert client.post(reverse("dossiers:dossier_zip", args=[dossier.pk])).status_code == 302
    run_worker()
    response = client.get(reverse("dossiers:dossier_zip", args=[dossier.pk]))
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["01 - Tờ trình 07-TTr-TCCB.pdf",
                     "02 - Biên bản họp bình xét Phòng Tổ chức cán bộ.pdf",
                     "03 - Báo cáo thành tích Nguyễn Thị Hương.pdf"]


def test_verification_page_shows_a_valid_award_and_refuses_a_wrong_code(cast, client):
    from dossiers.models import Award
    from tests.factories.campaigns import award_form

    award = Award.objects.create(subject_type="individual", person=cast.person_a, award_form=award_form(),
                                 year=2025, decision_number="125/QĐ-SNV", decision_date="2025-08-05",
                                 decided_by="Giám đốc Sở Nội vụ", source=Award.MANUAL)
    page = client.get(reverse("dossiers:verify_award", args=[award.verification_code]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Nguyễn Thị Hương" in text and "Số 125/QĐ-SNV ngày 05/08/2025" in text
    wrong = client.get(reverse("dossiers:verify_award", args=["x" * 22]))
    assert wrong.status_code == 404
    assert "Mã xác minh không đúng" in wrong.content.decode()
    assert "Nguyễn Thị Hương" not in wrong.content.decode()
