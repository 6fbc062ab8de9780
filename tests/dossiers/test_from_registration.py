"""Registration leads to nomination (issue 15): "Lập hồ sơ từ đăng ký" starts the dossier from the unit's
accepted registration; having registered is an eligibility rule of each province ("registered")."""
import pytest
from django.urls import reverse

from campaigns.enums import RegistrationStatus
from campaigns.models import Registration, RegistrationEntry
from campaigns.services.campaigns import offer_award
from dossiers.models import Dossier
from dossiers.services import building
from dossiers.services.eligibility import evaluate
from dossiers.services.rule_settings import BLOCK, save_campaign_rules
from tests.factories.campaigns import award_form, launched_campaign
from tests.factories.orgs import PersonFactory


@pytest.fixture
def plan(cast):
    """A campaign offering Chiến sĩ thi đua cơ sở (a danh hiệu); unit A's registration, accepted: two people for
    it (one of whom has since left) and Giấy khen for a third."""
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    cstd = award_form(code="cstd-co-so-dk", name="Chiến sĩ thi đua cơ sở", subject_types=("individual",),
                      category="title")
    offer = offer_award(campaign, cstd, copies=1, by=cast.admin)
    gone = PersonFactory(full_name="Võ Thị Đã Chuyển", organisation=cast.unit_a)
    third = PersonFactory(full_name="Trần Văn Giấy Khen", organisation=cast.unit_a)
    registration = Registration.objects.create(campaign=campaign, organisation=cast.unit_a,
                                               status=RegistrationStatus.ACCEPTED)
    for person, form in ((cast.person_a, cstd), (gone, cstd), (third, campaign.awards.first().award_form)):
        RegistrationEntry.objects.create(registration=registration, subject_type="individual", person=person,
                                         award_form=form, target_note="Hoàn thành xuất sắc nhiệm vụ")
    gone.is_active = False
    gone.save()
    return campaign, offer


def test_the_clerk_starts_the_dossier_from_the_registration(cast, client_for, plan):
    campaign, offer = plan
    client = client_for(cast.clerk_a)
    page = client.get(reverse("dossiers:dossier_create"), {"phong-trao": campaign.pk}).content.decode()
    assert "Lập hồ sơ từ đăng ký" in page
    response = client.post(reverse("dossiers:dossier_create") + f"?phong-trao={campaign.pk}",
                           {"unit": cast.unit_a.pk, "offer": offer.pk, "from_registration": "on"}, follow=True)
    dossier = Dossier.objects.get(offer=offer)
    assert [n.person for n in dossier.nominations.order_by("order")] == [cast.person_a]
    text = response.content.decode()
    assert "Đã đưa vào hồ sơ 1 người, tập thể theo đăng ký thi đua" in text
    assert "Không đưa Võ Thị Đã Chuyển vào hồ sơ: Võ Thị Đã Chuyển không phải cán bộ đang công tác tại đơn vị." in text
    added, skipped = building.add_registered(dossier, by=cast.clerk_a)  # again: nobody twice
    assert added == [] and len(skipped) == 1


def test_without_the_box_the_dossier_starts_empty(cast, client_for, plan):
    campaign, offer = plan
    client_for(cast.clerk_a).post(reverse("dossiers:dossier_create"), {"unit": cast.unit_a.pk, "offer": offer.pk})
    assert not Dossier.objects.get(offer=offer).nominations.exists()


def test_the_registered_rule_reads_the_registration_and_the_clerks_reason(cast, client_for, plan):
    campaign, offer = plan
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    building.add_registered(dossier, by=cast.clerk_a)
    newcomer = PersonFactory(full_name="Lê Thị Mới Đến", organisation=cast.unit_a)
    response = client_for(cast.clerk_a).post(reverse("dossiers:nominee_add", args=[dossier.pk]), {
        "subject_type": "individual", "person": newcomer.pk, "organisation": "",
        "unregistered_reason": "Chuyển đến đơn vị tháng 3, đạt thành tích xuất sắc trong năm"})
    assert response.status_code == 302
    checks = {n.person.full_name: {c.code: c for c in found}
              for n in dossier.nominations.all() for nid, found in evaluate(dossier).items() if nid == n.pk}
    registered = checks["Nguyễn Thị Hương"]["registered"]
    assert (registered.passed, registered.message) == (True, "Có trong đăng ký thi đua đã được tiếp nhận.")
    outside = checks["Lê Thị Mới Đến"]["registered"]
    assert (outside.passed, outside.blocking) == (False, False)  # the national default: a warning
    assert outside.message == ("Không có trong đăng ký thi đua đã được tiếp nhận của phong trào. Lý do đề nghị "
                               "ngoài đăng ký: Chuyển đến đơn vị tháng 3, đạt thành tích xuất sắc trong năm")
    save_campaign_rules(campaign, {"registered": (BLOCK, "Kế hoạch: chỉ xét người đã đăng ký")}, by=cast.admin)
    outside = {c.code: c for c in evaluate(dossier)[dossier.nominations.get(person=newcomer).pk]}["registered"]
    assert outside.blocking is True


def test_the_registered_rule_does_not_apply_to_a_hinh_thuc(cast):
    from tests.factories.dossiers import ready_dossier

    dossier = ready_dossier(cast)  # Giấy khen: a hình thức khen thưởng
    check = {c.code: c for c in evaluate(dossier)[dossier.nominations.get().pk]}["registered"]
    assert (check.passed, check.message) == (True, "Không áp dụng: hình thức khen thưởng không cần đăng ký thi đua.")


def test_the_registered_rule_does_not_apply_without_registrations_or_to_a_household(cast, plan):
    """A campaign whose registrations are kept elsewhere (none accepted on the portal) is not flagged."""
    campaign, offer = plan
    Registration.objects.filter(campaign=campaign).update(status=RegistrationStatus.SUBMITTED)
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    newcomer = PersonFactory(full_name="Lê Văn Chưa Đăng Ký", organisation=cast.unit_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=newcomer, by=cast.clerk_a)
    check = {c.code: c for c in evaluate(dossier)[nomination.pk]}["registered"]
    assert (check.passed, check.message) == (
        True, "Không áp dụng: phong trào chưa có đăng ký thi đua nào được tiếp nhận trên cổng.")


def test_the_registration_is_added_with_one_check_of_the_verdicts(cast, plan, monkeypatch):
    from dossiers.services import checks

    campaign, offer = plan
    registration = Registration.objects.get(campaign=campaign)
    for number in range(5):
        RegistrationEntry.objects.create(registration=registration, subject_type="individual",
                                         person=PersonFactory(full_name=f"Người Đăng Ký {number}",
                                                              organisation=cast.unit_a),
                                         award_form=offer.award_form)
    calls = []
    real = checks.store_around
    monkeypatch.setattr(checks, "store_around", lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    added, _skipped = building.add_registered(dossier, by=cast.clerk_a)
    assert len(added) == 6 and len(calls) == 1
