"""Reading uploaded workbooks safely (core.xlsx, issue 16): the archive is checked before openpyxl inflates
anything, and every row read is counted against the limit.

The holes reproduced: a 311 KB upload inflating to 300 MB raised the worker's memory by 300 MB; a sheet of a
million blank rows ran 57 s in the request (blank rows were not counted)."""
import io
import tracemalloc
import zipfile

import pytest
from openpyxl.worksheet import _reader

from core import xlsx
from core.xlsx import ImportFileError, ImportNeedsWorker, SheetReader, check_archive, open_workbook
from tests.factories.xlsx import (
    HEADER,
    SHEET,
    blanks,
    patch_central_directory,
    rebuild,
    upload,
    with_sheet,
    workbook_bytes,
)

GOOD = [["Trần Thị Mai", "Nữ", "05/03/1985", "Chuyên viên", "T-SNV-A", "Công chức"]]
BROKEN = "Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx."


def refusal(data):
    with pytest.raises(ImportFileError) as error:
        open_workbook(upload(data))
    return error.value.messages[0]


@pytest.fixture
def refused_unread(monkeypatch):
    """refused_unread(data) -> the refusal of `data`, failing the test if anything was inflated or parsed: the
    guard must refuse on the archive's own figures."""
    def refuse(*args, **kwargs):
        raise AssertionError("inflated before the archive was checked")

    def check(data):
        monkeypatch.setattr(zipfile.ZipFile, "open", refuse)
        monkeypatch.setattr("openpyxl.load_workbook", refuse)
        try:
            return refusal(data)
        finally:
            monkeypatch.undo()
    return check


@pytest.fixture(scope="module")
def bomb():
    """The reported file: a sheet of 300 MB of blanks, about 300 KB compressed (built streaming)."""
    return rebuild(workbook_bytes(GOOD), replace={SHEET: blanks(300)})


def test_a_zip_bomb_is_refused_before_anything_is_inflated(bomb, refused_unread):
    assert len(bomb) < 400 * 1024
    tracemalloc.start()
    try:
        message = refused_unread(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message.startswith("Tệp Excel có tỉ lệ nén bất thường")
    assert peak < 5 * 1024 * 1024  # the 300 MB were never inflated


def test_the_inflated_total_is_limited_even_at_a_plausible_ratio(settings, refused_unread):
    settings.XLSX_MAX_RATIO = 10_000
    message = refused_unread(rebuild(workbook_bytes(GOOD), replace={SHEET: blanks(60)}))
    assert message == ("Tệp Excel khi giải nén quá lớn (60,0 MB; tối đa 50 MB). Hãy chia nhỏ danh sách thành "
                       "nhiều tệp.")


def test_one_member_inflating_too_many_times_is_refused(refused_unread):
    data = rebuild(workbook_bytes(GOOD), add={"xl/media/notes.xml": b" " * (2 << 20)})  # 2 MB, ~2 KB compressed
    assert refused_unread(data).endswith("lần; tối đa 100 lần), có thể là tệp độc hại nên không được đọc. Hãy lưu lại "
                                  "danh sách bằng Excel rồi tải lên lại.")


def test_too_many_members_are_refused(settings, refused_unread):
    data = rebuild(workbook_bytes(GOOD), add={f"xl/parts/{n}.xml": b"<a/>" for n in range(500)})
    assert refused_unread(data).startswith("Tệp Excel có quá nhiều thành phần (")


def test_an_encrypted_member_is_refused(refused_unread):
    data = patch_central_directory(workbook_bytes(GOOD), SHEET, flag_bits=0x1)
    assert refused_unread(data) == "Tệp Excel được đặt mật khẩu hoặc mã hoá. Hãy bỏ mật khẩu rồi tải lên lại."


def test_a_nested_archive_is_refused_by_name(refused_unread):
    data = rebuild(workbook_bytes(GOOD), add={"xl/embeddings/Book1.xlsx": workbook_bytes(GOOD)})
    assert refused_unread(data).startswith("Tệp Excel chứa tệp nén hoặc tệp nhúng bên trong.")


def test_a_nested_archive_is_refused_by_content():
    data = rebuild(workbook_bytes(GOOD), add={"xl/media/image1.png": workbook_bytes(GOOD)})
    assert refusal(data).startswith("Tệp Excel chứa tệp nén hoặc tệp nhúng bên trong.")


def test_a_member_inflating_past_its_declared_size_is_refused():
    data = rebuild(workbook_bytes(GOOD), replace={SHEET: b"<worksheet>" + b" " * 200_000 + b"</worksheet>"})
    assert refusal(patch_central_directory(data, SHEET, file_size=1000)) == BROKEN


def test_a_member_shorter_than_declared_is_refused():
    data = workbook_bytes(GOOD)
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo(SHEET).file_size
    assert refusal(patch_central_directory(data, SHEET, file_size=size + 10)) == BROKEN


def test_the_streaming_read_stops_at_the_cap():
    """Declared sizes are checked first; the streaming read holds what it inflates to the same total."""
    data = workbook_bytes(GOOD)
    total = check_archive(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, pytest.raises(ImportFileError):
        xlsx._inflate_capped(archive, archive.infolist(), total - 1, ImportFileError(BROKEN))


def test_a_file_just_under_the_limits_is_read(settings):
    data = workbook_bytes(GOOD)
    settings.XLSX_MAX_INFLATED_BYTES = check_archive(data)
    settings.XLSX_MAX_MEMBERS = len(zipfile.ZipFile(io.BytesIO(data)).infolist())
    book = open_workbook(upload(data))
    assert [row for row in book.worksheets[0].iter_rows(values_only=True)][1][0] == "Trần Thị Mai"
    settings.XLSX_MAX_INFLATED_BYTES -= 1
    assert refusal(data).startswith("Tệp Excel khi giải nén quá lớn")
    settings.XLSX_MAX_INFLATED_BYTES += 1
    settings.XLSX_MAX_MEMBERS -= 1
    assert refusal(data).startswith("Tệp Excel có quá nhiều thành phần")


def test_a_legitimate_long_list_passes_the_ratio():
    rows = [[f"Nguyễn Văn {n}", "Nam", "05/03/1985", "Chuyên viên", "T-SNV-A", "Công chức"] for n in range(5000)]
    data = workbook_bytes(rows)
    assert check_archive(data) > 256 * 1024


# --- rows: every one counted, reading stops at the limit ----------------------------------------------------
@pytest.fixture
def rows_parsed(monkeypatch):
    """How many rows openpyxl actually parsed from the sheet XML."""
    count = {"rows": 0}
    parse = _reader.WorkSheetParser.parse

    def counting(self):
        for item in parse(self):
            count["rows"] += 1
            yield item

    monkeypatch.setattr(_reader.WorkSheetParser, "parse", counting)
    return count


def read_all(data, **kwargs):
    reader = SheetReader(**kwargs)
    sheet = open_workbook(upload(data)).worksheets[0]
    return reader, list(reader.rows(sheet))


def test_a_sheet_of_very_many_blank_rows_stops_at_the_limit(settings, rows_parsed):
    settings.PEOPLE_IMPORT_MAX_ROWS = 5000
    data = with_sheet([HEADER, *GOOD], blank_rows=300_000)
    with pytest.raises(ImportFileError) as error:
        read_all(data)
    assert error.value.messages == ["Tệp có quá 5000 dòng (kể cả dòng tiêu đề và các dòng trống); hãy xoá các "
                                    "dòng trống thừa hoặc chia nhỏ tệp."]
    assert rows_parsed["rows"] <= 5001


def test_rows_missing_before_a_far_row_are_counted_too(settings, rows_parsed):
    settings.PEOPLE_IMPORT_MAX_ROWS = 5000
    with pytest.raises(ImportFileError):
        read_all(with_sheet([HEADER, *GOOD], far_row=1_000_000))
    assert rows_parsed["rows"] == 3  # the gap is not in the XML, and is counted without being parsed


def test_the_dimension_is_only_a_hint(rows_parsed):
    rows = [HEADER, *[[f"Người {n}", "Nam", "", "", "T-SNV-A", ""] for n in range(5)]]
    reader, read = read_all(with_sheet(rows, dimension="A1:B2"))  # says 2 rows, 2 columns: it lies
    assert [row[0] for row in read] == [row[0] for row in rows]
    assert read[1][4] == "T-SNV-A"
    assert reader.read == 6


def test_a_file_of_exactly_the_row_limit_is_read(settings):
    settings.PEOPLE_IMPORT_MAX_ROWS = 4
    data = with_sheet([HEADER, *GOOD], blank_rows=2)
    reader, read = read_all(data)
    assert len(read) == reader.read == 4
    settings.PEOPLE_IMPORT_MAX_ROWS = 3
    with pytest.raises(ImportFileError):
        read_all(data)


def test_a_request_hands_a_long_file_to_the_worker(rows_parsed):
    with pytest.raises(ImportNeedsWorker):
        read_all(with_sheet([HEADER, *GOOD], blank_rows=10_000), inline_rows=500)
    assert rows_parsed["rows"] <= 501
    with pytest.raises(ImportNeedsWorker):  # announced by the dimension: nothing parsed
        read_all(with_sheet([HEADER, *GOOD], dimension="A1:F9000"), inline_rows=500)


def test_progress_is_reported_while_reading():
    seen = []
    reader, _ = read_all(with_sheet([HEADER], blank_rows=450, dimension="A1:F451"), progress=lambda *a: seen.append(a),
                         every=200)
    reader.finished()
    assert seen == [(200, 451), (400, 451), (451, 451)]
