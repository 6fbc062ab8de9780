"""Kế hoạch: the campaign's plan printed from its configuration (docs/domain.md, Documents)."""
from core.letterhead import date_text, items, letterhead, lines, signed_by
from documents.registry import register

from .enums import CampaignStatus
from .models import Campaign


def campaigns_for(user):
    return Campaign.objects.for_user(user)


def plan_frozen(campaign):
    """A draft plan prints what it says now; a launched one changes only by a logged amendment, and each
    amendment is a new content (a new fingerprint), so the live content is always right: never frozen."""
    return False


def period_text(campaign):
    """"Từ ngày 15 tháng 7 năm 2024 đến ngày 31 tháng 7 năm 2025", or, for a plan that ends with an event,
    "Từ ngày 15 tháng 7 năm 2024 đến khi tổ chức thành công Đại hội …" (the plan's text, not the expected date)."""
    end = campaign.period_end_phrase or (f"đến {date_text(campaign.period_end)}" if campaign.period_end else "")
    return f"Từ {date_text(campaign.period_start)} {end}".strip()


def _no_plan(campaign):
    return ("Khen thưởng ngoài phong trào không có kế hoạch để in." if campaign.is_track else "")


@register("ke_hoach", label="Kế hoạch tổ chức phong trào", template="documents/ke_hoach.html",
          model="campaigns.Campaign", visible=campaigns_for, frozen=plan_frozen, refuse=_no_plan,
          filename=lambda c: f"Kế hoạch {c['doc']['number'] or c['title'][:60]}")
def ke_hoach(campaign, part=""):
    issuer = campaign.issuer
    awards = []
    for offer in campaign.awards.select_related("award_form", "quota_base").order_by("award_form__order", "pk"):
        awards.append({"award_form": str(offer.award_form), "copies": offer.copies_label,
                       "quota": offer.quota_label()})
    criteria = {}
    for criterion in campaign.criteria.order_by("subject_type", "order", "pk"):
        criteria.setdefault(criterion.get_subject_type_display(), []).extend(items(criterion.text))
    return {
        "doc": {**letterhead(issuer, number=campaign.plan_reference, on=campaign.plan_date,
                             symbol=issuer.document_symbol("KH")),
                "title": "Kế hoạch", "subject": campaign.title,
                "signature": signed_by(campaign, issuer),
                "recipients": ["Các phòng, đơn vị thuộc và trực thuộc;", "Lãnh đạo cơ quan;"], "archive": "VT, TĐKT"},
        "title": campaign.title, "campaign_cited": campaign.cited_name, "issuer": issuer.name,
        "draft": campaign.status == CampaignStatus.DRAFT,
        "theme": lines(campaign.theme),
        "basis": campaign.basis_lines(),
        "period": period_text(campaign),
        "purpose": items(campaign.purpose), "requirements": items(campaign.requirements),
        "targets": [{"text": t.text, "figure": t.figure} for t in campaign.targets.order_by("order", "pk")],
        "tasks": items(campaign.tasks_text), "criteria": [{"subject": k, "lines": v} for k, v in criteria.items()],
        "awards": awards, "awards_guidance": lines(campaign.awards_guidance),
        "components": [c.name for c in campaign.components.order_by("order", "pk")],
        "dossier_deadline": date_text(campaign.dossier_deadline) if campaign.dossier_deadline else "",
        "summary_deadline": date_text(campaign.summary_deadline) if campaign.summary_deadline else "",
        "implementation": lines(campaign.implementation),
    }
