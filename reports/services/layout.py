"""A statistical table as plain data, the one shape the page, the PDF and the Excel file print from.

A table's columns are leaves of a header tree, each given as its path of labels from the top header row down
(None: the cell above reaches down over this row); `header_rows` turns the paths into rows of cells with their
colspan and rowspan, and the grid position the Excel file merges."""


def header_rows(paths):
    """[[{text, colspan, rowspan, row, col}]] from the leaves' label paths (all of one depth)."""
    depth = len(paths[0])
    rows = []
    for level in range(depth):
        cells, column = [], 0
        while column < len(paths):
            label = paths[column][level]
            if label is None:
                column += 1
                continue
            prefix = paths[column][:level + 1]
            span = 1
            while column + span < len(paths) and paths[column + span][:level + 1] == prefix:
                span += 1
            down = 1
            while level + down < depth and all(paths[c][level + down] is None for c in range(column, column + span)):
                down += 1
            cells.append({"text": label, "colspan": span, "rowspan": down, "row": level, "col": column})
            column += span
        rows.append(cells)
    return rows


def row(label, code="", unit="", values=None, style="item"):
    """One line of a table: its label (column A), mã số (B), đơn vị tính (C, when the form has it) and the
    figures; a heading line ("1. Chia theo …") has no figures (style "section")."""
    return {"label": label, "code": code, "unit": unit, "values": values, "style": style}


def section(label):
    return row(label, style="section")
