"""Quỹ thi đua, khen thưởng of a body: the year's book and its writers (docs/domain.md, "The reward fund").

A year's book is: the opening balance (typed for the first year kept in the portal, else the previous year's
closing), the receipts, the bonuses of the body's own decisions signed in the portal that year (read from the
register, one line per decision; never typed twice), the other spending, and the closing balance. Awards of a
higher authority's decision are not paid from this fund here (docs: who pays them is the open question noted).

Constant queries whatever the years kept: one for the fund years, one for the entries' totals by year and
direction, one for the decisions' totals by year, then the year's own lines.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum

from core.vntext import tien
from dossiers.models import Award, Decision
from dossiers.services import signing_notes

from .enums import CATEGORIES_OF, Direction
from .models import FundEntry, FundYear
from .rules import keeps_fund


@dataclass
class DecisionLine:
    decision: Decision
    awardees: int
    total: int


@dataclass
class Ledger:
    organisation: object
    year: int
    fund: object                      # FundYear or None (nothing recorded for that year yet)
    opening: int
    opening_typed: bool
    receipts: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    other_spending: list = field(default_factory=list)
    recoveries: list = field(default_factory=list)  # revoking decisions of the year with bonuses to take back

    @property
    def total_to_recover(self):
        return sum((d.snapshot or {}).get("to_recover", 0) for d in self.recoveries)

    @property
    def total_receipts(self):
        return sum(e.amount for e in self.receipts)

    @property
    def total_decisions(self):
        return sum(line.total for line in self.decisions)

    @property
    def total_other(self):
        return sum(e.amount for e in self.other_spending)

    @property
    def total_spending(self):
        return self.total_decisions + self.total_other

    @property
    def closing(self):
        return self.opening + self.total_receipts - self.total_spending

    def by_category(self, entries):
        totals = defaultdict(int)
        for entry in entries:
            totals[entry.get_category_display()] += entry.amount
        return sorted(totals.items())


def _own_awards(organisation):
    return Award.objects.filter(decision__kind=Decision.OWN, decision__issuer=organisation,
                                bonus_amount__isnull=False)


def kept_in_portal(organisation):
    """Whether the body keeps its fund in the portal (has a fund year): only then is overdrawing a warning."""
    return FundYear.objects.filter(organisation=organisation).exists()


def opening_balance(organisation, year):
    """(amount, typed): the balance the year opens with, carried year by year from the first one kept."""
    years = {f.year: f.opening_balance for f in FundYear.objects.filter(organisation=organisation, year__lte=year)}
    moved = defaultdict(int)
    for row in (FundEntry.objects.filter(fund__organisation=organisation, fund__year__lt=year)
                .values("fund__year", "direction").annotate(total=Sum("amount"))):
        moved[row["fund__year"]] += row["total"] if row["direction"] == Direction.RECEIPT else -row["total"]
    for row in (_own_awards(organisation).filter(decision__year__lt=year)
                .values("decision__year").annotate(total=Sum("bonus_amount"))):
        moved[row["decision__year"]] -= row["total"]
    balance = 0
    for each in range(min([*years, *moved, year]), year + 1):
        if years.get(each) is not None:
            balance = years[each]
        if each < year:
            balance += moved.get(each, 0)
    return balance, years.get(year) is not None


def ledger(organisation, year):
    """The body's book for `year` (Ledger)."""
    fund = FundYear.objects.filter(organisation=organisation, year=year).first()
    opening, typed = opening_balance(organisation, year)
    entries = list(FundEntry.objects.filter(fund__organisation=organisation, fund__year=year)
                   .select_related("created_by").order_by("date", "pk"))
    decisions = (Decision.objects.filter(kind=Decision.OWN, issuer=organisation, year=year)
                 .annotate(paid=Sum("awards__bonus_amount"), awardees=Count("awards", filter=Q(
                     awards__bonus_amount__isnull=False))).filter(paid__gt=0).order_by("date", "number"))
    revoking = Decision.objects.filter(kind=Decision.REVOKE, issuer=organisation, year=year, higher_authority="")
    recoveries = [d for d in revoking.select_related("revokes").order_by("date", "number")
                  if (d.snapshot or {}).get("to_recover")]
    return Ledger(organisation, year, fund, opening, typed, recoveries=recoveries,
                  receipts=[e for e in entries if e.direction == Direction.RECEIPT],
                  decisions=[DecisionLine(d, d.awardees, d.paid) for d in decisions],
                  other_spending=[e for e in entries if e.direction == Direction.SPENDING])


def balance_at_end(organisation, year):
    return ledger(organisation, year).closing


# --- writers ------------------------------------------------------------------------------------------------
def _require_keeper(user, organisation):
    if not keeps_fund(user, organisation):
        raise PermissionDenied("Chỉ Văn phòng (bộ phận thường trực) hoặc quản trị của cơ quan mới ghi sổ quỹ.")


def _fund_year(organisation, year):
    fund, _created = FundYear.objects.get_or_create(organisation=organisation, year=year)
    return fund


def save_entry(entry, organisation, *, by):
    """Ghi một khoản thu hoặc chi (new or corrected): the year is the voucher's date's; the category must be one
    of its direction's. Logged with who and when (auditlog)."""
    _require_keeper(by, organisation)
    if entry.category not in CATEGORIES_OF[entry.direction]:
        raise ValidationError({"category": "Nội dung không đúng với khoản thu / chi đã chọn."})
    with set_actor(by), transaction.atomic():
        entry.fund = _fund_year(organisation, entry.date.year)
        if entry.pk is None:
            entry.created_by = by
        entry.full_clean()
        entry.save()
    return entry


def delete_entry(entry, *, by):
    _require_keeper(by, entry.fund.organisation)
    with set_actor(by), transaction.atomic():
        entry.delete()


def set_opening_balance(organisation, year, amount, *, by):
    """Số dư đầu năm of the first year kept in the portal (None: carried from the previous year)."""
    _require_keeper(by, organisation)
    with set_actor(by), transaction.atomic():
        fund = _fund_year(organisation, year)
        fund.opening_balance = amount
        fund.save(update_fields=["opening_balance", "updated_at"])
    return fund


# --- the warning on the decision's signing page --------------------------------------------------------------
def overdraw_note(issuer, on, amount):
    """'' or the sentence the signing page shows when a decision paying `amount` on `on` would overdraw the
    body's fund of that year (only for a body that keeps its fund in the portal)."""
    if not amount or not kept_in_portal(issuer):
        return ""
    left = balance_at_end(issuer, on.year)
    if amount <= left:
        return ""
    return (f"Quỹ thi đua, khen thưởng năm {on.year} của {issuer.name} còn {tien(left)}; quyết định này chi "
            f"đến {tien(amount)}, quỹ sẽ thiếu {tien(amount - left)}. Vẫn có thể ký; hãy báo bộ phận tài chính.")


def register_signing_note():
    signing_notes.add_source(overdraw_note)
