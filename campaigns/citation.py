"""How a document names a campaign inside a sentence ("… trong phong trào thi đua “X” năm 2026").

A campaign's title is its Kế hoạch's trích yếu, which often already says "Phát động phong trào thi đua “X” …"
or "Thực hiện đợt thi đua …". Quoting the whole title after our own "phong trào thi đua" printed
"phong trào thi đua “Phát động phong trào thi đua “X”…”" on the Tờ trình, Mẫu 08, Biên bản, Phiếu bổ sung and
the Kế hoạch. `cited_name` says it once: the verbs of launching are dropped, a title that already names the
movement keeps its own words (first letter lowered: it is inside a sentence), any other title is a movement's
name and is quoted. A campaign may set the citation by hand (Campaign.citation) when this reading is wrong.
"""
import re

# Words of the plan's act, not of the movement: "Kế hoạch", "Phát động", "Thực hiện", "Tổ chức", "Triển khai"
_ACT = re.compile(r"^(?:kế hoạch|phát động|thực hiện|tổ chức|triển khai)\s+", re.IGNORECASE)
# Titles that already name the movement
_MOVEMENT = re.compile(r"^(?:phong trào|đợt thi đua|cuộc vận động|chương trình thi đua)\b", re.IGNORECASE)
# The office's yearly work plan: "Công tác thi đua, khen thưởng năm 2026" → "phong trào thi đua năm 2026"
_YEARLY = re.compile(r"^công tác thi đua(?:,| và)? khen thưởng\b\s*", re.IGNORECASE)
_THI_DUA = re.compile(r"^thi đua\b", re.IGNORECASE)


def _lower_first(text):
    return text[:1].lower() + text[1:]


def cited_name(title):
    """'Phát động phong trào thi đua “X” năm 2026' → 'phong trào thi đua “X” năm 2026'; 'X' → 'phong trào thi
    đua “X”'. Never nests quotes of ours inside the title's own."""
    text = " ".join((title or "").split()).rstrip(" .;,")
    if not text:
        return ""
    while (stripped := _ACT.sub("", text, count=1)) != text:
        text = stripped
    if _YEARLY.match(text):
        rest = _YEARLY.sub("", text, count=1)
        return f"phong trào thi đua {rest}".rstrip()
    if _MOVEMENT.match(text):
        return _lower_first(text)
    if _THI_DUA.match(text):
        return f"phong trào {_lower_first(text)}"
    return f"phong trào thi đua “{text}”"


# A track (awards outside campaigns) has no movement to cite: documents say what was achieved instead.
# "… đã có {achievement}, cụ thể như sau"; a decision "Về việc khen thưởng {award}".
TRACK_WORDS = {
    "cong_trang": ("thành tích xuất sắc trong thực hiện nhiệm vụ được giao", "khen thưởng thành tích"),
    "dot_xuat": ("thành tích xuất sắc đột xuất", "khen thưởng đột xuất"),
    "cong_hien": ("quá trình cống hiến", "khen thưởng quá trình cống hiến"),
    "nien_han": ("đủ thời gian công tác theo niên hạn", "khen thưởng theo niên hạn"),
    "doi_ngoai": ("thành tích đóng góp cho công tác đối ngoại", "khen thưởng đối ngoại"),
}
