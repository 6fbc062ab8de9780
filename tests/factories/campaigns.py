from datetime import date

from awards.models import AwardForm, LegalBasisProfile
from campaigns.models import Campaign, CampaignParticipant
from campaigns.services.campaigns import create_campaign, offer_award, transition
from notifications.models import Notification


def award_form(code="giay-khen-test", name="Giấy khen (thử)", subject_types=("individual", "collective"),
               authority=10, category="commendation"):
    form, _ = AwardForm.objects.get_or_create(code=code, defaults={
        "name": name, "subject_types": list(subject_types), "authority": authority, "category": category})
    return form


def legal_profile():
    profile, _ = LegalBasisProfile.objects.get_or_create(code="nd-test", defaults={
        "name": "Nghị định thử", "valid_from": date(2024, 1, 1),
        "basis_lines": "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"})
    return profile


def draft_campaign(cast, **fields):
    values = {"issuer": cast.body, "title": "Đợt thi đua đặc biệt chào mừng 80 năm ngành Nội vụ",
              "kind": "special", "plan_number": 173, "plan_symbol": "KH-SNV", "plan_date": date(2024, 7, 10),
              "period_start": date(2024, 7, 15), "period_end": date(2025, 7, 31),
              "summary_deadline": date(2025, 8, 5), "dossier_deadline": date(2025, 8, 5),
              "eligible_subject_types": ["individual", "collective"], "legal_profile": legal_profile(), **fields}
    return create_campaign(Campaign(**values), by=cast.admin)


def launched_campaign(cast, participants=None, **fields):
    campaign = draft_campaign(cast, **fields)
    offer_award(campaign, award_form(), copies=2, by=cast.admin)
    for unit in participants if participants is not None else [cast.unit_a]:
        CampaignParticipant.objects.create(campaign=campaign, organisation=unit, include_subtree=True)
    campaign = transition(campaign, "launch", by=cast.admin)
    # the launch told the units' clerks (tests/campaigns/test_launch_notice.py); a test counts only its own messages
    Notification.objects.filter(template="campaign-launched").delete()
    return campaign
