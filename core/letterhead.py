"""The parts every official document shares (Nghị định 30/2020): header, dates, signature block.

Contexts are plain JSON (they are frozen in snapshots), so dates are formatted here, once.
"""
from .vntext import in_hoa, ngay_van_ban

BLANK_DATE = "ngày … tháng … năm …"


def letterhead(organisation, *, number="", on=None, symbol=""):
    """doc.* of templates/documents/base.html for a document issued by `organisation`."""
    parent = organisation.parent
    place = organisation.place_name or ""
    return {
        "parent_body": in_hoa(parent.name) if parent is not None else "",
        "issuer": in_hoa(organisation.name),
        "number": number or (f"…/{symbol}" if symbol else ""),
        "place_date": (ngay_van_ban(on, place) if on
                       else f"{place}, {BLANK_DATE}" if place else BLANK_DATE.capitalize()),
    }


def signature(title, name, authority=""):
    return {"authority": in_hoa(authority), "title": in_hoa(title), "name": name}


def date_text(value):
    """"ngày 05 tháng 8 năm 2025" (no place), or the blank form when the date is not known yet."""
    return ngay_van_ban(value) if value else BLANK_DATE


def lines(text):
    """The non-empty lines of a multi-line text field, for paragraphs."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
