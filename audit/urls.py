from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("nhat-ky-he-thong/", views.TrailView.as_view(), name="trail"),
    path("nhat-ky-he-thong/xuat-excel/", views.TrailExportView.as_view(), name="trail_export"),
]
