from datetime import date

import pytest
from django.core.exceptions import ValidationError

from campaigns.enums import CampaignStatus
from campaigns.models import Campaign, CampaignAmendment, CampaignAward, Target
from campaigns.services import campaigns as service
from tests.factories.campaigns import award_form, draft_campaign, launched_campaign
from tests.factories.orgs import EmulationBlocFactory

pytestmark = pytest.mark.django_db


def test_plan_reference_has_leading_zero_below_ten(cast):
    assert draft_campaign(cast, plan_number=7, plan_symbol="KH-VP").plan_reference == "07/KH-VP"
    assert draft_campaign(cast, plan_number=173).plan_reference == "173/KH-SNV"


def test_new_campaign_gets_default_dossier_components(cast):
    campaign = draft_campaign(cast)
    assert list(campaign.components.values_list("kind", "per_nominee")) == [
        ("to_trinh", False), ("bien_ban", False), ("bao_cao", True)]


def test_dates_out_of_order_are_refused(cast):
    with pytest.raises(ValidationError) as error:
        draft_campaign(cast, period_start=date(2025, 7, 31), period_end=date(2024, 7, 15))
    assert error.value.message_dict["period_end"] == ["Ngày kết thúc phải sau ngày bắt đầu phong trào."]


def test_deadline_before_period_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        draft_campaign(cast, dossier_deadline=date(2024, 1, 1))
    assert error.value.message_dict["dossier_deadline"] == [
        "Hạn nộp hồ sơ không được trước ngày bắt đầu phong trào."]


def test_launch_requires_a_complete_plan(cast):
    campaign = draft_campaign(cast, dossier_deadline=None)
    with pytest.raises(ValidationError) as error:
        service.transition(campaign, "launch", by=cast.admin)
    assert error.value.messages == ["Chưa thể phát động: chưa có hạn nộp hồ sơ khen thưởng; chưa chọn hình thức "
                                    "khen thưởng nào; chưa có đơn vị tham gia."]
    assert Campaign.objects.get(pk=campaign.pk).status == CampaignStatus.DRAFT


def test_lifecycle_and_illegal_transition(cast):
    campaign = launched_campaign(cast)
    assert campaign.status == CampaignStatus.LAUNCHED and campaign.launched_at is not None
    with pytest.raises(ValidationError) as error:
        service.transition(campaign, "archive", by=cast.admin)
    assert error.value.messages == ["Không thể “lưu trữ” phong trào đang ở trạng thái “đã phát động”."]
    assert service.transition(campaign, "close", by=cast.admin).status == CampaignStatus.CLOSED
    assert service.transition(campaign, "archive", by=cast.admin).status == CampaignStatus.ARCHIVED


def test_award_form_for_subject_type_not_allowed_is_refused(cast):
    campaign = draft_campaign(cast, eligible_subject_types=["individual"])
    collective_only = award_form(code="ttldtt-test", name="Tập thể lao động tiên tiến", subject_types=["collective"],
                                 category="title")
    with pytest.raises(ValidationError) as error:
        service.offer_award(campaign, collective_only, copies=2, by=cast.admin)
    assert error.value.message_dict["award_form"] == [
        "“Tập thể lao động tiên tiến” chỉ tặng cho tập thể, không thuộc đối tượng được khen của phong trào."]


def test_negative_quota_is_refused(cast):
    campaign = draft_campaign(cast)
    with pytest.raises(ValidationError) as error:
        service.offer_award(campaign, award_form(), copies=2, quota_kind="fixed", quota_value=-1, by=cast.admin)
    assert error.value.message_dict["quota_value"] == ["Chỉ tiêu không được âm."]


def test_quota_rules(cast):
    campaign = draft_campaign(cast)
    ldtt = award_form(code="ldtt-test", name="Lao động tiên tiến", subject_types=["individual"], category="title")
    cstd = award_form(code="cstd-test", name="Chiến sĩ thi đua cơ sở", subject_types=["individual"],
                      category="title")
    fixed = service.offer_award(campaign, award_form(), copies=2, quota_kind="fixed", quota_value=3, by=cast.admin)
    ratio = service.offer_award(campaign, cstd, copies=2, quota_kind="ratio_of_form", quota_value=15,
                                quota_base=ldtt, by=cast.admin)
    per_head = service.offer_award(campaign, ldtt, copies=1, quota_kind="percent_headcount", quota_value=20,
                                   by=cast.admin)
    assert fixed.quota_for(cast.unit_a) == 3
    assert ratio.quota_for(cast.unit_a, base_count=20) == 3
    assert per_head.quota_for(cast.unit_a, headcount=12) == 2
    fixed.quota_overrides.create(organisation=cast.unit_a, max_count=5)
    assert fixed.quota_for(cast.unit_a) == 5
    assert ratio.quota_label() == "Tối đa 15% số được đề nghị Lao động tiên tiến"


def test_participation_by_subtree_list_and_bloc(cast):
    campaign = draft_campaign(cast)
    campaign.participants.create(organisation=cast.body, include_subtree=False)
    assert campaign.is_participant(cast.body) and not campaign.is_participant(cast.unit_a)
    bloc = EmulationBlocFactory(organiser=cast.province)
    bloc.members.add(cast.other)
    campaign.participant_blocs.add(bloc)
    assert campaign.is_participant(cast.other)
    assert set(campaign.participating_units()) == {cast.body, cast.other}


def test_clerk_sees_launched_campaign_of_participating_unit_only(cast):
    launched = launched_campaign(cast, participants=[cast.unit_a])
    draft = draft_campaign(cast)
    draft.participants.create(organisation=cast.unit_a)
    assert list(Campaign.objects.for_user(cast.clerk_a)) == [launched]
    assert list(Campaign.objects.for_user(cast.clerk_b)) == []
    assert set(Campaign.objects.for_user(cast.reviewer)) == {launched, draft}
    assert list(Campaign.objects.for_user(cast.outsider)) == []


def test_amending_a_launched_campaign_needs_a_reason_and_is_logged(cast):
    campaign = launched_campaign(cast)
    campaign.dossier_deadline = date(2025, 8, 15)
    with pytest.raises(service.AmendmentReasonRequired):
        service.update_campaign(campaign, by=cast.admin, reason="")
    service.update_campaign(campaign, by=cast.admin, reason="Bộ Nội vụ lùi hạn tổng kết")
    amendment = CampaignAmendment.objects.get(campaign=campaign)
    assert amendment.reason == "Bộ Nội vụ lùi hạn tổng kết"
    assert amendment.changes == {"dossier_deadline": ["05/08/2025", "15/08/2025"]}


def test_copy_campaign_moves_dates_and_copies_sections(cast):
    campaign = launched_campaign(cast)
    Target.objects.create(campaign=campaign, text="20% hoàn thành xuất sắc", value=20, unit="%")
    copy = service.copy_campaign(campaign, by=cast.admin, years=1, title="Phong trào năm sau")
    assert (copy.status, copy.title, copy.period_start, copy.dossier_deadline, copy.plan_number) == (
        CampaignStatus.DRAFT, "Phong trào năm sau", date(2025, 7, 15), date(2026, 8, 5), None)
    assert list(copy.targets.values_list("text", flat=True)) == ["20% hoàn thành xuất sắc"]
    assert CampaignAward.objects.filter(campaign=copy).count() == 1
    assert copy.participants.count() == 1 and copy.components.count() == 3
