from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("bao-cao-thong-ke/", views.StatutoryView.as_view(), name="statutory"),
    path("bao-cao-thong-ke/<int:body>/<int:year>/<slug:code>/excel/", views.StatutoryExcelView.as_view(),
         name="statutory_excel"),
    path("bao-cao-noi-bo/", views.OfficeView.as_view(), name="office"),
    path("bao-cao-noi-bo/<int:body>/<int:year>/<slug:kind>/excel/", views.OfficeExcelView.as_view(),
         name="office_excel"),
]
