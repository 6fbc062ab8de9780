from django.urls import path

from .views import award_forms, calendar, profiles, salaries

app_name = "awards"

urlpatterns = [
    path("hinh-thuc/", award_forms.AwardFormListView.as_view(), name="awardform_list"),
    path("hinh-thuc/them/", award_forms.AwardFormCreateView.as_view(), name="awardform_create"),
    path("hinh-thuc/<int:pk>/sua/", award_forms.AwardFormUpdateView.as_view(), name="awardform_update"),
    path("can-cu/", profiles.ProfileListView.as_view(), name="profile_list"),
    path("can-cu/them/", profiles.ProfileCreateView.as_view(), name="profile_create"),
    path("can-cu/<int:pk>/sua/", profiles.ProfileUpdateView.as_view(), name="profile_update"),
    path("luong-co-so/", salaries.BaseSalaryListView.as_view(), name="salary_list"),
    path("luong-co-so/them/", salaries.BaseSalaryCreateView.as_view(), name="salary_create"),
    path("luong-co-so/<int:pk>/sua/", salaries.BaseSalaryUpdateView.as_view(), name="salary_update"),
    path("lich-nghi/", calendar.CalendarListView.as_view(), name="calendar_list"),
    path("lich-nghi/them/", calendar.CalendarCreateView.as_view(), name="calendar_create"),
    path("lich-nghi/<int:pk>/sua/", calendar.CalendarUpdateView.as_view(), name="calendar_update"),
    path("lich-nghi/<int:pk>/xoa/", calendar.CalendarDeleteView.as_view(), name="calendar_delete"),
]
