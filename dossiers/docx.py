"""Editable Word copies of the Tờ trình, Báo cáo thành tích and Quyết định (clerks adjust wording in Word).

Each function lays out the FROZEN context of its kind (dossiers/documents.py: `to_trinh`, `bao_cao`,
`quyet_dinh`, the same JSON the PDF prints) with core.docx, in the same order and wording as
templates/documents/to_trinh.html, bao_cao.html and quyet_dinh.html: a change of wording there belongs
here too. They read nothing but the context, so a .docx says what the stored PDF of that snapshot says.
"""
from core.docx import TEXT_WIDTH_MM, DocxWriter, Span, official
from documents.registry import register_docx

from .documents import counts_text


def _sentence(*pieces):
    """Pieces joined by single spaces, empty ones left out (as HTML collapses the template's whitespace)."""
    return " ".join(piece for piece in pieces if piece)


# --- Tờ trình đề nghị khen thưởng ------------------------------------------------------------------------
def campaign_cited(context):
    """The campaign inside a sentence, as templates/documents/_campaign_cited.html prints it (a snapshot taken
    before the citation existed holds the title only and is quoted as before)."""
    return context.get("campaign_cited") or f"phong trào thi đua “{context.get('campaign', '')}”"


def to_trinh_docx(context):
    def body(writer: DocxWriter):
        addressee = context.get("addressee", "")
        writer.centred(f"Kính gửi: {addressee}.", after=8)
        writer.basis(context.get("basis", []))
        counts = context.get("counts", {})
        phrase = context.get("award_phrase") or f"tặng {context.get('award_form', '')}"
        writer.paragraph(_sentence(
            f"{context.get('unit', '')} kính đề nghị {addressee} xem xét, trình cấp có thẩm quyền {phrase} cho",
            context.get("counts_text") or counts_text(counts.get("collectives", 0), counts.get("individuals", 0)),
            f"đã có {context.get('track_achievement') or 'thành tích xuất sắc trong ' + campaign_cited(context)}, "
            "cụ thể như sau:"))
        rows = [[str(number), row.get("name", ""), row.get("position", ""), row.get("unit", ""),
                 row.get("summary", "")] for number, row in enumerate(context.get("nominees", []), start=1)]
        writer.table(["STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Tóm tắt thành tích"], rows,
                     [9, 34, 22, 30, TEXT_WIDTH_MM - 95], align=["center", "left", "left", "left", "left"])
        attachments = context.get("attachments", [])
        if attachments:
            writer.subheading("Hồ sơ kèm theo:")
            for index, item in enumerate(attachments):
                writer.paragraph(f"- {item}{'.' if index == len(attachments) - 1 else ';'}")
        writer.paragraph(f"Kính trình {addressee} xem xét./.", keep_with_next=True)

    return official(context["doc"], body)


# --- Báo cáo thành tích (Mẫu 08) ---------------------------------------------------------------------------
# section II's heading by the form's layout (templates/documents/bao_cao.html)
SECTION_II = {"dot_xuat": "II. THÀNH TÍCH XUẤT SẮC ĐỘT XUẤT",
              "cong_hien": "II. QUÁ TRÌNH CỐNG HIẾN VÀ THÀNH TÍCH ĐẠT ĐƯỢC"}


def bao_cao_docx(context):
    individual = context.get("individual", False)

    def body(writer: DocxWriter):
        writer.heading(f"I. {'SƠ LƯỢC LÝ LỊCH' if individual else 'THÔNG TIN CHUNG'}")
        for line in context.get("general", []):
            writer.paragraph(f"- {line.get('label', '')}: {line.get('value', '')}")
        if not individual and context.get("structure"):
            writer.paragraph("- Cơ cấu tổ chức:")
            for line in context["structure"]:
                writer.paragraph(line)
        if context.get("functions"):
            writer.paragraph(f"- {'Nhiệm vụ được giao' if individual else 'Chức năng, nhiệm vụ được giao'}:")
            for line in context["functions"]:
                writer.paragraph(line)
        layout = context.get("layout", "")  # as templates/documents/bao_cao.html prints it
        if layout == "cong_hien":
            writer.paragraph("- Quá trình công tác:")
            for line in context.get("career") or ["…"]:
                writer.paragraph(line)

        writer.heading(SECTION_II.get(layout, "II. THÀNH TÍCH ĐẠT ĐƯỢC"))
        number = 0

        def numbered(text):
            nonlocal number
            number += 1
            writer.subheading(f"{number}. {text}")

        if layout == "dot_xuat":
            numbered("Tóm tắt hành động, thành tích")
            for line in context.get("results") or ["…"]:
                writer.paragraph(line)
            if context.get("measures"):
                numbered("Hoàn cảnh, biện pháp đã thực hiện")
                for line in context["measures"]:
                    writer.paragraph(line)
        elif layout == "cong_hien":
            numbered("Thành tích đạt được trong quá trình công tác")
            for line in context.get("results") or ["…"]:
                writer.paragraph(line)
        else:
            if context.get("targets"):
                numbered("Các chỉ tiêu của phong trào thi đua")
                for target in context["targets"]:
                    figure = f": {target['figure']}" if target.get("figure") else ""
                    writer.paragraph(f"- {target.get('text', '')}{figure}.")
            numbered("Biện pháp, giải pháp đã thực hiện")
            for line in context.get("measures") or ["…"]:
                writer.paragraph(line)
            numbered("Kết quả đạt được")
            for line in context.get("results") or ["…"]:
                writer.paragraph(line)
        if context.get("initiatives") and layout != "dot_xuat":
            numbered("Sáng kiến, giải pháp được công nhận")
            for line in context["initiatives"]:
                writer.paragraph(line)
        if context.get("rating") and layout not in ("dot_xuat", "cong_hien"):
            numbered("Kết quả đánh giá, xếp loại")
            writer.paragraph(f"{context['rating']}.", keep_with_next=True)
        writer.heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
        for title, key, kind in (("1. Danh hiệu thi đua", "titles_received", "Danh hiệu thi đua"),
                                 ("2. Hình thức khen thưởng", "commendations_received", "Hình thức khen thưởng")):
            writer.subheading(title)
            rows = context.get(key) or []
            if rows:
                writer.table(["Năm", kind, "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"],
                             [[str(row["year"]), row["award_form"],
                               row["decision"] + (f"; {row['by']}" if row.get("by") else "")] for row in rows],
                             [16, 55, 94], align=["center", "left", "left"])
            else:
                writer.paragraph("Chưa có.")
        writer.two_signatures(
            {"title": context.get("confirm_title", ""), "hint": "Ký, đóng dấu"},
            {"title": context.get("report_title", ""),
             "hint": "Ký, ghi rõ họ và tên" if individual else "Ký, đóng dấu", "name": context.get("report_name", "")})

    doc = context["doc"]
    achieved = context.get("track_achievement", "")
    line = f"({achieved[:1].upper()}{achieved[1:]})" if achieved else f"(trong {campaign_cited(context)})"
    return official(doc, body, closing=False, title="BÁO CÁO THÀNH TÍCH", more=[line],
                    form_label=context.get("form_label", ""))


# --- Quyết định khen thưởng with its attached list -----------------------------------------------------------
def _capfirst(text):
    return text[:1].upper() + text[1:]


def _article_one(writer, context):
    """Điều 1 as quyet_dinh.html prints it: one sentence for one award form, else the whole and a line per
    form; a context built before the forms' verbs were kept reads "Tặng … cho …"."""
    forms = ", ".join(context.get("forms", []))
    clauses = context.get("clauses", [])
    lead = context.get("lead") or f"tặng {forms}"
    counts = context.get("counts_text") or counts_text(context.get("collectives", 0), context.get("individuals", 0))
    if len(clauses) > 1:
        writer.paragraph(Span("Điều 1.", bold=True),
                         f" {_capfirst(lead)} cho {counts} (có danh sách kèm theo), cụ thể:")
        for number, clause in enumerate(clauses, start=1):
            end = "." if number == len(clauses) else ";"
            writer.paragraph(f"{number}. {_capfirst(clause['phrase'])} cho {clause['counts_text']}{end}")
        return
    merit = "" if clauses and clauses[0].get("title") else "đã có thành tích xuất sắc"
    writer.paragraph(Span("Điều 1.", bold=True), " " + _sentence(
        f"{_capfirst(lead)} cho", counts, merit, "(có danh sách kèm theo)."))


def quyet_dinh_docx(context):
    doc = context["doc"]
    forms = ", ".join(context.get("forms", []))
    total = context.get("total", "")
    notes = context.get("notes", [])

    def body(writer: DocxWriter):
        writer.centred(context.get("authority_line", ""), bold=True, after=8)
        writer.basis(context.get("basis", []))
        if context.get("memo_reference"):
            writer.paragraph(f"Xét đề nghị tại Tờ trình số {context['memo_reference']}.", italic=True)
        writer.centred("QUYẾT ĐỊNH:", bold=True, before=8, after=8)
        _article_one(writer, context)
        if total:
            highest = ""
            if notes:
                basis = context.get("title_bonus_basis", "")
                highest = (" Tập thể, cá nhân đạt nhiều danh hiệu thi đua cho cùng một thành tích chỉ nhận mức tiền "
                           f"thưởng cao nhất{f' theo {basis}' if basis else ''} (ghi chú tại danh sách kèm theo).")
            writer.paragraph(
                Span("Điều 2.", bold=True),
                f" Tiền thưởng kèm theo {context.get('bonus_of', 'các hình thức khen thưởng')} tại Điều 1 được chi "
                f"từ Quỹ thi đua, khen thưởng của {context.get('issuer', '')} theo quy định, tổng số tiền là "
                f"{total} đồng (Bằng chữ: {context.get('total_words', '')}).{highest}")
        writer.paragraph(
            Span(f"Điều {3 if total else 2}.", bold=True),
            " Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên "
            "quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            keep_with_next=True)
        writer.closing(doc)

        writer.page_break()
        writer.centred("DANH SÁCH", bold=True, after=0)
        writer.centred(context.get("annex_heading") or f"Tập thể, cá nhân được tặng {forms}", bold=True, after=0)
        writer.centred(context.get("list_caption", ""), italic=True, after=0)
        writer.rule(TEXT_WIDTH_MM * 0.3)
        headers = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"]
        widths = [9, 48, 0]
        align = ["center", "left", "left"]
        if total:
            headers.append("Số tiền (đồng)")
            widths.append(30)
            align.append("right")
        widths[2] = TEXT_WIDTH_MM - sum(widths)
        rows, merge, bold_rows = [], {}, []
        for number, row in enumerate(context.get("awardees", []), start=1):
            if row.get("section"):  # the form above its awardees, as the PDF prints it
                rows.append([row["section"]] + [""] * (len(headers) - 1))
                merge[len(rows) - 1], bold_rows = [(0, len(headers) - 1)], bold_rows + [len(rows) - 1]
            cells = [str(number), row.get("name", ""), row.get("unit_line", "")]
            if total:
                cells.append(" ".join(part for part in (row.get("bonus_text", ""), row.get("note_mark", "")) if part))
            rows.append(cells)
        if total:
            rows.append(["", "Tổng cộng", "", total])
            merge[len(rows) - 1], bold_rows = [(1, 2)], bold_rows + [len(rows) - 1]
        writer.table(headers, rows, widths, align=align, bold_rows=bold_rows, merge=merge)
        if total:
            writer.paragraph(f"Bằng chữ: {context.get('total_words', '')}.", italic=True, indent=False, before=6)
        if notes:
            writer.paragraph("Ghi chú:", indent=False, before=6)
            for note in notes:
                writer.paragraph(f"{note['mark']} {note['name']}: {note['text']}", indent=False)

    return official(doc, body, closing=False)


register_docx("to_trinh", to_trinh_docx)
register_docx("bao_cao", bao_cao_docx)
register_docx("quyet_dinh", quyet_dinh_docx)
