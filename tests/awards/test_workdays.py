"""Working days of the public service (awards/services/workdays.py; docs/domain.md, Working days): Monday–Friday,
less the calendar's days off, plus its Saturdays worked; the day of the event is not counted (Bộ luật Dân sự 2015
Điều 147). The calendar's page is the system administrator's; everyone reads it."""
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.enums import DayKind
from awards.models import CalendarDay
from awards.services import workdays

pytestmark = pytest.mark.django_db

HOLIDAY, WORKDAY = DayKind.HOLIDAY, DayKind.WORKDAY


@pytest.fixture
def calendar_2026():
    """A calendar of this test alone (the migration's rows are removed first): Tết Dương lịch on Thursday 01/01
    with Friday 02/01 swapped for Saturday 10/01, and five days of Tết Nguyên đán, Monday 16/02 to Friday 20/02."""
    CalendarDay.objects.all().delete()
    rows = [(date(2026, 1, 1), HOLIDAY, "Tết Dương lịch"), (date(2026, 1, 2), HOLIDAY, "Nghỉ hoán đổi"),
            (date(2026, 1, 10), WORKDAY, "Làm bù ngày 02/01")]
    rows += [(date(2026, 2, day), HOLIDAY, "Tết Nguyên đán") for day in range(16, 21)]
    CalendarDay.objects.bulk_create(CalendarDay(day=d, kind=k, name=n) for d, k, n in rows)


@pytest.mark.parametrize("start, n, expected", [
    (date(2026, 2, 13), 1, date(2026, 2, 23)),     # Friday before Tết → the Monday after it
    (date(2026, 2, 23), -1, date(2026, 2, 13)),    # and back
    (date(2025, 12, 31), 1, date(2026, 1, 5)),     # 01/01 and its swapped 02/01 off, the weekend
    (date(2026, 1, 9), 1, date(2026, 1, 10)),      # the Saturday worked counts
    (date(2026, 1, 11), -1, date(2026, 1, 10)),
    (date(2026, 3, 2), 5, date(2026, 3, 9)),       # an ordinary week: Mon + 5 → next Mon
    (date(2026, 3, 7), 1, date(2026, 3, 9)),       # from a Saturday
    (date(2026, 3, 4), 0, date(2026, 3, 4)),
])
def test_nth_working_day(calendar_2026, start, n, expected):
    assert workdays.nth_working_day(start, n) == expected


@pytest.mark.parametrize("after, before, expected", [
    (date(2026, 1, 9), date(2026, 1, 12), 1),      # only the Saturday worked
    (date(2026, 2, 13), date(2026, 2, 23), 0),     # Tết and two weekends
    (date(2026, 2, 1), date(2026, 3, 1), 15),      # February: 20 weekdays, 5 of them Tết
    (date(2026, 3, 2), date(2026, 3, 2), 0),
    (date(2026, 3, 9), date(2026, 3, 2), 0),       # the wrong way round
])
def test_working_days_between(calendar_2026, after, before, expected):
    assert workdays.working_days_between(after, before) == expected


@pytest.mark.parametrize("published, days, expected", [
    # Published Monday 02/02: 3–6/02 (4), 9–13/02 (9), Tết 16–20/02, 23/02 the 10th → the council meets from 24/02
    (date(2026, 2, 2), 10, date(2026, 2, 24)),
    # Without a holiday: published Monday 02/03, the 10th working day is Monday 16/03 → from Tuesday 17/03
    (date(2026, 3, 2), 10, date(2026, 3, 17)),
    (date(2026, 3, 6), 1, date(2026, 3, 10)),      # published Friday: Monday 09/03 → from Tuesday
])
def test_earliest_meeting_day(calendar_2026, published, days, expected):
    assert workdays.earliest_meeting_day(published, days) == expected


def test_a_long_run_of_days_off_beyond_the_margin_is_read_further():
    CalendarDay.objects.all().delete()
    first = date(2030, 3, 4)
    CalendarDay.objects.bulk_create(CalendarDay(day=first + timedelta(days=i), name="Nghỉ") for i in range(90)
                                    if (first + timedelta(days=i)).weekday() < 5)
    assert workdays.nth_working_day(first - timedelta(days=1), 1) == first + timedelta(days=91)  # Mon after


def test_missing_years(calendar_2026):
    assert workdays.missing_years([2027, 2026, 2026]) == [2027]
    assert workdays.missing_years([]) == []


def test_a_day_worked_must_be_a_weekend_day():
    with pytest.raises(ValidationError, match="thứ Bảy hoặc Chủ nhật"):
        CalendarDay(day=date(2026, 3, 4), kind=WORKDAY, name="Làm bù").full_clean()
    CalendarDay(day=date(2026, 3, 7), kind=WORKDAY, name="Làm bù").full_clean()


def test_the_migration_fills_the_years_the_portal_starts_with():
    """Every year from 2025 to 2026 has its days off, each with the text that set it (docs/domain.md)."""
    assert workdays.missing_years([2025, 2026]) == []
    assert not CalendarDay.objects.filter(legal_basis="").exists()


# --- the pages -------------------------------------------------------------------------------------------------
def test_everyone_reads_the_year_with_its_working_days_per_month(calendar_2026, cast, client_for):
    page = client_for(cast.clerk_a).get(reverse("awards:calendar_list"), {"nam": "2026"})
    assert page.status_code == 200
    months = dict(page.context["months"])
    assert months[1] == 21   # 22 weekdays − 2 off + 1 Saturday worked
    assert months[2] == 15
    text = page.content.decode()
    assert "Tết Nguyên đán" in text and "Làm bù" in text
    assert "Thêm ngày nghỉ" not in text  # only the system administrator edits


@time_machine.travel(date(2026, 6, 1))
def test_a_year_without_days_is_said(calendar_2026, cast, client_for):
    text = client_for(cast.system).get(reverse("awards:calendar_list"), {"nam": "2026"}).content.decode()
    assert "Chưa nhập lịch ngày nghỉ năm 2027" in text
    assert "Chưa nhập lịch ngày nghỉ năm 2026" not in text


def test_the_system_administrator_adds_edits_and_removes_a_day(calendar_2026, cast, client_for):
    client = client_for(cast.system)
    response = client.post(reverse("awards:calendar_create"), {
        "day": "30/04/2026", "kind": "nghi", "name": "Ngày Chiến thắng", "legal_basis": "Điều 112 Bộ luật Lao động"})
    assert response.status_code == 302 and response["Location"].endswith("?nam=2026")
    day = CalendarDay.objects.get(day=date(2026, 4, 30))
    assert workdays.working_days_between(date(2026, 4, 29), date(2026, 5, 1)) == 0

    response = client.post(reverse("awards:calendar_create"), {
        "day": "30/04/2026", "kind": "nghi", "name": "Trùng", "legal_basis": ""})
    assert "Ngày này đã có trong lịch" in response.content.decode()
    assert response.context["form"]["name"].value() == "Trùng"  # what was typed is kept

    response = client.post(reverse("awards:calendar_update", args=[day.pk]), {
        "day": "29/04/2026", "kind": "lam-bu", "name": "Sai", "legal_basis": ""})
    assert "phải là thứ Bảy hoặc Chủ nhật" in response.content.decode()

    client.post(reverse("awards:calendar_delete", args=[day.pk]))
    assert not CalendarDay.objects.filter(pk=day.pk).exists()


def test_the_calendar_page_lists_in_a_fixed_number_of_queries(calendar_2026, cast, client_for,
                                                               django_assert_max_num_queries):
    client = client_for(cast.clerk_a)
    client.get(reverse("awards:calendar_list"))
    CalendarDay.objects.bulk_create(CalendarDay(day=date(2026, 6, d), name="Nghỉ") for d in (1, 2, 3, 4, 5))
    with django_assert_max_num_queries(12):
        client.get(reverse("awards:calendar_list"), {"nam": "2026"})
