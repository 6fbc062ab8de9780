"""Reading uploaded Excel workbooks for all-or-nothing imports with a per-row Vietnamese report.

Shared by the imports of people (orgs) and of the award register (dossiers). The upload is checked
by size and by content (an .xlsx is a zip holding xl/workbook.xml), never by its name.
"""
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

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


def open_workbook(upload, max_bytes=None):
    """The upload as a read-only openpyxl workbook, or ImportFileError."""
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
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise ImportFileError("Tệp nén này không phải bảng tính Excel (.xlsx).")
        from openpyxl import load_workbook

        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.") from None


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


def workbook_bytes(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- writing: user text stays text ----------------------------------------------------------------------
# A cell value starting with one of these is read by Excel (or by a user who presses F2 and Enter) as a formula:
# "=HYPERLINK(…)" typed as a job title would run in the office's spreadsheet (CWE-1236).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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
