"""Phát động tells the participating units (issue 17): one notification to each clerk of a unit taking part, with
the deadlines and a link; nobody else, nothing twice."""
import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase

from campaigns.models import CampaignParticipant
from campaigns.services.campaigns import offer_award, transition
from notifications.models import Notification
from orgs.enums import OrgKind, Role
from tests.factories.campaigns import award_form, draft_campaign
from tests.factories.orgs import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def clerk(unit, username):
    user = UserFactory(username=username, email=f"{username}@example.vn")
    MembershipFactory(user=user, organisation=unit, role=Role.CLERK)
    return user


def ready_campaign(cast):
    """A draft of the Sở: Phòng A with its sub-units, Phòng B alone (not its sub-units)."""
    campaign = draft_campaign(cast, title="Phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh")
    offer_award(campaign, award_form(), copies=2, by=cast.admin)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_b, include_subtree=False)
    return campaign


def launched_messages(campaign):
    return Notification.objects.filter(template="campaign-launched", url=campaign.get_absolute_url())


def test_launch_tells_each_clerk_of_the_participating_units_once_after_commit(cast, mailoutbox):
    campaign = ready_campaign(cast)
    under_a = clerk(OrganisationFactory(parent=cast.unit_a, name="Tổ Văn thư"), "vanthu_a")
    under_b = clerk(OrganisationFactory(parent=cast.unit_b, name="Tổ Lưu trữ"), "luutru_b")
    far = OrganisationFactory(code="T2-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Khác")
    elsewhere = clerk(far, "canbo_tinh_khac")
    with TestCase.captureOnCommitCallbacks(execute=True):
        transition(campaign, "launch", by=cast.admin)
    rows = launched_messages(campaign).order_by("recipient__username")
    assert [row.recipient for row in rows] == [cast.clerk_a, cast.clerk_b, under_a]
    assert not launched_messages(campaign).filter(
        recipient__in=[under_b, elsewhere, cast.outsider, cast.reviewer, cast.approver, cast.admin]).exists()
    row = rows[0]
    assert row.title == "Phát động phong trào: Phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh"
    assert "Hạn nộp hồ sơ đề nghị khen thưởng: 05/08/2025." in row.body
    assert "Hạn tổng kết: 05/08/2025." in row.body
    assert row.subject.startswith("[Cổng thi đua – khen thưởng] Sở Nội vụ tỉnh Thử phát động phong trào")
    assert [(message.to, message.subject) for message in mailoutbox] == [(["vanthu_a@example.vn"], rows[2].subject)]


def test_launch_is_not_repeated_and_reopening_tells_nobody(cast):
    campaign = ready_campaign(cast)
    transition(campaign, "launch", by=cast.admin)
    assert launched_messages(campaign).count() == 2
    with pytest.raises(ValidationError):
        transition(campaign, "launch", by=cast.admin)
    transition(transition(campaign, "close", by=cast.admin), "reopen", by=cast.admin)
    assert launched_messages(campaign).count() == 2


def test_a_launch_that_fails_tells_nobody(cast):
    campaign = draft_campaign(cast)  # no award form, no participant: the plan is not complete
    with pytest.raises(ValidationError):
        transition(campaign, "launch", by=cast.admin)
    assert not Notification.objects.filter(template="campaign-launched").exists()
