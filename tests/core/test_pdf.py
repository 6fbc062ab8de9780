import datetime
import http.server
import threading
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from core import pdf
from core.vntext import ngay_van_ban, so_hieu
from tests.pdf_assertions import (
    assert_in_order,
    assert_nd30_layout,
    page_sizes_mm,
    pdf_fonts,
    pdf_pages_text,
    pdf_text,
    save_png,
    top_margin_text,
)

PARAGRAPH = ("Thực hiện Kế hoạch số 173/KH-SNV, Sở Nội vụ tỉnh Quảng Trị đã phát động phong trào thi đua "
             "trong toàn ngành; bà Nguyễn Thị Hường đạt thành tích xuất sắc (ỹ ự ẫ Đ đ).")
LIBERATION = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


def smoke_context(paragraphs=1, **extra):
    doc = {
        "parent_body": "UBND tỉnh Quảng Trị",
        "issuer": "Sở Nội vụ",
        "number": so_hieu(7, "TTr-SNV"),
        "place_date": ngay_van_ban(datetime.date(2025, 8, 5), "Quảng Trị"),
        "title": "Tờ trình",
        "subject": "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "recipients": ["Như trên;", "Giám đốc Sở (để b/c);"],
        "archive": "VT, TĐKT",
        "signature": {"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": "Nguyễn Thị Hường"},
        **extra.pop("doc", {}),
    }
    return {
        "doc": doc,
        "can_cu": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"],
        "paragraphs": ["Cộng hòa xã hội chủ nghĩa Việt Nam. " + PARAGRAPH] * paragraphs,
        "rows": [{"name": "Nguyễn Thị Hường", "unit": "Chuyên viên, Phòng Tổ chức cán bộ", "award": "Bằng khen"},
                 {"name": "Lê Văn Bình", "unit": "Trưởng phòng, Phòng Công chức, viên chức", "award": "Giấy khen"}],
        "amount": 3_510_000,
        **extra,
    }


@pytest.fixture(scope="module")
def smoke_pdf():
    return pdf.render_pdf("_smoke.html", smoke_context(), strict=True)


@pytest.fixture(scope="module")
def long_pdf():
    return pdf.render_pdf("_smoke.html", smoke_context(paragraphs=14), strict=True)


def test_render_pdf_text_in_reading_order(smoke_pdf):
    save_png(smoke_pdf, "smoke")
    assert_in_order(pdf_text(smoke_pdf), [
        "UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ", "Số: 07/TTr-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Trị, ngày 05 tháng 8 năm 2025",
        "TỜ TRÌNH", "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Cộng hòa xã hội chủ nghĩa Việt Nam.", "bà Nguyễn Thị Hường", "(ỹ ự ẫ Đ đ)",
        "STT Họ và tên", "Lê Văn Bình",
        "Tổng số tiền: 3.510.000 đồng (Bằng chữ: Ba triệu năm trăm mười nghìn đồng).",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT, TĐKT.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hường",
    ])


def test_render_pdf_follows_nd30_layout(smoke_pdf):
    assert_nd30_layout(smoke_pdf)


def test_render_pdf_embeds_only_liberation_serif(smoke_pdf):
    assert {name.split("+")[-1] for name in pdf_fonts(smoke_pdf)} == LIBERATION


def test_render_pdf_one_page_has_no_page_number(smoke_pdf):
    assert top_margin_text(smoke_pdf) == [""]


def test_render_pdf_numbers_pages_from_two(long_pdf):
    save_png(long_pdf, "smoke-long")
    numbers = top_margin_text(long_pdf)
    assert len(numbers) >= 2
    assert numbers == [""] + [str(n) for n in range(2, len(numbers) + 1)]
    assert_nd30_layout(long_pdf)


def test_render_pdf_repeats_table_header_on_each_page():
    context = smoke_context(paragraphs=8)
    context["rows"] = context["rows"] * 20
    document = pdf.render_pdf("_smoke.html", context, strict=True)
    pages_with_rows = [text for text in pdf_pages_text(document) if "Lê Văn Bình" in text]
    assert len(pages_with_rows) >= 2
    assert all("STT Họ và tên Chức vụ, đơn vị Hình thức khen thưởng" in text for text in pages_with_rows)
    assert_nd30_layout(document)


def test_render_pdf_normalises_decomposed_input_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường ỹ ự ẫ")
    document = pdf.render_pdf("_smoke.html", smoke_context(doc={"subject": decomposed}), strict=True)
    assert "Nguyễn Thị Hường ỹ ự ẫ" in pdf_text(document)
    assert_nd30_layout(document)


INJECTIONS = ['<img src="http://example.com/x.png">', "file:///etc/passwd", "<style>body{color:red}</style>"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_render_pdf_prints_user_markup_literally(value):
    context = smoke_context(doc={"subject": value, "issuer": value}, paragraphs=0)
    context["can_cu"] = [value]
    document = pdf.render_pdf("_smoke.html", context, strict=True)
    assert pdf_text(document).count(value) == 2  # the subject and the căn cứ line, verbatim
    assert "&lt;" in pdf.render_html("_smoke.html", context) or "<" not in value


def test_render_html_escapes_user_markup():
    html = pdf.render_html("_smoke.html", smoke_context(doc={"subject": "<style>body{color:red}</style>"}))
    assert "&lt;style&gt;body{color:red}&lt;/style&gt;" in html
    assert "<style>" not in html


@pytest.mark.parametrize("url", [
    "http://example.com/x.png",
    "https://example.com/x.png",
    "ftp://example.com/x.png",
    "file:///etc/passwd",
    "file://example.com/etc/passwd",
    pdf.static_roots()[0].resolve().as_uri() + "/../portal/settings.py",
    "file:///static/../../etc/passwd",
    "file:///media/../etc/passwd",
])
def test_url_fetcher_refuses_outside_our_files(url):
    with pytest.raises(pdf.FetchRefused):
        pdf.url_fetcher(url)


def test_url_fetcher_serves_static_by_file_path_and_static_url():
    font = Path(settings.STATICFILES_DIRS[0]) / "fonts" / "LiberationSerif-Regular.ttf"
    by_path = pdf.url_fetcher(font.resolve().as_uri())
    by_static_url = pdf.url_fetcher("file://" + settings.STATIC_URL + "fonts/LiberationSerif-Regular.ttf")
    by_base_url = pdf.url_fetcher(pdf.base_url() + "fonts/LiberationSerif-Regular.ttf")
    assert by_path.read() == by_static_url.read() == by_base_url.read() == font.read_bytes()


def test_url_fetcher_serves_media_but_not_symlinks_out_of_it(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "con-dau.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "passwd.png").symlink_to("/etc/passwd")
    assert pdf.url_fetcher("file://" + settings.MEDIA_URL + "con-dau.png").read() == b"\x89PNG fake"
    assert pdf.url_fetcher((tmp_path / "con-dau.png").as_uri()).content_type == "image/png"
    with pytest.raises(pdf.FetchRefused):
        pdf.url_fetcher((tmp_path / "passwd.png").as_uri())


def test_url_fetcher_allows_inline_data_urls():
    response = pdf.url_fetcher("data:text/plain;base64,xJDhu5NuZw==")
    assert response.read().decode() == "Đồng"


@pytest.fixture
def http_server():
    """A local web server that counts the requests it gets: a document must never make one."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["/x.png", "file:///etc/passwd"])
def test_render_pdf_strict_refuses_image_outside_our_files(http_server, weasyprint_warnings_fail, path):
    base, hits = http_server
    url = base + path if path.startswith("/") else path
    with pytest.raises(pdf.PdfWarning, match="FetchRefused"):
        pdf.render_pdf("_smoke.html", smoke_context(image_url=url), strict=True)
    assert hits == []
    weasyprint_warnings_fail.clear()  # provoked on purpose


def test_render_pdf_logs_instead_of_raising_when_not_strict(http_server, weasyprint_warnings_fail, caplog):
    base, hits = http_server
    document = pdf.render_pdf("_smoke.html", smoke_context(image_url=base + "/x.png"))
    assert document.startswith(b"%PDF-")
    assert hits == []
    assert [r.getMessage() for r in caplog.records if r.name == "core.pdf"] == [
        "1 WeasyPrint warning(s) while rendering _smoke.html"]
    assert [record.name for record in weasyprint_warnings_fail] == ["weasyprint"]  # the fixture saw it
    weasyprint_warnings_fail.clear()


@pytest.mark.parametrize("src", ["img/favicon.svg", settings.STATIC_URL + "img/favicon.svg"])
def test_render_pdf_loads_images_from_static(src):
    document = pdf.render_pdf("_smoke.html", smoke_context(image_url=src), strict=True)
    assert_nd30_layout(document)


def test_render_pdf_certificate_page_is_landscape():
    document = pdf.render_pdf("_smoke.html", smoke_context(certificate="BẰNG KHEN"), strict=True)
    save_png(document, "smoke-certificate")
    assert page_sizes_mm(document) == [(210.0, 297.0), (297.0, 210.0), (210.0, 297.0)]
    assert pdf_pages_text(document)[1] == "BẰNG KHEN"  # no page number on a certificate
    assert top_margin_text(document)[2] == "3"


def test_render_documents_merges_parts_and_copies():
    one = pdf.render_pdf("_smoke.html", smoke_context(paragraphs=14), strict=True)
    pages = len(page_sizes_mm(one))
    parts = [("_smoke.html", smoke_context(paragraphs=14, doc={"number": so_hieu(n, "TTr-SNV")}))
             for n in (1, 2, 3)]
    merged = pdf.render_documents(parts, copies=2, strict=True)
    save_png(merged, "smoke-merged")
    assert len(page_sizes_mm(merged)) == 6 * pages
    assert {name.split("+")[-1] for name in pdf_fonts(merged)} == LIBERATION
    assert len(pdf_fonts(merged)) == 4  # each style subset once for the whole file
    assert top_margin_text(merged) == top_margin_text(one) * 6  # numbering restarts with each part
    assert_in_order(pdf_text(merged), ["Số: 01/TTr-SNV", "Số: 02/TTr-SNV", "Số: 03/TTr-SNV",
                                       "Số: 01/TTr-SNV", "Số: 02/TTr-SNV", "Số: 03/TTr-SNV"])
    assert_nd30_layout(merged)


def test_render_documents_refuses_empty_parts():
    with pytest.raises(ValueError):
        pdf.render_documents([])


def test_assert_nd30_layout_reports_landscape_page_and_text_in_top_margin():
    document = pdf.render_pdf("_smoke.html", smoke_context(certificate="BẰNG KHEN"), strict=True)
    with pytest.raises(AssertionError) as failure:
        assert_nd30_layout(document)
    assert str(failure.value).splitlines()[1:] == [
        "page 2: 297.0×210.0 mm is not A4 portrait",
        "page 2: top margin shows 'BẰNGKHEN', expected '2' or '' (a new part)",
    ]


@pytest.mark.parametrize("merged", [False, True])
def test_render_pauses_the_garbage_collector_and_restores_it(monkeypatch, merged):
    """A render runs with the cyclic collector off (its walks were 19 % of a long list's render) and leaves it
    as it found it, also when the render fails and when the parts of a merged PDF nest."""
    import gc

    seen = []
    real_layout = pdf._layout

    def layout(name, context):
        seen.append(gc.isenabled())
        return real_layout(name, context)

    monkeypatch.setattr(pdf, "_layout", layout)
    assert gc.isenabled()
    if merged:
        pdf.render_documents([("_smoke.html", smoke_context())] * 2)
    else:
        pdf.render_pdf("_smoke.html", smoke_context())
    assert seen and not any(seen)
    assert gc.isenabled()

    def broken(name, context):
        raise RuntimeError("render failed")

    monkeypatch.setattr(pdf, "_layout", broken)
    with pytest.raises(RuntimeError):
        pdf.render_pdf("_smoke.html", smoke_context())
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        monkeypatch.setattr(pdf, "_layout", real_layout)
        pdf.render_pdf("_smoke.html", smoke_context())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_warm_up_loads_the_renderer_and_freezes_the_heap():
    import gc
    import sys

    try:
        pdf.warm_up()
        assert "weasyprint" in sys.modules
        assert pdf._stylesheet.cache_info().currsize == 1
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_celery_worker_processes_warm_the_renderer_when_they_start(monkeypatch):
    from celery.signals import worker_process_init

    calls = []
    monkeypatch.setattr(pdf, "warm_up", lambda: calls.append(True))
    import portal.celery  # noqa: F401  (connects the handler)

    worker_process_init.send(sender=None)
    assert calls == [True]
