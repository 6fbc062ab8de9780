"""Quỹ thi đua, khen thưởng of a body, year by year: its receipts and the spending that is not a bonus of a
decision signed in the portal (those are read from the register: funds/services.py)."""
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from core.models import TimeStampedModel
from orgs.models import Organisation

from .enums import Category, Direction


class FundYear(TimeStampedModel):
    """The fund of one body for one calendar year (the budget year). `opening_balance` is typed only for the first
    year the portal keeps the book; every later year opens with the previous year's closing balance."""

    organisation = models.ForeignKey(Organisation, verbose_name="cơ quan", on_delete=models.PROTECT,
                                     related_name="fund_years")
    year = models.PositiveIntegerField("năm")
    opening_balance = models.BigIntegerField(
        "số dư đầu năm", null=True, blank=True,
        help_text="Chỉ nhập cho năm đầu tiên ghi sổ trên cổng; các năm sau tự chuyển số dư cuối năm trước sang.")
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "quỹ thi đua, khen thưởng năm"
        verbose_name_plural = "quỹ thi đua, khen thưởng năm"
        ordering = ["organisation", "-year"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="one_fund_year_per_body")]

    def __str__(self):
        return f"Quỹ thi đua, khen thưởng năm {self.year} – {self.organisation}"


class FundEntry(TimeStampedModel):
    """One receipt or one spending line of the fund, with its voucher."""

    fund = models.ForeignKey(FundYear, on_delete=models.CASCADE, related_name="entries")
    direction = models.CharField("thu / chi", max_length=3, choices=Direction.choices)
    category = models.CharField("nội dung", max_length=20, choices=Category.choices)
    date = models.DateField("ngày")
    amount = models.PositiveBigIntegerField("số tiền (đồng)", validators=[MinValueValidator(1)])
    description = models.CharField("diễn giải", max_length=300, blank=True)
    voucher = models.CharField("số chứng từ", max_length=60, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   editable=False)

    class Meta:
        verbose_name = "khoản thu, chi quỹ"
        verbose_name_plural = "khoản thu, chi quỹ"
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.get_direction_display()} {self.amount:,} đ – {self.get_category_display()}".replace(",", ".")

