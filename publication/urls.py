from django.urls import path

from . import views

app_name = "publication"

urlpatterns = [
    # public, no login (the campaigns' public pages are /cong-khai/phong-trao/)
    path("cong-khai/quyet-dinh/", views.decision_list, name="decision_list"),
    path("cong-khai/quyet-dinh/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("cong-khai/tra-cuu/", views.lookup, name="lookup"),
    path("cong-khai/tra-cuu/in/", views.lookup_print, name="lookup_print"),
    path("cong-khai/lay-y-kien/", views.comment_windows, name="comment_windows"),
    path("cong-khai/lay-y-kien/<int:pk>/", views.comment_window, name="comment_window"),
    path("cong-khai/lay-y-kien/<int:pk>/gop-y/<int:nominee>/", views.comment_form, name="comment_form"),
    # the province's admin
    path("cau-hinh-cong-bo/", views.SettingsView.as_view(), name="settings"),
]
