"""Pages for the public service's calendar of days off and days worked (awards.CalendarDay): national data the
working-day time limits read (awards/services/workdays.py)."""
from datetime import date, timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.generic import CreateView, TemplateView, UpdateView

from documents.once import SubmitOnceMixin

from ..forms import CalendarDayForm
from ..models import CalendarDay
from ..services import catalogue, workdays
from .base import CatalogueFormMixin, CatalogueMixin

FIRST_YEAR, LAST_YEAR = 2000, 2100
ONE_DAY = timedelta(days=1)


def _year(value, default):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if FIRST_YEAR <= year <= LAST_YEAR else default


class CalendarListView(CatalogueMixin, TemplateView):
    """One year's days off and days worked, with the number of working days of each month."""

    template_name = "awards/calendar_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        year = _year(self.request.GET.get("nam"), today.year)
        days = list(CalendarDay.objects.filter(day__year=year))
        calendar = workdays.WorkCalendar(date(year, 1, 1), date(year, 12, 31))
        months = [(month, calendar.count(date(year, month, 1) - ONE_DAY, _next_month(year, month)))
                  for month in range(1, 13)]
        years = sorted({d.year for d in CalendarDay.objects.dates("day", "year")} | {today.year, year})
        return super().get_context_data(
            year=year, days=days, months=months, total=sum(n for _, n in months), years=years,
            missing=workdays.missing_years([today.year, today.year + 1]),
            previous_year=year - 1, next_year=year + 1, **kwargs)


def _next_month(year, month):
    return date(year + (month == 12), month % 12 + 1, 1)


class CalendarFormMixin(CatalogueFormMixin):
    model = CalendarDay
    form_class = CalendarDayForm
    template_name = "awards/calendar_form.html"
    success_message = "Đã lưu {}."

    def get_success_url(self):
        return f"{reverse('awards:calendar_list')}?nam={self.object.day.year}"

    def form_valid(self, form):
        self.object = form.save()
        messages.success(self.request, self.success_message.format(self.object))
        return redirect(self.get_success_url())


class CalendarCreateView(SubmitOnceMixin, CalendarFormMixin, CreateView):
    pass


class CalendarUpdateView(CalendarFormMixin, UpdateView):
    pass


class CalendarDeleteView(CatalogueFormMixin, TemplateView):
    http_method_names = ["post"]
    success_url = reverse_lazy("awards:calendar_list")

    def post(self, request, pk):
        day = get_object_or_404(CalendarDay, pk=pk)
        catalogue.delete_calendar_day(day, by=request.user)
        messages.success(request, f"Đã xóa {day} khỏi lịch.")
        return redirect(f"{self.success_url}?nam={day.day.year}")
