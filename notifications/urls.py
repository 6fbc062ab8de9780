from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("thong-bao/", views.NotificationList.as_view(), name="list"),
    path("thong-bao/chuong/", views.Bell.as_view(), name="bell"),
    path("thong-bao/chuong/so/", views.bell_link, name="bell_link"),
    path("thong-bao/<int:pk>/mo/", views.open_notification, name="open"),
    path("thong-bao/da-doc/", views.mark_all_read, name="mark_all_read"),
]
