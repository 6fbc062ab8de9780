"""One's own second factor, under /tai-khoan/ (portal/otp_views.py)."""
from django.urls import path

from . import otp_views

urlpatterns = [
    path("xac-thuc-hai-buoc/", otp_views.account, name="second_factor"),
    path("xac-thuc-hai-buoc/nhap-ma/", otp_views.verify, name="second_factor_verify"),
    path("xac-thuc-hai-buoc/dang-ky/", otp_views.enrol, name="second_factor_enrol"),
    path("xac-thuc-hai-buoc/ma-du-phong/", otp_views.codes, name="second_factor_codes"),
    path("xac-thuc-hai-buoc/tat/", otp_views.disable, name="second_factor_disable"),
]
