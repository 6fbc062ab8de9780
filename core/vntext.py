"""Vietnamese wording for official documents: amounts in words, document numbers, dates, capitals.

Domain-free and dependency-free, so every document template (through `core.templatetags.documents`)
and every service can share one reading of "Bằng chữ: …" and one spelling of "ngày 05 tháng 8 năm 2025".
"""
import datetime
import re
import unicodedata

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9


def _units(unit, tens):
    """The word for the units digit, which depends on the tens digit before it.

    "mốt" only after "mươi" (21 → hai mươi mốt, but 11 → mười một); "lăm" after any tens
    (15 → mười lăm, 25 → hai mươi lăm, but 105 → một trăm linh năm). For 4 we always say "bốn",
    never the colloquial "tư" (24 → hai mươi bốn): "bốn" is the same word in every position and in
    every region, so an amount written in a decision or a payment list has exactly one reading.
    """
    if unit == 1 and tens >= 2:
        return "mốt"
    if unit == 5 and tens >= 1:
        return "lăm"
    return _DIGITS[unit]


def _group(n, full):
    """Words for 0 < n < 1000; `full` reads a zero hundreds digit ("không trăm") as an inner group needs."""
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if unit:
            if words:
                words.append("linh")
            words.append(_units(unit, tens))
    else:
        words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
        if unit:
            words.append(_units(unit, tens))
    return words


def _below_billion(n, full):
    """Words for 0 < n < 10^9 in groups of triệu / nghìn / units; all-zero groups are not read."""
    words = []
    for value, name in ((n // 10**6, "triệu"), (n // 1000 % 1000, "nghìn"), (n % 1000, "")):
        if value:
            words += _group(value, full or bool(words))
            if name:
                words.append(name)
    return words


def _words(n, full=False):
    # Above a billion the count of "tỷ" is itself a number: 10^12 is "một nghìn tỷ",
    # 1.005 × 10^12 "một nghìn không trăm linh năm tỷ".
    if n >= _BILLION:
        high, rest = divmod(n, _BILLION)
        words = _words(high, full) + ["tỷ"]
        if rest:
            words += _below_billion(rest, True)
        return words
    return _below_billion(n, full)


def _as_int(n):
    # Amounts come from DecimalFields as well as ints; refuse anything with a fraction rather than drop it.
    if isinstance(n, bool):
        raise TypeError("so_thanh_chu() needs a number, not a bool")
    value = int(n)
    if value != n:
        raise ValueError(f"so_thanh_chu() reads whole numbers only, got {n!r}")
    if value < 0:
        raise ValueError(f"so_thanh_chu() reads non-negative numbers only, got {n!r}")
    return value


def so_thanh_chu(n):
    """The Vietnamese reading of a non-negative whole number, lower case.

    3_510_000 -> 'ba triệu năm trăm mười nghìn'; 1_005_000 -> 'một triệu không trăm linh năm nghìn'.
    """
    value = _as_int(n)
    if value == 0:
        return _DIGITS[0]
    return " ".join(_words(value))


def so_thanh_chu_tien(n):
    """An amount in đồng as written after "Bằng chữ:": 3_510_000 -> 'Ba triệu năm trăm mười nghìn đồng'."""
    text = so_thanh_chu(n)
    return f"{text[0].upper()}{text[1:]} đồng"


def so_hieu(number, symbol):
    """A document's number and symbol: (7, 'TTr-SNV') -> '07/TTr-SNV' (numbers below 10 get a leading 0)."""
    return f"{int(number):02d}/{symbol}"


def ngay_van_ban(date, place=""):
    """The place and date line: 'Quảng Trị, ngày 05 tháng 8 năm 2025'.

    Day below 10 and months 1 and 2 get a leading zero (NĐ 30/2020), other months do not.
    """
    if isinstance(date, datetime.datetime):
        date = date.date()
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    text = f"ngày {date.day:02d} tháng {month} năm {date.year}"
    return f"{place}, {text}" if place else text


def in_hoa(text):
    """Upper case for Vietnamese ('Sở Nội vụ' -> 'SỞ NỘI VỤ', 'đ' -> 'Đ'), always returned in NFC.

    Normalising first matters: a decomposed 'ệ' upper-cases to 'E' + two combining marks, which some
    PDF viewers and search indexes then treat as a different word.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text or "").upper())


# Words a header line must not break inside (Nghị định 30/2020's header block centres the organ's name on two
# or three lines): a place name with its kind ("tỉnh Quảng Trị"), and the compounds of the field.
_PLACE = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)(\s+\S+)+$", re.IGNORECASE)
_COMPOUNDS = re.compile(r"\b(thi đua|khen thưởng|nhân dân|nội vụ|tài chính|thông tin)\b", re.IGNORECASE)
NBSP = "\u00a0"


def unbroken_names(text):
    """`text` with non-breaking spaces inside its place name (from the last "tỉnh", "xã"… to the end) and
    inside the field's compound words, so that a long organ name wraps between words, never inside
    "TỈNH QUẢNG TRỊ" or "KHEN THƯỞNG"."""
    text = _PLACE.sub(lambda m: m.group(0).replace(" ", NBSP), text or "")
    return _COMPOUNDS.sub(lambda m: m.group(0).replace(" ", NBSP), text)


def so(n):
    """1234567 -> '1.234.567' (counts and amounts, dot-grouped); '' for None or ''."""
    if n in (None, ""):
        return ""
    return f"{int(n):,}".replace(",", ".")


def tien(n):
    """3510000 -> '3.510.000 đ'; '' for None or ''."""
    return so(n) + " đ" if n not in (None, "") else ""


def vn_decimal(value):
    """'1.50' -> '1,5'; '100.00' -> '100' (Vietnamese decimal comma, no trailing zeros)."""
    from decimal import Decimal, InvalidOperation

    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return format(number.normalize(), "f").replace(".", ",")


def lower_first(text):
    """A title used inside a sentence: "Thực hiện đợt thi đua…" -> "thực hiện đợt thi đua…"."""
    return text[:1].lower() + text[1:]
