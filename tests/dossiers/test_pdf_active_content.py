"""An uploaded PDF that runs JavaScript, acts on opening, launches a program or carries files is refused, by
parsing it (issue 16, core.pdfscan): escaped names (/J#61vaScript) are found too; the council's signed papers
are checked the same way. A plain PDF and a link to a web address are accepted."""
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from core.pdfscan import active_content
from dossiers.models import Attachment
from dossiers.services.attachments import IMAGES_AND_PDF, add_attachment, read_upload
from tests.dossiers.test_attachments import dossier, media, messages_of, pdf_bytes, stored_files, upload  # noqa: F401

pytestmark = pytest.mark.django_db


def written(writer, *, compress=False):
    if compress:
        writer.compress_identical_objects()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def with_javascript():
    """A document-level script (the catalog's /Names /JavaScript tree), run when the file opens."""
    writer = blank()
    script = writer._add_object(action("/JavaScript", JS=TextStringObject("app.alert('xin chào');")))
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): DictionaryObject({
        NameObject("/Names"): ArrayObject([TextStringObject("chao"), script])})})
    return written(writer)


def action(kind, **entries):
    return DictionaryObject({NameObject("/Type"): NameObject("/Action"), NameObject("/S"): NameObject(kind),
                             **{NameObject(f"/{key}"): value for key, value in entries.items()}})


def open_action_launch():
    writer = blank()
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(
        action("/Launch", F=TextStringObject("cmd.exe")))
    return written(writer)


def page_additional_action():
    writer = blank()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action(
        "/JavaScript", JS=TextStringObject("this.print();"))})
    return written(writer)


def embedded_file():
    writer = blank()
    writer.add_attachment("hoa-don.exe", b"MZ" + b"\x00" * 64)
    return written(writer)


def link_annotation_with_javascript():
    writer = blank()
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(99), NumberObject(99)]),
        NameObject("/A"): action("/JavaScript", JS=TextStringObject("app.launchURL('x')"))}))])
    return written(writer)


def xfa_form():
    writer = blank()
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): TextStringObject("<xdp/>")})
    return written(writer)


def hex_escaped_by_hand():
    """/J#61vaScript and /Open#41ction, written as a careful attacker would (no parser rewrites them)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R /Open#41ction 4 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               b"<< /S /J#61vaScript /#4AS (app.alert(1)) >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.7\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


ACTIVE = {
    "JavaScript (document level)": (with_javascript, "JavaScript"),
    "OpenAction launching a program": (open_action_launch, "OpenAction"),
    "page opening action (/AA)": (page_additional_action, "AA"),
    "embedded file": (embedded_file, "EmbeddedFile"),
    "link running JavaScript": (link_annotation_with_javascript, "JavaScript"),
    "XFA form": (xfa_form, "XFA"),
    "hex-escaped names": (hex_escaped_by_hand, "JavaScript"),
}


@pytest.mark.parametrize("make", [pytest.param(value, id=key) for key, value in ACTIVE.items()])
def test_active_content_is_found(make):
    build, name = make
    assert f"/{name}" in active_content(build())


def test_escaped_names_are_found_by_parsing_not_only_by_reading_the_bytes():
    from core.pdfscan import parsed_names

    data = hex_escaped_by_hand()
    assert b"/JavaScript" not in data and b"/OpenAction" not in data
    assert {"/JavaScript", "/JS", "/OpenAction"} <= parsed_names(data)


def test_plain_pdfs_and_web_links_are_not_active_content():
    writer = blank()
    writer.add_uri(0, "https://thiduakhenthuong.gov.vn/", [0, 0, 99, 99])
    assert active_content(written(writer)) == []
    assert active_content(pdf_bytes()) == []
    assert active_content(b"%PDF-1.4\n%%EOF\n") == []  # unreadable, and nothing in its bytes


def test_an_unreadable_file_with_compressed_object_streams_is_refused():
    assert active_content(b"%PDF-1.5\n1 0 obj << /Type /ObjStm /N 1 /First 4 >> stream\nxx\nendstream\n") == [
        "/ObjStm"]


@pytest.mark.parametrize("make", [pytest.param(value, id=key) for key, value in ACTIVE.items()])
def test_the_upload_is_refused_with_a_message_and_nothing_is_stored(cast, dossier, media, client_for, make):  # noqa: F811
    response = upload(client_for(cast.clerk_a), dossier, "Biên bản.pdf", make[0](), title="Biên bản họp")
    assert response.status_code == 302
    [message] = messages_of(response)
    assert message.startswith("Tệp “Biên bản.pdf” có nội dung chạy tự động (") and "cổng không nhận" in message
    assert Attachment.objects.count() == 0 and stored_files(media) == []


def test_the_plain_pdf_is_still_accepted(cast, dossier, media):  # noqa: F811
    assert add_attachment(dossier, SimpleUploadedFile("a.pdf", pdf_bytes()), title="", by=cast.clerk_a).pk


def test_the_councils_signed_papers_are_checked_too():
    """The count sheet and the written opinions go through the same read_upload (dossiers.services.council)."""
    with pytest.raises(ValidationError) as error:
        read_upload(SimpleUploadedFile("kiem-phieu.pdf", with_javascript()), kinds=IMAGES_AND_PDF)
    assert error.value.code == "active_content"
