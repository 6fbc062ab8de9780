"""A long Excel file of people is read by the worker (core.imports, issue 16), with a progress page like the
export's; the import stays all or nothing with the same per-row report as in the request."""
from dataclasses import replace
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import imports
from core.models import ImportJob
from core.xlsx import ImportReport
from orgs.models import Person
from orgs.services.people_import import import_people
from tests.factories.xlsx import report_fragment, upload, with_sheet, workbook_bytes

pytestmark = pytest.mark.django_db
HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Mã đơn vị", "Đối tượng"]
GOOD = [["Trần Thị Mai", "Nữ", "05/03/1985", "Chuyên viên", "T-SNV-A", "Công chức"],
        ["Phạm Văn Nam", "Nam", "31/12/1990", "Trưởng phòng", "T-SNV-B", "Viên chức"],
        ["Lê Thị Hoa", "Nữ", "", "", "T-SNV-A", ""]]
BAD = [["Trần Thị Mai", "Nữ", "05/03/1985", "Chuyên viên", "T-SNV-A", "Công chức"],
       ["", "Nam", "01/01/1990", "Chuyên viên", "T-SNV-A", ""],
       ["Lê Văn Sai", "Khác", "31/02/1980", "Chuyên viên", "KHONG-CO", "Hợp đồng"]]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def to_worker(settings):
    """Files of more than 2 rows go to the worker (the default is IMPORT_INLINE_MAX_ROWS = 500)."""
    settings.IMPORT_INLINE_MAX_ROWS = 2


def post(client, data, django_capture_on_commit_callbacks, follow=False):
    """The upload's response (followed to the page it leads to, once what waited for the commit has run)."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/can-bo/nhap-excel/", {"file": upload(data)})
    if follow and response.status_code == 302:
        return client.get(response["Location"], follow=True)
    return response


def inline_report(data, by):
    """What the request would have made of `data`, rolled back."""
    with transaction.atomic():
        report = import_people(upload(data), by=by)
        transaction.set_rollback(True)
    return report


def test_a_long_file_goes_to_the_worker_and_its_page_says_what_was_written(
        cast, client_for, to_worker, django_capture_on_commit_callbacks):
    data = workbook_bytes(GOOD)
    expected = inline_report(data, cast.admin)
    client = client_for(cast.admin)

    response = post(client, data, django_capture_on_commit_callbacks)

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/can-bo/nhap-excel/{job.pk}/"
    assert (job.status, job.kind, job.requested_by, job.filename) == ("imported", "people", cast.admin, "ds.xlsx")
    assert job.report == expected.as_dict() and (expected.created, expected.updated) == (3, 0)
    assert Person.objects.filter(full_name__in=[row[0] for row in GOOD]).count() == 3
    assert not job.file  # the people's data is not kept once read
    html = client.get(response["Location"]).content.decode()
    assert "Đã nhập 3 dòng: thêm mới 3, cập nhật 0 cán bộ." in html
    assert 'hx-trigger="every 1s"' not in html  # finished: the page stops polling


def test_the_worker_gives_the_same_report_as_the_request(cast, client_for, to_worker,
                                                         django_capture_on_commit_callbacks, settings):
    data = workbook_bytes(BAD)
    before = Person.objects.count()
    settings.IMPORT_INLINE_MAX_ROWS = 500
    inline = client_for(cast.admin).post("/can-bo/nhap-excel/", {"file": upload(data)})
    settings.IMPORT_INLINE_MAX_ROWS = 2
    queued = post(client_for(cast.admin), data, django_capture_on_commit_callbacks, follow=True)

    job = ImportJob.objects.get()
    assert job.status == "rejected" and Person.objects.count() == before
    assert ImportReport.from_dict(job.report) == import_people(upload(data), by=cast.admin)
    assert inline.status_code == 400 and queued.status_code == 200
    assert report_fragment(queued) == report_fragment(inline)
    assert "<td>Dòng 4</td><td>Mã đơn vị “KHONG-CO” không có hoặc ngoài phạm vi quản lý của bạn.</td>" in \
        report_fragment(queued)


def test_a_file_refused_by_the_worker_says_why(cast, client_for, to_worker, django_capture_on_commit_callbacks,
                                              settings):
    settings.PEOPLE_IMPORT_MAX_ROWS = 100
    response = post(client_for(cast.admin), with_sheet([HEADER, GOOD[0]], blank_rows=5000),
                    django_capture_on_commit_callbacks, follow=True)
    job = ImportJob.objects.get()
    assert job.status == "rejected" and job.rows_done < 200
    assert ("Tệp có quá 100 dòng (kể cả dòng tiêu đề và các dòng trống); hãy xoá các dòng trống thừa hoặc chia nhỏ "
            "tệp.") in response.content.decode()


def test_a_large_workbook_goes_to_the_worker_without_being_read(cast, client_for, settings, monkeypatch,
                                                                django_capture_on_commit_callbacks):
    settings.IMPORT_INLINE_MAX_BYTES = 1000
    monkeypatch.setattr(imports, "publish", lambda *args, **kwargs: False)  # the worker never gets it
    content = workbook_bytes(GOOD)  # built once: two builds a second apart differ by the zip's timestamps
    response = post(client_for(cast.admin), content, django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/can-bo/nhap-excel/{job.pk}/"
    assert (job.status, job.rows_done, job.size) == ("pending", 0, len(content))
    assert not Person.objects.filter(full_name="Trần Thị Mai").exists()


def test_a_short_file_is_still_read_in_the_request(cast, client_for, django_capture_on_commit_callbacks):
    response = post(client_for(cast.admin), workbook_bytes(GOOD), django_capture_on_commit_callbacks, follow=True)
    assert "Đã nhập 3 dòng: thêm mới 3, cập nhật 0 cán bộ." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_broker_that_is_down_leaves_the_job_pending_and_the_sweep_queues_it(
        cast, client_for, to_worker, monkeypatch, django_capture_on_commit_callbacks):
    publish = imports.publish
    monkeypatch.setattr(imports, "publish", lambda *args, **kwargs: False)
    client = client_for(cast.admin)
    response = post(client, workbook_bytes(GOOD), django_capture_on_commit_callbacks, follow=True)

    job = ImportJob.objects.get()
    assert response.status_code == 200  # not an error page
    assert (job.status, job.queued_at) == ("pending", None) and job.file
    html = response.content.decode()
    assert "Hệ thống xử lý nền đang tạm ngừng nên tệp chưa được đọc." in html
    assert 'hx-trigger="every 1s"' in html
    assert not Person.objects.filter(full_name="Trần Thị Mai").exists()

    assert imports.requeue_pending_imports() == []  # not yet: it waits SWEEP_AFTER_MINUTES
    later = timezone.now() + timedelta(minutes=11)
    assert imports.requeue_pending_imports(now=later) == []  # the broker is still down
    monkeypatch.setattr(imports, "publish", publish)
    assert imports.requeue_pending_imports(now=later) == [job.pk]
    job.refresh_from_db()
    assert job.status == "imported" and Person.objects.filter(full_name="Trần Thị Mai").exists()
    assert imports.requeue_pending_imports(now=later) == []


def test_a_job_cut_off_by_a_dead_worker_is_run_again_once(cast):
    job = imports.start_import("people", workbook_bytes(GOOD), filename="ds.xlsx", by=cast.admin)
    ImportJob.objects.filter(pk=job.pk).update(status="running", started_at=timezone.now())
    assert imports.run_job(job.pk) is None  # another worker holds it
    assert imports.requeue_pending_imports(now=timezone.now() + timedelta(minutes=16)) == [job.pk]
    job.refresh_from_db()
    assert job.status == "imported" and job.report["created"] == 3
    assert imports.run_job(job.pk) is None  # done: never read twice
    assert Person.objects.filter(full_name="Trần Thị Mai").count() == 1


def test_an_unexpected_failure_is_recorded_and_writes_nothing(cast, monkeypatch):
    job = imports.start_import("people", workbook_bytes(GOOD), filename="ds.xlsx", by=cast.admin)

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setitem(imports.KINDS, "people", replace(imports.KINDS["people"], run=broken))
    with pytest.raises(RuntimeError):
        imports.run_job(job.pk, final=False)
    job.refresh_from_db()
    assert job.status == "pending" and job.file  # the task's retry reads it again
    with pytest.raises(RuntimeError):
        imports.run_job(job.pk, final=True)
    job.refresh_from_db()
    assert job.status == "failed" and "database gone" in job.error


def test_the_progress_page_shows_the_rows_read(cast, client_for):
    job = ImportJob.objects.create(kind="people", requested_by=cast.admin, filename="danh-sach.xlsx",
                                   status="running", rows_done=1200, rows_total=4000, started_at=timezone.now())
    client = client_for(cast.admin)
    html = client.get(f"/can-bo/nhap-excel/{job.pk}/").content.decode()
    assert "Đã đọc 1.200 / khoảng 4.000 dòng." in html and 'aria-valuenow="30"' in html
    assert f'hx-get="/can-bo/nhap-excel/{job.pk}/" hx-trigger="every 1s"' in html
    partial = client.get(f"/can-bo/nhap-excel/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith("<div id=\"import-status\"") or 'id="import-status"' in partial
    assert "<html" not in partial
    ImportJob.objects.filter(pk=job.pk).update(rows_done=4000)
    assert "Đã kiểm tra xong 4.000 dòng; đang ghi vào cơ sở dữ liệu…" in \
        client.get(f"/can-bo/nhap-excel/{job.pk}/").content.decode()


def test_only_the_user_who_uploaded_sees_the_page(cast, client_for):
    job = ImportJob.objects.create(kind="people", requested_by=cast.admin, filename="ds.xlsx")
    for user in (cast.clerk_a, cast.reviewer):
        assert client_for(user).get(f"/can-bo/nhap-excel/{job.pk}/").status_code == 404
    assert client_for(None).get(f"/can-bo/nhap-excel/{job.pk}/").status_code == 302
    other = ImportJob.objects.create(kind="awards", requested_by=cast.admin, filename="ds.xlsx")
    assert client_for(cast.admin).get(f"/can-bo/nhap-excel/{other.pk}/").status_code == 404


def test_the_progress_page_runs_the_same_queries_however_long_the_report(cast, client_for):
    client = client_for(cast.admin)

    def queries(errors, status="rejected"):
        report = ImportReport(rows=errors)
        for row in range(errors):
            report.error(row + 2, "Giới tính “Khác” không hợp lệ (Nam hoặc Nữ).")
        job = ImportJob.objects.create(kind="people", requested_by=cast.admin, filename="ds.xlsx", status=status,
                                       report=report.as_dict(), finished_at=timezone.now())
        client.get(f"/can-bo/nhap-excel/{job.pk}/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/can-bo/nhap-excel/{job.pk}/")
        assert response.content.decode().count("Giới tính “Khác” không hợp lệ") == errors
        return len(captured)

    assert queries(1) == queries(300) == queries(0, status="running")
