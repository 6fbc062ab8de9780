"""Công bố và tra cứu (issue 19): what the public pages show, what they never show, and to whom.

The story of tests/documents/conftest.py: Quyết định số 05/QĐ-SNV of 20/8/2025 gives Giấy khen (thử) to Nguyễn Thị
Hương (born 12/03/1985, bonus 1.170.000 đồng) and her Phòng Tổ chức cán bộ (2.340.000 đồng), after the unit's
meeting voted 8/1 and 9/0 and the office accepted with a reason. Every public page shows the names, units, forms
and the decision, and none of the rest.
"""
from datetime import date

import pytest
from django.urls import reverse

from dossiers.models import AnnualRating, Award, Decision, Nomination
from orgs.enums import OrgKind, Role
from publication import services
from publication.models import PublicationSetting
from tests.factories.campaigns import award_form
from tests.factories.orgs import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory

from .helpers import quick_decision

pytestmark = pytest.mark.django_db

# what the register and the dossier hold about the awardees, set below: none of it may reach a public page
PRIVATE = {
    "date of birth": ["12/03/1985", "1985-03-12", "12/3/1985"],
    "contact / identity": ["0912345678", "huong.bimat@example.vn", "079185000123"],
    "hometown": ["Hải Lăng"],
    "bonus": ["1.170.000", "1170000", "2.340.000", "2340000", "tiền thưởng"],
    "ratings": ["Hoàn thành xuất sắc", "15/QĐ-SNV", "99/QĐ-XL", "xếp loại"],
    "votes": ["phiếu", "Trần Văn Cường", "Thảo luận thành tích"],
    "reasons": ["LÝ DO KHÔNG CÔNG BỐ", "GHI CHÚ KHÔNG CÔNG BỐ", "Đã xem xét", "THÀNH TÍCH KHÔNG CÔNG BỐ",
                "Tập thể dẫn đầu khối thi đua", "12 văn bản đúng hạn"],
}


@pytest.fixture
def secrets(cast, decision):
    """Everything private the register can hold about the two awardees, filled in."""
    person = cast.person_a
    person.phone, person.email, person.qualification = "0912345678", "huong.bimat@example.vn", "079185000123"
    person.hometown = "Xã Hải Lăng, tỉnh Quảng Trị"
    person.save()
    AnnualRating.objects.update_or_create(person=person, year=2023, defaults={
        "rating": "xuat_sac", "decision_number": "99/QĐ-XL", "decision_date": date(2024, 1, 5)})
    Nomination.objects.update(outcome_reason="LÝ DO KHÔNG CÔNG BỐ", review_note="GHI CHÚ KHÔNG CÔNG BỐ")
    Award.objects.update(achievement="THÀNH TÍCH KHÔNG CÔNG BỐ")
    assert sorted(Award.objects.values_list("bonus_amount", flat=True)) == [1_170_000, 2_340_000]
    return decision


def public_pages(decision):
    """Every public page, each on the story's decision and awardees."""
    return [reverse("publication:decision_list"), reverse("publication:decision_list") + "?q=huong",
            reverse("publication:decision_detail", args=[decision.pk]),
            reverse("publication:lookup") + "?ten=nguyen+thi+huong",
            reverse("publication:lookup") + "?don_vi=to+chuc+can+bo",
            reverse("publication:lookup_print") + "?ten=nguyen+thi+huong",
            reverse("publication:lookup_print") + "?don_vi=to+chuc+can+bo",
            reverse("campaigns:public_detail", args=[decision.campaign_id]),
            *(reverse("dossiers:verify_award", args=[a.verification_code]) for a in decision.awards.all())]


def test_public_pages_show_the_awardees_and_never_their_private_data(client, secrets, cast):
    for url in public_pages(secrets):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        leaked = [(kind, value) for kind, values in PRIVATE.items() for value in values if value in page]
        assert not leaked, f"{url} shows {leaked}"
        assert "05/QĐ-SNV" in page or "05/Q\u0110-SNV" in page, url
        if "tra-cuu" in url or "quyet-dinh/" + str(secrets.pk) in url or "xac-minh" in url:
            assert "Nguyễn Thị Hương" in page or "Phòng Tổ chức cán bộ" in page, url


def test_the_decision_page_lists_names_units_and_forms(client, secrets, cast):
    page = client.get(reverse("publication:decision_detail", args=[secrets.pk])).content.decode()
    assert "Quyết định số 05/QĐ-SNV ngày 20/08/2025" in page
    assert "Sở Nội vụ tỉnh Thử" in page and "Giấy khen (thử)" in page
    assert "Nguyễn Thị Hương" in page and "Phòng Tổ chức cán bộ" in page
    assert secrets.title in page


def test_the_lookup_shows_an_award_as_the_certificates_qr_page_does(client, secrets, cast):
    award = secrets.awards.get(person=cast.person_a)
    verify = client.get(reverse("dossiers:verify_award", args=[award.verification_code])).content.decode()
    found = client.get(reverse("publication:lookup"), {"ten": "huong"}).content.decode()
    for text in ("Cá nhân", "Nguyễn Thị Hương", "Hình thức khen thưởng", "Giấy khen (thử)",
                 "Số 05/QĐ-SNV ngày 20/08/2025", "Cơ quan quyết định", "Sở Nội vụ tỉnh Thử", "Đơn vị",
                 "Phòng Tổ chức cán bộ"):
        assert text in verify and text in found, text
    assert reverse("publication:decision_detail", args=[secrets.pk]) in found  # the lookup links the decision


def test_the_campaigns_public_page_links_its_published_decisions(client, secrets):
    page = client.get(reverse("campaigns:public_detail", args=[secrets.campaign_id])).content.decode()
    assert reverse("publication:decision_detail", args=[secrets.pk]) in page
    assert "05/QĐ-SNV" in page


# --- what is published --------------------------------------------------------------------------------------
@pytest.fixture
def far(db):
    """Another province with its own Sở, a person and an admin."""
    root = OrganisationFactory(code="X-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Xa")
    body = OrganisationFactory(code="X-SNV", kind=OrgKind.SO, name="Sở Nội vụ tỉnh Xa", parent=root)
    person = PersonFactory(full_name="Đặng Văn Xa", organisation=body)
    admin = UserFactory(username="quantri_xa")
    MembershipFactory(user=admin, organisation=root, role=Role.ADMIN)
    return type("Far", (), {"root": root, "body": body, "person": person, "admin": admin})


def listed(client, **params):
    return client.get(reverse("publication:decision_list"), params).content.decode()


def test_a_province_hides_a_form_for_its_own_decisions_only(client, cast, far):
    form = award_form()
    ours = quick_decision(cast.body, 11, awardees=[cast.person_a], title="Quyết định của tỉnh Thử")
    theirs = quick_decision(far.body, 12, awardees=[far.person], title="Quyết định của tỉnh Xa")
    services.save_settings(far.root, [], by=far.admin)  # tỉnh Xa publishes nothing
    assert PublicationSetting.objects.get(province=far.root, award_form=form).published is False
    page = listed(client)
    assert "Quyết định của tỉnh Thử" in page and "Quyết định của tỉnh Xa" not in page
    assert client.get(reverse("publication:decision_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("publication:decision_detail", args=[ours.pk])).status_code == 200
    assert "Đặng Văn Xa" not in client.get(reverse("publication:lookup"), {"ten": "xa"}).content.decode()
    assert "Nguyễn Thị Hương" in client.get(reverse("publication:lookup"), {"ten": "huong"}).content.decode()
    services.save_settings(far.root, [form.pk], by=far.admin)  # published again
    assert "Quyết định của tỉnh Xa" in listed(client)


def test_only_live_awards_of_signed_awarding_decisions_are_public(client, cast):
    decision = quick_decision(cast.body, 21, awardees=[cast.person_a, cast.person_b])
    revoking = Decision.objects.create(issuer=cast.body, kind=Decision.REVOKE, revokes=decision, number=22,
                                       symbol="QĐ-SNV", year=2025, date=date(2025, 10, 1), reason="Gian dối",
                                       title="Về việc thu hồi Giấy khen", signer_name="A", signer_title="Giám đốc")
    Award.objects.filter(person=cast.person_b).update(revoked_by=revoking)
    page = client.get(reverse("publication:decision_detail", args=[decision.pk])).content.decode()
    assert "Nguyễn Thị Hương" in page and "Lê Văn Bình" not in page
    assert "Lê Văn Bình" not in client.get(reverse("publication:lookup"), {"ten": "binh"}).content.decode()
    assert "Về việc thu hồi Giấy khen" not in listed(client)  # a revoking decision is not in the list
    assert client.get(reverse("publication:decision_detail", args=[revoking.pk])).status_code == 404
    Award.objects.filter(person=cast.person_a).update(revoked_by=revoking)  # nothing of it left in force
    assert client.get(reverse("publication:decision_detail", args=[decision.pk])).status_code == 404


def test_a_higher_authoritys_decision_names_that_authority(client, cast):
    decision = quick_decision(cast.body, 31, awardees=[cast.person_a], kind=Decision.HIGHER,
                              higher_authority="Chủ tịch Ủy ban nhân dân tỉnh Thử", title="Tặng Bằng khen")
    assert "Chủ tịch Ủy ban nhân dân tỉnh Thử" in listed(client)
    assert "Tặng Bằng khen" in listed(client, co_quan="chu tich uy ban")
    assert "Tặng Bằng khen" not in listed(client, co_quan="so tai chinh")
    page = client.get(reverse("publication:decision_detail", args=[decision.pk])).content.decode()
    assert "Chủ tịch Ủy ban nhân dân tỉnh Thử" in page


# --- search -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("query, found", [
    ("nguyen thi huong", True), ("NGUYỄN THỊ HƯƠNG", True), ("Nguyễn Thị Hương", True), ("huong", True),
    ("le van binh", False),
    ("dac biet", True),  # trích yếu, accents ignored: "đặc biệt"
    ("đặc biệt", True), ("41/qd-snv", True), ("qd-snv", True), ("giay khen", True), ("khong co gi", False),
])
def test_decisions_are_found_without_accents(client, cast, query, found):
    quick_decision(cast.body, 41, awardees=[cast.person_a], title="Tặng Giấy khen đợt thi đua đặc biệt")
    assert ("Tặng Giấy khen đợt thi đua đặc biệt" in listed(client, q=query)) is found


def test_decisions_filter_by_year_and_authority(client, cast):
    quick_decision(cast.body, 1, awardees=[cast.person_a], day=date(2024, 5, 1), title="Quyết định năm 2024")
    quick_decision(cast.other, 2, awardees=[cast.person_other], day=date(2025, 5, 1), title="Quyết định năm 2025")
    assert "Quyết định năm 2025" not in listed(client, nam=2024) and "Quyết định năm 2024" in listed(client, nam=2024)
    assert '<option value="2025"' in listed(client)
    by_body = listed(client, co_quan="so noi vu")
    assert "Quyết định năm 2024" in by_body and "Quyết định năm 2025" not in by_body
    assert "Quyết định năm 2025" in listed(client, co_quan="Sở Tài chính")


@pytest.mark.parametrize("params, found", [
    ({"ten": "nguyen thi huong"}, {"Nguyễn Thị Hương"}),
    ({"ten": "NGUYEN"}, {"Nguyễn Thị Hương", "Hồ Sĩ Nguyên"}),
    ({"ten": "phong to chuc"}, {"Phòng Tổ chức cán bộ"}),  # a collective by its name
    ({"don_vi": "to chuc can bo"}, {"Nguyễn Thị Hương", "Phòng Tổ chức cán bộ"}),
    ({"don_vi": "so noi vu"}, {"Nguyễn Thị Hương", "Phòng Tổ chức cán bộ", "Lê Văn Bình"}),  # and its sub-units
    ({"ten": "binh", "don_vi": "to chuc can bo"}, set()),
    ({"ten": "hồ sĩ"}, {"Hồ Sĩ Nguyên"}),
])
def test_lookup_by_name_and_unit_without_accents(client, cast, params, found):
    quick_decision(cast.body, 51, awardees=[cast.person_a, cast.person_b, cast.unit_a])
    quick_decision(cast.other, 52, awardees=[cast.person_other])
    page = client.get(reverse("publication:lookup"), params).content.decode()
    names = {"Nguyễn Thị Hương", "Lê Văn Bình", "Phòng Tổ chức cán bộ", "Hồ Sĩ Nguyên"}
    shown = {name for name in names if f'fw-semibold">{name}' in page}
    assert shown == found


def test_lookup_asks_for_a_name_or_a_unit_and_keeps_what_was_typed(client, cast):
    page = client.get(reverse("publication:lookup"), {"ten": " ", "don_vi": ""}).content.decode()
    assert "Nhập họ và tên (hoặc tên tập thể), hoặc đơn vị để tra cứu." in page
    page = client.get(reverse("publication:lookup"), {"don_vi": "không có đơn vị này"}).content.decode()
    assert "Không tìm thấy đơn vị nào có tên “không có đơn vị này”." in page
    assert 'value="không có đơn vị này"' in page


def test_lookup_print_lists_every_result_with_the_criteria(client, cast):
    quick_decision(cast.body, 61, awardees=[cast.person_a])
    page = client.get(reverse("publication:lookup_print"), {"ten": "huong"}).content.decode()
    assert "Kết quả tra cứu khen thưởng" in page and "Tên: “huong”" in page and "1 khen thưởng" in page
    assert "publication-print.css" in page and "data-print" in page


# --- the province's choice ------------------------------------------------------------------------------
def test_the_admin_of_the_province_chooses_what_is_published(client_for, cast):
    form, other_form = award_form(), award_form(code="bang-khen-test", name="Bằng khen (thử)")
    client = client_for(cast.admin)
    page = client.get(reverse("publication:settings")).content.decode()
    assert "Giấy khen (thử)" in page and f'id="id_form_{form.pk}" checked' in page  # published by default
    response = client.post(reverse("publication:settings"), {"tinh": cast.province.pk, f"form_{other_form.pk}": "on"})
    assert response.status_code == 302
    assert set(PublicationSetting.objects.filter(province=cast.province).values_list("award_form_id", "published")) \
        >= {(form.pk, False)}
    assert not PublicationSetting.objects.filter(award_form=other_form).exists()  # unchanged: no row written
    assert quick_decision(cast.body, 71, awardees=[cast.person_a], form=form).pk not in set(
        services.public_decisions().values_list("pk", flat=True))


def test_the_settings_page_walls(client_for, cast, far):
    assert client_for(cast.reviewer).get(reverse("publication:settings")).status_code == 403
    assert client_for(far.admin).get(reverse("publication:settings"), {"tinh": cast.province.pk}).status_code == 404
    response = client_for(far.admin).post(reverse("publication:settings"), {"tinh": cast.province.pk})
    assert response.status_code == 404
    assert not PublicationSetting.objects.exists()
    page = client_for(far.admin).get(reverse("publication:settings")).content.decode()
    assert "Ủy ban nhân dân tỉnh Xa" in page and "Ủy ban nhân dân tỉnh Thử" not in page
    system = client_for(cast.system).get(reverse("publication:settings"), {"tinh": far.root.pk})
    assert system.status_code == 200  # the system administrator chooses among the provinces
    page = system.content.decode()
    assert f'<option value="{far.root.pk}" selected>Ủy ban nhân dân tỉnh Xa</option>' in page
    assert f'<option value="{cast.province.pk}">Ủy ban nhân dân tỉnh Thử</option>' in page


def test_save_settings_refuses_another_provinces_admin(cast, far):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.save_settings(cast.province, [], by=far.admin)
    assert not PublicationSetting.objects.exists()


def test_a_change_of_what_is_published_is_in_the_provinces_audit_trail(cast):
    from audit.models import Event
    from awards.models import AwardForm

    form = award_form()
    services.save_settings(cast.province, [], by=cast.admin)
    events = Event.objects.filter(object_type="publication.publicationsetting")
    assert events.count() == AwardForm.objects.count()  # every form turned off: one event each
    event = events.get(object_repr__startswith=str(form))
    assert event.province_id == cast.province.pk and event.actor_id == cast.admin.pk
    assert services.save_settings(cast.province, [], by=cast.admin) == 0  # nothing changed: nothing written
    assert events.count() == AwardForm.objects.count()
