"""The fund's documents (documents.registry): the bảng kê chi tiền thưởng of one decision, and the body's yearly
report of the fund (part = the year)."""
from django.db.models import Q

from core.letterhead import letterhead
from core.vntext import so_thanh_chu_tien
from documents.registry import register
from dossiers.documents import decisions_for
from dossiers.models import Decision
from orgs import scope
from orgs.models import Organisation

from .rules import READERS
from .services import ledger

SIGNERS = ["Người lập biểu", "Kế toán trưởng", "Thủ trưởng cơ quan"]


def bodies_for(user, roles=READERS):
    """The bodies the user works for with one of `roles` (None: any role): under those memberships, or served by
    their standing office. With READERS, the bodies whose fund the user reads."""
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(scope.covered_q(user, roles, "path") | Q(pk__in=scope.acting_for(user, roles)))


def _refuse_list(decision):
    if decision.kind != Decision.OWN:
        return ("Bảng kê chi chỉ lập cho quyết định của cơ quan; tiền thưởng theo quyết định của cấp trên không chi "
                "từ quỹ của cơ quan trên cổng.")
    if not decision.awards.live().filter(bonus_amount__gt=0).exists():
        return "Quyết định này không có khoản tiền thưởng nào."
    return ""


def _subject(award):
    if award.person_id:
        return award.person.full_name, award.person.organisation.name
    return award.organisation.name, ""


@register("bang_ke_chi", label="Bảng kê chi tiền thưởng", template="documents/bang_ke_chi.html",
          model="dossiers.Decision", visible=decisions_for, frozen=lambda d: False, refuse=_refuse_list,
          filename=lambda c: f"Bảng kê chi tiền thưởng Quyết định {c['reference']}")
def bang_ke_chi(decision, part=""):
    # not frozen: a revoked award (issue 18) leaves the list; the amounts themselves never change once signed
    awards = (decision.awards.live().filter(bonus_amount__gt=0)
              .select_related("person__organisation", "organisation", "award_form")
              .order_by("nomination__dossier__organisation__path", "nomination__order", "pk"))
    rows = []
    for award in awards:
        name, unit = _subject(award)
        rows.append({"name": name, "unit": unit, "award_form": str(award.award_form), "amount": award.bonus_amount})
    total = sum(row["amount"] for row in rows)
    issuer = decision.issuer
    return {
        # dated when the money is paid: the date line is left to be written by hand
        "doc": {**letterhead(issuer), "title": "Bảng kê chi tiền thưởng",
                "subject": f"Kèm theo Quyết định số {decision.reference} ngày {decision.date:%d/%m/%Y} "
                           f"của {issuer.name}"},
        "signers": SIGNERS, "reference": decision.reference, "rows": rows, "total": total,
        "total_words": so_thanh_chu_tien(total),
    }


def _years(organisation):
    from .models import FundYear

    return [str(year) for year in FundYear.objects.filter(organisation=organisation).values_list("year", flat=True)]


@register("bao_cao_quy", label="Báo cáo thu, chi Quỹ thi đua, khen thưởng", template="documents/bao_cao_quy.html",
          model="orgs.Organisation", visible=bodies_for, frozen=lambda o: False,
          filename=lambda c: f"Báo cáo Quỹ thi đua, khen thưởng năm {c['year']} {c['body']}",
          parts=_years)
def bao_cao_quy(organisation, part=""):
    book = ledger(organisation, int(part))
    entry = lambda e: {"date": f"{e.date:%d/%m/%Y}", "voucher": e.voucher,  # noqa: E731
                       "category": e.get_category_display(), "description": e.description, "amount": e.amount}
    return {
        "doc": {**letterhead(organisation), "title": "Báo cáo",
                "subject": f"Tình hình thu, chi Quỹ thi đua, khen thưởng năm {book.year}"},
        "signers": SIGNERS, "body": organisation.name, "year": book.year, "opening": book.opening,
        "receipts": [entry(e) for e in book.receipts],
        "receipts_by_category": [{"label": k, "amount": v} for k, v in book.by_category(book.receipts)],
        "decisions": [{"reference": line.decision.reference, "date": f"{line.decision.date:%d/%m/%Y}",
                       "title": line.decision.title, "awardees": line.awardees, "amount": line.total}
                      for line in book.decisions],
        "other": [entry(e) for e in book.other_spending],
        "other_by_category": [{"label": k, "amount": v} for k, v in book.by_category(book.other_spending)],
        "total_receipts": book.total_receipts, "total_decisions": book.total_decisions,
        "total_other": book.total_other, "total_spending": book.total_spending, "closing": book.closing,
    }
