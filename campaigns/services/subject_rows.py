"""The columns that say who a row of an imported list names, shared by the Excel imports of a unit's registration
lines (registration_import) and of a dossier's nominees (dossiers.services.nominee_import): Đối tượng (cá nhân,
tập thể, hộ gia đình), Họ và tên / Tên tập thể / Chủ hộ, Ngày sinh, Mã đơn vị. A row is read against the unit's
own people (active, in the unit and its sub-units), current units and households, as the pickers of both pages
offer them (orgs.services.subjects.SubjectResolver): a person of another unit is not found.
"""
from awards.enums import SubjectType
from core.text import search_key
from core.xlsx import cell_text, row_date
from orgs.models import Household, Person
from orgs.services.subjects import SubjectResolver

# column key -> (header shown in the template, accepted header spellings after search_key)
SUBJECT_COLUMNS = {
    "subject_type": ("Đối tượng", {"doi tuong", "loai doi tuong", "doi tuong de nghi"}),
    "subject": ("Họ và tên / Tên tập thể / Chủ hộ", {
        "ho va ten / ten tap the / chu ho", "ho va ten, ten tap the, chu ho", "ho va ten / ten tap the",
        "ho va ten", "ho ten", "ten tap the", "chu ho", "ten", "ca nhan, tap the", "ten ca nhan, tap the"}),
    "date_of_birth": ("Ngày sinh", {"ngay sinh", "ngay thang nam sinh"}),
    "org_code": ("Mã đơn vị", {"ma don vi", "ma don vi cong tac"}),
}
SUBJECT_TYPES = {
    **{search_key(label): value for value, label in SubjectType.choices},
    **{value: value for value in SubjectType.values}, "ho": SubjectType.HOUSEHOLD, "ho gd": SubjectType.HOUSEHOLD,
}
SUBJECT_EXAMPLES = [
    ["Cá nhân", "Nguyễn Thị Hương", "05/03/1985", ""],
    ["Tập thể", "Phòng Tổ chức cán bộ", "", "QT-SNV-TCCB"],
    ["Hộ gia đình", "Trần Văn Lộc", "", ""],
]


def resolver_for(unit, rows, *, households=True):
    """The SubjectResolver of `rows` ([(row number, values)]) within `unit`: its active people, its current units
    and (when `households`) its households, each with its sub-units'."""
    names = [{"subject": cell_text(values.get("subject")), "org_code": cell_text(values.get("org_code"))}
             for _, values in rows]
    return SubjectResolver(
        names, units=unit.descendants(include_self=True).current(),
        people=Person.objects.filter(organisation__path__startswith=unit.path, is_active=True),
        households=Household.objects.filter(organisation__path__startswith=unit.path) if households else None,
        person_noun="cá nhân", unit_column="Mã đơn vị", within=f"trong {unit.name} (kể cả đơn vị trực thuộc)")


def read_subject(values, resolver, errors, *, allowed=tuple(SubjectType.values),
                 refused="danh sách này không nhận {label}"):
    """(subject type, person, organisation, household) a row names (None where unknown), adding to `errors` a
    lower-case clause for each problem. `allowed`: the subject types the list takes, `refused` the clause for
    one it does not ({label}: the subject type). A collective is named by its unit code (Mã đơn vị) or its
    name; a person by name, date of birth (two namesakes) and unit code; a household by its head's name and
    unit code."""
    type_text, name = cell_text(values.get("subject_type")), cell_text(values.get("subject"))
    org_code = cell_text(values.get("org_code"))
    date_of_birth = row_date(values, "date_of_birth", SUBJECT_COLUMNS, errors)
    subject_type = SUBJECT_TYPES.get(search_key(type_text)) if type_text else None
    if not type_text:
        errors.append(f"thiếu “{SUBJECT_COLUMNS['subject_type'][0]}” (cá nhân, tập thể hoặc hộ gia đình)")
    elif subject_type is None:
        errors.append(f"đối tượng “{type_text}” không hợp lệ (cá nhân, tập thể hoặc hộ gia đình)")
    elif subject_type not in allowed:
        errors.append(refused.format(label=SubjectType(subject_type).label.lower()))
        subject_type = None
    unit = resolver.unit(org_code)
    if org_code and unit is None:
        errors.append(f"mã đơn vị “{org_code}” không có {resolver.within}")
        return subject_type, None, None, None
    if subject_type == SubjectType.COLLECTIVE and unit is not None:
        return subject_type, None, unit, None
    if not name:
        errors.append(f"thiếu “{SUBJECT_COLUMNS['subject'][0]}”")
        return subject_type, None, None, None
    person = organisation = household = None
    problem = None
    if subject_type == SubjectType.INDIVIDUAL:
        person, problem = resolver.person(name, date_of_birth, unit)
    elif subject_type == SubjectType.COLLECTIVE:
        organisation, problem = resolver.unit_named(name)
    elif subject_type == SubjectType.HOUSEHOLD:
        household, problem = resolver.household(name, unit)
    if problem:
        errors.append(problem)
    return subject_type, person, organisation, household


def subject_key(subject_type, person, organisation, household):
    """What makes two rows name the same subject (for "Trùng với dòng N")."""
    return subject_type, getattr(person, "pk", None), getattr(organisation, "pk", None), getattr(household, "pk", None)
