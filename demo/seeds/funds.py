"""The demo's Quỹ thi đua, khen thưởng (issue 18): the Sở Nội vụ Quảng Trị keeps its fund in the portal for the
demo's year: an opening balance, the year's budget allocation and a contribution, the printing of certificates,
and the bonuses of its decision 125/QĐ-SNV, which the book reads from the register by itself."""
from datetime import date

from django.contrib.auth import get_user_model

from funds.enums import Category, Direction
from funds.models import FundEntry, FundYear
from funds.services import save_entry, set_opening_balance
from orgs.models import Organisation


def _on(day, month, dom):
    """A date of the demo's year, never after the demo's day (the book does not record the future)."""
    wanted = date(day.year, month, dom)
    return wanted if wanted <= day else day


def seed(day):
    body = Organisation.objects.filter(code="QT-SNV").first()
    keeper = get_user_model().objects.filter(username="vanphong").first()
    if body is None or keeper is None or FundYear.objects.filter(organisation=body).exists():
        return 0
    set_opening_balance(body, day.year, 18_500_000, by=keeper)
    lines = [
        (Direction.RECEIPT, Category.BUDGET, _on(day, 1, 15), 60_000_000, "PT-01",
         f"Dự toán chi khen thưởng năm {day.year} được giao"),
        (Direction.RECEIPT, Category.CONTRIBUTION, _on(day, 3, 20), 5_000_000, "PT-04",
         "Công đoàn Sở đóng góp cho quỹ"),
        (Direction.SPENDING, Category.PRINTING, _on(day, 4, 10), 2_350_000, "PC-12",
         "In phôi giấy khen, làm khung"),
    ]
    for direction, category, when, amount, voucher, description in lines:
        save_entry(FundEntry(direction=direction, category=category, date=when, amount=amount, voucher=voucher,
                             description=description), body, by=keeper)
    return len(lines)
