from django.urls import path

from . import views

app_name = "funds"

urlpatterns = [
    path("quy-thi-dua/", views.FundView.as_view(), name="fund"),
    path("quy-thi-dua/<int:body>/<slug:direction>/them/", views.EntryCreateView.as_view(), name="entry_add"),
    path("quy-thi-dua/khoan/<int:pk>/sua/", views.EntryUpdateView.as_view(), name="entry_edit"),
    path("quy-thi-dua/khoan/<int:pk>/xoa/", views.EntryDeleteView.as_view(), name="entry_delete"),
    path("quy-thi-dua/<int:body>/<int:year>/so-du-dau-nam/", views.OpeningBalanceView.as_view(), name="opening"),
    path("quy-thi-dua/<int:body>/<int:year>/excel/", views.FundExportView.as_view(), name="export"),
]
