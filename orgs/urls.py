from django.urls import path

from .views import accounts, blocs, households, organisations, people, people_import, second_factor

app_name = "orgs"

urlpatterns = [
    path("don-vi/", organisations.OrganisationTreeView.as_view(), name="organisation_tree"),
    path("don-vi/them/", organisations.OrganisationCreateView.as_view(), name="organisation_create"),
    path("don-vi/tinh-moi/", organisations.ProvinceCreateView.as_view(), name="province_create"),
    path("don-vi/<int:pk>/", organisations.OrganisationDetailView.as_view(), name="organisation_detail"),
    path("don-vi/<int:pk>/sua/", organisations.OrganisationUpdateView.as_view(), name="organisation_update"),
    path("don-vi/<int:pk>/giai-the/", organisations.OrganisationDissolveView.as_view(),
         name="organisation_dissolve"),
    path("can-bo/", people.PersonListView.as_view(), name="person_list"),
    path("ho-gia-dinh/", households.HouseholdListView.as_view(), name="household_list"),
    path("ho-gia-dinh/them/", households.HouseholdCreateView.as_view(), name="household_create"),
    path("ho-gia-dinh/<int:pk>/sua/", households.HouseholdUpdateView.as_view(), name="household_update"),
    path("can-bo/them/", people.PersonCreateView.as_view(), name="person_create"),
    path("can-bo/nhap-excel/", people_import.PeopleImportView.as_view(), name="people_import"),
    path("can-bo/nhap-excel/mau.xlsx", people_import.PeopleImportTemplateView.as_view(),
         name="people_import_template"),
    path("can-bo/nhap-excel/<int:pk>/", people_import.PeopleImportStatusView.as_view(),
         name="people_import_status"),
    path("can-bo/<int:pk>/", people.PersonDetailView.as_view(), name="person_detail"),
    path("can-bo/<int:pk>/sua/", people.PersonUpdateView.as_view(), name="person_update"),
    path("nguoi-dung/", accounts.AccountListView.as_view(), name="account_list"),
    path("nguoi-dung/them/", accounts.AccountCreateView.as_view(), name="account_create"),
    path("nguoi-dung/<int:pk>/", accounts.AccountDetailView.as_view(), name="account_detail"),
    path("nguoi-dung/<int:pk>/sua/", accounts.AccountUpdateView.as_view(), name="account_update"),
    path("nguoi-dung/<int:pk>/mat-khau/", accounts.AccountPasswordView.as_view(), name="account_password"),
    path("nguoi-dung/<int:pk>/phan-quyen/", accounts.MembershipCreateView.as_view(),
         name="membership_create"),
    path("phan-quyen/<int:pk>/xoa/", accounts.MembershipDeleteView.as_view(), name="membership_delete"),
    path("nguoi-dung/<int:pk>/xac-thuc-hai-buoc/", second_factor.AccountResetView.as_view(),
         name="account_second_factor"),
    path("xac-thuc-hai-buoc/", second_factor.PolicyView.as_view(), name="second_factor_policy"),
    path("khoi-thi-dua/", blocs.BlocListView.as_view(), name="bloc_list"),
    path("khoi-thi-dua/them/", blocs.BlocCreateView.as_view(), name="bloc_create"),
    path("khoi-thi-dua/<int:pk>/", blocs.BlocDetailView.as_view(), name="bloc_detail"),
    path("khoi-thi-dua/<int:pk>/sua/", blocs.BlocUpdateView.as_view(), name="bloc_update"),
]
