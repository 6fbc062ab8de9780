"""Demo organisations, people, accounts and a bloc: Sở Nội vụ tỉnh Quảng Trị (seed 001).

Idempotent: every row is looked up by its natural key (unit code, username, person name + unit)
before it is created, so running the seed twice changes nothing.
"""
from datetime import date

from django.contrib.auth import get_user_model

from orgs.enums import BlocKind, Gender, OrgKind, Role, StaffCategory
from orgs.models import EmulationBloc, Membership, Organisation, Person
from orgs.services.blocs import save_bloc
from orgs.services.organisations import save_organisation
from orgs.services.people import save_person

DEMO_PASSWORD = "ThiDua@2025"
REORGANISATION = date(2025, 7, 1)

# code, parent code, kind, name, short name, abbreviation, valid_from, valid_until, successor code
UNITS = [
    ("QT-UBND", None, OrgKind.UBND_TINH, "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh", "UBND", None, None, None),
    ("QT-SNV", "QT-UBND", OrgKind.SO, "Sở Nội vụ tỉnh Quảng Trị", "Sở Nội vụ", "SNV", None, None, None),
    ("QT-SNV-VP", "QT-SNV", OrgKind.VAN_PHONG, "Văn phòng Sở Nội vụ", "Văn phòng Sở", "VP", None, None, None),
    ("QT-SNV-TCBC", "QT-SNV", OrgKind.PHONG, "Phòng Tổ chức, biên chế và tổ chức phi chính phủ",
     "Phòng TCBC và TCPCP", "TCBC", None, None, None),
    ("QT-SNV-CCVC", "QT-SNV", OrgKind.PHONG, "Phòng Công chức, viên chức", "Phòng CCVC", "CCVC", None, None, None),
    ("QT-SNV-XDCQ", "QT-SNV", OrgKind.PHONG, "Phòng Xây dựng chính quyền và công tác thanh niên",
     "Phòng XDCQ và CTTN", "XDCQ", None, None, None),
    ("QT-SNV-CCHC", "QT-SNV", OrgKind.PHONG, "Phòng Cải cách hành chính", "Phòng CCHC", "CCHC", None, None, None),
    ("QT-SNV-TDKT", "QT-SNV", OrgKind.PHONG, "Ban Thi đua - Khen thưởng", "Ban TĐKT", "BTĐKT", None, None, None),
    ("QT-SNV-BTG", "QT-SNV", OrgKind.PHONG, "Ban Tôn giáo", "Ban Tôn giáo", "BTG", None, None, None),
    ("QT-SNV-TTLT", "QT-SNV", OrgKind.TRUNG_TAM, "Trung tâm Lưu trữ lịch sử", "Trung tâm Lưu trữ", "TTLT",
     None, None, None),
    ("QT-STC", "QT-UBND", OrgKind.SO, "Sở Tài chính tỉnh Quảng Trị", "Sở Tài chính", "STC", None, None, None),
    ("QT-STC-VP", "QT-STC", OrgKind.VAN_PHONG, "Văn phòng Sở Tài chính", "Văn phòng Sở Tài chính", "VP",
     None, None, None),
    ("QT-SYT", "QT-UBND", OrgKind.SO, "Sở Y tế tỉnh Quảng Trị", "Sở Y tế", "SYT", None, None, None),
    ("QT-SYT-VP", "QT-SYT", OrgKind.VAN_PHONG, "Văn phòng Sở Y tế", "Văn phòng Sở Y tế", "VP", None, None, None),
    ("QT-SGDDT", "QT-UBND", OrgKind.SO, "Sở Giáo dục và Đào tạo tỉnh Quảng Trị", "Sở GD&ĐT", "SGDĐT",
     None, None, None),
    ("QT-SGDDT-VP", "QT-SGDDT", OrgKind.VAN_PHONG, "Văn phòng Sở Giáo dục và Đào tạo",
     "Văn phòng Sở GD&ĐT", "VP", None, None, None),
    # Communes created by the 01/7/2025 reorganisation, successors of the district offices.
    ("QT-XGL", "QT-UBND", OrgKind.UBND_XA, "Ủy ban nhân dân xã Gio Linh", "UBND xã Gio Linh", "UBND",
     REORGANISATION, None, None),
    ("QT-XGL-VHXH", "QT-XGL", OrgKind.PHONG_XA, "Phòng Văn hóa - Xã hội xã Gio Linh", "Phòng VH-XH Gio Linh",
     "VHXH", REORGANISATION, None, None),
    ("QT-XHL", "QT-UBND", OrgKind.UBND_XA, "Ủy ban nhân dân xã Hải Lăng", "UBND xã Hải Lăng", "UBND",
     REORGANISATION, None, None),
    ("QT-XHL-VHXH", "QT-XHL", OrgKind.PHONG_XA, "Phòng Văn hóa - Xã hội xã Hải Lăng", "Phòng VH-XH Hải Lăng",
     "VHXH", REORGANISATION, None, None),
    ("QT-PDH", "QT-UBND", OrgKind.UBND_XA, "Ủy ban nhân dân phường Đông Hà", "UBND phường Đông Hà", "UBND",
     REORGANISATION, None, None),
    ("QT-PDH-VHXH", "QT-PDH", OrgKind.PHONG_XA, "Phòng Văn hóa - Xã hội phường Đông Hà",
     "Phòng VH-XH Đông Hà", "VHXH", REORGANISATION, None, None),
    # District level, abolished on 01/7/2025.
    ("QT-HGL", "QT-UBND", OrgKind.UBND_HUYEN, "Ủy ban nhân dân huyện Gio Linh", "UBND huyện Gio Linh", "UBND",
     None, REORGANISATION, "QT-XGL"),
    ("QT-HGL-PNV", "QT-HGL", OrgKind.PHONG_HUYEN, "Phòng Nội vụ huyện Gio Linh", "Phòng Nội vụ Gio Linh", "PNV",
     None, REORGANISATION, "QT-XGL-VHXH"),
    ("QT-HHL", "QT-UBND", OrgKind.UBND_HUYEN, "Ủy ban nhân dân huyện Hải Lăng", "UBND huyện Hải Lăng", "UBND",
     None, REORGANISATION, "QT-XHL"),
    ("QT-HHL-PNV", "QT-HHL", OrgKind.PHONG_HUYEN, "Phòng Nội vụ huyện Hải Lăng", "Phòng Nội vụ Hải Lăng", "PNV",
     None, REORGANISATION, "QT-XHL-VHXH"),
    ("QT-TPDH", "QT-UBND", OrgKind.UBND_HUYEN, "Ủy ban nhân dân thành phố Đông Hà", "UBND TP Đông Hà", "UBND",
     None, REORGANISATION, "QT-PDH"),
    ("QT-TPDH-PNV", "QT-TPDH", OrgKind.PHONG_HUYEN, "Phòng Nội vụ thành phố Đông Hà", "Phòng Nội vụ Đông Hà",
     "PNV", None, REORGANISATION, "QT-PDH-VHXH"),
]

# unit code -> list of (full name, gender, birth date, position, category)
N, F = Gender.MALE, Gender.FEMALE
CC, VC, LD = StaffCategory.CONG_CHUC, StaffCategory.VIEN_CHUC, StaffCategory.NGUOI_LAO_DONG
PEOPLE = {
    "QT-SNV": [
        ("Lê Quang Thắng", N, date(1972, 4, 12), "Giám đốc Sở", CC),
        ("Hoàng Thị Minh Hà", F, date(1976, 9, 3), "Phó Giám đốc Sở", CC),
        ("Trần Văn Bình", N, date(1975, 1, 20), "Phó Giám đốc Sở", CC),
    ],
    "QT-SNV-VP": [
        ("Nguyễn Thị Hương", F, date(1985, 3, 5), "Chánh Văn phòng", CC),
        ("Phan Văn Dũng", N, date(1988, 11, 17), "Phó Chánh Văn phòng", CC),
        ("Võ Thị Thu Trang", F, date(1991, 6, 8), "Chuyên viên", CC),
        ("Đặng Ngọc Lan", F, date(1994, 2, 14), "Chuyên viên", CC),
        ("Hồ Văn Sơn", N, date(1983, 8, 30), "Kế toán", CC),
        ("Bùi Thị Nga", F, date(1979, 12, 1), "Văn thư", LD),
    ],
    "QT-SNV-TCBC": [
        ("Nguyễn Văn Hùng", N, date(1978, 5, 22), "Trưởng phòng", CC),
        ("Lê Thị Phương", F, date(1986, 10, 9), "Phó Trưởng phòng", CC),
        ("Trần Minh Tuấn", N, date(1990, 7, 4), "Chuyên viên chính", CC),
        ("Phạm Thị Thảo", F, date(1993, 1, 27), "Chuyên viên", CC),
        ("Dương Quốc Long", N, date(1995, 3, 15), "Chuyên viên", CC),
    ],
    "QT-SNV-CCVC": [
        ("Ngô Đức Hải", N, date(1977, 2, 2), "Trưởng phòng", CC),
        ("Nguyễn Thị Hương", F, date(1990, 8, 19), "Chuyên viên", CC),
        ("Lý Thị Yến", F, date(1992, 4, 6), "Chuyên viên", CC),
        ("Hoàng Văn Quân", N, date(1987, 9, 11), "Chuyên viên chính", CC),
    ],
    "QT-SNV-XDCQ": [
        ("Trần Thị Linh", F, date(1981, 6, 25), "Trưởng phòng", CC),
        ("Võ Văn Hiếu", N, date(1989, 12, 12), "Phó Trưởng phòng", CC),
        ("Phan Thị Nhung", F, date(1996, 5, 30), "Chuyên viên", CC),
        ("Đỗ Minh Khoa", N, date(1994, 10, 21), "Chuyên viên", CC),
    ],
    "QT-SNV-CCHC": [
        ("Lê Văn Thành", N, date(1980, 3, 3), "Trưởng phòng", CC),
        ("Nguyễn Thị Mai", F, date(1988, 7, 7), "Chuyên viên chính", CC),
        ("Hồ Thị Kim Oanh", F, date(1997, 1, 9), "Chuyên viên", CC),
    ],
    "QT-SNV-TDKT": [
        ("Phạm Văn Lợi", N, date(1974, 11, 5), "Trưởng ban", CC),
        ("Trương Thị Hồng Nhung", F, date(1984, 2, 28), "Phó Trưởng ban", CC),
        ("Nguyễn Hữu Phước", N, date(1991, 9, 16), "Chuyên viên", CC),
        ("Lê Thị Ánh Tuyết", F, date(1993, 12, 24), "Chuyên viên", CC),
    ],
    "QT-SNV-BTG": [
        ("Hoàng Đức Thịnh", N, date(1976, 8, 8), "Trưởng ban", CC),
        ("Trần Thị Diệu", F, date(1990, 3, 13), "Chuyên viên", CC),
        ("Võ Minh Châu", N, date(1992, 6, 18), "Chuyên viên", CC),
    ],
    "QT-SNV-TTLT": [
        ("Nguyễn Văn Toàn", N, date(1979, 10, 10), "Giám đốc Trung tâm", VC),
        ("Đặng Thị Hạnh", F, date(1987, 5, 5), "Phó Giám đốc Trung tâm", VC),
        ("Phạm Quang Huy", N, date(1994, 2, 19), "Lưu trữ viên", VC),
        ("Lê Thị Xuân", F, date(1995, 11, 23), "Lưu trữ viên", VC),
        ("Trần Văn Lực", N, date(1985, 7, 1), "Nhân viên bảo vệ", LD),
    ],
    "QT-STC-VP": [
        ("Hồ Sĩ Nguyên", N, date(1980, 1, 15), "Chánh Văn phòng", CC),
        ("Lê Thị Thanh Tâm", F, date(1989, 4, 2), "Chuyên viên", CC),
    ],
    "QT-SYT-VP": [
        ("Trần Đình Khôi", N, date(1978, 9, 9), "Chánh Văn phòng", CC),
        ("Nguyễn Thị Bích Ngọc", F, date(1992, 8, 12), "Chuyên viên", CC),
    ],
    "QT-SGDDT-VP": [
        ("Phạm Thị Hằng", F, date(1983, 12, 3), "Chánh Văn phòng", CC),
        ("Võ Đình Trọng", N, date(1990, 6, 6), "Chuyên viên", CC),
    ],
    "QT-XGL-VHXH": [
        ("Lê Văn Hòa", N, date(1982, 2, 11), "Trưởng phòng", CC),
        ("Nguyễn Thị Thúy", F, date(1990, 5, 20), "Chuyên viên", CC),
        ("Trần Quốc Việt", N, date(1993, 9, 2), "Chuyên viên", CC),
    ],
    "QT-XHL-VHXH": [
        ("Hoàng Thị Liên", F, date(1984, 7, 17), "Trưởng phòng", CC),
        ("Phan Đức Anh", N, date(1991, 3, 29), "Chuyên viên", CC),
        ("Đỗ Thị Vân", F, date(1995, 10, 14), "Chuyên viên", CC),
    ],
    "QT-PDH-VHXH": [
        ("Nguyễn Đình Tú", N, date(1980, 4, 4), "Trưởng phòng", CC),
        ("Trần Thị Kiều", F, date(1988, 1, 31), "Phó Trưởng phòng", CC),
        ("Lê Minh Đức", N, date(1996, 8, 25), "Chuyên viên", CC),
    ],
}
# People who left with the district offices (kept for award history, no longer active).
FORMER_PEOPLE = {
    "QT-HGL-PNV": [("Võ Văn Tám", N, date(1966, 3, 8), "Trưởng phòng Nội vụ", CC)],
    "QT-HHL-PNV": [("Nguyễn Thị Sen", F, date(1968, 5, 16), "Trưởng phòng Nội vụ", CC)],
    "QT-TPDH-PNV": [("Trần Văn Cường", N, date(1967, 11, 2), "Trưởng phòng Nội vụ", CC)],
}

# role, username, full name, membership unit, person's unit (for linking), README label
SYSTEM_ADMIN = "hethong"
ACCOUNTS = [
    (Role.ADMIN, "quantri", "Quản trị tỉnh Quảng Trị", "QT-UBND", None),
    (Role.REVIEWER, "vanphong", "Nguyễn Thị Hương", "QT-SNV", "QT-SNV-VP"),
    (Role.COUNCIL, "hoidong", "Phạm Văn Lợi", "QT-SNV", "QT-SNV-TDKT"),
    (Role.APPROVER, "lanhdao", "Lê Quang Thắng", "QT-SNV", "QT-SNV"),
    (Role.CLERK, "canbo.tcbc", "Phạm Thị Thảo", "QT-SNV-TCBC", "QT-SNV-TCBC"),
    (Role.CLERK, "canbo.luutru", "Lê Thị Xuân", "QT-SNV-TTLT", "QT-SNV-TTLT"),
]


def _units(system_user):
    units = {}
    for code, parent, kind, name, short, abbr, valid_from, _, _ in UNITS:
        org = Organisation.objects.filter(code=code).first()
        if org is None:
            org = Organisation(code=code, parent=units.get(parent), kind=kind, name=name, short_name=short,
                               abbreviation=abbr, place_name="Quảng Trị", valid_from=valid_from,
                               order=len(units))
            save_organisation(org, by=system_user)
        units[code] = org
    for code, *_, until, successor in UNITS:
        org = units[code]
        if successor and org.successor_id is None:
            org.valid_until, org.successor = until, units[successor]
            save_organisation(org, by=system_user)
    province = units["QT-UBND"]
    if province.standing_office_id is None:  # the Sở Nội vụ is the standing office of the provincial council
        province.standing_office = units["QT-SNV"]
        save_organisation(province, by=system_user)
    return units


def _people(units, system_user):
    created = 0
    for groups, active in ((PEOPLE, True), (FORMER_PEOPLE, False)):
        for code, rows in groups.items():
            for full_name, gender, born, position, category in rows:
                if Person.objects.filter(organisation=units[code], full_name=full_name).exists():
                    continue
                save_person(Person(full_name=full_name, gender=gender, date_of_birth=born, position=position,
                                   category=category, organisation=units[code], is_active=active,
                                   hometown="Quảng Trị"), by=system_user)
                created += 1
    return created


def _accounts(units):
    User = get_user_model()
    for role, username, full_name, unit_code, person_unit in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            first, _, last = full_name.rpartition(" ")
            user = User.objects.create_user(username=username, password=DEMO_PASSWORD, first_name=first,
                                            last_name=last, email=f"{username}@example.gov.vn")
        Membership.objects.get_or_create(user=user, organisation=units[unit_code], role=role)
        if person_unit:
            Person.objects.filter(organisation=units[person_unit], full_name=full_name,
                                  user__isnull=True).exclude(user=user).update(user=user)


def _system_admin():
    """The deployment's system administrator: the national catalogue, new provinces (a superuser)."""
    User = get_user_model()
    if not User.objects.filter(username=SYSTEM_ADMIN).exists():
        User.objects.create_superuser(username=SYSTEM_ADMIN, password=DEMO_PASSWORD, first_name="Quản trị",
                                      last_name="hệ thống", email=f"{SYSTEM_ADMIN}@example.gov.vn")


def _blocs(units, system_user):
    if EmulationBloc.objects.filter(name="Khối các cơ quan tham mưu tổng hợp tỉnh Quảng Trị").exists():
        return
    bloc = EmulationBloc(name="Khối các cơ quan tham mưu tổng hợp tỉnh Quảng Trị", kind=BlocKind.KHOI,
                         organiser=units["QT-UBND"], leader=units["QT-SNV"],
                         description="Giao ước thi đua hằng năm giữa các sở tham mưu tổng hợp.")
    save_bloc(bloc, [units[c] for c in ("QT-SNV", "QT-STC", "QT-SYT", "QT-SGDDT")], by=system_user)


def seed(system_user=None):
    units = _units(system_user)
    people = _people(units, system_user)
    _accounts(units)
    _system_admin()
    _blocs(units, system_user)
    return {"units": len(units), "people_created": people}
