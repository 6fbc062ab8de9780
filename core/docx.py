"""Editable Word (.docx) copies of official documents in the Nghị định 30/2020 layout (docs/domain.md, Documents).

The one module that uses python-docx, imported only inside functions (processes that never write a
.docx do not load it). Domain-free: `DocxWriter` knows the frame every document shares, drawn from the
same `doc` keys as templates/documents/base.html (parent_body, issuer, number, place_date, title,
subject, signature {authority, title, name}, recipients, archive), plus helpers for the body; the domain
apps lay out their documents with it (e.g. dossiers/docx.py).

Every text goes into the file as plain text (python-docx escapes it as XML character data): markup typed
by a user stays literal, and characters that XML cannot hold are dropped. Text is normalised to NFC.
"""
import io
import re
import unicodedata
from dataclasses import dataclass

from .vntext import in_hoa

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
NATION_PT = 12          # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line of the right column
TABLE_PT = 12
RECIPIENTS_PT = 11
PAGE_MM = (210, 297)    # A4 portrait
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]   # 165 mm
LINE_SPACING = 1.15
SPACE_AFTER_PT = 6
INDENT_MM = 10          # first-line indent of body paragraphs
SIGN_SPACE_MM = 25      # room to sign

# characters XML 1.0 cannot hold (lxml refuses them): C0 controls but tab/newline/CR, lone surrogates, FFFE/FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text):
    """Text as it goes into the file: a string, NFC, without the characters XML cannot hold."""
    return _NOT_XML.sub("", unicodedata.normalize("NFC", "" if text is None else str(text)))


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph with its own emphasis, e.g. Span("Điều 1.", bold=True)."""
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


def _spans(parts):
    return [part if isinstance(part, Span) else Span(part) for part in parts if part not in (None, "")]


class DocxWriter:
    """One A4 portrait document: header, title, body helpers, closing; `to_bytes()` gives the .docx file."""

    def __init__(self, doc=None):
        from docx import Document

        self.document = Document()
        self._break_before = False
        self._setup_styles()
        self._setup_section()
        if doc is not None:
            props = self.document.core_properties
            props.title = clean(f"{doc.get('title', '')} {doc.get('number', '')}".strip())
            props.author = props.last_modified_by = clean(doc.get("issuer", ""))
            props.comments = props.subject = props.keywords = ""
            props.language = "vi-VN"

    # --- setup -------------------------------------------------------------------------------------------
    def _setup_styles(self):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Pt

        styles_element = self.document.styles.element
        # the document defaults: Times New Roman for every script (no theme font), Vietnamese proofing
        defaults = styles_element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(defaults.find(qn("w:rFonts")))
        lang = defaults.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:val"), "vi-VN")
        normal = self.document.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        _set_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts())
        fmt = normal.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.line_spacing = LINE_SPACING
        fmt.space_before, fmt.space_after = Pt(0), Pt(SPACE_AFTER_PT)
        fmt.widow_control = True
        for name in ("Header", "Footer", "Table Grid"):
            style = self.document.styles[name]
            if style.type == 1:  # a paragraph style
                style.font.name = FONT

    def _setup_section(self):
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        section.header_distance, section.footer_distance = Mm(8), Mm(8)
        section.gutter = Mm(0)
        # page numbers centred in the top margin from page 2: the first page has an empty header of its own
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        first = section.first_page_header.paragraphs[0]
        first.text = ""
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        self._format(paragraph, align="center", after=0, spacing=1.0)
        _add_field(paragraph, "PAGE", size=HEADER_PT)

    # --- low-level ---------------------------------------------------------------------------------------
    def _format(self, paragraph, *, align="justify", after=SPACE_AFTER_PT, before=0, indent=False, spacing=None,
                keep_with_next=False):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        fmt = paragraph.paragraph_format
        fmt.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                         "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        fmt.space_after, fmt.space_before = Pt(after), Pt(before)
        if indent:
            fmt.first_line_indent = Mm(INDENT_MM)
        if spacing is not None:
            fmt.line_spacing = spacing
        if keep_with_next:
            fmt.keep_with_next = True
        return paragraph

    def _write(self, paragraph, parts, *, bold=False, italic=False, size=None):
        from docx.shared import Pt

        for span in _spans(parts):
            run = paragraph.add_run(clean(span.text))
            run.bold = bold or span.bold or None
            run.italic = italic or span.italic or None
            if span.underline:
                run.underline = True
            if size:
                run.font.size = Pt(size)
        return paragraph

    def _paragraph(self, container=None):
        if container is None:
            paragraph = self.document.add_paragraph()
            if self._break_before:
                paragraph.paragraph_format.page_break_before = True
                self._break_before = False
            return paragraph
        return container.add_paragraph()

    def _cell_paragraph(self, cell, first):
        """The cell's first (empty) paragraph for its first line, a new one after that."""
        return cell.paragraphs[0] if first else cell.add_paragraph()

    def _rule(self, container, width_mm, column_mm, *, after=0, before=2):
        """A short centred line: an empty paragraph with a top border, indented to `width_mm`."""
        from docx.shared import Mm, Pt

        paragraph = self._paragraph(container)
        side = max((column_mm - width_mm) / 2, 0)
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), Pt(2)
        _border(paragraph._p.get_or_add_pPr(), "w:pBdr", top=True)
        return paragraph

    # --- the frame -----------------------------------------------------------------------------------------
    def form_label(self, text):
        """A form's number in a small box, top right above the header (e.g. "Mẫu số 08")."""
        from docx.shared import Pt

        paragraph = self._format(self._paragraph(), align="right", after=4, spacing=1.0)
        run = paragraph.add_run(clean(text))
        run.bold, run.font.size = True, Pt(TABLE_PT)
        _border(run._r.get_or_add_rPr(), "w:bdr")
        return paragraph

    def header(self, doc):
        """The two columns: issuing bodies and number on the left, the nation and the date on the right."""
        left_mm, right_mm = TEXT_WIDTH_MM * 0.38, TEXT_WIDTH_MM * 0.62
        table = self._table(1, 2, [left_mm, right_mm], borders=False)
        left, right = table.rows[0].cells
        first = True
        if doc.get("parent_body"):
            self._header_line(self._cell_paragraph(left, first), in_hoa(doc["parent_body"]))
            first = False
        self._header_line(self._cell_paragraph(left, first), in_hoa(doc.get("issuer", "")), bold=True)
        self._rule(left, min(25, left_mm * 0.4), left_mm - 3.8)
        if doc.get("number"):
            self._header_line(left.add_paragraph(), f"Số: {doc['number']}", before=6)
        self._header_line(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=NATION_PT)
        self._header_line(right.add_paragraph(), Span("Độc lập - Tự do - Hạnh phúc", bold=True, underline=True),
                          size=HEADER_PT + 1)
        self._header_line(right.add_paragraph(), doc.get("place_date", ""), italic=True, before=6)
        return table

    def _header_line(self, paragraph, text, *, bold=False, italic=False, size=HEADER_PT, before=0):
        self._format(paragraph, align="center", after=0, before=before, spacing=1.0)
        return self._write(paragraph, [text], bold=bold, italic=italic, size=size)

    def title(self, doc, *, title=None, subject=None, more=()):
        """The document type IN HOA bold, centred; the subject bold, centred, with a short rule below;
        `more` lines follow the subject (e.g. the campaign of a Báo cáo)."""
        heading = self._format(self._paragraph(), align="center", before=18, after=0, spacing=1.0,
                               keep_with_next=True)
        self._write(heading, [in_hoa(title if title is not None else doc.get("title", ""))], bold=True)
        for line in [subject if subject is not None else doc.get("subject", ""), *more]:
            if line:
                paragraph = self._format(self._paragraph(), align="center", after=0, spacing=1.0,
                                         keep_with_next=True)
                self._write(paragraph, [line], bold=True)
        self._rule(None, 35, TEXT_WIDTH_MM, after=12, before=3)

    # --- the body ------------------------------------------------------------------------------------------
    def paragraph(self, *parts, align="justify", indent=True, bold=False, italic=False, size=None,
                  after=SPACE_AFTER_PT, before=0, keep_with_next=False):
        """A body paragraph (justified, first line indented); parts are strings or Span."""
        paragraph = self._format(self._paragraph(), align=align, after=after, before=before, indent=indent,
                                 keep_with_next=keep_with_next)
        return self._write(paragraph, parts, bold=bold, italic=italic, size=size)

    def centred(self, *parts, bold=False, italic=False, after=SPACE_AFTER_PT, before=0, size=None):
        return self.paragraph(*parts, align="center", indent=False, bold=bold, italic=italic, after=after,
                              before=before, size=size)

    def basis(self, lines):
        """The căn cứ lines, italic."""
        return [self.paragraph(line, italic=True) for line in lines]

    def heading(self, text):
        return self.paragraph(text, bold=True, before=6, keep_with_next=True)

    def subheading(self, text):
        return self.paragraph(text, bold=True, italic=True, keep_with_next=True)

    def rule(self, width_mm=50):
        """A short centred line across the body (e.g. under the title of an attached list)."""
        return self._rule(None, width_mm, TEXT_WIDTH_MM, after=8)

    def page_break(self):
        """What follows starts a new page (set on the next paragraph: no empty line at the top of it)."""
        self._break_before = True

    def table(self, headers, rows, widths_mm, *, align=None, bold_rows=(), merge=None):
        """A bordered list: a bold, centred header row repeated on each page, then `rows` (lists of texts).

        `align` gives each column's alignment ("left", "center", "right"); `bold_rows` the indexes of rows
        printed bold (e.g. a total); `merge` {row index: [(first column, last column)]} joins cells.
        """
        from docx.oxml import OxmlElement

        if self._break_before:  # a table cannot carry the break itself: an empty paragraph does
            self._paragraph()
        align = align or ["left"] * len(headers)
        table = self._table(1 + len(rows), len(headers), widths_mm, borders=True)
        header_row = table.rows[0]
        header_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text in zip(header_row.cells, headers, strict=True):
            self._cell_text(cell, text, align="center", bold=True)
        merge = merge or {}
        for index, values in enumerate(rows):
            row = table.rows[index + 1]
            cant_split = OxmlElement("w:cantSplit")
            row._tr.get_or_add_trPr().append(cant_split)
            cells = row.cells
            for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
                self._cell_text(cell, text, align=align[column], bold=index in bold_rows)
            for first, last in merge.get(index, []):
                merged = cells[first].merge(cells[last])
                # merging appends the paragraphs of the merged cells: keep the first cell's text only
                for paragraph in merged.paragraphs[1:]:
                    paragraph._p.getparent().remove(paragraph._p)
        return table

    def _cell_text(self, cell, text, *, align="left", bold=False, italic=False, size=TABLE_PT):
        paragraph = self._format(cell.paragraphs[0], align=align, after=0, spacing=1.0)
        return self._write(paragraph, [text], bold=bold, italic=italic, size=size)

    def _table(self, rows, columns, widths_mm, *, borders):
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

        table = self.document.add_table(rows=rows, cols=columns)
        if borders:
            table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # a fixed layout (w:tblLayout): the widths below hold
        tbl_pr = table._tbl.tblPr
        width = tbl_pr.find(qn("w:tblW"))
        if width is None:
            width = OxmlElement("w:tblW")
            tbl_pr.append(width)
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(int(sum(widths_mm) * 1440 / 25.4)))
        _table_borders(tbl_pr, "single" if borders else "nil")
        for index, column in enumerate(table.columns):
            column.width = Mm(widths_mm[index])
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                cell.width = Mm(widths_mm[index])
        return table

    # --- the closing ---------------------------------------------------------------------------------------
    def closing(self, doc):
        """"Nơi nhận:" with the recipients and "- Lưu: …" on the left, the signature on the right."""
        left_mm, right_mm = TEXT_WIDTH_MM * 0.45, TEXT_WIDTH_MM * 0.55
        table = self._table(1, 2, [left_mm, right_mm], borders=False)
        self._keep_rows(table)
        left, right = table.rows[0].cells
        label = self._format(left.paragraphs[0], align="left", after=0, spacing=1.0, before=6)
        self._write(label, ["Nơi nhận:"], bold=True, italic=True, size=TABLE_PT)
        for line in [*doc.get("recipients", []), f"Lưu: {doc.get('archive') or 'VT'}."]:
            paragraph = self._format(left.add_paragraph(), align="left", after=0, spacing=1.0)
            self._write(paragraph, [f"- {line}"], size=RECIPIENTS_PT)
        signature = doc.get("signature") or {}
        self._signature(right, [in_hoa(signature.get("authority", "")), in_hoa(signature.get("title", ""))],
                        signature.get("name", ""), before=6)
        return table

    def two_signatures(self, left, right):
        """Two signatures side by side; each a dict {title, hint, name} (hint in brackets, name optional)."""
        half = TEXT_WIDTH_MM / 2
        table = self._table(1, 2, [half, half], borders=False)
        self._keep_rows(table)
        for cell, sign in zip(table.rows[0].cells, (left, right), strict=True):
            self._signature(cell, [in_hoa(sign.get("title", ""))], sign.get("name", ""),
                            hint=sign.get("hint", ""), before=12)
        return table

    def _signature(self, cell, titles, name, *, hint="", before=0):
        from docx.shared import Mm, Pt

        first = True
        for title in titles:
            if title:
                paragraph = self._format(self._cell_paragraph(cell, first), align="center", after=0, spacing=1.0,
                                         before=before if first else 0)
                self._write(paragraph, [title], bold=True)
                first = False
        if hint:
            paragraph = self._format(self._cell_paragraph(cell, first), align="center", after=0, spacing=1.0)
            self._write(paragraph, [f"({hint})"], italic=True, size=TABLE_PT)
            first = False
        space = self._format(self._cell_paragraph(cell, first), align="center", after=0)
        space.paragraph_format.line_spacing = Mm(SIGN_SPACE_MM)  # an exact height: the room to sign
        space.paragraph_format.space_after = Pt(0)
        if name:
            paragraph = self._format(cell.add_paragraph(), align="center", after=0, spacing=1.0)
            self._write(paragraph, [name], bold=True)

    def _keep_rows(self, table):
        from docx.oxml import OxmlElement

        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))

    # --- output ----------------------------------------------------------------------------------------------
    def to_bytes(self):
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def official(doc, body, *, closing=True, title=None, subject=None, more=(), form_label=""):
    """A whole document in one call: header, title, `body(writer)`, then the closing; returns bytes."""
    writer = DocxWriter(doc)
    if form_label:
        writer.form_label(form_label)
    writer.header(doc)
    writer.title(doc, title=title, subject=subject, more=more)
    body(writer)
    if closing:
        writer.closing(doc)
    return writer.to_bytes()


# --- XML helpers -------------------------------------------------------------------------------------------------
def _set_fonts(r_fonts):
    from docx.oxml.ns import qn

    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        r_fonts.attrib.pop(qn(theme), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        r_fonts.set(qn(attribute), FONT)


def _border(properties, tag, *, top=False):
    """A thin single line: the top border of a paragraph (pBdr) or a box around a run (bdr)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if tag == "w:pBdr":
        container = OxmlElement("w:pBdr")
        line = OxmlElement("w:top" if top else "w:bottom")
        container.append(line)
        # pBdr comes before the spacing/indent elements in CT_PPr's sequence
        anchor = None
        for name in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc"):
            anchor = properties.find(qn(name))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(container)
        else:
            properties.append(container)
    else:
        line = OxmlElement("w:bdr")
        properties.append(line)
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), "6")       # eighths of a point: 0.75 pt
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), "000000")
    return line


def _table_borders(tbl_pr, value):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), value)
        if value != "nil":
            line.set(qn("w:sz"), "6")
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "000000")
        borders.append(line)
    # tblBorders goes after tblW/jc/tblCellSpacing/tblInd and before shd/tblLayout/tblCellMar/tblLook
    anchor = None
    for name in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"):
        anchor = tbl_pr.find(qn(name))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def _add_field(paragraph, instruction, *, size=None):
    """A field (e.g. PAGE) Word computes when it lays out the page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def run_with(element):
        run = paragraph.add_run()
        if size:
            run.font.size = Pt(size)
        run._r.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)
