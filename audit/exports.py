"""The audit trail as an Excel workbook: the rows the page shows for the same filters, newest first, at most
EXPORT_LIMIT of them (built in the request: a narrower filter exports the rest)."""
from core.xlsx import safe_row, workbook_bytes, write_only_sheet

from .services.trail import readable

EXPORT_LIMIT = 10_000
COLUMNS = [("Thời điểm", 20), ("Người thực hiện", 30), ("Địa chỉ máy", 16), ("Sự kiện", 28), ("Tỉnh", 30),
           ("Loại đối tượng", 28), ("Đối tượng", 40), ("Trước → sau", 70)]


def trail_workbook(events, viewer):
    """(.xlsx bytes, rows written, whether rows were left out) of `events` (a queryset, in the page's order)."""
    book, sheet = write_only_sheet("Nhật ký hệ thống", COLUMNS)
    written, more = 0, False
    for event in events[:EXPORT_LIMIT + 1].iterator(chunk_size=2000):
        if written == EXPORT_LIMIT:
            more = True
            break
        row = readable(event, viewer)
        lines = [f"{label}: {before} → {after}" for label, before, after in row.changes]
        lines += [f"{label}: {value}" for label, value in row.details]
        sheet.append(safe_row(sheet, [
            row.at.strftime("%d/%m/%Y %H:%M:%S"), row.who, row.address, row.what,
            "Toàn quốc" if row.national else row.province, row.object_type, row.object_repr, "\n".join(lines)]))
        written += 1
    if more:
        sheet.append([f"Chỉ xuất {EXPORT_LIMIT:,} dòng mới nhất: thu hẹp bộ lọc (theo ngày) để xuất phần còn lại."
                      .replace(",", ".")])
    return workbook_bytes(book), written, more
