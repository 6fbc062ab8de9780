"""Registration (đăng ký thi đua): the unit registers, the issuer's office returns or accepts."""
import threading
from datetime import date
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from awards.models import AwardForm, LegalBasisProfile
from campaigns.models import Campaign, CampaignParticipant, Registration, RegistrationEntry
from campaigns.services import registrations as service
from campaigns.services.campaigns import create_campaign, offer_award, transition
from tests.factories.orgs import MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(cast):
    """A launched campaign of the Sở: unit A (with its subtree) takes part, unit B does not."""
    profile = LegalBasisProfile.objects.create(
        code="nd-thu-dang-ky", name="Nghị định thử", valid_from=date(2024, 1, 1),
        basis_lines="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
    draft = create_campaign(Campaign(
        issuer=cast.body, kind="special", title="Đợt thi đua đặc biệt chào mừng 80 năm ngành Nội vụ",
        plan_number=173, plan_symbol="KH-SNV", plan_date=date(2024, 7, 10),
        period_start=date(2024, 7, 15), period_end=date(2025, 7, 31), dossier_deadline=date(2025, 8, 5),
        eligible_subject_types=["individual", "collective"], legal_profile=profile), by=cast.admin)
    giay_khen = AwardForm.objects.create(
        code="giay-khen-thu", name="Giấy khen của Giám đốc Sở (thử)", short_name="Giấy khen (thử)",
        category="commendation", subject_types=["individual", "collective"], authority=10)
    offer_award(draft, giay_khen, copies=2, by=cast.admin)
    CampaignParticipant.objects.create(campaign=draft, organisation=cast.unit_a, include_subtree=True)
    campaign = transition(draft, "launch", by=cast.admin)
    return SimpleNamespace(campaign=campaign, giay_khen=giay_khen, edit=f"/phong-trao/{campaign.pk}/dang-ky/",
                           consolidated=f"/phong-trao/{campaign.pk}/dang-ky/tong-hop/")


def entries_data(rows, *, initial=0, note=""):
    data = {"entries-TOTAL_FORMS": str(len(rows)), "entries-INITIAL_FORMS": str(initial),
            "entries-MIN_NUM_FORMS": "0", "entries-MAX_NUM_FORMS": "1000", "reg-note": note}
    for index, row in enumerate(rows):
        data.update({f"entries-{index}-{key}": value for key, value in row.items()})
    return data


def person_row(person, award_form, note="Hoàn thành xuất sắc nhiệm vụ năm 2025"):
    return {"subject_type": "individual", "person": person.pk, "organisation": "", "award_form": award_form.pk,
            "target_note": note}


def register(client, setup, person, award_form=None):
    response = client.post(setup.edit, entries_data([person_row(person, award_form or setup.giay_khen)]))
    assert response.status_code == 302
    return Registration.objects.get(campaign=setup.campaign)


def submitted(cast, setup, client_for):
    registration = register(client_for(cast.clerk_a), setup, cast.person_a)
    return service.submit_registration(registration, by=cast.clerk_a)


def snapshot(registration):
    registration.refresh_from_db()
    return (registration.status, registration.submitted_at, registration.returned_at, registration.return_reason,
            registration.entries.count())


# --- the unit's page ------------------------------------------------------------------------------
def test_clerk_registers_person_for_giay_khen_and_submits(cast, setup, client_for):
    client = client_for(cast.clerk_a)
    page = client.get(setup.edit)
    assert page.status_code == 200
    assert "Chưa đăng ký" in page.content.decode()

    registration = register(client, setup, cast.person_a)
    assert (registration.organisation, registration.status) == (cast.unit_a, "draft")
    assert list(registration.entries.values_list("person", "award_form", "target_note")) == [
        (cast.person_a.pk, setup.giay_khen.pk, "Hoàn thành xuất sắc nhiệm vụ năm 2025")]

    response = client.post(f"/dang-ky/{registration.pk}/gui/", follow=True)
    registration.refresh_from_db()
    html = response.content.decode()
    assert registration.status == "submitted"
    assert registration.submitted_at is not None
    assert "Đã gửi đăng ký thi đua của Phòng Tổ chức cán bộ" in html
    assert "entries-TOTAL_FORMS" not in html  # read-only once sent
    assert "Nguyễn Thị Hương" in html


def test_save_is_refused_once_submitted(cast, setup, client_for):
    registration = submitted(cast, setup, client_for)
    before = snapshot(registration)
    response = client_for(cast.clerk_a).post(setup.edit, entries_data([person_row(cast.person_a, setup.giay_khen)]))
    assert response.status_code == 302
    assert snapshot(registration) == before
    with pytest.raises(ValidationError) as error:
        service.save_entries(registration, None, "", by=cast.clerk_a)
    assert error.value.messages == ["Không thể sửa đăng ký đang ở trạng thái “đã gửi”."]


def test_person_of_another_unit_is_refused_in_vietnamese(cast, setup, client_for):
    response = client_for(cast.clerk_a).post(setup.edit, entries_data([person_row(cast.person_b, setup.giay_khen)]))
    assert response.status_code == 400
    assert "Cá nhân này không thuộc đơn vị đăng ký (hoặc đã thôi công tác)." in response.content.decode()
    assert Registration.objects.count() == 0


def test_award_form_for_wrong_subject_is_refused(cast, setup, client_for):
    individual_only = AwardForm.objects.get(code="ldtt")  # Lao động tiên tiến: a title for individuals
    row = {"subject_type": "collective", "person": "", "organisation": cast.unit_a.pk,
           "award_form": individual_only.pk, "target_note": ""}
    response = client_for(cast.clerk_a).post(setup.edit, entries_data([row]))
    assert response.status_code == 400
    assert "“Lao động tiên tiến” không tặng cho tập thể." in response.content.decode()


def test_unit_registers_itself_for_a_catalogue_title(cast, setup, client_for):
    title = AwardForm.objects.get(code="ttldtt")  # Tập thể lao động tiên tiến
    row = {"subject_type": "collective", "person": "", "organisation": cast.unit_a.pk, "award_form": title.pk,
           "target_note": "100% công chức hoàn thành tốt nhiệm vụ"}
    assert client_for(cast.clerk_a).post(setup.edit, entries_data([row], note="Đăng ký đợt 1")).status_code == 302
    registration = Registration.objects.get()
    assert registration.note == "Đăng ký đợt 1"
    assert list(registration.entries.values_list("subject_type", "organisation", "person", "award_form")) == [
        ("collective", cast.unit_a.pk, None, title.pk)]


def test_submit_without_entries_is_refused(cast, setup):
    registration = service.start_registration(setup.campaign, cast.unit_a, by=cast.clerk_a)
    with pytest.raises(ValidationError) as error:
        service.submit_registration(registration, by=cast.clerk_a)
    assert error.value.messages == ["Chưa có nội dung đăng ký nào: thêm ít nhất một cá nhân hoặc tập thể trước "
                                    "khi gửi."]
    assert snapshot(registration)[0] == "draft"


def test_submit_after_campaign_closed_is_refused(cast, setup, client_for):
    registration = register(client_for(cast.clerk_a), setup, cast.person_a)
    transition(setup.campaign, "close", by=cast.admin)
    with pytest.raises(ValidationError) as error:
        service.submit_registration(registration, by=cast.clerk_a)
    assert error.value.messages == ["Phong trào đang ở trạng thái “đã kết thúc”: không thể gửi đăng ký."]


def test_non_participating_clerk_gets_404(cast, setup, client_for):
    client = client_for(cast.clerk_b)
    assert client.get(setup.edit).status_code == 404
    assert client.post(setup.edit, entries_data([person_row(cast.person_b, setup.giay_khen)])).status_code == 404
    assert client.get(setup.consolidated).status_code == 404
    assert Registration.objects.count() == 0


def test_office_without_clerk_role_gets_403_on_the_unit_page(cast, setup, client_for):
    assert client_for(cast.reviewer).get(setup.edit).status_code == 403
    assert client_for(cast.admin).get(setup.edit).status_code == 403


def test_clerk_of_several_units_chooses_among_participating_ones(cast, setup, client_for):
    second = OrganisationFactory(parent=cast.body, name="Phòng Cải cách hành chính")
    CampaignParticipant.objects.create(campaign=setup.campaign, organisation=second, include_subtree=False)
    MembershipFactory(user=cast.clerk_a, organisation=second, role="clerk")
    MembershipFactory(user=cast.clerk_a, organisation=cast.unit_b, role="clerk")  # not participating
    client = client_for(cast.clerk_a)
    page = client.get(setup.edit)
    assert [unit.pk for unit in page.context["units"]] == [cast.unit_a.pk, second.pk]
    assert client.get(f"{setup.edit}?don-vi={second.pk}").context["unit"] == second
    assert client.get(f"{setup.edit}?don-vi={cast.unit_b.pk}").status_code == 404
    person = PersonFactory(organisation=second)
    response = client.post(f"{setup.edit}?don-vi={second.pk}", entries_data([person_row(person, setup.giay_khen)]))
    assert response["Location"] == f"{setup.edit}?don-vi={second.pk}"
    assert Registration.objects.get().organisation == second


# --- the reviewer ---------------------------------------------------------------------------------
def test_reviewer_sees_consolidated_list_with_unit_a_sent(cast, setup, client_for):
    submitted(cast, setup, client_for)
    response = client_for(cast.reviewer).get(setup.consolidated)
    assert response.status_code == 200
    assert response.context["columns"] == [setup.giay_khen]
    rows = [(row["unit"], row["status_label"], row["cells"], row["total"]) for row in response.context["rows"]]
    assert rows == [(cast.unit_a, "Đã gửi", [1], 1)]
    assert (response.context["column_totals"], response.context["grand_total"]) == ([1], 1)
    assert "Đã gửi" in response.content.decode()


def test_consolidated_list_shows_unregistered_units_and_filters(cast, setup, client_for):
    sub_unit = OrganisationFactory(parent=cast.unit_a, name="Tổ Công chức")  # inside the participating subtree
    submitted(cast, setup, client_for)
    client = client_for(cast.reviewer)
    rows = client.get(setup.consolidated).context["rows"]
    assert [(row["unit"], row["status_label"]) for row in rows] == [(cast.unit_a, "Đã gửi"),
                                                                     (sub_unit, "Chưa đăng ký")]
    not_registered = client.get(f"{setup.consolidated}?trang-thai=chua-dang-ky").context
    assert [row["unit"] for row in not_registered["rows"]] == [sub_unit]
    assert not_registered["grand_total"] == 0
    sent = client.get(f"{setup.consolidated}?trang-thai=submitted").context
    assert ([row["unit"] for row in sent["rows"]], sent["grand_total"]) == ([cast.unit_a], 1)


def test_drafts_show_their_status_but_not_their_content(cast, setup, client_for):
    registration = register(client_for(cast.clerk_a), setup, cast.person_a)
    client = client_for(cast.reviewer)
    response = client.get(setup.consolidated)
    assert [(row["status_label"], row["total"], row["registration_id"]) for row in response.context["rows"]] == [
        ("Đang soạn", 0, None)]
    assert client.get(f"/dang-ky/{registration.pk}/").status_code == 404
    assert client_for(cast.clerk_a).get(f"/dang-ky/{registration.pk}/").status_code == 200


def test_clerk_may_not_open_the_consolidated_list(cast, setup, client_for):
    assert client_for(cast.clerk_a).get(setup.consolidated).status_code == 403


def test_reviewer_returns_with_reason_shown_to_clerk(cast, setup, client_for):
    registration = submitted(cast, setup, client_for)
    response = client_for(cast.reviewer).post(f"/dang-ky/{registration.pk}/tra-lai/",
                                              {"reason": "Bổ sung mục tiêu cụ thể cho từng cá nhân."})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.status, registration.return_reason) == ("returned", "Bổ sung mục tiêu cụ thể cho từng "
                                                                             "cá nhân.")
    assert registration.returned_at is not None
    page = client_for(cast.clerk_a).get(setup.edit).content.decode()
    assert "Bổ sung mục tiêu cụ thể cho từng cá nhân." in page
    assert "Bị trả lại để sửa" in page
    assert "entries-TOTAL_FORMS" in page  # editable again


def test_return_without_reason_is_refused_and_changes_nothing(cast, setup, client_for):
    registration = submitted(cast, setup, client_for)
    before = snapshot(registration)
    response = client_for(cast.reviewer).post(f"/dang-ky/{registration.pk}/tra-lai/", {"reason": "   "})
    assert response.status_code == 400
    assert "Phải ghi lý do trả lại." in response.content.decode()
    assert snapshot(registration) == before
    with pytest.raises(ValidationError) as error:
        service.return_registration(registration, "", by=cast.reviewer)
    assert error.value.messages == ["Phải ghi lý do trả lại."]
    assert snapshot(registration) == before


def test_resubmit_after_return_then_accept(cast, setup, client_for):
    registration = submitted(cast, setup, client_for)
    service.return_registration(registration, "Thiếu mục tiêu.", by=cast.reviewer)
    clerk = client_for(cast.clerk_a)
    entry = registration.entries.get()
    data = entries_data([{"id": entry.pk, **person_row(cast.person_a, setup.giay_khen, note="Đạt 100% chỉ tiêu")}],
                        initial=1)
    assert clerk.post(setup.edit, data).status_code == 302
    assert clerk.post(f"/dang-ky/{registration.pk}/gui/").status_code == 302
    registration.refresh_from_db()
    assert (registration.status, registration.entries.get().target_note) == ("submitted", "Đạt 100% chỉ tiêu")

    response = client_for(cast.reviewer).post(f"/dang-ky/{registration.pk}/tiep-nhan/", follow=True)
    registration.refresh_from_db()
    assert registration.status == "accepted"
    assert "Đã tiếp nhận đăng ký của Phòng Tổ chức cán bộ." in response.content.decode()
    assert "entries-TOTAL_FORMS" not in client_for(cast.clerk_a).get(setup.edit).content.decode()


def test_accepting_a_draft_is_an_illegal_transition(cast, setup, client_for):
    registration = register(client_for(cast.clerk_a), setup, cast.person_a)
    with pytest.raises(ValidationError) as error:
        service.accept_registration(registration, by=cast.reviewer)
    assert error.value.messages == ["Không thể tiếp nhận đăng ký đang ở trạng thái “đang soạn”."]
    with pytest.raises(ValidationError):
        service.return_registration(registration, "Lý do", by=cast.admin)  # admins too
    assert snapshot(registration)[0] == "draft"


def test_accepting_twice_is_refused_through_the_page(cast, setup, client_for):
    registration = submitted(cast, setup, client_for)
    client = client_for(cast.reviewer)
    client.post(f"/dang-ky/{registration.pk}/tiep-nhan/")
    before = snapshot(registration)
    response = client.post(f"/dang-ky/{registration.pk}/tiep-nhan/", follow=True)
    assert "Không thể tiếp nhận đăng ký đang ở trạng thái “đã tiếp nhận”." in response.content.decode()
    response = client.post(f"/dang-ky/{registration.pk}/tra-lai/", {"reason": "Muộn"}, follow=True)
    assert "Không thể trả lại đăng ký đang ở trạng thái “đã tiếp nhận”." in response.content.decode()
    assert snapshot(registration) == before


def test_double_submit_is_refused_cleanly(cast, setup, client_for):
    registration = register(client_for(cast.clerk_a), setup, cast.person_a)
    first_click, second_click = (Registration.objects.get(pk=registration.pk) for _ in range(2))  # both saw a draft
    service.submit_registration(first_click, by=cast.clerk_a)
    before = snapshot(registration)
    with pytest.raises(ValidationError) as error:
        service.submit_registration(second_click, by=cast.clerk_a)
    assert error.value.messages == ["Không thể gửi đăng ký đang ở trạng thái “đã gửi”."]
    response = client_for(cast.clerk_a).post(f"/dang-ky/{registration.pk}/gui/", follow=True)
    assert "Không thể gửi đăng ký đang ở trạng thái “đã gửi”." in response.content.decode()
    assert snapshot(registration) == before


@pytest.mark.django_db(transaction=True)
def test_concurrent_double_submit_applies_once(cast, setup, client_for):
    """Two clicks in two transactions at once: the row lock makes the second wait and then refuse."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks (select_for_update is a no-op there)")
    registration = register(client_for(cast.clerk_a), setup, cast.person_a)
    barrier, outcomes = threading.Barrier(2), []

    def click():
        try:
            stale = Registration.objects.get(pk=registration.pk)  # both read the draft
            barrier.wait(timeout=10)
            service.submit_registration(stale, by=cast.clerk_a)
            outcomes.append("đã gửi")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["Không thể gửi đăng ký đang ở trạng thái “đã gửi”.", "đã gửi"]
    assert snapshot(registration)[0] == "submitted"


def test_wrong_actors_are_refused_and_nothing_changes(cast, setup, client_for):
    registration = submitted(cast, setup, client_for)
    before = snapshot(registration)
    assert client_for(cast.clerk_a).post(f"/dang-ky/{registration.pk}/tra-lai/", {"reason": "x"}).status_code == 403
    assert client_for(cast.clerk_a).post(f"/dang-ky/{registration.pk}/tiep-nhan/").status_code == 403
    assert client_for(cast.reviewer).post(f"/dang-ky/{registration.pk}/gui/").status_code == 403
    assert client_for(cast.clerk_b).post(f"/dang-ky/{registration.pk}/tiep-nhan/").status_code == 404
    assert client_for(cast.outsider).get(f"/dang-ky/{registration.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        service.accept_registration(registration, by=cast.clerk_a)
    with pytest.raises(PermissionDenied):
        service.submit_registration(registration, by=cast.reviewer)
    assert snapshot(registration) == before


def test_state_changing_views_are_post_only(cast, setup, client_for):
    registration = submitted(cast, setup, client_for)
    assert client_for(cast.reviewer).get(f"/dang-ky/{registration.pk}/tra-lai/").status_code == 405
    assert client_for(cast.reviewer).get(f"/dang-ky/{registration.pk}/tiep-nhan/").status_code == 405
    service.return_registration(registration, "Sửa lại", by=cast.reviewer)
    assert client_for(cast.clerk_a).get(f"/dang-ky/{registration.pk}/gui/").status_code == 405


# --- query counts ---------------------------------------------------------------------------------
def add_registered_units(cast, setup, n):
    forms = [setup.giay_khen, AwardForm.objects.get(code="ldtt"), AwardForm.objects.get(code="cstd-co-so")]
    for i in range(n):
        unit = OrganisationFactory(parent=cast.unit_a, name=f"Tổ công tác số {i}")
        registration = Registration.objects.create(campaign=setup.campaign, organisation=unit,
                                                   status="submitted")
        for award_form in forms:
            for _ in range(2):
                RegistrationEntry.objects.create(registration=registration, subject_type="individual",
                                                 person=PersonFactory(organisation=unit), award_form=award_form)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("query", ["", "?trang-thai=submitted", "?trang-thai=chua-dang-ky"])
def test_consolidated_list_query_count_is_constant(cast, setup, client_for, query):
    client = client_for(cast.reviewer)
    add_registered_units(cast, setup, 1)
    small = count_queries(client, setup.consolidated + query)
    add_registered_units(cast, setup, 25)
    assert count_queries(client, setup.consolidated + query) == small
    assert len(client.get(setup.consolidated).context["rows"]) == 27  # unit A and its 26 sub-units
