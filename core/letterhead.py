"""The parts every official document shares (Nghị định 30/2020): header, dates, signature block.

Contexts are plain JSON (they are frozen in snapshots), so dates are formatted here, once.
"""
import re

from .vntext import in_hoa, ngay_van_ban, unbroken_names

BLANK_DATE = "ngày … tháng … năm …"


def letterhead(organisation, *, number="", on=None, symbol=""):
    """doc.* of templates/documents/base.html for a document issued by `organisation`."""
    parent = organisation.parent
    # an enterprise or another organisation outside the public service has no governing body above it: the unit
    # that keeps its record is not printed; the place is the unit's own, else the one above it
    place = organisation.place_name or (parent.place_name if parent is not None else "")
    if getattr(organisation, "is_external", False):
        parent = None
    return {
        "parent_body": unbroken_names(in_hoa(parent.name)) if parent is not None else "",
        "issuer": unbroken_names(in_hoa(organisation.name)),
        "number": number or (f"…/{symbol}" if symbol else ""),
        "place_date": (ngay_van_ban(on, place) if on
                       else f"{place}, {BLANK_DATE}" if place else BLANK_DATE.capitalize()),
    }


# How a document is signed (Nghị định 30/2020, Phụ lục I, the signature's "quyền hạn, chức vụ"): by the head
# himself, or for the head by a deputy (KT.), by an acting head (Q.), for a collective body (TM.), by order
# (TL.) or by delegation (TUQ.). The value is stored on each signed record (Quyết định, Tờ trình, Kế hoạch).
SIGN_AS = [
    ("", "Người đứng đầu ký"),
    ("kt", "KT. – cấp phó ký thay người đứng đầu"),
    ("q", "Q. – quyền người đứng đầu ký"),
    ("tm", "TM. – người đứng đầu ký thay mặt tập thể"),
    ("tm_kt", "TM. tập thể, KT. – cấp phó ký thay"),
    ("tl", "TL. – ký thừa lệnh"),
    ("tuq", "TUQ. – ký thừa ủy quyền"),
]
# the ways of signing in which the signer's own title is printed under the head's
SIGNER_TITLE_PRINTED = {"kt", "tm_kt", "tl", "tuq"}


def signature_lines(sign_as, head, signer_title, collective=""):
    """The lines above the signer's name, IN HOA: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ["GIÁM ĐỐC"]…
    `head`: the title of the body's head; `collective`: the collective body's name (TM.)."""
    head, own = in_hoa(head), in_hoa(signer_title or head)
    return {
        "": [head],
        "kt": [f"KT. {head}", own],
        "q": [f"Q. {head}"],
        "tm": [f"TM. {in_hoa(collective)}", head],
        "tm_kt": [f"TM. {in_hoa(collective)}", f"KT. {head}", own],
        "tl": [f"TL. {head}", own],
        "tuq": [f"TUQ. {head}", own],
    }.get(sign_as or "", [own])


def signature(title, name, authority=""):
    """A signature block of one title (and an optional line above it), e.g. ("Người thẩm định hồ sơ", name)."""
    return _block([line for line in (in_hoa(authority), in_hoa(title)) if line], name)


def signed_by(record, body):
    """The signature block of a signed record (its sign_as, signer_title, signer_name) issued by `body`."""
    return _block(signature_lines(record.sign_as, body.head, record.signer_title, body.collective_name),
                  record.signer_name)


def _block(lines, name):
    """{lines, name}; with `authority` (the lines above the last) and `title` (the last) for the layouts that
    place them apart (the certificate)."""
    return {"lines": lines, "authority": " ".join(lines[:-1]), "title": lines[-1] if lines else "", "name": name}


def name_only(text):
    """The name to print under a signature from a "họ tên, chức vụ" text as the forms ask for it:
    "Trần Văn An – Trưởng phòng" and "Lê Quang Thắng, Giám đốc Sở" -> the name alone."""
    return re.split(r"\s+[–-]\s+|,", text or "", maxsplit=1)[0].strip()


def absence_text(total, present, names):
    """What a Biên bản prints after "Vắng mặt:", agreeing with the counts it prints: "không" when everyone came,
    else "01 thành viên: Hoàng Văn Nam (đi công tác)" — the number from the counts, the names as typed."""
    absent = (total or 0) - (present or 0)
    if absent <= 0:
        return "không"
    return f"{absent:02d} thành viên" + (f": {'; '.join(names)}" if names else "")


def date_text(value):
    """"ngày 05 tháng 8 năm 2025" (no place), or the blank form when the date is not known yet."""
    return ngay_van_ban(value) if value else BLANK_DATE


def lines(text):
    """The non-empty lines of a multi-line text field, for paragraphs."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# A line that carries its own numbering ("1.", "2)", "1.2", "1.2.", "a)", "đ.", "II.", "(3)") followed by a space, or
# "1." straight before a word ("1.Tuyên truyền"): the plan's text keeps it, and no bullet is added. Not an amount or
# an abbreviation: "1.500.000 đồng", "2025. Năm", "T.Ư" do not match.
NUMBERED = re.compile(r"^(?:\d{1,3}[.)](?=[^\W\d_])|(?:\d{1,3}[.)]|\d{1,2}(?:\.\d{1,2})+\.?|[IVXLC]+[.)]"
                      r"|[a-zđA-ZĐ][.)]|\((?:\d{1,3}|[a-zđ]|[IVXLC]+)\))\s)")
TYPED_BULLET = re.compile(r"^[-–—•*]\s*")


def items(text):
    """The lines of a text field as a list prints them (the Kế hoạch's purposes, requirements, tasks): a line
    with its own numbering ("1.", "a)", "II.", "1.2") as typed, without a bullet; a "+" sub-item as typed; any
    other line after the list's dash "- ", which replaces a dash, bullet or star the user typed instead of being
    added to it ("- - Phát huy …")."""
    printed = []
    for line in lines(text):
        if NUMBERED.match(line):
            printed.append(line)
        elif line.startswith("+"):
            if rest := line[1:].lstrip():
                printed.append(f"+ {rest}")
        elif rest := TYPED_BULLET.sub("", line):
            printed.append(f"- {rest}")
    return printed
