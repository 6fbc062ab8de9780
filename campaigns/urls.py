from django.urls import path

from .views import campaigns, exports, registration_import, registrations

app_name = "campaigns"

urlpatterns = [
    path("phong-trao/", campaigns.CampaignListView.as_view(), name="campaign_list"),
    path("phong-trao/them/", campaigns.CampaignCreateView.as_view(), name="campaign_create"),
    path("phong-trao/<int:pk>/", campaigns.CampaignDetailView.as_view(), name="campaign_detail"),
    path("phong-trao/<int:pk>/sua/", campaigns.CampaignUpdateView.as_view(), name="campaign_update"),
    path("phong-trao/<int:pk>/sao-chep/", campaigns.CampaignCopyView.as_view(), name="campaign_copy"),
    path("phong-trao/<int:pk>/nhiem-vu-theo-quy/", campaigns.PlanTaskBoardView.as_view(), name="task_board"),
    path("phong-trao/<int:pk>/chuyen/<str:action>/", campaigns.CampaignTransitionView.as_view(),
         name="campaign_transition"),
    path("phong-trao/<int:pk>/muc/<slug:section>/", campaigns.CampaignSectionView.as_view(),
         name="campaign_section"),
    path("nhiem-vu/<int:pk>/tinh-trang/", campaigns.TaskStatusView.as_view(), name="task_status"),
    path("phong-trao/hinh-thuc/<int:pk>/chi-tieu-rieng/", campaigns.QuotaOverrideView.as_view(),
         name="quota_overrides"),
    # Registration (đăng ký thi đua)
    path("phong-trao/<int:pk>/dang-ky/", registrations.RegistrationEditView.as_view(), name="registration_edit"),
    path("phong-trao/<int:pk>/dang-ky/nhap-excel/", registration_import.RegistrationImportView.as_view(),
         name="registration_import"),
    path("phong-trao/<int:pk>/dang-ky/tong-hop/", registrations.RegistrationListView.as_view(),
         name="registration_list"),
    path("phong-trao/<int:pk>/dang-ky/xuat-excel/", exports.RegistrationExportView.as_view(),
         name="registration_excel"),
    path("dang-ky/<int:pk>/", registrations.RegistrationDetailView.as_view(), name="registration_detail"),
    path("dang-ky/<int:pk>/gui/", registrations.RegistrationSubmitView.as_view(), name="registration_submit"),
    path("dang-ky/<int:pk>/tra-lai/", registrations.RegistrationReturnView.as_view(), name="registration_return"),
    path("dang-ky/<int:pk>/tiep-nhan/", registrations.RegistrationAcceptView.as_view(),
         name="registration_accept"),
    # Public announcements (no login)
    path("cong-khai/phong-trao/", campaigns.PublicCampaignListView.as_view(), name="public_list"),
    path("cong-khai/phong-trao/<int:pk>/", campaigns.PublicCampaignDetailView.as_view(), name="public_detail"),
]
