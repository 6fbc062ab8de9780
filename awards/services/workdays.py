"""Working days of the public service (docs/domain.md, Working days): the time limits the law counts in "ngày làm
việc" (the public comment before the council, the office's review of a dossier).

A day is a working day when it is Monday to Friday (Quyết định 188/1999/QĐ-TTg: the public service works five days
a week) and not a day off of awards.CalendarDay (holidays and Tết of Bộ luật Lao động 2019 Điều 112, compensatory
and swapped days off), or a Saturday / Sunday the calendar makes a working day (làm bù). A year the system
administrator has not entered counts Monday–Friday only: `missing_years` says which, for the pages to warn.

Counting follows Bộ luật Dân sự 2015 Điều 147 khoản 1: the day of the event is not counted, the period runs from
the next day. A WorkCalendar reads the exceptions of a span of dates in one query.
"""
from datetime import date, timedelta

from ..enums import DayKind
from ..models import CalendarDay

WEEKEND = (5, 6)  # Saturday, Sunday
SPAN_MARGIN = 40  # calendar days read beyond what n working days need at least (Tết: up to 9 days off in a row)


class WorkCalendar:
    """The exceptions of [first, last] read once; `is_working` answers for any day (outside the span: Monday–Friday).
    """

    def __init__(self, first, last):
        self.first, self.last = first, last
        self.exceptions = dict(CalendarDay.objects.filter(day__range=(first, last)).values_list("day", "kind"))

    def covers(self, day):
        return self.first <= day <= self.last

    def is_working(self, day):
        kind = self.exceptions.get(day)
        if kind == DayKind.HOLIDAY:
            return False
        if kind == DayKind.WORKDAY:
            return True
        return day.weekday() not in WEEKEND

    def count(self, after, before):
        """Working days strictly between `after` and `before` (neither counted)."""
        day, total = after + timedelta(days=1), 0
        while day < before:
            total += self.is_working(day)
            day += timedelta(days=1)
        return total


def _span_for(start, n, direction):
    reach = start + direction * timedelta(days=n * 2 + SPAN_MARGIN)
    return (start, reach) if direction > 0 else (reach, start)


def nth_working_day(start, n, *, calendar=None):
    """The n-th working day after `start` (n > 0; `start` not counted), or before it (n < 0)."""
    if n == 0:
        return start
    direction = 1 if n > 0 else -1
    calendar = calendar or WorkCalendar(*_span_for(start, abs(n), direction))
    day, left = start, abs(n)
    while left:
        day += timedelta(days=direction)
        if not calendar.covers(day):  # a long run of days off beyond the margin: read further
            calendar = WorkCalendar(*_span_for(day, left, direction))
        left -= calendar.is_working(day)
    return day


def working_days_between(after, before):
    """Working days strictly between the dates `after` and `before`."""
    if before <= after:
        return 0
    return WorkCalendar(after, before).count(after, before)


def earliest_meeting_day(published_on, days):
    """The first day a council may meet on a list published on `published_on` that must be public for `days`
    working days before the meeting: the day after the days-th working day after the publication."""
    return nth_working_day(published_on, days) + timedelta(days=1)


def missing_years(years):
    """The years among `years` for which the calendar holds no day at all (only Monday–Friday is then known)."""
    years = sorted(set(years))
    if not years:
        return []
    known = {day.year for day in CalendarDay.objects.filter(
        day__range=(date(years[0], 1, 1), date(years[-1], 12, 31))).dates("day", "year")}
    return [year for year in years if year not in known]
