"""The inbox's Excel export: asked for from the inbox, built by a worker (here inline: eager tasks), waited
for on its progress page and downloaded from there by the user who asked; the nominees of the filtered
dossiers, one row each, never a draft."""
import io
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from documents.enums import RenderStatus
from dossiers import exports
from dossiers.models import Export
from dossiers.services.workflow import transition
from tests.factories.dossiers import ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def rows_of(response):
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [list(row) for row in book["Danh sách đề nghị"].iter_rows(values_only=True)]


def export_from_inbox(client, params, capture):
    """The inbox's "Xuất Excel" link: the progress page it leads to, and the export."""
    with capture(execute=True):  # the worker's task is queued once the request's writes commit
        response = client.get(reverse("dossiers:inbox_export"), params)
    export = Export.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == reverse("dossiers:export_status",
                                                                           args=[export.pk])
    return export


def test_export_lists_the_nominees_of_sent_dossiers_with_the_filters(cast, client_for,
                                                                     django_capture_on_commit_callbacks):
    sent = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    ready_dossier(cast, person=PersonFactory(full_name="Trần Văn Nháp", organisation=cast.unit_a))  # a draft
    client = client_for(cast.reviewer)
    year = sent.submitted_at.year
    export = export_from_inbox(client, {"nam": year, "tat_ca": "on", "trang": "2"},
                               django_capture_on_commit_callbacks)
    export.refresh_from_db()
    assert (export.status, export.rows, export.params) == (RenderStatus.DONE, 1, f"nam={year}&tat_ca=on")
    page = client.get(reverse("dossiers:export_status", args=[export.pk])).content.decode()
    assert "Đã sẵn sàng" in page and "1 dòng" in page and "Tải về tệp Excel" in page
    assert f"?nam={year}&amp;tat_ca=on" in page  # back to the inbox with the same filters
    response = client.get(reverse("dossiers:export_download", args=[export.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = rows_of(response)
    assert rows[0][:6] == ["STT", "Họ và tên / Tên tập thể", "Đối tượng", "Chức vụ", "Đơn vị đề nghị",
                           "Hình thức khen thưởng"]
    assert [(r[0], r[1], r[2], r[4], r[7], r[8]) for r in rows[1:]] == [
        (1, "Nguyễn Thị Hương", "Cá nhân", "Phòng Tổ chức cán bộ", "Đã nộp", "Chưa xét")]
    assert rows[1][10] == datetime.combine(timezone.localtime(sent.submitted_at).date(), time())  # an Excel date
    other_year = export_from_inbox(client, {"nam": year - 1, "tat_ca": "on"}, django_capture_on_commit_callbacks)
    assert rows_of(client.get(reverse("dossiers:export_download", args=[other_year.pk]))) == [rows[0]]


def test_a_second_click_while_it_is_built_leads_to_the_same_export(cast, client_for):
    # the test's transaction never commits: the worker's task is not queued, the exports stay waiting
    client = client_for(cast.reviewer)
    first = client.get(reverse("dossiers:inbox_export"), {"nam": "2025"})["Location"]
    assert client.get(reverse("dossiers:inbox_export"), {"nam": "2025", "trang": "3"})["Location"] == first
    assert client.get(reverse("dossiers:inbox_export"), {"nam": "2024"})["Location"] != first  # other filters
    assert Export.objects.filter(status=RenderStatus.PENDING).count() == 2
    Export.objects.update(created_at=timezone.now() - exports.IN_FLIGHT)  # a lost message: ask again
    assert client.get(reverse("dossiers:inbox_export"), {"nam": "2025"})["Location"] != first


def test_the_progress_page_polls_until_the_file_is_ready(cast, client_for):
    export = Export.objects.create(kind=Export.Kind.INBOX_NOMINATIONS, requested_by=cast.reviewer,
                                   filename="Danh sách.xlsx")
    client = client_for(cast.reviewer)
    url = reverse("dossiers:export_status", args=[export.pk])
    page = client.get(url).content.decode()
    assert "Đang tạo tệp Excel, vui lòng chờ" in page and 'hx-trigger="every 1s"' in page
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.startswith('<div id="export-status"') and "<html" not in partial
    # not ready yet: the download link leads back to the progress page
    assert client.get(reverse("dossiers:export_download", args=[export.pk]))["Location"] == url
    exports.build_export(export.pk)
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in partial and "Tải về tệp Excel" in partial


def test_an_export_is_its_owners_alone(cast, client_for):
    export = Export.objects.create(kind=Export.Kind.INBOX_NOMINATIONS, requested_by=cast.reviewer,
                                   filename="Danh sách.xlsx")
    exports.build_export(export.pk)
    for other in (cast.approver, cast.council, cast.admin, cast.clerk_a):
        client = client_for(other)
        assert client.get(reverse("dossiers:export_status", args=[export.pk])).status_code == 404
        assert client.get(reverse("dossiers:export_download", args=[export.pk])).status_code == 404


def test_a_failed_export_says_so_and_offers_to_export_again(cast, client_for, monkeypatch):
    def broken(dossiers):
        raise OSError("ổ đĩa đầy")

    monkeypatch.setattr(exports, "nominations_workbook", broken)
    export = Export.objects.create(kind=Export.Kind.INBOX_NOMINATIONS, requested_by=cast.reviewer,
                                   filename="Danh sách.xlsx", params="nam=2025")
    with pytest.raises(OSError):
        exports.build_export(export.pk)
    export.refresh_from_db()
    assert export.status == RenderStatus.FAILED and "ổ đĩa đầy" in export.error
    page = client_for(cast.reviewer).get(reverse("dossiers:export_status", args=[export.pk])).content.decode()
    assert "Không tạo được tệp Excel" in page and f'{reverse("dossiers:inbox_export")}?nam=2025' in page


def test_exports_are_kept_a_week(cast):
    old = Export.objects.create(kind=Export.Kind.INBOX_NOMINATIONS, requested_by=cast.reviewer, filename="cũ.xlsx")
    old.file.save("cu.xlsx", ContentFile(b"PK"), save=True)
    path = old.file.path
    week_ago = timezone.now() - timedelta(days=exports.EXPORT_KEEP_DAYS, hours=1)
    Export.objects.filter(pk=old.pk).update(created_at=week_ago)
    recent = Export.objects.create(kind=Export.Kind.INBOX_NOMINATIONS, requested_by=cast.reviewer, filename="mới.xlsx")
    exports.build_export(recent.pk)
    assert list(Export.objects.all()) == [recent]
    assert not Path(path).exists()


def test_a_clerk_cannot_export_the_inbox(cast, client_for):
    assert client_for(cast.clerk_a).get(reverse("dossiers:inbox_export")).status_code == 403
    assert not Export.objects.exists()
