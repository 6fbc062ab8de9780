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
