"""The statistical biểu of Thông tư 02/2023/TT-BNV (issue 19): every cell of 0601, 0602 and 0603 against a fixture
whose figures were counted by hand (the comments on each campaign and award say where it goes), for the province
(consolidated) and for its Sở (its own tree only)."""
from datetime import date

import pytest

from campaigns.models import Campaign
from dossiers.models import Award, Decision
from orgs.enums import OrgKind
from orgs.models import Household
from reports.services import statutory
from tests.factories.campaigns import award_form
from tests.factories.orgs import EmulationBlocFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

YEAR = 2025


def campaign(issuer, kind, start, end, plan_date=None, status="launched", blocs=()):
    made = Campaign.objects.create(issuer=issuer, kind=kind, title=f"Phong trào {kind} {start}", status=status,
                                   period_start=start, period_end=end, plan_date=plan_date, dossier_deadline=end)
    made.participant_blocs.set(blocs)
    return made


def decision(issuer, kind, when, number):
    return Decision.objects.create(issuer=issuer, kind=kind, number=number, symbol="QĐ-UBND", year=when.year,
                                   date=when, title="Về việc khen thưởng", signer_name="Võ Văn Hưng",
                                   signer_title="Chủ tịch", higher_authority="Thủ tướng Chính phủ"
                                   if kind == Decision.HIGHER else "")


def award(code, subject, subject_class, award_type, *, made=None, when=None, revoked_by=None):
    when = when or made.date
    fields = {"person": subject} if subject.__class__.__name__ == "Person" else (
        {"household": subject} if isinstance(subject, Household) else {"organisation": subject})
    subject_type = ("individual" if "person" in fields else "household" if "household" in fields else "collective")
    made_number = made.reference if made else f"{code}-{subject.pk}/QĐ"
    return Award.objects.create(subject_type=subject_type, **fields, subject_class=subject_class,
                                award_form=award_form(code=code), year=when.year, award_type=award_type,
                                decision=made, decision_number=made_number, decision_date=when,
                                source=Award.PORTAL if made else Award.MANUAL, revoked_by=revoked_by)


@pytest.fixture
def world(cast):
    p, s, a, b, o = cast.province, cast.body, cast.unit_a, cast.unit_b, cast.other
    far = OrganisationFactory(code="F-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Xa")
    bloc = EmulationBlocFactory(name="Khối các Sở", organiser=p)
    # --- campaigns (0601), counted for the province P and the Sở S in 2025
    campaign(p, "annual", date(2025, 1, 1), date(2025, 12, 31), date(2025, 1, 5))  # c1 P: upper, 03, 07, 12
    campaign(s, "drive", date(2025, 3, 15), date(2025, 6, 30), date(2025, 3, 1))  # c2 S: unit, 05, 06, 11
    campaign(s, "special", date(2025, 7, 15), date(2027, 7, 31), date(2025, 7, 10), blocs=[bloc])  # c3: 04, 08, 11
    campaign(a, "thematic", date(2025, 2, 1), date(2029, 1, 31), date(2025, 2, 1))  # c4 S: unit, 05, 09, 11
    campaign(p, "drive", date(2025, 5, 1), date(2031, 4, 30))  # c5 P, no plan date (start): upper, 03, 10, 11
    campaign(p, "annual", date(2025, 1, 1), date(2025, 12, 31), date(2025, 1, 2), status="draft")  # c6 not counted
    campaign(s, "track", date(2025, 1, 1), None, date(2025, 1, 2))  # c7: a track, not a campaign
    campaign(s, "drive", date(2025, 1, 5), date(2025, 3, 31), date(2024, 12, 20))  # c8: launched in 2024
    campaign(far, "annual", date(2025, 1, 1), date(2025, 12, 31), date(2025, 1, 5))  # c9: another province
    campaign(o, "drive", date(2025, 4, 1), date(2026, 3, 31), date(2025, 4, 1))  # c10 P only: unit, 05, 07, 11

    # --- awards (0602, 0603)
    person_a2 = PersonFactory(organisation=a)
    person_b2 = PersonFactory(organisation=b)
    person_o = PersonFactory(organisation=o)
    enterprise = OrganisationFactory(code="DN-1", kind=OrgKind.DOANH_NGHIEP, name="Công ty Cổ phần Thử", parent=p)
    home = Household.objects.create(head_name="Nguyễn Văn Hộ", address="thôn Đông", organisation=a)
    d1 = decision(p, Decision.HIGHER, date(2025, 3, 10), 101)  # the Thủ tướng's, recorded by the province
    award("bang-khen-ttg", cast.person_a, "lanh_dao_vu_so", "cong_trang", made=d1)  # a1
    award("bang-khen-ttg", a, "co_quan", "dot_chuyen_de", made=d1)  # a2
    award("bang-khen-ttg", enterprise, "doanh_nghiep", "dot_xuat", made=d1)  # a3
    d2 = decision(s, Decision.HIGHER, date(2025, 6, 1), 102)  # recorded by the Sở
    award("cstd-toan-quoc", cast.person_b, "truc_tiep", "cong_trang", made=d2)  # a4
    award("huan-chuong-ld-3", person_a2, "lanh_dao_bo_tinh", "cong_hien", made=d2)  # a5
    award("huan-chuong-ld-3", s, "co_quan", "cong_hien", made=d2)  # a6
    award("co-thi-dua-cp", b, "co_quan", "cong_trang", made=d2)  # a7
    a8 = award("bang-khen-ttg", person_b2, "", "doi_ngoai", made=d2)  # a8: not classified (a row of before the
    Award.objects.filter(pk=a8.pk).update(subject_class="")  # field: saving one now fills it)
    d3 = decision(p, Decision.OWN, date(2025, 9, 1), 103)  # the Chủ tịch UBND tỉnh's own
    award("bang-khen-tinh", cast.person_a, "doanh_nhan", "cong_trang", made=d3)  # a9
    award("bang-khen-tinh", a, "co_quan", "dot_chuyen_de", made=d3)  # a10
    award("cstd-tinh", person_a2, "lanh_dao_khac", "cong_trang", made=d3)  # a11
    award("co-thi-dua-tinh", o, "co_quan", "cong_trang", made=d3)  # a12
    d5 = decision(p, Decision.REVOKE, date(2025, 10, 15), 105)
    award("bang-khen-tinh", person_o, "truc_tiep", "dot_xuat", made=d3, revoked_by=d5)  # a13: revoked
    d4 = decision(s, Decision.OWN, date(2025, 10, 1), 104)
    award("giay-khen", cast.person_b, "truc_tiep", "cong_trang", made=d4)  # a14: in no column
    d6 = decision(s, Decision.HIGHER, date(2025, 11, 1), 106)
    award("bang-khen-bo", person_b2, "truc_tiep", "cong_trang", made=d6)  # a15: a Bộ's, not the province's level
    award("bang-khen-tinh", cast.person_b, "truc_tiep", "nien_han", when=date(2025, 12, 20))  # a16: typed
    award("bang-khen-ttg", home, "ho_gia_dinh", "cong_trang", when=date(2025, 8, 8))  # a17: typed, household
    award("bang-khen-tinh", person_a2, "truc_tiep", "cong_trang", when=date(2024, 12, 31))  # a18: 2024
    d7 = decision(far, Decision.HIGHER, date(2025, 3, 3), 107)
    award("bang-khen-ttg", PersonFactory(organisation=far), "truc_tiep", "cong_trang", made=d7)  # a19: far
    d8 = decision(o, Decision.HIGHER, date(2025, 4, 4), 108)
    award("bang-khen-ttg", person_o, "lanh_dao_vu_so", "dot_xuat", made=d8)  # a20: recorded by the other Sở
    return cast


def cells(table):
    return {line["code"]: line["values"] for line in table["rows"] if line["values"] is not None}


# 0601: [Tổng số, Trung ương, bộ/tỉnh, cơ quan/đơn vị]
CAMPAIGNS_PROVINCE = {
    "01": [6, 0, 2, 4], "02": [0, 0, 0, 0], "03": [2, 0, 2, 0], "04": [1, 0, 0, 1], "05": [3, 0, 0, 3],
    "06": [1, 0, 0, 1], "07": [2, 0, 1, 1], "08": [1, 0, 0, 1], "09": [1, 0, 0, 1], "10": [1, 0, 1, 0],
    "11": [5, 0, 1, 4], "12": [1, 0, 1, 0],
}
CAMPAIGNS_SO = {
    "01": [3, 0, 0, 3], "02": [0, 0, 0, 0], "03": [0, 0, 0, 0], "04": [1, 0, 0, 1], "05": [2, 0, 0, 2],
    "06": [1, 0, 0, 1], "07": [0, 0, 0, 0], "08": [1, 0, 0, 1], "09": [1, 0, 0, 1], "10": [0, 0, 0, 0],
    "11": [3, 0, 0, 3], "12": [0, 0, 0, 0],
}


@pytest.mark.parametrize(("who", "expected"), [("province", CAMPAIGNS_PROVINCE), ("body", CAMPAIGNS_SO)])
def test_0601_counted_by_hand(world, who, expected):
    table = statutory.bieu_0601(getattr(world, who), YEAR)
    assert cells(table) == expected
    assert table["numbers"] == ["A", "B", "1", "2", "3", "4"]


def zero(n=15):
    return [0] * n


def state(total, **columns):
    """A 0602 row: [Tổng số, HC LĐ3 tập thể, HC LĐ3 cá nhân, huy chương ×2, GT HCM, GT NN, vinh dự ×2, Cờ CP,
    BK TTg tập thể, BK TTg cá nhân, CSTĐ toàn quốc, khác ×2]."""
    order = ["hc_tt", "hc_cn", "huy_tt", "huy_cn", "gt_hcm", "gt_nn", "vd_tt", "vd_cn", "co", "bk_tt", "bk_cn",
             "cstd", "khac_tt", "khac_cn"]
    assert set(columns) <= set(order)
    return [total, *[columns.get(name, 0) for name in order]]


STATE_PROVINCE = {
    "1": state(10, hc_tt=1, hc_cn=1, co=1, bk_tt=3, bk_cn=3, cstd=1),
    "2": zero(),
    "3": state(10, hc_tt=1, hc_cn=1, co=1, bk_tt=3, bk_cn=3, cstd=1),
    "6": state(4, hc_tt=1, co=1, bk_tt=2),
    "7": state(1, bk_tt=1),
    "8": state(1, bk_tt=1),
    "9": state(5, hc_cn=1, bk_cn=3, cstd=1),
    "10": state(1, hc_cn=1),
    "11": state(2, bk_cn=2),
    "12": zero(), "13": zero(),
    "14": state(1, cstd=1),
    "15": state(4, co=1, bk_tt=1, bk_cn=1, cstd=1),
    "16": state(1, bk_tt=1),
    "17": state(2, bk_tt=1, bk_cn=1),
    "18": state(1, bk_cn=1),
    "19": state(2, hc_tt=1, hc_cn=1),
    "20": zero(), "21": zero(),
}
STATE_SO = {  # a4–a8 (recorded by the Sở) and the household typed for Phòng A (a17)
    "1": state(6, hc_tt=1, hc_cn=1, co=1, bk_tt=1, bk_cn=1, cstd=1),
    "2": zero(),
    "3": state(6, hc_tt=1, hc_cn=1, co=1, bk_tt=1, bk_cn=1, cstd=1),
    "6": state(2, hc_tt=1, co=1),
    "7": zero(),
    "8": state(1, bk_tt=1),
    "9": state(3, hc_cn=1, bk_cn=1, cstd=1),
    "10": state(1, hc_cn=1),
    "11": zero(), "12": zero(), "13": zero(),
    "14": state(1, cstd=1),
    "15": state(3, co=1, bk_tt=1, cstd=1),
    "16": zero(), "17": zero(),
    "18": state(1, bk_cn=1),
    "19": state(2, hc_tt=1, hc_cn=1),
    "20": zero(), "21": zero(),
}


@pytest.mark.parametrize(("who", "expected"), [("province", STATE_PROVINCE), ("body", STATE_SO)])
def test_0602_counted_by_hand(world, who, expected):
    table = statutory.bieu_0602(getattr(world, who), YEAR)
    assert cells(table) == expected
    leaves = [cell["text"] for cell in table["header"][-1]]
    assert leaves == ["Tập thể", "Cá nhân"] * 2 + ["Cá nhân"] * 2 + ["Tập thể", "Cá nhân", "Tập thể", "Tập thể",
                                                                    "Cá nhân", "Cá nhân", "Tập thể", "Cá nhân"]
    forms = [cell["text"] for cell in table["header"][2]]
    assert forms == ["Huân chương Lao động hạng Ba", "Huy chương", "Danh hiệu vinh dự", "Hình thức khác"]
    assert table["numbers"] == ["A", "B", "C", *[str(n) for n in range(1, 16)]]
    assert table["notes"] == ["1 khen thưởng cá nhân chưa có phân loại đối tượng: có trong dòng “Cá nhân”, không có "
                              "trong dòng nào bên dưới."]


PROVINCE_AWARDS = {  # [Tổng số, Bằng khen, CSTĐ cấp tỉnh, Cờ thi đua, Huy hiệu]
    "01": [5, 3, 1, 1, 0], "02": [2, 1, 0, 1, 0], "03": [0] * 5, "04": [0] * 5, "05": [3, 2, 1, 0, 0],
    "06": [0] * 5, "07": [0] * 5, "08": [1, 1, 0, 0, 0], "09": [1, 0, 1, 0, 0], "10": [1, 1, 0, 0, 0],
    "11": [3, 1, 1, 1, 0], "12": [1, 1, 0, 0, 0], "13": [0] * 5, "14": [0] * 5, "15": [0] * 5,
    "16": [1, 1, 0, 0, 0], "17": [0] * 5,
}
PROVINCE_AWARDS_SO = {code: [0] * 5 for code in PROVINCE_AWARDS} | {  # only a16, typed for a person of Phòng B
    "01": [1, 1, 0, 0, 0], "05": [1, 1, 0, 0, 0], "10": [1, 1, 0, 0, 0], "16": [1, 1, 0, 0, 0]}


@pytest.mark.parametrize(("who", "expected"), [("province", PROVINCE_AWARDS), ("body", PROVINCE_AWARDS_SO)])
def test_0603_counted_by_hand(world, who, expected):
    table = statutory.bieu_0603(getattr(world, who), YEAR)
    assert cells(table) == expected
    assert table["notes"] == []


def test_the_breakdowns_add_up(world):
    """Tổng số = tập thể + hộ + cá nhân = the loại hình rows; column 1 = the other columns (0601, 0603)."""
    for build in (statutory.bieu_0602, statutory.bieu_0603):
        table = build(world.province, YEAR)
        rows = {line["label"]: line["values"] for line in table["rows"] if line["values"] is not None}
        total = rows["Tổng số"]
        subjects = [rows["- Tập thể"], rows["- Hộ gia đình"], rows["- Cá nhân"]]
        assert [sum(column) for column in zip(*subjects, strict=True)] == total
        methods = [values for label, values in rows.items() if label in {name for name, _ in statutory.METHOD_ROWS}]
        assert [sum(column) for column in zip(*methods, strict=True)] == total
    for build in (statutory.bieu_0601, statutory.bieu_0603):
        for line in build(world.province, YEAR)["rows"]:
            if line["values"] is not None:
                assert line["values"][0] == sum(line["values"][1:])


def test_another_year_counts_nothing_of_2025(world):
    assert cells(statutory.bieu_0603(world.province, 2024))["01"] == [1, 1, 0, 0, 0]  # a18 only
