"""The catalogue pages: admins create and edit award forms, profiles (with their coefficients) and
base salaries; errors come back in Vietnamese beside the field; every edit keeps its history."""
import datetime
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.urls import reverse

from awards.enums import AuthorityLevel, AwardCategory, SubjectType
from awards.models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile

pytestmark = pytest.mark.django_db

NEW_FORM = {
    "name": "Bằng khen của Chủ tịch UBND tỉnh (thành tích đột xuất)",
    "short_name": "Bằng khen đột xuất",
    "code": "bang-khen-dot-xuat",
    "category": AwardCategory.COMMENDATION,
    "subject_types": [SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE],
    "authority": AuthorityLevel.PROVINCE,
    "needs_council": "on",
    "vote_threshold": "70",
    "vote_denominator": "all",
    "ballot_type": "secret",
    "report_form": "Mẫu số 08",
    "legal_reference": "",
    "order": "135",
    "is_active": "on",
}


def giay_khen_edit(client):
    """The seeded Giấy khen, its edit page's address, and what the browser would send back unchanged."""
    giay_khen = AwardForm.objects.get(code="giay-khen")
    url = reverse("awards:awardform_update", args=[giay_khen.pk])
    return giay_khen, url, post_data(client.get(url).context["form"])


def post_data(*forms):
    """What a browser would send back for these (unbound or bound) forms, unchanged."""
    data = {}
    for form in forms:
        for bound in form:
            value = bound.value()
            if isinstance(value, bool) or bound.widget_type == "checkbox":
                if value:
                    data[bound.html_name] = "on"
                continue
            if value is None:
                value = ""
            elif isinstance(value, datetime.date):
                value = value.strftime("%d/%m/%Y")
            elif isinstance(value, Decimal):
                value = str(value)
            data[bound.html_name] = value
    return data


def profile_post_data(client, profile):
    response = client.get(reverse("awards:profile_update", args=[profile.pk]))
    formset = response.context["formset"]
    data = post_data(response.context["form"], *formset.forms)
    data.update({f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()})
    return data, formset


def row_index(formset, code, subject_type=SubjectType.INDIVIDUAL):
    return next(i for i, form in enumerate(formset.forms)
                if form.instance.pk and form.instance.award_form.code == code
                and form.instance.subject_type == subject_type)


# --- award forms ------------------------------------------------------------------------------------
def test_admin_creates_an_award_form(cast, client_for):
    response = client_for(cast.system).post(reverse("awards:awardform_create"), NEW_FORM)
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:awardform_list")
    created = AwardForm.objects.get(code="bang-khen-dot-xuat")
    assert created.subject_types == [SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE]
    assert (created.needs_council, created.vote_threshold, created.authority) == (
        True, Decimal("70"), AuthorityLevel.PROVINCE)
    entry = LogEntry.objects.get_for_object(created).get()
    assert entry.actor == cast.system


def test_award_form_list_groups_by_category(cast, client_for):
    response = client_for(cast.system).get(reverse("awards:awardform_list"))
    html = response.content.decode()
    labels = [label for label, _ in response.context["groups"]]
    assert labels == ["Danh hiệu thi đua", "Hình thức khen thưởng"]
    titles = [f.code for f in response.context["groups"][0][1]]
    assert titles[:2] == ["cstd-toan-quoc", "cstd-tinh"]
    assert "Bỏ phiếu kín, từ 90% trở lên trên tổng số thành viên" in html
    assert "Không cần bỏ phiếu" in html
    assert "Cá nhân, Tập thể" in html


def test_council_without_threshold_is_refused_and_input_is_kept(cast, client_for):
    data = {**NEW_FORM, "vote_threshold": ""}
    response = client_for(cast.system).post(reverse("awards:awardform_create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["vote_threshold"] == ["Hình thức cần Hội đồng bỏ phiếu phải có tỷ lệ phiếu tối thiểu."]
    html = response.content.decode()
    assert 'value="Bằng khen của Chủ tịch UBND tỉnh (thành tích đột xuất)"' in html
    assert "Hình thức cần Hội đồng bỏ phiếu phải có tỷ lệ phiếu tối thiểu." in html
    assert not AwardForm.objects.filter(code="bang-khen-dot-xuat").exists()


def test_award_form_without_subject_type_is_refused_once(cast, client_for):
    data = {key: value for key, value in NEW_FORM.items() if key != "subject_types"}
    response = client_for(cast.system).post(reverse("awards:awardform_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["subject_types"] == ["Chọn ít nhất một đối tượng được tặng."]
    assert 'value="bang-khen-dot-xuat"' in response.content.decode()


def test_threshold_above_100_is_refused(cast, client_for):
    response = client_for(cast.system).post(reverse("awards:awardform_create"), {**NEW_FORM, "vote_threshold": "120"})
    assert response.status_code == 200
    assert response.context["form"].errors["vote_threshold"] == ["Tỷ lệ phiếu phải từ 0 đến 100%."]
    assert 'value="120"' in response.content.decode()


def test_duplicate_code_is_refused(cast, client_for):
    response = client_for(cast.system).post(reverse("awards:awardform_create"), {**NEW_FORM, "code": "giay-khen"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == ["Mã này đã được dùng."]


def test_threshold_accepts_a_decimal_comma(cast, client_for):
    response = client_for(cast.system).post(reverse("awards:awardform_create"),
                                           {**NEW_FORM, "vote_threshold": "66,67"})
    assert response.status_code == 302
    assert AwardForm.objects.get(code="bang-khen-dot-xuat").vote_threshold == Decimal("66.67")


def test_editing_an_award_form_shows_in_its_history(cast, client_for):
    client = client_for(cast.system)
    giay_khen, url, data = giay_khen_edit(client)
    data.update(name="Giấy khen của Giám đốc Sở", needs_council="on", vote_threshold="50")
    assert client.post(url, data).status_code == 302

    response = client.get(url)
    history = response.context["history"]
    assert [(c.label, c.old, c.new) for c in history[0].changes] == [
        ("Tên", "Giấy khen", "Giấy khen của Giám đốc Sở"),
        ("Cần Hội đồng TĐKT bỏ phiếu", "Không", "Có"),
        ("Tỷ lệ phiếu đồng ý tối thiểu (%)", "—", "50"),
    ]
    assert history[0].action == "Sửa"
    html = response.content.decode()
    assert "Lịch sử thay đổi" in html
    assert (cast.system.get_full_name() or cast.system.username) in html


def test_history_lists_newest_first(cast, client_for):
    client = client_for(cast.system)
    giay_khen, url, data = giay_khen_edit(client)
    for order in ("141", "142"):
        assert client.post(url, {**data, "order": order}).status_code == 302
    history = client.get(url).context["history"]
    assert [entry.changes[0].new for entry in history] == ["142", "141"]


# --- legal-basis profiles and coefficients -----------------------------------------------------------
def test_formset_edits_a_coefficient_and_history_shows_it(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    data, formset = profile_post_data(client, profile)
    i = row_index(formset, "bang-khen-tinh")
    data[f"{formset.prefix}-{i}-coefficient"] = "1,8"
    response = client.post(reverse("awards:profile_update", args=[profile.pk]), data)
    assert response.status_code == 302

    row = BonusCoefficient.objects.get(profile=profile, award_form__code="bang-khen-tinh",
                                       subject_type=SubjectType.INDIVIDUAL)
    assert row.coefficient == Decimal("1.8")
    page = client.get(reverse("awards:profile_update", args=[profile.pk]))
    newest = page.context["history"][0]
    assert newest.subject == "Hệ số tiền thưởng: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh – Cá nhân"
    assert [(c.label, c.old, c.new) for c in newest.changes] == [("Hệ số (× mức lương cơ sở)", "1,5", "1,8")]
    assert newest.actor == (cast.system.get_full_name() or cast.system.username)


def test_formset_adds_and_deletes_coefficients(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    data, formset = profile_post_data(client, profile)
    data[f"{formset.prefix}-{row_index(formset, 'ldtt')}-DELETE"] = "on"
    extra = formset.initial_form_count()
    data.update({f"{formset.prefix}-{extra}-award_form": AwardForm.objects.get(code="co-thi-dua-tinh").pk,
                 f"{formset.prefix}-{extra}-subject_type": SubjectType.COLLECTIVE,
                 f"{formset.prefix}-{extra}-coefficient": "2.5"})
    assert client.post(reverse("awards:profile_update", args=[profile.pk]), data).status_code == 302
    codes = set(profile.coefficients.values_list("award_form__code", flat=True))
    assert "ldtt" not in codes and "co-thi-dua-tinh" in codes
    actions = [entry.action for entry in client.get(
        reverse("awards:profile_update", args=[profile.pk])).context["history"][:2]]
    assert sorted(actions) == ["Tạo mới", "Xóa"]


def test_formset_refuses_a_duplicate_row(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    data, formset = profile_post_data(client, profile)
    extra = formset.initial_form_count()
    data.update({f"{formset.prefix}-{extra}-award_form": AwardForm.objects.get(code="giay-khen").pk,
                 f"{formset.prefix}-{extra}-subject_type": SubjectType.INDIVIDUAL,
                 f"{formset.prefix}-{extra}-coefficient": "0.5"})
    response = client.post(reverse("awards:profile_update", args=[profile.pk]), data)
    assert response.status_code == 200
    assert "Mỗi hình thức và đối tượng chỉ có một hệ số trong bộ căn cứ" in response.content.decode()
    assert profile.coefficients.filter(award_form__code="giay-khen").count() == 1


def test_formset_refuses_a_subject_type_the_form_does_not_take(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    data, formset = profile_post_data(client, profile)
    extra = formset.initial_form_count()
    data.update({f"{formset.prefix}-{extra}-award_form": AwardForm.objects.get(code="ldtt").pk,
                 f"{formset.prefix}-{extra}-subject_type": SubjectType.HOUSEHOLD,
                 f"{formset.prefix}-{extra}-coefficient": "0.5"})
    response = client.post(reverse("awards:profile_update", args=[profile.pk]), data)
    assert response.status_code == 200
    assert "“Lao động tiên tiến” không tặng cho đối tượng hộ gia đình." in response.content.decode()


@time_machine.travel(datetime.datetime(2025, 8, 15, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7))),
                     tick=False)
def test_profile_page_shows_the_worked_example(cast, client_for):
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    response = client_for(cast.system).get(reverse("awards:profile_update", args=[profile.pk]))
    example = {(row["award_form"].code, row["subject"]): row for row in response.context["example"]}
    assert response.context["salary_today"].amount == 2_340_000
    assert example[("bang-khen-tinh", "Cá nhân")]["amount"] == 3_510_000
    assert example[("bang-khen-tinh", "Tập thể")]["amount"] == 7_020_000
    assert example[("bang-khen-tinh", "Tập thể")]["coefficient"] == "1,5 × 2 = 3"
    assert example[("ttldxs", "Tập thể")]["amount"] == 3_510_000
    assert ("ttldxs", "Cá nhân") not in example
    html = response.content.decode()
    assert "Ví dụ tính tiền thưởng hôm nay (15/08/2025)" in html
    assert "3.510.000 đ" in html and "7.020.000 đ" in html


def test_admin_creates_a_profile_with_coefficients(cast, client_for):
    client = client_for(cast.system)
    response = client.get(reverse("awards:profile_create"))
    formset = response.context["formset"]
    data = {"name": "Quy định riêng của tỉnh", "code": "quy-dinh-tinh", "valid_from": "01/01/2026",
            "valid_until": "", "basis_lines": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "report_form_label": "Mẫu số 08", "collective_multiplier": "2", "notes": "", "public_comment_days": "10",
            f"{formset.prefix}-TOTAL_FORMS": "3", f"{formset.prefix}-INITIAL_FORMS": "0",
            f"{formset.prefix}-MIN_NUM_FORMS": "0", f"{formset.prefix}-MAX_NUM_FORMS": "1000",
            f"{formset.prefix}-0-award_form": AwardForm.objects.get(code="giay-khen").pk,
            f"{formset.prefix}-0-subject_type": SubjectType.INDIVIDUAL,
            f"{formset.prefix}-0-coefficient": "0,3"}
    response = client.post(reverse("awards:profile_create"), data)
    assert response.status_code == 302
    profile = LegalBasisProfile.objects.get(code="quy-dinh-tinh")
    assert response["Location"] == reverse("awards:profile_update", args=[profile.pk])
    assert profile.valid_from == datetime.date(2026, 1, 1)
    assert [(c.award_form.code, c.coefficient) for c in profile.coefficients.all()] == [("giay-khen", Decimal("0.3"))]


def test_admin_sets_the_profiles_rule_for_several_titles_and_history_shows_it(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    page = client.get(reverse("awards:profile_update", args=[profile.pk])).content.decode()
    assert "Nhiều danh hiệu thi đua cho cùng một thành tích" in page and "Chỉ nhận mức tiền thưởng cao nhất" in page
    data, _formset = profile_post_data(client, profile)
    data.update({"title_bonus_rule": "each", "title_bonus_reference": "Điều 51 Nghị định số 152/2025/NĐ-CP"})

    assert client.post(reverse("awards:profile_update", args=[profile.pk]), data).status_code == 302

    profile.refresh_from_db()
    assert (profile.title_bonus_rule, profile.title_bonus_reference) == (
        "each", "Điều 51 Nghị định số 152/2025/NĐ-CP")
    newest = client.get(reverse("awards:profile_update", args=[profile.pk])).context["history"][0]
    assert ("Tiền thưởng khi đạt nhiều danh hiệu thi đua cùng thời điểm, cùng thành tích",
            "Chỉ nhận mức tiền thưởng cao nhất", "Nhận đủ tiền thưởng của từng danh hiệu") in [
        (c.label, c.old, c.new) for c in newest.changes]


def test_a_profile_form_without_the_rule_keeps_it(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-98-2023")
    data, _formset = profile_post_data(client, profile)
    del data["title_bonus_rule"]

    assert client.post(reverse("awards:profile_update", args=[profile.pk]), data).status_code == 302
    profile.refresh_from_db()
    assert profile.title_bonus_rule == "highest"


def test_admin_sets_the_years_a_title_counts(cast, client_for):
    client = client_for(cast.system)
    cstd = AwardForm.objects.get(code="cstd-co-so")
    url = reverse("awards:awardform_update", args=[cstd.pk])
    data = post_data(client.get(url).context["form"])
    assert data["achievement_years"] == 1
    data["achievement_years"] = "0"
    assert client.post(url, data).context["form"].errors["achievement_years"] == ["Ít nhất 1 năm."]
    data["achievement_years"] = "2"
    assert client.post(url, data).status_code == 302
    cstd.refresh_from_db()
    assert cstd.achievement_years == 2


def test_profile_end_before_start_is_refused(cast, client_for):
    client = client_for(cast.system)
    profile = LegalBasisProfile.objects.get(code="nd-98-2023")
    data, _ = profile_post_data(client, profile)
    data["valid_until"] = "01/01/2023"
    response = client.post(reverse("awards:profile_update", args=[profile.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["valid_until"] == ["Ngày hết hiệu lực phải sau ngày có hiệu lực."]


# --- base salary -------------------------------------------------------------------------------------
def test_admin_adds_a_base_salary_typed_with_dots(cast, client_for):
    response = client_for(cast.system).post(reverse("awards:salary_create"), {
        "valid_from": "01/07/2026", "amount": "2.530.000", "legal_basis": "Nghị định thử"})
    assert response.status_code == 302
    assert BaseSalary.objects.on(datetime.date(2026, 7, 1)).amount == 2_530_000


def test_base_salary_date_must_be_new(cast, client_for):
    response = client_for(cast.system).post(reverse("awards:salary_create"), {
        "valid_from": "01/07/2024", "amount": "2340000", "legal_basis": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["valid_from"] == ["Đã có mức lương cơ sở áp dụng từ ngày này."]


def test_base_salary_edit_shows_history_in_money(cast, client_for):
    client = client_for(cast.system)
    salary = BaseSalary.objects.get(valid_from=datetime.date(2024, 7, 1))
    url = reverse("awards:salary_update", args=[salary.pk])
    assert client.post(url, {"valid_from": "01/07/2024", "amount": "2350000",
                             "legal_basis": salary.legal_basis}).status_code == 302
    response = client.get(url)
    change = response.context["history"][0].changes[0]
    assert (change.label, change.old, change.new) == ("Mức lương cơ sở (đồng/tháng)", "2.340.000 đ", "2.350.000 đ")
    assert "01/07/2024" in response.content.decode()


# --- who may ------------------------------------------------------------------------------------------
def catalogue_urls():
    award_form = AwardForm.objects.get(code="giay-khen")
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    salary = BaseSalary.objects.first()
    return [reverse("awards:awardform_list"), reverse("awards:awardform_create"),
            reverse("awards:awardform_update", args=[award_form.pk]),
            reverse("awards:profile_list"), reverse("awards:profile_create"),
            reverse("awards:profile_update", args=[profile.pk]),
            reverse("awards:salary_list"), reverse("awards:salary_create"),
            reverse("awards:salary_update", args=[salary.pk])]


@pytest.mark.parametrize("role", ["clerk_a", "reviewer", "council", "approver", "outsider", "admin"])
def test_only_the_system_administrator_changes_the_catalogue(cast, client_for, role):
    """National data: every signed-in user reads the lists; a province's admin changes nothing (403)."""
    client = client_for(cast.users[role])
    urls = catalogue_urls()
    lists = [url for url in urls if url.endswith(("/hinh-thuc/", "/can-cu/", "/luong-co-so/"))]
    assert len(lists) == 3
    for url in urls:
        expected = 200 if url in lists else 403
        assert client.get(url).status_code == expected, url
        assert client.post(url, NEW_FORM).status_code in ((405, 403) if url in lists else (403,)), url
    assert not AwardForm.objects.filter(code="bang-khen-dot-xuat").exists()
    page = client.get(lists[0]).content.decode()
    assert "Thêm danh hiệu, hình thức" not in page and reverse("awards:awardform_create") not in page


def test_the_services_refuse_a_province_admin(cast):
    from django.core.exceptions import PermissionDenied

    from awards.services.catalogue import save_award_form, save_base_salary, save_profile

    giay_khen = AwardForm.objects.get(code="giay-khen")
    giay_khen.legal_reference = "sửa bởi tỉnh"
    for call in (lambda: save_award_form(giay_khen, by=cast.admin),
                 lambda: save_profile(LegalBasisProfile.objects.first(), by=cast.admin),
                 lambda: save_base_salary(BaseSalary.objects.first(), by=cast.admin)):
        with pytest.raises(PermissionDenied):
            call()
    assert AwardForm.objects.get(code="giay-khen").legal_reference != "sửa bởi tỉnh"


def test_anonymous_goes_to_login(cast, client):
    for url in catalogue_urls():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_admin_sees_every_page(cast, client_for):
    client = client_for(cast.system)
    for url in catalogue_urls():
        assert client.get(url).status_code == 200, url


def test_missing_object_is_404_for_admin(cast, client_for):
    client = client_for(cast.system)
    for name in ("awards:awardform_update", "awards:profile_update", "awards:salary_update"):
        assert client.get(reverse(name, args=[999999])).status_code == 404


def test_navbar_and_home_link_the_catalogue(cast, client_for):
    lists = [reverse(name) for name in ("awards:awardform_list", "awards:profile_list", "awards:salary_list")]
    admin_html = client_for(cast.system).get("/").content.decode()
    assert 'id="catalogue-card"' in admin_html
    assert [admin_html.count(f'href="{url}"') for url in lists] == [2, 2, 2]  # navbar and home card
    clerk_html = client_for(cast.clerk_a).get("/").content.decode()
    assert 'id="catalogue-card"' not in clerk_html  # the admin's home card; the clerk reads the lists
    assert [clerk_html.count(f'href="{url}"') for url in lists] == [1, 0, 0]  # from the menu, tabs inside


def test_admin_calibrates_where_a_certificate_prints_on_blank_stock(cast, client_for):
    client = client_for(cast.system)
    giay_khen, url, data = giay_khen_edit(client)
    data.update(certificate_title="Giấy khen", offset_name_x="62,5", offset_name_y="90")
    assert client.post(url, data).status_code == 302
    giay_khen.refresh_from_db()
    assert (giay_khen.certificate_title, giay_khen.certificate_offsets) == ("Giấy khen", {"name": [62.5, 90.0]})


def test_a_certificate_offset_off_the_page_is_refused_and_kept(cast, client_for):
    client = client_for(cast.system)
    giay_khen, url, data = giay_khen_edit(client)
    data.update(offset_unit_x="400")
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vượt ra ngoài khổ giấy A4 ngang." in page and 'value="400"' in page
    giay_khen.refresh_from_db()
    assert giay_khen.certificate_offsets == {}


def test_admin_sets_the_councils_vote_rule_of_a_profile(cast, client_for):
    """The threshold and its base are the decree's, per form: the profile's row replaces the catalogue's."""
    from awards.models import VoteRule, vote_rule

    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    form = AwardForm.objects.get(code="bang-khen-tinh")
    client = client_for(cast.system)
    page = client.get(reverse("awards:profile_update", args=[profile.pk]))
    assert "Tỷ lệ biểu quyết của Hội đồng" in page.content.decode()
    data = {key: [getattr(v, "pk", v) for v in value] if isinstance(value, list) else value
            for key, value in page.context["form"].initial.items() if value is not None}
    data.update({"valid_from": profile.valid_from.strftime("%d/%m/%Y"), "valid_until": "",
                 "collective_multiplier": "2"})
    for formset in (page.context["formset"], page.context["vote_formset"]):
        data.update({f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()})
        for row in formset.forms:
            for name, field in row.fields.items():
                value = row.initial.get(name, field.initial)
                if value is not None and name != "DELETE":
                    data[f"{row.prefix}-{name}"] = getattr(value, "pk", value)
    vote_prefix = page.context["vote_formset"].prefix
    data.update({f"{vote_prefix}-0-award_form": form.pk, f"{vote_prefix}-0-threshold": "90",
                 f"{vote_prefix}-0-denominator": "all", f"{vote_prefix}-0-source": "Điều 99 (thử)"})
    response = client.post(reverse("awards:profile_update", args=[profile.pk]), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    rule = VoteRule.objects.get(profile=profile, award_form=form)
    assert (rule.threshold, rule.denominator, rule.source) == (Decimal("90"), "all", "Điều 99 (thử)")
    assert vote_rule(form, profile).threshold == Decimal("90")
    assert vote_rule(form, None).threshold == form.vote_threshold  # no profile: the catalogue's
    other = AwardForm.objects.get(code="giay-khen")
    assert vote_rule(other, profile) == vote_rule(other, None)  # no row: the catalogue's
