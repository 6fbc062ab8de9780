"""The plan's own bases ("Thực hiện Chỉ thị số …", "Căn cứ Kế hoạch số … của Ủy ban nhân dân tỉnh", issue 15):
lines on the campaign, edited on its form, printed in the Kế hoạch after the legal-basis profile's lines, in the
unit's Tờ trình before the plan's own line, and in the context of the Quyết định (which prints the law only)."""
import pytest

from campaigns import documents as campaign_documents
from campaigns.models import Campaign
from core.pdf import render_pdf
from dossiers import documents
from tests.pdf_assertions import assert_in_order, pdf_text

from .conftest import BASIS

pytestmark = pytest.mark.django_db

DIRECTIVE = ("Thực hiện Chỉ thị số 19-CT/TU ngày 12 tháng 3 năm 2024 của Ban Thường vụ Tỉnh ủy về đẩy mạnh phong "
             "trào thi đua yêu nước;")
PROVINCE_PLAN = ("Căn cứ Kế hoạch số 45/KH-UBND ngày 02 tháng 7 năm 2024 của Ủy ban nhân dân tỉnh Thử về tổ chức "
                 "đợt thi đua đặc biệt;")
PLAN_BASES = [DIRECTIVE, PROVINCE_PLAN]


@pytest.fixture
def with_bases(campaign):
    campaign.plan_bases = f"  {DIRECTIVE}\n\n{PROVINCE_PLAN}  \n"
    campaign.save(update_fields=["plan_bases"])
    return campaign


def test_the_form_edits_the_plan_bases(cast, campaign, client_for):
    from tests.campaigns.test_pages import general_data

    typed = "\n".join(PLAN_BASES)
    response = client_for(cast.admin).post(f"/phong-trao/{campaign.pk}/sua/", {
        **general_data(cast, legal_profile=campaign.legal_profile.pk, plan_bases=typed),
        "amend-reason": "Bổ sung căn cứ của kế hoạch"})
    assert response.status_code == 302
    campaign = Campaign.objects.get(pk=campaign.pk)
    assert campaign.plan_bases == typed
    assert campaign.plan_basis_lines() == PLAN_BASES
    assert campaign.amendments.get().changes["plan_bases"] == ["", typed]


def test_the_plan_prints_its_bases_after_the_law(with_bases):
    context = campaign_documents.ke_hoach(with_bases)
    assert context["basis"] == [*BASIS, *PLAN_BASES]
    text = pdf_text(render_pdf("documents/ke_hoach.html", context, strict=True))
    assert_in_order(text, ["KẾ HOẠCH", *BASIS, DIRECTIVE, PROVINCE_PLAN, "Sở Nội vụ tỉnh Thử ban hành Kế hoạch",
                           "I. MỤC ĐÍCH, YÊU CẦU"])


def test_a_plan_without_bases_prints_the_law_only(campaign):
    assert campaign_documents.ke_hoach(campaign)["basis"] == BASIS


def test_the_units_memo_cites_the_plans_bases_before_the_plan(with_bases, dossier):
    context = documents.to_trinh(dossier)
    plan_line = "Căn cứ Kế hoạch số 173/KH-SNV ngày 10 tháng 7 năm 2024 của Sở Nội vụ tỉnh Thử"
    assert context["plan_bases"] == PLAN_BASES
    assert context["basis"][:4] == [*BASIS, *PLAN_BASES]
    assert context["basis"][4].startswith(plan_line)
    text = pdf_text(render_pdf("documents/to_trinh.html", context, strict=True))
    assert_in_order(text, ["TỜ TRÌNH", *BASIS, DIRECTIVE, PROVINCE_PLAN, plan_line,
                           "Căn cứ Biên bản họp bình xét thi đua, khen thưởng", "Phòng Tổ chức cán bộ kính đề nghị"])


def test_the_memo_of_a_plan_without_bases_is_unchanged(dossier):
    context = documents.to_trinh(dossier)
    assert context["plan_bases"] == []
    assert context["basis"][:2] == BASIS
    assert context["basis"][2].startswith("Căn cứ Kế hoạch số 173/KH-SNV")


def test_the_decision_has_the_plans_bases_in_its_context_and_prints_the_law(with_bases, decision):
    context = documents.quyet_dinh(decision)
    assert context["plan_bases"] == PLAN_BASES
    assert context["basis"] == BASIS
    text = pdf_text(render_pdf("documents/quyet_dinh.html", context, strict=True))
    assert_in_order(text, ["QUYẾT ĐỊNH", *BASIS, "Xét đề nghị tại Tờ trình số 07/TTr-TCCB"])
    assert "Chỉ thị số 19-CT/TU" not in text
