"""Checks for generated PDFs, shared by every document test: text, fonts, page size, ND 30 margins.

    from tests.pdf_assertions import assert_nd30_layout, pdf_text
    pdf = render_pdf("to_trinh.html", context)
    assert_nd30_layout(pdf)
    assert "Số: 07/TTr-SNV" in pdf_text(pdf)
"""
import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

MM_PER_PT = 25.4 / 72
A4_MM = (210.0, 297.0)
# Nghị định 30/2020: top 20–25, bottom 20–25, left 30–35, right 15–20 mm; print.css uses the minimums.
ND30_MARGINS_MM = {"top": 20.0, "right": 15.0, "bottom": 20.0, "left": 30.0}
LIBERATION_SERIF = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
# WeasyPrint names a PDF font after the CSS family that chose it, so this is how we see that every
# glyph came through our @font-face and none from a system fallback font.
PORTAL_FAMILY = re.compile(r"^([A-Z]{6}\+)?Portal-Serif(-Bold)?(-Italic)?$")
ARTIFACTS = Path(__file__).resolve().parent / "e2e" / "artifacts" / "documents"
_TOLERANCE_MM = 0.2  # rounding of glyph advances; a real overflow is many millimetres


def _normalise(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def _reader(pdf_bytes):
    import pypdf

    return pypdf.PdfReader(io.BytesIO(pdf_bytes))


# --- text --------------------------------------------------------------------------------------
def pdf_pages_text(pdf_bytes):
    """The text of each page in drawing order (WeasyPrint draws in document order), NFC, single-spaced."""
    return [_normalise(page.extract_text() or "") for page in _reader(pdf_bytes).pages]


def pdf_text(pdf_bytes):
    """The text of the whole PDF, NFC, whitespace (line breaks included) collapsed to single spaces."""
    return " ".join(text for text in pdf_pages_text(pdf_bytes) if text)


def assert_in_order(text, expected):
    """Each string of `expected` occurs in `text`, each after the previous one."""
    position = 0
    for item in expected:
        found = text.find(item, position)
        assert found >= 0, f"{item!r} not found after position {position} in: {text[position:position + 300]!r}"
        position = found + len(item)


# --- fonts -------------------------------------------------------------------------------------
def _resolve(obj):
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _walk_resources(resources, seen):
    """Yield every font dictionary reachable from a resources dictionary (forms, patterns, Type3)."""
    resources = _resolve(resources)
    if not resources or id(resources) in seen:
        return
    seen.add(id(resources))
    for font in (_resolve(resources.get("/Font")) or {}).values():
        font = _resolve(font)
        yield font
        if font.get("/Subtype") == "/Type3":
            yield from _walk_resources(font.get("/Resources"), seen)
    for key in ("/XObject", "/Pattern"):
        for child in (_resolve(resources.get(key)) or {}).values():
            yield from _walk_resources(_resolve(child).get("/Resources"), seen)


def _appearance_streams(page):
    for annotation in _resolve(page.get("/Annots")) or []:
        for stream in (_resolve(_resolve(annotation).get("/AP")) or {}).values():
            stream = _resolve(stream)
            if "/Resources" in stream:
                yield stream
            else:  # a dictionary of states, each a stream
                yield from (_resolve(state) for state in stream.values())


def _program_name(data):
    """The PostScript name (name ID 6) inside an embedded TrueType/OpenType program."""
    from fontTools.ttLib import TTFont

    try:
        return TTFont(io.BytesIO(data), lazy=True)["name"].getDebugName(6)
    except Exception:  # noqa: BLE001 - a bare CFF or broken program: fall back to the BaseFont
        return None


def _font_records(pdf_bytes):
    """One (base_font, embedded_name, embedded) per font in the PDF."""
    records, seen_fonts, seen = [], set(), set()
    for page in _reader(pdf_bytes).pages:
        sources = [page.get("/Resources")] + [s.get("/Resources") for s in _appearance_streams(page)]
        for resources in sources:
            for font in _walk_resources(resources, seen):
                if id(font) in seen_fonts:
                    continue
                seen_fonts.add(id(font))
                if font.get("/Subtype") == "/Type3":
                    records.append((f"Type3:{font.get('/Name', '?')}", None, True))
                    continue
                base = str(font.get("/BaseFont", "?")).lstrip("/")
                descendant = _resolve(font["/DescendantFonts"][0]) if "/DescendantFonts" in font else font
                descriptor = _resolve(descendant.get("/FontDescriptor")) or {}
                program = next((_resolve(descriptor[k]) for k in ("/FontFile2", "/FontFile3", "/FontFile")
                                if k in descriptor), None)
                name = _program_name(program.get_data()) if program is not None else None
                records.append((base, name, program is not None))
    return records


def pdf_base_fonts(pdf_bytes):
    """The /BaseFont of every font, as WeasyPrint wrote it: 'ABCDEF+Portal-Serif-Bold'."""
    return {base for base, _, _ in _font_records(pdf_bytes)}


def pdf_fonts(pdf_bytes):
    """Every font of the PDF by its real name: 'ABCDEF+LiberationSerif-Bold'.

    The name comes from the embedded font program (its PostScript name) with the subset prefix of the
    /BaseFont, because the /BaseFont itself carries our CSS family alias. A font that is not embedded
    (or whose program has no name table) is reported by its /BaseFont, a Type3 font as 'Type3:<name>'.
    """
    fonts = set()
    for base, name, _ in _font_records(pdf_bytes):
        prefix = base.split("+", 1)[0] + "+" if re.match(r"^[A-Z]{6}\+", base) else ""
        fonts.add(prefix + name if name else base)
    return fonts


# --- geometry ----------------------------------------------------------------------------------
def page_sizes_mm(pdf_bytes):
    """(width, height) of each page in millimetres, rounded to 0.1 mm, rotation applied."""
    sizes = []
    for page in _reader(pdf_bytes).pages:
        width, height = float(page.mediabox.width) * MM_PER_PT, float(page.mediabox.height) * MM_PER_PT
        if (page.get("/Rotate") or 0) % 180:
            width, height = height, width
        sizes.append((round(width, 1), round(height, 1)))
    return sizes


def _page_chars(pdf_bytes):
    """Per page, the visible characters as (text, left, top, right, bottom) in mm from the top-left corner."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            pages.append([(c["text"], c["x0"] * MM_PER_PT, c["top"] * MM_PER_PT, c["x1"] * MM_PER_PT,
                           c["bottom"] * MM_PER_PT) for c in page.chars if c["text"].strip()])
    return pages


def _extent(chars):
    if not chars:
        return None
    return {"left": round(min(c[1] for c in chars), 2), "top": round(min(c[2] for c in chars), 2),
            "right": round(max(c[3] for c in chars), 2), "bottom": round(max(c[4] for c in chars), 2)}


def text_margins_mm(pdf_bytes):
    """Per page, the extent of its characters in mm from the top-left corner (page numbers included):
    {'left': min x, 'top': min y, 'right': max x, 'bottom': max y}, or None for a page without text."""
    return [_extent(chars) for chars in _page_chars(pdf_bytes)]


def top_margin_text(pdf_bytes, limit_mm=ND30_MARGINS_MM["top"]):
    """Per page, the text printed above the top margin (left to right): the page number, if any."""
    return ["".join(c[0] for c in sorted(chars, key=lambda c: c[1]) if c[2] < limit_mm - _TOLERANCE_MM)
            for chars in _page_chars(pdf_bytes)]


def assert_nd30_layout(pdf_bytes, margins=None):
    """A4 portrait; text inside the margins; page numbers only from page 2, centred in the top margin;
    only Liberation Serif, embedded, reached through our CSS family. Reports every problem at once.

    A merged PDF (`render_documents`) restarts its numbering with each part, so a page without a number
    starts a new document and the next pages must read 2, 3, … again. `margins` overrides some of
    ND30_MARGINS_MM for a document that uses wider ones."""
    m = {**ND30_MARGINS_MM, **(margins or {})}
    width, height = A4_MM
    problems = []
    for number, (w, h) in enumerate(page_sizes_mm(pdf_bytes), start=1):
        if abs(w - width) > 1 or abs(h - height) > 1:
            problems.append(f"page {number}: {w}×{h} mm is not A4 portrait")

    for base, name, embedded in _font_records(pdf_bytes):
        if not embedded:
            problems.append(f"font {base} is not embedded")
        if name not in LIBERATION_SERIF:
            problems.append(f"font {base} is {name}, not Liberation Serif")
        if not PORTAL_FAMILY.match(base):
            problems.append(f"font {base} did not come from the 'Portal Serif' family (system fallback?)")

    limit = {"left": m["left"] - _TOLERANCE_MM, "top": m["top"] - _TOLERANCE_MM,
             "right": width - m["right"] + _TOLERANCE_MM, "bottom": height - m["bottom"] + _TOLERANCE_MM}
    centre = (m["left"] + width - m["right"]) / 2
    counter = 0  # page number within the current part of a merged PDF
    for number, chars in enumerate(_page_chars(pdf_bytes), start=1):
        in_margin = [c for c in chars if c[2] < limit["top"]]
        body = [c for c in chars if c[2] >= limit["top"]]
        printed = "".join(c[0] for c in sorted(in_margin, key=lambda c: c[1]))
        if printed == "":  # the first page of a document (or of a part of a merged PDF)
            counter = 1
        elif counter and printed == str(counter + 1):
            counter += 1
            middle = (min(c[1] for c in in_margin) + max(c[3] for c in in_margin)) / 2
            if abs(middle - centre) > 2:
                problems.append(f"page {number}: page number centred at {middle:.1f} mm, not {centre:.1f} mm")
        else:
            expected = "''" if not counter else f"'{counter + 1}' or '' (a new part)"
            problems.append(f"page {number}: top margin shows {printed!r}, expected {expected}")
            counter = int(printed) if printed.isdigit() else counter + 1  # report the next pages on their own
        extent = _extent(body)
        if extent is None:
            continue
        if extent["left"] < limit["left"]:
            problems.append(f"page {number}: text starts {extent['left']} mm from the left (< {m['left']})")
        if extent["right"] > limit["right"]:
            problems.append(f"page {number}: text reaches {extent['right']} mm (> {width - m['right']})")
        if extent["bottom"] > limit["bottom"]:
            problems.append(f"page {number}: text reaches {extent['bottom']} mm down (> {height - m['bottom']})")
    assert not problems, "ND 30 layout:\n" + "\n".join(problems)


# --- for people --------------------------------------------------------------------------------
def save_png(pdf_bytes, name):
    """Write `<name>.pdf` and `<name>-<page>.png` (60 dpi) under tests/e2e/artifacts/documents/ for a person
    to look at. Returns the PNG paths; does nothing when pdftoppm is not installed."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = re.compile(rf"{re.escape(name)}-\d+\.png")
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        if pages.fullmatch(old.name):  # stale pages of a longer earlier run
            old.unlink()
    pdf_path = ARTIFACTS / f"{name}.pdf"
    pdf_path.write_bytes(pdf_bytes)
    subprocess.run([pdftoppm, "-r", "60", "-png", str(pdf_path), str(ARTIFACTS / name)], check=True,
                   timeout=60, capture_output=True)
    return sorted(path for path in ARTIFACTS.glob(f"{name}-*.png") if pages.fullmatch(path.name))


def assert_signed_on_last_page(pdf_bytes, name, annex=None):
    """The signer's name is on the last page, with something of the document above it: a signature never
    stands on a page of its own, nor is it left behind on an earlier page. `annex`: the words that open a
    list attached after the signature (a decision's "DANH SÁCH"), whose pages are not the document's."""
    pages = pdf_pages_text(pdf_bytes)
    if annex:
        pages = pages[:next(i for i, text in enumerate(pages) if text.startswith(annex))]
    last = pages[-1]
    assert name in last, f"the signer {name!r} is not on the last page ({len(pages)} pages): {last[:200]!r}"
    before = last[:last.index(name)]
    assert len(before.split()) > 12, f"the last page holds little more than the signature: {last[:200]!r}"
