"""Awards outside campaigns (issue 18): a track of one loại hình (CampaignKind.TRACK), the Báo cáo form its
legal-basis profile prescribes (awards.models.report_template), the đột xuất fast path (no Biên bản where the
track asks none, "khẩn" first in the office's inbox), and the loại hình on the award."""
from datetime import date

import pytest
from django.urls import reverse

from awards.enums import ReportLayout
from awards.models import AwardForm, LegalBasisProfile, ReportTemplate, report_template
from campaigns.enums import CampaignKind
from campaigns.models import Campaign, CampaignParticipant
from campaigns.services.campaigns import offer_award
from campaigns.services.campaigns import transition as campaign_transition
from core.pdf import render_pdf
from dossiers import documents
from dossiers.enums import Outcome
from dossiers.forms.dossiers import ReportForm
from dossiers.models import Decision
from dossiers.services import building, checks, decisions
from dossiers.services.workflow import transition
from tests.pdf_assertions import assert_in_order, pdf_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("award_type", "subject_type", "expected"), [
    ("dot_xuat", "individual", ("Mẫu số 06", "dot_xuat")),  # the profile's row
    ("cong_hien", "individual", ("Mẫu số 03", "cong_hien")),
    ("cong_trang", "collective", ("Mẫu số 01", "cong_trang")),
    ("dot_chuyen_de", "individual", ("Mẫu số 07", "dot_chuyen_de")),
    ("nien_han", "individual", ("", "cong_trang")),  # no row, not a drive: no form number, the merit layout
])
def test_the_form_of_a_kind_under_nd_91(award_type, subject_type, expected):
    profile = LegalBasisProfile.objects.get(code="nd-91-2017")
    found = report_template(profile, award_type, subject_type)
    assert (found.label, found.layout) == expected


@pytest.mark.parametrize(("award_type", "expected"), [
    ("dot_chuyen_de", ("Mẫu số 08", "dot_chuyen_de")),  # the profile's drive form
    ("dot_xuat", ("", "dot_xuat")), ("cong_hien", ("", "cong_hien")), ("cong_trang", ("", "cong_trang")),
])
def test_a_profile_without_rows_numbers_only_its_drive_form(award_type, expected):
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    profile.report_templates.all().delete()
    found = report_template(profile, award_type, "individual")
    assert (found.label, found.layout) == expected


def test_a_campaigns_loai_hinh_follows_its_kind_and_a_track_keeps_its_own(cast):
    kinds = {kind: Campaign.objects.create(kind=kind, issuer=cast.body, title=kind, period_start=date(2026, 1, 1),
                                           period_end=date(2026, 12, 31), award_type="dot_xuat").award_type
             for kind in ("annual", "drive", "thematic", "track")}
    assert kinds == {"annual": "cong_trang", "drive": "dot_chuyen_de", "thematic": "dot_chuyen_de",
                     "track": "dot_xuat"}
    assert list(Campaign.objects.campaigns().values_list("kind", flat=True).order_by("kind")) == [
        "annual", "drive", "thematic"]


@pytest.fixture
def track(cast):
    """The Sở's track of đột xuất awards under nd-152-2025 (with a Mẫu số for the individual's form), offering
    its Giấy khen, no Biên bản among its components, nobody on the council."""
    profile = LegalBasisProfile.objects.get(code="nd-152-2025")
    ReportTemplate.objects.create(profile=profile, award_type="dot_xuat", subject_type="individual",
                                  label="Mẫu số 05", layout=ReportLayout.SUDDEN, source="(thử)")
    track = Campaign.objects.create(kind=CampaignKind.TRACK, award_type="dot_xuat", issuer=cast.body,
                                    title="Khen thưởng đột xuất của Sở Nội vụ", period_start=date(2025, 1, 1),
                                    legal_profile=profile, eligible_subject_types=["individual", "collective"])
    offer = offer_award(track, AwardForm.objects.get(code="giay-khen"), copies=1, order=1, by=cast.admin)
    offer.council_vote = "no"
    offer.save(update_fields=["council_vote"])
    track.components.all().delete()
    CampaignParticipant.objects.create(campaign=track, organisation=cast.unit_a, include_subtree=True)
    return campaign_transition(track, "launch", by=cast.admin)


def sudden_dossier(cast, track):
    dossier = building.start_dossier(track, cast.unit_a, track.awards.get(), by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    report = nomination.report
    report.position = "Chuyên viên"
    report.results = "Ngày 12/8/2025 đã dũng cảm cứu 02 học sinh bị đuối nước tại sông Thạch Hãn."
    building.save_report(report, summary="Dũng cảm cứu người bị đuối nước.", criteria=[], by=cast.clerk_a)
    dossier.memo_number, dossier.memo_date, dossier.urgent = "09/TTr-TCCB", date(2025, 8, 13), True
    building.save_dossier(dossier, by=cast.clerk_a)
    return dossier


def test_an_urgent_sudden_award_needs_no_meeting_and_no_rating(cast, track):
    dossier = sudden_dossier(cast, track)
    nomination = dossier.nominations.get()
    assert nomination.report.missing_fields() == []
    form = ReportForm(instance=nomination.report)
    assert "rating" not in form.fields and "results" in form.fields
    checks.store(dossier)
    nomination.refresh_from_db()
    meeting = next(c for c in nomination.checks if c["code"] == "meeting_vote")
    assert meeting["passed"] and "Không bắt buộc họp bình xét" in meeting["message"]


def test_the_sudden_reports_and_memo_say_what_was_done(cast, track):
    dossier = sudden_dossier(cast, track)
    nomination = dossier.nominations.get()
    text = pdf_text(render_pdf("bao_cao.html", documents.bao_cao(nomination), strict=True))
    assert_in_order(text, ["Mẫu số 05", "BÁO CÁO THÀNH TÍCH", "Thành tích xuất sắc đột xuất",
                           "II. THÀNH TÍCH XUẤT SẮC ĐỘT XUẤT", "Tóm tắt hành động, thành tích",
                           "dũng cảm cứu 02 học sinh", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"])
    assert "xếp loại" not in text.lower() and "phong trào" not in text
    memo = pdf_text(render_pdf("to_trinh.html", documents.to_trinh(dossier), strict=True))
    assert "đã có thành tích xuất sắc đột xuất, cụ thể như sau" in " ".join(memo.split())
    assert "phong trào" not in memo


def test_the_sudden_award_is_decided_with_its_loai_hinh_and_the_office_sees_it_first(cast, track, client_for):
    dossier = sudden_dossier(cast, track)
    dossier = transition(dossier, "submit", by=cast.clerk_a)
    inbox = client_for(cast.reviewer).get(reverse("dossiers:inbox"), {"khan": "on"})
    assert [d.pk for d in inbox.context["page"].items] == [dossier.pk]
    assert "Khẩn" in inbox.content.decode()
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    nomination = dossier.nominations.get()
    building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer, override_reason="Đồng ý")
    dossier = transition(transition(dossier, "accept", by=cast.reviewer), "to_leader", by=cast.reviewer)
    decisions.approve(dossier.nominations.get(), approved=True, by=cast.approver)
    decision = decisions.sign_decision(Decision(
        issuer=cast.body, campaign=track, number=40, symbol="QĐ-SNV", date=date(2025, 8, 15),
        title="Về việc khen thưởng đột xuất", signer_name="Lê Quang Thắng", signer_title="Giám đốc",
        legal_profile=track.legal_profile), list(dossier.nominations.all()), by=cast.approver)
    assert [(a.award_type, a.subject_class) for a in decision.awards.all()] == [("dot_xuat", "truc_tiep")]


def test_the_word_copy_of_a_sudden_report_follows_its_layout(cast, track):
    import io

    from docx import Document

    from dossiers.docx import bao_cao_docx

    dossier = sudden_dossier(cast, track)
    context = documents.bao_cao(dossier.nominations.get())
    text = "\n".join(p.text for p in Document(io.BytesIO(bao_cao_docx(context))).paragraphs)
    assert_in_order(text, ["Mẫu số 05", "(Thành tích xuất sắc đột xuất)", "II. THÀNH TÍCH XUẤT SẮC ĐỘT XUẤT",
                           "Tóm tắt hành động, thành tích", "dũng cảm cứu 02 học sinh"])
    assert "xếp loại" not in text.lower() and "phong trào" not in text


def test_the_report_page_names_the_form_and_asks_no_rating(cast, track, client_for):
    from django.urls import reverse

    nomination = sudden_dossier(cast, track).nominations.get()
    page = client_for(cast.clerk_a).get(reverse("dossiers:report_edit", args=[nomination.pk])).content.decode()
    assert "Báo cáo thành tích (Mẫu số 05) đề nghị tặng Giấy khen" in page
    assert 'name="rating"' not in page and "Tóm tắt hành động, thành tích xuất sắc đột xuất" in page


def test_the_tracks_page_shows_no_plan_sections_it_does_not_use(cast, track, client_for):
    page = client_for(cast.clerk_a).get(track.get_absolute_url()).content.decode()
    assert 'id="track-note"' in page and "Nhận đề nghị quanh năm" in page
    assert "Hạn tổng kết" not in page and 'id="targets"' not in page and 'id="print-plan"' not in page
