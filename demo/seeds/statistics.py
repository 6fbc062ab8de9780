"""What the statistical biểu of the demo's year need (issue 19, reports app): the demo's own decisions of that year
are Giấy khen (no column of 0602 / 0603) and its Bằng khen are still on their way, so the Quảng Trị register gets
three awards of the demo's year typed by the office, as an office types the decisions that reached it on paper:
a Bằng khen of the Thủ tướng (0602), a Bằng khen and a CSTĐ cấp tỉnh of the Chủ tịch UBND tỉnh (0603).
Idempotent: each is looked up by its decision number first."""
from datetime import date, timedelta

from django.contrib.auth import get_user_model

from awards.enums import AwardType
from awards.models import AwardForm
from dossiers.models import Award
from dossiers.services import register
from orgs.models import Organisation, Person

TYPED = [  # (award form, decision number, decided by, loại hình, person's name or None for the unit, unit code)
    ("bang-khen-ttg", "1520/QĐ-TTg", "Thủ tướng Chính phủ", AwardType.DRIVE, "Nguyễn Văn Hùng", "QT-SNV-TCBC"),
    ("bang-khen-tinh", "2650/QĐ-UBND", "Chủ tịch UBND tỉnh", AwardType.MERIT, None, "QT-SNV-TTLT"),
    ("cstd-tinh", "2651/QĐ-UBND", "Chủ tịch UBND tỉnh", AwardType.MERIT, "Trần Minh Tuấn", "QT-SNV-TCBC"),
]


def seed(day):
    """The awards above, dated some weeks before the demo's day within its year; returns how many were added."""
    admin = get_user_model().objects.filter(username="quantri").first()
    if admin is None:
        return 0
    when = min(day, max(date(day.year, 1, 2), day - timedelta(days=40)))
    added = 0
    for code, number, decided_by, award_type, name, unit_code in TYPED:
        if Award.objects.filter(decision_number=number).exists():
            continue
        unit = Organisation.objects.filter(code=unit_code).first()
        person = Person.objects.filter(full_name=name, organisation=unit).first() if name else None
        if unit is None or (name and person is None):
            continue
        register.record_award(award_form=AwardForm.objects.get(code=code), decision_number=number,
                              decision_date=when, decided_by=decided_by, award_type=award_type, person=person,
                              organisation=None if person else unit, by=admin)
        added += 1
    return added
