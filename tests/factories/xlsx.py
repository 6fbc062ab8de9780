"""Workbooks for the import tests, built in memory: good ones (openpyxl), and the hostile ones an upload can be
(a zip bomb, a sheet of very many blank rows, an archive whose declared sizes lie), streamed into the zip so that
building them costs little memory."""
import io
import struct
import zipfile
from xml.sax.saxutils import escape

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Mã đơn vị", "Đối tượng"]


def workbook_bytes(rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(data, name="ds.xlsx"):
    return SimpleUploadedFile(name, data)


def rebuild(data, replace=None, add=None):
    """`data` (an .xlsx) with members replaced or added: {name: bytes or an iterable of byte chunks}."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = replace.get(info.filename, None)
            _write(target, info.filename, source.read(info) if content is None else content)
        for name, content in add.items():
            _write(target, name, content)
    return out.getvalue()


def _write(archive, name, content):
    if isinstance(content, bytes):
        archive.writestr(name, content)
        return
    with archive.open(name, "w", force_zip64=True) as member:  # a stream of unknown length
        for chunk in content:
            member.write(chunk)


def _cell(ref, value):
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_xml(rows, *, blank_rows=0, far_row=None, dimension=None):
    """A first sheet's XML, in chunks: `rows` (lists of text, the header first) as inline strings, then
    `blank_rows` empty rows, then one row at `far_row`; `dimension` (e.g. "A1:F2") as the sheet declares it."""
    yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>"
    for number, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{chr(ord('A') + i)}{number}", v) for i, v in enumerate(row) if v != "")
        yield f'<row r="{number}">{cells}</row>'.encode()
    start = len(rows) + 1
    for first in range(start, start + blank_rows, 10000):
        yield "".join(f'<row r="{n}"/>' for n in range(first, min(first + 10000, start + blank_rows))).encode()
    if far_row:
        yield f'<row r="{far_row}">{_cell(f"A{far_row}", "x")}</row>'.encode()
    yield b"</sheetData></worksheet>"


def with_sheet(rows, **kwargs):
    """A good workbook whose first sheet is sheet_xml(rows, **kwargs)."""
    return rebuild(workbook_bytes([]), replace={SHEET: sheet_xml(rows, **kwargs)})


def blanks(megabytes):
    """`megabytes` MB of spaces, 1 MB at a time (they compress about 1000 to 1)."""
    chunk = b" " * (1 << 20)
    for _ in range(megabytes):
        yield chunk


def patch_central_directory(data, name, *, file_size=None, flag_bits=None):
    """`data` with the central directory entry of `name` saying another inflated size or other flags (what a
    crafted archive does: zipfile and openpyxl trust the central directory)."""
    data = bytearray(data)
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if bytes(data[position + 46:position + 46 + name_length]).decode() == name:
            if flag_bits is not None:
                struct.pack_into("<H", data, position + 8, flag_bits)
            if file_size is not None:
                struct.pack_into("<I", data, position + 24, file_size)
            return bytes(data)
        position += 4
    raise LookupError(name)


def report_fragment(response):
    """The per-row report of an import's page (includes/import_report.html), to compare two pages by."""
    html = response.content.decode()
    start = html.index('<div class="alert alert-danger" id="import-report">')
    return html[start:html.index("</table>", start)]
