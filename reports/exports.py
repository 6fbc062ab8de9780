"""The reports as Excel workbooks: a statistical biểu in the circular's layout (the same table the page and the PDF
print: header cells merged as on paper, the column numbers, the rows with their mã số), and the office's lists."""
from core.xlsx import list_workbook, safe_row, workbook_bytes

TOP = 6  # the first header row, under the form's heading lines


def _merge(sheet, row, column, rowspan=1, colspan=1):
    if rowspan > 1 or colspan > 1:
        sheet.merge_cells(start_row=row, start_column=column, end_row=row + rowspan - 1,
                          end_column=column + colspan - 1)


def statutory_workbook(table):
    """The .xlsx bytes of one biểu (services.statutory), one sheet laid out as the form."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = f"Biểu {table['code'].split('.')[0]}"
    width = len(table["numbers"])
    lead = table["lead"]
    bold, italic = Font(bold=True), Font(italic=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="center", wrap_text=True)

    left = max(2, width // 3)
    right_start = width - left + 1
    lines = [
        (f"Biểu số: {table['code']}", f"Đơn vị báo cáo: {table['reporter']}"),
        (table["circular"], f"Đơn vị nhận báo cáo: {table['receiver']}"),
        (table["received"], ""),
    ]
    for number, (text_left, text_right) in enumerate(lines, start=1):
        values = [""] * width
        values[0], values[right_start - 1] = text_left, text_right
        sheet.append(safe_row(sheet, values))
        _merge(sheet, number, 1, colspan=left)
        _merge(sheet, number, right_start, colspan=width - right_start + 1)
        sheet.cell(number, 1).alignment = wrap
        sheet.cell(number, right_start).alignment = wrap
    sheet.cell(1, 1).font = bold
    sheet.append(safe_row(sheet, [table["title"]] + [""] * (width - 1)))
    _merge(sheet, 4, 1, colspan=width)
    sheet.cell(4, 1).font, sheet.cell(4, 1).alignment = Font(bold=True, size=13), centre
    sheet.append(safe_row(sheet, [table["period"] + (f"; {table['unit_note']}" if table["unit_note"] else "")]
                          + [""] * (width - 1)))
    _merge(sheet, 5, 1, colspan=width)
    sheet.cell(5, 1).font, sheet.cell(5, 1).alignment = italic, centre

    # the header, its merged cells where the paper form has them
    for cells in table["header"]:
        values = [""] * width
        for cell in cells:
            values[cell["col"]] = cell["text"]
        sheet.append(safe_row(sheet, values))
        for cell in cells:
            _merge(sheet, TOP + cell["row"], cell["col"] + 1, cell["rowspan"], cell["colspan"])
    header_end = TOP + len(table["header"])
    sheet.append(safe_row(sheet, table["numbers"]))
    for line in table["rows"]:
        figures = line["values"] if line["values"] is not None else [""] * (width - lead)
        texts = [line["label"], line["code"], line["unit"]][:lead]
        sheet.append(safe_row(sheet, [*texts, *figures]))
    last = sheet.max_row
    for row_number in range(TOP, last + 1):
        for column in range(1, width + 1):
            cell = sheet.cell(row_number, column)
            cell.border = box
            if row_number <= header_end:
                cell.font, cell.alignment = bold, centre
            elif column > 1:
                cell.alignment = Alignment(horizontal="center", vertical="center")
            else:
                cell.alignment = wrap
    for offset, line in enumerate(table["rows"]):
        if line["style"] in ("total", "section"):
            for column in range(1, width + 1):
                sheet.cell(header_end + 2 + offset, column).font = bold
    for note in table.get("notes", []):
        sheet.append(safe_row(sheet, [f"Ghi chú: {note}"]))
    sheet.append([])
    signatures = [""] * width
    signatures[0], signatures[right_start - 1] = "Người lập biểu", "Thủ trưởng đơn vị"
    sheet.append(safe_row(sheet, signatures))
    hints = [""] * width
    hints[0], hints[right_start - 1] = "(Ký, họ tên)", "(Ký, họ tên, đóng dấu)"
    sheet.append(safe_row(sheet, hints))

    sheet.column_dimensions["A"].width = 58
    from openpyxl.utils import get_column_letter

    for column in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 10 if column <= lead else 12
    for row_number in range(TOP, header_end):
        sheet.row_dimensions[row_number].height = 45
    sheet.freeze_panes = sheet.cell(header_end + 1, lead + 1)
    sheet.page_setup.orientation = "landscape" if table["landscape"] else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    return workbook_bytes(book)


def office_workbook(title, columns, rows):
    """An office report (services.office) as one sheet: the header frozen, figures as numbers."""
    return list_workbook(title, columns, rows)[0]
