"""Tài liệu kèm theo: checked by content and size, stored under a generated name, scoped like dossiers."""
import io
import re
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Attachment, Dossier, Nomination
from dossiers.services.attachments import add_attachment, clean_file_name, human_size, remove_attachment
from dossiers.views.attachments import attachment_context, content_disposition
from tests.factories.campaigns import launched_campaign

pytestmark = pytest.mark.django_db

NOT_ALLOWED = "Tệp “{}” không phải PDF, ảnh hay văn bản Word/Excel: nội dung không khớp định dạng cho phép."


# --- files ------------------------------------------------------------------------------------------
def pdf_bytes():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def zip_bytes(*parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in parts:
            archive.writestr(part, "<x/>")
    return buffer.getvalue()


def xlsx_bytes():
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def stored_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


# --- fixtures ---------------------------------------------------------------------------------------
@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def dossier(cast, media):
    campaign = launched_campaign(cast)
    return Dossier.objects.create(campaign=campaign, organisation=cast.unit_a, offer=campaign.awards.get())


def submit(dossier):
    Dossier.objects.filter(pk=dossier.pk).update(state="submitted")
    dossier.refresh_from_db()


def upload(client, dossier, name, content, **data):
    return client.post(reverse("dossiers:attachment_upload", args=[dossier.pk]),
                       {"file": SimpleUploadedFile(name, content), **data})


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- upload and download ----------------------------------------------------------------------------
def test_pdf_upload_is_stored_and_downloadable_by_clerk_then_reviewer(cast, dossier, media, client_for):
    content = pdf_bytes()
    response = upload(client_for(cast.clerk_a), dossier, "Biên bản họp.pdf", content, title="Biên bản họp (bản ký)")

    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:dossier_detail", args=[dossier.pk]) + "#tai-lieu"
    assert messages_of(response) == ["Đã tải lên “Biên bản họp (bản ký)” (Biên bản họp.pdf)."]
    attachment = Attachment.objects.get()
    assert (attachment.title, attachment.original_name, attachment.content_type, attachment.size,
            attachment.uploaded_by) == ("Biên bản họp (bản ký)", "Biên bản họp.pdf", "application/pdf",
                                        len(content), cast.clerk_a)
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", attachment.stored_name)
    assert stored_files(media) == [f"ho-so/{dossier.pk}/{attachment.stored_name}"]

    download = client_for(cast.clerk_a).get(reverse("dossiers:attachment_download", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"] == (
        "attachment; filename=\"Bien ban hop.pdf\"; "
        "filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.pdf")

    url = reverse("dossiers:attachment_download", args=[attachment.pk])
    assert client_for(cast.reviewer).get(url).status_code == 404  # a draft is the unit's own business
    submit(dossier)
    download = client_for(cast.reviewer).get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content


def test_docx_xlsx_jpeg_and_png_are_accepted_by_content(cast, dossier):
    files = [("bao-cao.docx", zip_bytes("[Content_Types].xml", "word/document.xml")),
             ("danh-sach.xlsx", xlsx_bytes()),
             ("anh.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 50),
             ("anh.png", png_bytes())]
    for name, content in files:
        add_attachment(dossier, SimpleUploadedFile(name, content), title="", by=cast.clerk_a)

    rows = list(Attachment.objects.values_list("title", "content_type", "stored_name"))
    assert [(title, kind, stored.rpartition(".")[2]) for title, kind, stored in rows] == [
        ("bao-cao", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        ("danh-sach", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ("anh", "image/jpeg", "jpg"),
        ("anh", "image/png", "png"),
    ]


# --- refusals ---------------------------------------------------------------------------------------
def test_exe_renamed_pdf_is_refused_and_nothing_is_stored(cast, dossier, media, client_for):
    response = upload(client_for(cast.clerk_a), dossier, "x.pdf", EXE, title="Tờ trình")

    assert response.status_code == 302
    assert messages_of(response) == [NOT_ALLOWED.format("x.pdf")]
    assert Attachment.objects.count() == 0
    assert stored_files(media) == []


@pytest.mark.parametrize(("name", "content"), [
    ("ghi-chu.pdf", b"Day la van ban thuong, khong phai PDF"),
    ("nen.docx", zip_bytes("mimetype", "content.xml")),  # a zip, but neither Word nor Excel
    ("x.pdf", b"%PD"),
])
def test_other_content_is_refused(cast, dossier, media, name, content):
    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, SimpleUploadedFile(name, content), title="", by=cast.clerk_a)

    assert error.value.messages == [NOT_ALLOWED.format(name)]
    assert (Attachment.objects.count(), stored_files(media)) == (0, [])


def test_macro_enabled_office_file_is_refused(cast, dossier):
    content = zip_bytes("word/document.xml", "word/vbaProject.bin")
    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, SimpleUploadedFile("bao-cao.docx", content), title="", by=cast.clerk_a)

    assert error.value.messages == [
        "Tệp “bao-cao.docx” có chứa macro: hãy lưu lại thành .docx hoặc .xlsx thường (không macro) rồi tải lên."]


def test_oversized_file_is_refused(cast, dossier, media, settings, client_for):
    settings.DOSSIER_ATTACHMENT_MAX_BYTES = 1024
    response = upload(client_for(cast.clerk_a), dossier, "lon.pdf", b"%PDF-1.4\n" + b"0" * 2048)

    assert messages_of(response) == ["Tệp “lon.pdf” quá lớn (2 KB); mỗi tệp tối đa 1 KB."]
    assert (Attachment.objects.count(), stored_files(media)) == (0, [])


def test_oversized_stream_without_size_is_refused_after_reading_the_limit(cast, dossier, settings):
    settings.DOSSIER_ATTACHMENT_MAX_BYTES = 1024
    stream = io.BytesIO(b"%PDF-1.4\n" + b"0" * 5000)
    stream.name = "lon.pdf"

    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, stream, title="", by=cast.clerk_a)

    assert error.value.messages == ["Tệp “lon.pdf” quá lớn; mỗi tệp tối đa 1 KB."]
    assert stream.tell() == 1025


def test_default_limit_is_ten_megabytes(settings):
    assert settings.DOSSIER_ATTACHMENT_MAX_BYTES == 10 * 1024 * 1024


def test_empty_file_is_refused(cast, dossier):
    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, SimpleUploadedFile("rong.pdf", b""), title="", by=cast.clerk_a)

    assert error.value.messages == ["Tệp “rong.pdf” rỗng (0 byte)."]


def test_png_named_pdf_is_refused_for_the_extension(cast, dossier, media):
    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, SimpleUploadedFile("anh.pdf", png_bytes()), title="", by=cast.clerk_a)

    assert error.value.messages == [
        "Tệp “anh.pdf” có nội dung là ảnh PNG nhưng tên lại có đuôi “.pdf”: hãy đổi đuôi thành “.png” "
        "rồi tải lên lại."]
    assert (Attachment.objects.count(), stored_files(media)) == (0, [])


def test_name_without_extension_is_refused(cast, dossier):
    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, SimpleUploadedFile("to-trinh", pdf_bytes()), title="", by=cast.clerk_a)

    assert error.value.messages == [
        "Tên tệp “to-trinh” không có đuôi; nội dung tệp là tệp PDF, hãy đặt tên có đuôi “.pdf” rồi tải lên lại."]


def test_name_that_cleans_to_nothing_is_refused(cast, dossier, media):
    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, ContentFile(pdf_bytes(), name="../.."), title="", by=cast.clerk_a)

    assert error.value.messages == [
        "Tên tệp không hợp lệ: hãy đổi tên tệp (ví dụ “bien-ban.pdf”) rồi tải lên lại."]
    assert (Attachment.objects.count(), stored_files(media)) == (0, [])


def test_path_traversal_name_is_kept_as_text_and_the_file_stays_under_media_root(cast, dossier, media):
    attachment = add_attachment(dossier, ContentFile(pdf_bytes(), name="../../../etc/passwd.pdf"), title="",
                                by=cast.clerk_a)

    assert (attachment.original_name, attachment.title) == ("passwd.pdf", "passwd")
    path = (media / attachment.file.name).resolve()
    assert path.is_relative_to(media.resolve())
    assert attachment.file.name == f"ho-so/{dossier.pk}/{attachment.stored_name}"
    assert stored_files(media) == [attachment.file.name]


def test_path_traversal_name_through_the_view_is_stored_safely(cast, dossier, media, client_for):
    # A raw multipart body: the test client would strip the path from the name itself.
    boundary = "ranh-gioi"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"../../../etc/passwd.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    body += pdf_bytes() + f"\r\n--{boundary}--\r\n".encode()

    response = client_for(cast.clerk_a).post(reverse("dossiers:attachment_upload", args=[dossier.pk]), body,
                                             content_type=f"multipart/form-data; boundary={boundary}")

    assert response.status_code == 302

    attachment = Attachment.objects.get()
    assert attachment.original_name == "passwd.pdf"
    assert stored_files(media) == [f"ho-so/{dossier.pk}/{attachment.stored_name}"]


@pytest.mark.parametrize(("raw", "clean"), [
    ("../../etc/passwd", "passwd"),
    ("C:\\x\\y.pdf", "y.pdf"),
    ("to\x00trinh\x1f.pdf", "totrinh.pdf"),
    ("hoa-don\u202efdp.exe", "hoa-donfdp.exe"),  # the right-to-left override that disguises .exe
    ("Bie\u0302n ba\u0309n.pdf", "Biên bản.pdf"),  # decomposed (NFD) input comes back NFC
    ("  bien   ban .pdf. ", "bien ban .pdf"),
    ('a<b>:"c"|?*.pdf', "a_b___c____.pdf"),
    ("..", ""),
    ("\x00\x01", ""),
    ("a" * 300 + ".pdf", "a" * 251 + ".pdf"),
])
def test_clean_file_name(raw, clean):
    assert clean_file_name(raw) == clean


def test_nomination_of_another_dossier_is_refused(cast, dossier):
    other = Dossier.objects.create(campaign=dossier.campaign, organisation=cast.unit_b, offer=dossier.offer)
    stranger = Nomination.objects.create(dossier=other, subject_type="individual", person=cast.person_b)

    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", nomination=stranger,
                       by=cast.clerk_a)

    assert error.value.messages == ["Người, tập thể đã chọn không thuộc hồ sơ này."]


def test_nomination_of_the_dossier_is_kept(cast, dossier, client_for):
    own = Nomination.objects.create(dossier=dossier, subject_type="individual", person=cast.person_a)

    upload(client_for(cast.clerk_a), dossier, "a.pdf", pdf_bytes(), title="Bản khai", nomination=str(own.pk))

    assert Attachment.objects.get().nomination == own


def test_at_most_thirty_attachments_per_dossier(cast, dossier, media):
    for number in range(30):
        add_attachment(dossier, SimpleUploadedFile(f"{number}.pdf", b"%PDF-1.4\n"), title="", by=cast.clerk_a)

    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, SimpleUploadedFile("31.pdf", b"%PDF-1.4\n"), title="", by=cast.clerk_a)

    assert error.value.messages == [
        "Mỗi hồ sơ có tối đa 30 tài liệu kèm theo: hãy xoá bớt tài liệu không cần thiết hoặc gộp nhiều trang "
        "vào một tệp PDF."]
    assert (Attachment.objects.count(), len(stored_files(media))) == (30, 30)


def test_service_refuses_frozen_dossier_and_the_wrong_user(cast, dossier):
    with pytest.raises(PermissionDenied):
        add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_b)
    submit(dossier)
    with pytest.raises(ValidationError) as error:
        add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_a)

    assert error.value.messages == [
        "Hồ sơ đang ở trạng thái “đã nộp”: chỉ thêm tài liệu khi hồ sơ đang soạn hoặc bị trả lại để bổ sung."]
    assert Attachment.objects.count() == 0


# --- scope ------------------------------------------------------------------------------------------
def test_clerk_of_another_unit_gets_404_on_download_and_upload(cast, dossier, media, client_for):
    attachment = add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_a)
    client = client_for(cast.clerk_b)

    assert client.get(reverse("dossiers:attachment_download", args=[attachment.pk])).status_code == 404
    assert upload(client, dossier, "b.pdf", pdf_bytes()).status_code == 404
    assert client.post(reverse("dossiers:attachment_delete", args=[attachment.pk])).status_code == 404
    assert list(Attachment.objects.all()) == [attachment]
    assert stored_files(media) == [attachment.file.name]


def test_reviewer_gets_404_on_a_draft_dossiers_attachment(cast, dossier, client_for):
    attachment = add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_a)

    response = client_for(cast.reviewer).get(reverse("dossiers:attachment_download", args=[attachment.pk]))

    assert response.status_code == 404


def test_issuer_staff_may_download_but_not_upload_to_a_submitted_dossier(cast, dossier, client_for):
    submit(dossier)

    response = upload(client_for(cast.reviewer), dossier, "a.pdf", pdf_bytes())

    assert response.status_code == 403
    assert Attachment.objects.count() == 0


def test_upload_answers_get_with_405(cast, dossier, client_for):
    response = client_for(cast.clerk_a).get(reverse("dossiers:attachment_upload", args=[dossier.pk]))

    assert response.status_code == 405


def test_anonymous_is_sent_to_login(dossier, client):
    response = client.get(reverse("dossiers:attachment_upload", args=[dossier.pk]))

    assert (response.status_code, response["Location"].startswith(reverse("login"))) == (302, True)


# --- delete -----------------------------------------------------------------------------------------
def test_clerk_deletes_while_draft(cast, dossier, media, client_for, django_capture_on_commit_callbacks):
    attachment = add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="Tờ trình",
                                by=cast.clerk_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.clerk_a).post(reverse("dossiers:attachment_delete", args=[attachment.pk]))

    assert response.status_code == 302
    assert messages_of(response) == ["Đã xoá tài liệu “Tờ trình”."]
    assert (Attachment.objects.count(), stored_files(media)) == (0, [])


def test_delete_is_refused_once_submitted(cast, dossier, media, client_for):
    attachment = add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_a)
    submit(dossier)

    response = client_for(cast.clerk_a).post(reverse("dossiers:attachment_delete", args=[attachment.pk]))

    assert response.status_code == 403
    with pytest.raises(ValidationError):
        remove_attachment(attachment, by=cast.clerk_a)
    assert list(Attachment.objects.all()) == [attachment]
    assert stored_files(media) == [attachment.file.name]


def test_second_delete_of_the_same_attachment_says_it_is_gone(cast, dossier, django_capture_on_commit_callbacks):
    attachment = add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_a)
    with django_capture_on_commit_callbacks(execute=True):
        remove_attachment(attachment, by=cast.clerk_a)

    with pytest.raises(ValidationError) as error:
        remove_attachment(attachment, by=cast.clerk_a)

    assert error.value.messages == ["Tài liệu này đã được xoá."]


def test_add_and_remove_are_in_the_audit_log(cast, dossier, django_capture_on_commit_callbacks):
    from auditlog.models import LogEntry

    attachment = add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_a)
    with django_capture_on_commit_callbacks(execute=True):
        remove_attachment(attachment, by=cast.clerk_a)

    entries = LogEntry.objects.get_for_object(attachment).order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [(LogEntry.Action.CREATE, cast.clerk_a),
                                                      (LogEntry.Action.DELETE, cast.clerk_a)]


# --- display ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("size", "text"), [(512, "512 byte"), (1536, "1,5 KB"), (512_000, "500 KB"),
                                            (3_460_000, "3,3 MB"), (10 * 1024 * 1024, "10 MB")])
def test_human_size_uses_the_decimal_comma(size, text):
    assert human_size(size) == text


def test_content_disposition_keeps_an_ascii_fallback():
    assert content_disposition('Báo cáo "đặc biệt".docx') == (
        "attachment; filename=\"Bao cao _dac biet_.docx\"; "
        "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22%C4%91%E1%BA%B7c%20bi%E1%BB%87t%22.docx")


def render_partial(dossier, user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("dossiers/_attachments.html", attachment_context(dossier, user), request=request)


def test_partial_lists_attachments_and_offers_upload_to_the_clerk(cast, dossier):
    attachment = add_attachment(dossier, SimpleUploadedFile("Tờ trình.pdf", b"%PDF-1.4\n" + b"0" * 1600),
                                title="Tờ trình (bản ký)", by=cast.clerk_a)

    html = render_partial(dossier, cast.clerk_a)

    row = re.search(r"<tbody>(.*)</tbody>", html, re.S).group(1)
    cells = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells[:5] == ["Tờ trình (bản ký)", "Tờ trình.pdf", "1,6 KB", cast.clerk_a.get_full_name() or "canbo_a",
                         timezone.localtime(attachment.uploaded_at).strftime("%d/%m/%Y %H:%M")]
    assert reverse("dossiers:attachment_download", args=[attachment.pk]) in html
    assert reverse("dossiers:attachment_delete", args=[attachment.pk]) in html
    assert 'enctype="multipart/form-data"' in html
    assert 'accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"' in html


def test_partial_offers_only_download_once_submitted(cast, dossier):
    attachment = add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_a)
    submit(dossier)

    html = render_partial(dossier, cast.reviewer)

    assert reverse("dossiers:attachment_download", args=[attachment.pk]) in html
    assert reverse("dossiers:attachment_delete", args=[attachment.pk]) not in html
    assert "multipart/form-data" not in html


def test_partial_queries_do_not_grow_with_attachments(cast, dossier):
    own = Nomination.objects.create(dossier=dossier, subject_type="individual", person=cast.person_a)

    def queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        render_partial(dossier, cast.clerk_a)  # fills the process's cache of the campaign's components
        with CaptureQueriesContext(connection) as captured:
            html = render_partial(dossier, cast.clerk_a)
        return len(captured.captured_queries), html.count("Của: Nguyễn Thị Hương")

    add_attachment(dossier, SimpleUploadedFile("1.pdf", b"%PDF-1.4\n"), title="", nomination=own, by=cast.clerk_a)
    one = queries()
    for number in range(2, 5):
        add_attachment(dossier, SimpleUploadedFile(f"{number}.pdf", b"%PDF-1.4\n"), title="", nomination=own,
                       by=cast.clerk_a)

    assert (one, queries()) == ((one[0], 1), (one[0], 4))
