from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("in/<slug:code>/<int:object_id>/", views.print_document, name="print"),
    path("in/<slug:code>/<int:object_id>/<slug:part>/", views.print_document, name="print_part"),
    path("van-ban/<int:pk>/", views.status, name="status"),
    path("van-ban/<int:pk>/tai-ve/", views.download, name="download"),
    path("van-ban/<int:pk>/word/", views.docx, name="docx"),
    path("van-ban/<int:pk>/tao-lai/", views.retry, name="retry"),
]
