from django.urls import path

from .views import (
    attachments,
    bulk,
    council,
    decisions,
    dossiers,
    inbox,
    layouts,
    meetings,
    printing,
    progress,
    register,
    rule_settings,
    verify,
)

app_name = "dossiers"

urlpatterns = [
    # the unit's side
    path("ho-so/", dossiers.DossierListView.as_view(), name="dossier_list"),
    path("ho-so/tao/", dossiers.DossierCreateView.as_view(), name="dossier_create"),
    path("ho-so/<int:pk>/", dossiers.DossierDetailView.as_view(), name="dossier_detail"),
    path("ho-so/<int:pk>/sua/", dossiers.DossierUpdateView.as_view(), name="dossier_update"),
    path("ho-so/<int:pk>/them-nguoi/", dossiers.NomineeAddView.as_view(), name="nominee_add"),
    path("ho-so/<int:pk>/tim-can-bo/", dossiers.NomineeSearchView.as_view(), name="nominee_search"),
    path("ho-so/<int:pk>/chuyen/<slug:action>/", dossiers.DossierTransitionView.as_view(),
         name="dossier_transition"),
    path("ho-so/<int:pk>/kiem-tra-lai/", dossiers.RecheckView.as_view(), name="recheck"),
    path("ho-so/<int:pk>/lan-nop/<int:number>/", dossiers.DossierVersionView.as_view(), name="dossier_version"),
    path("de-nghi/<int:pk>/bao-cao/", dossiers.ReportEditView.as_view(), name="report_edit"),
    path("de-nghi/<int:pk>/xoa/", dossiers.NomineeRemoveView.as_view(), name="nominee_remove"),
    # the standing office
    path("hop-thu/", inbox.InboxView.as_view(), name="inbox"),
    path("hop-thu/xuat-excel/", inbox.InboxExportView.as_view(), name="inbox_export"),
    path("hop-thu/tiep-nhan/", bulk.AcceptManyView.as_view(), name="accept_many"),
    path("tep-xuat/<int:pk>/", inbox.ExportStatusView.as_view(), name="export_status"),
    path("tep-xuat/<int:pk>/tai-ve/", inbox.ExportDownloadView.as_view(), name="export_download"),
    path("ho-so/<int:pk>/tham-dinh/", inbox.ReviewView.as_view(), name="review"),
    path("de-nghi/<int:pk>/ket-luan/", inbox.VerdictView.as_view(), name="verdict"),
    # Biên bản họp bình xét
    path("bien-ban/", meetings.MeetingListView.as_view(), name="meeting_list"),
    path("bien-ban/tao/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("bien-ban/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting_detail"),
    path("bien-ban/<int:pk>/sua/", meetings.MeetingUpdateView.as_view(), name="meeting_update"),
    path("bien-ban/<int:pk>/bieu-quyet/", meetings.MeetingVotesView.as_view(), name="meeting_votes"),
    # the council (Hội đồng TĐKT)
    path("hoi-dong/", council.CouncilListView.as_view(), name="council_list"),
    path("hoi-dong/tao/", council.CouncilCreateView.as_view(), name="council_create"),
    path("hoi-dong/<int:pk>/", council.CouncilDetailView.as_view(), name="council_detail"),
    path("hoi-dong/<int:pk>/phieu/", council.CouncilBallotsView.as_view(), name="council_ballots"),
    path("hoi-dong/<int:pk>/ket-thuc/", council.CouncilCloseView.as_view(), name="council_close"),
    path("hoi-dong/thanh-phan/", council.CouncilSeatsView.as_view(), name="council_seats"),
    path("hoi-dong/<int:pk>/bo-phieu/", council.CouncilVoteView.as_view(), name="council_vote"),
    path("hoi-dong/<int:pk>/y-kien/<int:member>/", council.WrittenOpinionView.as_view(), name="council_written"),
    path("hoi-dong/<int:pk>/kiem-phieu/", council.CountSheetView.as_view(), name="council_count_sheet"),
    path("hoi-dong/<int:pk>/tep/kiem-phieu/", council.CouncilFileView.as_view(), name="council_count_file"),
    path("hoi-dong/<int:pk>/tep/y-kien/<int:member>/", council.CouncilFileView.as_view(),
         name="council_written_file"),
    # the leader: approve, sign, forward; decisions
    path("phe-duyet/", decisions.ApprovalQueueView.as_view(), name="approval_queue"),
    path("de-nghi/<int:pk>/phe-duyet/", decisions.ApproveView.as_view(), name="approve"),
    path("phe-duyet/nhieu/", bulk.ApproveManyView.as_view(), name="approve_many"),
    path("quyet-dinh/", decisions.DecisionListView.as_view(), name="decision_list"),
    path("quyet-dinh/ky/", decisions.DecisionSignView.as_view(), name="decision_sign"),
    path("quyet-dinh/<int:pk>/", decisions.DecisionDetailView.as_view(), name="decision_detail"),
    path("trinh-cap-tren/", decisions.ForwardView.as_view(), name="forward"),
    path("trinh-cap-tren/<int:pk>/", decisions.ForwardingDetailView.as_view(), name="forwarding_detail"),
    path("trinh-cap-tren/<int:pk>/ket-qua/", decisions.HigherDecisionView.as_view(), name="higher_decision"),
    path("ho-so/<int:pk>/tai-zip/", printing.dossier_zip, name="dossier_zip"),
    # the office: who sent, who is late; bulk reminders through the outbox
    path("phong-trao/<int:pk>/tien-do/", progress.CampaignProgressView.as_view(), name="campaign_progress"),
    path("phong-trao/<int:pk>/nhac-tre-han/", progress.RemindLateView.as_view(), name="remind_late"),
    path("phong-trao/<int:pk>/hop-thu-cho/<int:batch>/", progress.OutboxBatchView.as_view(), name="outbox_batch"),
    # public: what a certificate's QR code opens
    path("xac-minh/<str:code>/", verify.verify_award, name="verify_award"),
    # the award register (sổ khen thưởng)
    path("so-khen-thuong/", register.RegisterSearchView.as_view(), name="register"),
    path("so-khen-thuong/them/", register.AwardCreateView.as_view(), name="award_create"),
    path("so-khen-thuong/nhap-excel/", register.AwardImportView.as_view(), name="award_import"),
    path("so-khen-thuong/nhap-excel/<int:pk>/", register.AwardImportStatusView.as_view(),
         name="award_import_status"),
    path("so-khen-thuong/ca-nhan/<int:pk>/", register.PersonHistoryView.as_view(), name="person_history"),
    path("so-khen-thuong/tap-the/<int:pk>/", register.UnitHistoryView.as_view(), name="unit_history"),
    # configuration: which eligibility rules block and which warn
    path("quy-tac-xet/", rule_settings.RuleSettingsView.as_view(), name="rule_settings"),
    path("so-khen-thuong/phoi/", layouts.LayoutListView.as_view(), name="layout_list"),
    path("so-khen-thuong/phoi/<int:pk>/", layouts.LayoutEditView.as_view(), name="layout_edit"),
    path("phong-trao/<int:pk>/quy-tac-xet/", rule_settings.CampaignRulesView.as_view(), name="campaign_rules"),
    # attachments
    path("ho-so/<int:pk>/tai-lieu/", attachments.AttachmentUploadView.as_view(), name="attachment_upload"),
    path("tai-lieu/<int:pk>/", attachments.AttachmentDownloadView.as_view(), name="attachment_download"),
    path("tai-lieu/<int:pk>/xoa/", attachments.AttachmentDeleteView.as_view(), name="attachment_delete"),
]
