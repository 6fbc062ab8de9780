"""Reading uploaded Excel workbooks for all-or-nothing imports with a per-row Vietnamese report.

Shared by the imports of people (orgs) and of the award register (dossiers). The upload is checked
by size and by content (an .xlsx is a zip holding xl/workbook.xml), never by its name; the archive is
checked before openpyxl inflates anything (check_archive: inflated size, ratio, members), and every row
read is counted against the row limit (SheetReader). A file too long for the request is read by the worker
(core.imports).
"""
import io
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from itertools import chain, islice

from django.conf import settings
from django.core.exceptions import ValidationError

from .text import nfc, search_key

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportFileError(ValidationError):
    """The file itself is unusable (not an xlsx, too big, no header)."""


@dataclass
class RowError:
    row: int
    message: str
    sheet: str = ""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rows: int = 0
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def error(self, row, message, sheet=""):
        self.errors.append(RowError(row, message, sheet))

    def as_dict(self):
        """The report as JSON can hold it (ImportJob.report); from_dict() gives it back."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        data = dict(data)
        errors = [RowError(**error) for error in data.pop("errors", [])]
        return cls(**{name: value for name, value in data.items() if name in cls.__dataclass_fields__},
                   errors=errors)


# --- reading: the archive is checked before openpyxl inflates anything ------------------------------------
# Defaults of the settings of the same name (portal/settings.py may override them).
XLSX_MAX_INFLATED_BYTES = 50 * 1024 * 1024  # every member of the archive, inflated, together
XLSX_MAX_RATIO = 100  # inflated / compressed, of each member and of the whole
XLSX_MAX_MEMBERS = 500  # a workbook of one list has a dozen or two
RATIO_FLOOR = 256 * 1024  # a member smaller than this inflated cannot hurt, whatever its ratio
NESTED_SUFFIXES = (".zip", ".xlsx", ".xlsm", ".xlsb", ".docx", ".pptx", ".jar", ".gz", ".bz2", ".xz", ".7z", ".rar")
CHUNK = 64 * 1024


def limit(name):
    """A reading limit: the setting `name` when the site sets it, else this module's default."""
    return getattr(settings, name, globals()[name])


def _mb(size):
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def read_upload(upload, max_bytes=None):
    """The bytes of an upload that is at most `max_bytes` long and starts like a zip, or ImportFileError."""
    max_bytes = max_bytes or settings.PEOPLE_IMPORT_MAX_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ImportFileError(f"Tệp quá lớn ({size / 1024 / 1024:.1f} MB); tối đa {max_bytes // 1024 // 1024} MB.")
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImportFileError(f"Tệp quá lớn; tối đa {max_bytes // 1024 // 1024} MB.")
    # Checked by content, not by name: an .xlsx is a zip holding xl/workbook.xml.
    if not data.startswith(b"PK\x03\x04"):
        raise ImportFileError("Tệp không phải bảng tính Excel (.xlsx). Hãy lưu tệp dưới dạng .xlsx rồi tải lên lại.")
    return data


def check_archive(data):
    """The inflated size (bytes) of the .xlsx `data`, after checking that inflating it is safe; else
    ImportFileError, before anything is inflated when the archive's own figures are over the limits.

    First from the central directory (nothing inflated): at most XLSX_MAX_MEMBERS members, none encrypted,
    none an archive itself, no name twice, xl/workbook.xml present, declared sizes adding up to at most
    XLSX_MAX_INFLATED_BYTES, and no member (of RATIO_FLOOR bytes or more) nor the whole inflating more than
    XLSX_MAX_RATIO times. Then every member is inflated in streaming, 64 KB at a time, with a byte cap: a
    member that inflates to more than it declared (or fails its CRC) is refused as soon as it does."""
    max_inflated, max_ratio, max_members = (limit("XLSX_MAX_INFLATED_BYTES"), limit("XLSX_MAX_RATIO"),
                                            limit("XLSX_MAX_MEMBERS"))
    broken = ImportFileError("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - whatever zipfile makes of a crafted directory: the file is broken
        raise broken from None
    with archive:
        members = archive.infolist()
        if len(members) > max_members:
            raise ImportFileError(f"Tệp Excel có quá nhiều thành phần ({len(members)}; tối đa {max_members}). "
                                  "Hãy chép danh sách sang tệp mẫu rồi tải lên lại.")
        names = [info.filename for info in members]
        if len(set(names)) != len(names):
            raise broken
        if "xl/workbook.xml" not in names:
            raise ImportFileError("Tệp nén này không phải bảng tính Excel (.xlsx).")
        for info in members:
            if info.flag_bits & 0x1:
                raise ImportFileError("Tệp Excel được đặt mật khẩu hoặc mã hoá. Hãy bỏ mật khẩu rồi tải lên lại.")
            if info.filename.lower().endswith(NESTED_SUFFIXES):
                raise _nested()
            if info.file_size >= RATIO_FLOOR and info.file_size > max_ratio * max(info.compress_size, 1):
                raise _inflates(info.file_size // max(info.compress_size, 1), max_ratio)
        inflated = sum(info.file_size for info in members)
        if inflated > max_inflated:
            raise ImportFileError(f"Tệp Excel khi giải nén quá lớn ({_mb(inflated)} MB; tối đa "
                                  f"{max_inflated // 1024 // 1024} MB). Hãy chia nhỏ danh sách thành nhiều tệp.")
        compressed = sum(info.compress_size for info in members)
        if inflated >= RATIO_FLOOR and inflated > max_ratio * max(compressed, 1):
            raise _inflates(inflated // max(compressed, 1), max_ratio)
        _inflate_capped(archive, members, max_inflated, broken)
    return inflated


def _inflate_capped(archive, members, max_inflated, broken):
    """Inflate every member in streaming, never more than it declared nor more than `max_inflated` in all."""
    total = 0
    for info in members:
        read = 0
        try:
            with archive.open(info) as member:
                while chunk := member.read(CHUNK):
                    if read == 0 and chunk.startswith(b"PK\x03\x04"):
                        raise _nested()
                    read += len(chunk)
                    total += len(chunk)
                    if read > info.file_size or total > max_inflated:
                        raise broken
        except ImportFileError:
            raise
        except Exception:  # noqa: BLE001 - a bad CRC, a truncated or unsupported stream: the file is broken
            raise broken from None
        if read != info.file_size:
            raise broken


def _nested():
    return ImportFileError("Tệp Excel chứa tệp nén hoặc tệp nhúng bên trong. Hãy chép danh sách sang tệp mẫu "
                           "rồi tải lên lại.")


def _inflates(ratio, max_ratio):
    return ImportFileError(f"Tệp Excel có tỉ lệ nén bất thường (giải nén lớn gấp {ratio} lần; tối đa {max_ratio} "
                           "lần), có thể là tệp độc hại nên không được đọc. Hãy lưu lại danh sách bằng Excel "
                           "rồi tải lên lại.")


def open_workbook(upload, max_bytes=None):
    """The upload as a read-only openpyxl workbook, or ImportFileError: checked by size and content, and the
    archive checked before anything is parsed (check_archive). `upload` may also be the checked bytes."""
    data = upload if isinstance(upload, bytes) else read_upload(upload, max_bytes)
    check_archive(data)
    try:
        from openpyxl import load_workbook

        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise ImportFileError("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.") from None


class ImportNeedsWorker(Exception):  # noqa: N818 - a signal, not an error
    """Raised by a SheetReader with `inline_rows` once the file proves longer than a request should read:
    nothing has been written yet, and the import is handed to the worker (core.imports)."""


class SheetReader:
    """Reads the rows of read-only sheets, counting every row read (blank ones and the header too, over all
    the sheets of a file) against `max_rows` (settings.PEOPLE_IMPORT_MAX_ROWS): ImportFileError as soon as
    the count goes over, without reading further. The sheet's own dimension is only a hint (it can lie
    either way): openpyxl is told to forget it, so a row past it is still read, and counted.

    `inline_rows`: ImportNeedsWorker once more rows than this are read, or at once when the dimension
    announces more (a request hands a long file to the worker). `progress(read, hint)`: called every
    `every` rows, and with read == hint once every sheet has been read."""

    def __init__(self, max_rows=None, *, inline_rows=None, progress=None, every=200):
        self.max_rows = max_rows or settings.PEOPLE_IMPORT_MAX_ROWS
        self.inline_rows, self.progress, self.every = inline_rows, progress, every
        self.read = 0
        self.hint = 0

    def rows(self, sheet):
        """Every row of `sheet` as a tuple of values (a missing row as an empty one), counted as read."""
        hint = getattr(sheet, "max_row", None) or 0  # the <dimension> element: a hint only
        self.hint += min(hint, self.max_rows)
        if self.inline_rows is not None and hint > self.inline_rows:
            raise ImportNeedsWorker(hint)
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        for raw in sheet.iter_rows(values_only=True):
            self.read += 1
            if self.read > self.max_rows:
                raise ImportFileError(f"Tệp có quá {self.max_rows} dòng (kể cả dòng tiêu đề và các dòng trống); "
                                      "hãy xoá các dòng trống thừa hoặc chia nhỏ tệp.")
            if self.inline_rows is not None and self.read > self.inline_rows:
                raise ImportNeedsWorker(self.read)
            if self.progress is not None and self.read % self.every == 0:
                self.progress(self.read, max(self.hint, self.read))
            yield raw

    def finished(self):
        """Every row has been read (the writing starts): the progress is complete."""
        if self.progress is not None:
            self.progress(self.read, self.read)


def find_header(rows, columns, key_column, sheet_label=""):
    """(row number, {column: position}) of the header row among the first 10 rows.

    `columns` maps a column key to (header shown in the template, accepted spellings after
    search_key); the header row is the first one holding `key_column`.
    """
    for index, row in enumerate(rows, start=1):
        keys = [search_key(str(cell)) if cell is not None else "" for cell in row]
        mapping = {}
        for position, key in enumerate(keys):
            for column, (_, spellings) in columns.items():
                if key in spellings and column not in mapping:
                    mapping[column] = position
        if key_column in mapping:
            return index, mapping
        if index >= 10:
            break
    where = f" của trang “{sheet_label}”" if sheet_label else ""
    raise ImportFileError(f"Không tìm thấy dòng tiêu đề có cột “{columns[key_column][0]}” trong 10 dòng đầu"
                          f"{where}. Hãy dùng tệp mẫu.")


def is_blank(raw):
    return raw is None or all(cell in (None, "") for cell in raw)


def row_values(raw, mapping):
    return {column: raw[pos] if pos < len(raw) else None for column, pos in mapping.items()}


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def parse_date(value):
    """A date from a date cell or dd/mm/yyyy text; ValueError(text) when it is not one."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def read_sheet(sheet, columns, required, report, label, reader, key_column="subject"):
    """[(row number, {column: raw value})] of a sheet's data rows under its header (found by `key_column`); []
    when its first 10 rows are blank. `required`: the columns the header must hold (else ImportFileError). Every
    row read (blank ones too) is counted by `reader` (a SheetReader) against the row limit of the whole file, and
    every data row by `report.rows`."""
    rows = reader.rows(sheet)
    head = list(islice(rows, 10))
    if all(is_blank(raw) for raw in head):
        return []
    rows = chain(head, rows)
    header_row, mapping = find_header(rows, columns, key_column, label)
    missing = [columns[c][0] for c in required if c not in mapping]
    if missing:
        raise ImportFileError(f"Trang “{label}” thiếu cột bắt buộc: " + ", ".join(missing) + ". Hãy dùng tệp mẫu.")
    data = []
    for row_number, raw in enumerate(rows, start=header_row + 1):
        if is_blank(raw):
            continue
        report.rows += 1
        data.append((row_number, row_values(raw, mapping)))
    return data


def read_list(data, columns, required, report, reader, key_column="subject"):
    """read_sheet() of the first sheet of the checked .xlsx bytes `data` (an import of one list); ImportFileError
    when it has no data row."""
    book = open_workbook(data)
    try:
        sheet = book.worksheets[0]
        rows = read_sheet(sheet, columns, required, report, sheet.title, reader, key_column)
    finally:
        book.close()
    if not rows:
        raise ImportFileError("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
    return rows


def row_date(values, column, columns, errors):
    """The date in `column` of a row's `values` (None when empty); an unreadable one adds a lower-case clause to
    `errors` naming the column as `columns` heads it."""
    try:
        return parse_date(values.get(column))
    except ValueError as bad:
        errors.append(f"{columns[column][0].lower()} “{bad}” không hợp lệ (dạng dd/mm/yyyy)")
        return None


def workbook_bytes(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- writing: user text stays text ----------------------------------------------------------------------
# A cell value starting with one of these is read by Excel (or by a user who presses F2 and Enter) as a formula:
# "=HYPERLINK(…)" typed as a job title would run in the office's spreadsheet (CWE-1236).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def write_only_sheet(title, columns):
    """(a write-only workbook, its one sheet) with `columns` [(title, width)] as a bold header row: what an
    export streams its rows into (through safe_row). The header row is frozen."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    return book, add_sheet(book, title, columns)


def add_sheet(book, title, columns):
    """A further sheet of the write-only `book`, its header written as write_only_sheet() writes it, frozen
    (the header stays in sight while scrolling)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, (_title, width) in enumerate(columns):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    bold = Font(bold=True)
    header = []
    for column_title, _width in columns:
        cell = WriteOnlyCell(sheet, value=column_title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    return sheet


def safe_row(sheet, values):
    """`values` ready for sheet.append(): every string that Excel could take for a formula becomes a text cell
    (type string, Excel's quote prefix), shown exactly as typed; numbers, dates and other cells pass as they are.
    The one helper every workbook the portal writes goes through (tests/core/test_xlsx_writing.py)."""
    return [_text_cell(sheet, value) if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value
            for value in values]


def _text_cell(sheet, value):
    from openpyxl.cell import Cell, WriteOnlyCell

    cell = WriteOnlyCell(sheet, value="") if getattr(sheet.parent, "write_only", False) else Cell(sheet, value="")
    cell._value, cell.data_type = value, "s"  # set directly: assigning the value would make "=…" a formula
    cell.quotePrefix = True
    return cell


# --- lists as Excel: the header frozen, dates and amounts as Excel dates and numbers ----------------------------
DATE, AMOUNT = "date", "amount"
DATE_FORMAT = "dd/mm/yyyy"
AMOUNT_FORMAT = "#,##0"  # shown with the reader's own separator: 3.510.000 in a Vietnamese Excel


def list_workbook(title, columns, rows):
    """(the bytes of an .xlsx, the number of rows): one sheet `title` listing `rows` under `columns`
    [(title, width) or (title, width, DATE | AMOUNT)], header bold and frozen (write_only_sheet), every row
    through safe_row. A DATE column's value is an Excel date shown dd/mm/yyyy (a datetime: its local date),
    an AMOUNT column's an integer shown #,##0; an empty value stays an empty cell. The one helper of the
    portal's list exports (registers, progress, registrations, a decision's list for the finance office)."""
    book, sheet = write_only_sheet(title, [column[:2] for column in columns])
    kinds = [column[2] if len(column) > 2 else None for column in columns]
    count = 0
    for row in rows:
        sheet.append(safe_row(sheet, [typed_cell(sheet, value, kind) for value, kind in zip(row, kinds, strict=True)]))
        count += 1
    return workbook_bytes(book), count


def xlsx_response(data, filename):
    """The .xlsx bytes `data` as a download named `filename` (Vietnamese, diacritics kept: RFC 5987)."""
    from django.http import FileResponse

    return FileResponse(io.BytesIO(data), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def typed_cell(sheet, value, kind):
    """`value` as a cell of a write-only `sheet`: a DATE an Excel date shown dd/mm/yyyy (a datetime: its local
    date), an AMOUNT an integer shown #,##0, anything else (or None/"") as it is."""
    from openpyxl.cell import WriteOnlyCell

    if value is None or value == "" or kind is None:
        return "" if value is None else value
    if kind == DATE:
        if isinstance(value, datetime):
            from django.utils import timezone

            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    cell = WriteOnlyCell(sheet, value=int(value))
    cell.number_format = AMOUNT_FORMAT
    return cell
