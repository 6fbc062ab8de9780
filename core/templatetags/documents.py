"""Filters for official document templates (`{% load documents %}`), thin wrappers of `core.vntext`.

Empty values give an empty string, so a draft with a missing amount or date still renders.
"""
from django import template

from core import vntext

register = template.Library()


def _empty(value):
    return value is None or value == ""


@register.filter
def so_chu(value):
    """3510000 -> 'ba triệu năm trăm mười nghìn'."""
    return "" if _empty(value) else vntext.so_thanh_chu(value)


@register.filter
def so_chu_tien(value):
    """3510000 -> 'Ba triệu năm trăm mười nghìn đồng'."""
    return "" if _empty(value) else vntext.so_thanh_chu_tien(value)


@register.filter
def ngay_van_ban(value, place=""):
    """{{ date|ngay_van_ban:"Quảng Trị" }} -> 'Quảng Trị, ngày 05 tháng 8 năm 2025'."""
    return "" if _empty(value) else vntext.ngay_van_ban(value, place)


@register.filter
def so_hieu(value, symbol):
    """{{ 7|so_hieu:"TTr-SNV" }} -> '07/TTr-SNV'."""
    return "" if _empty(value) else vntext.so_hieu(value, symbol)


@register.filter
def in_hoa(value):
    """{{ "Sở Nội vụ"|in_hoa }} -> 'SỞ NỘI VỤ'."""
    return vntext.in_hoa("" if _empty(value) else str(value))


@register.filter
def site_url(path):
    """{{ "/xac-minh/abc/"|site_url }} -> 'https://thidua.snv.example.gov.vn/xac-minh/abc/': the portal's
    address now (settings.SITE_URL), read when the document is rendered, not when its content was frozen."""
    from django.conf import settings

    return "" if _empty(path) else settings.SITE_URL.rstrip("/") + str(path)


@register.filter
def qr_png(text):
    """{{ url|qr_png }} -> the QR code of `url` as a data: URL of a PNG, for <img src>."""
    from core.qr import qr_png_data_uri

    return "" if _empty(text) else qr_png_data_uri(str(text))


@register.filter
def fit(text, limits):
    """{{ name|fit:"32,64,128" }} -> 0, 1, 2 or 3: how many of the lengths the text is longer than, for a
    template's font-size steps (class="fit-{{ … }}") where a box has a fixed size."""
    length = 0 if _empty(text) else len(str(text))
    return sum(length > int(limit) for limit in str(limits).split(","))


@register.filter
def balanced(text, limits):
    """{% for line in title|balanced:"26" %}: the text as one line, or, when it is longer than the first limit
    (and not longer than the second, if given), as two lines of about the same length, broken at a space
    (after a comma where one is near the middle): "BẰNG KHEN CỦA CHỦ TỊCH" / "ỦY BAN NHÂN DÂN TỈNH" rather
    than a long line and a short one."""
    text = "" if _empty(text) else " ".join(str(text).split())
    low, _, high = str(limits).partition(",")
    if len(text) <= int(low) or (high and len(text) > int(high)):
        return [text]
    best = None
    for index, char in enumerate(text):
        if char == " ":
            first, second = text[:index], text[index + 1:]
            score = max(len(first), len(second)) - (4 if first.endswith(",") else 0)
            if best is None or score < best[0]:
                best = (score, [first, second])
    return best[1] if best else [text]
