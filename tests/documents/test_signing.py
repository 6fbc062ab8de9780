"""Who signs the printed acts (Nghị định 30/2020): a Phó Chủ tịch signing for the Chủ tịch UBND tỉnh prints
"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; the decision speaks in the authority's name ("Chủ tịch Ủy ban nhân dân
tỉnh …"), and so do its list and the register, never in the deputy's; a unit's Tờ trình is addressed to the
issuing body's council by its proper name."""
from datetime import date

import pytest

from core.pdf import render_pdf
from dossiers import documents
from dossiers.models import Decision
from dossiers.services import decisions
from tests.pdf_assertions import assert_in_order, pdf_text, save_png

from .conftest import awaiting

pytestmark = pytest.mark.django_db


def test_a_deputy_signs_for_the_director(cast, campaign, dossier):
    dossier = awaiting(cast, dossier)
    for nomination in dossier.nominations.all():
        decisions.approve(nomination, approved=True, by=cast.approver)
    decision = decisions.sign_decision(Decision(
        issuer=cast.body, campaign=campaign, number=12, symbol="QĐ-SNV", date=date(2025, 8, 20),
        title="Về việc tặng Giấy khen", signer_name="Hoàng Nam", signer_title="Phó Giám đốc", sign_as="kt",
        legal_profile=campaign.legal_profile), list(dossier.nominations.all()), by=cast.approver)
    pdf = render_pdf("documents/quyet_dinh.html", documents.quyet_dinh(decision), strict=True)
    save_png(pdf, "quyet_dinh-kt")
    text = pdf_text(pdf)
    assert_in_order(text, ("SỞ NỘI VỤ TỈNH THỬ", "QUYẾT ĐỊNH", "GIÁM ĐỐC SỞ NỘI VỤ TỈNH THỬ",
                           "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Nam", "của Giám đốc Sở Nội vụ tỉnh Thử)"))
    assert "PHÓ GIÁM ĐỐC SỞ NỘI VỤ" not in text and "GIÁM ĐỐC SỞ SỞ" not in text
    assert {a.decided_by for a in decision.awards.all()} == {"Giám đốc Sở Nội vụ tỉnh Thử"}
    # the province's chairman's deputy, on a decision of the UBND tỉnh
    decision.pk, decision.issuer, decision.signer_title = None, cast.province, "Phó Chủ tịch"
    decision.symbol, decision.number = "QĐ-UBND", 13
    decision.save()
    text = pdf_text(render_pdf("documents/quyet_dinh.html", documents.quyet_dinh(decision), strict=True))
    assert_in_order(text, ("ỦY BAN NHÂN DÂN TỈNH THỬ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỬ", "KT. CHỦ TỊCH",
                           "PHÓ CHỦ TỊCH", "Hoàng Nam", "của Chủ tịch Ủy ban nhân dân tỉnh Thử)"))


def test_the_units_memo_is_addressed_to_the_issuers_council(cast, dossier):
    context = documents.to_trinh(dossier)
    assert context["addressee"] == "Hội đồng Thi đua – Khen thưởng Sở Nội vụ tỉnh Thử"
    dossier.campaign.issuer = cast.province
    assert documents.to_trinh(dossier)["addressee"] == "Hội đồng Thi đua – Khen thưởng tỉnh Thử"


@pytest.mark.parametrize("kind", ["to_trinh", "bien_ban", "bien_ban_hoi_dong", "quyet_dinh", "to_trinh_cap_tren",
                                  "ke_hoach"])
def test_the_signer_is_on_the_last_page(request, kind):
    """Each signed document of the story, with the name under its signature on its last page."""
    from campaigns import documents as campaign_documents
    from tests.pdf_assertions import assert_signed_on_last_page

    if kind in ("to_trinh", "bien_ban"):
        dossier = request.getfixturevalue("dossier")
        obj, signer = (dossier, dossier.signer_name) if kind == "to_trinh" else (dossier.meeting,
                                                                                dossier.meeting.chair)
        context = getattr(documents, kind)(obj)
    elif kind == "bien_ban_hoi_dong":
        context = documents.bien_ban_hoi_dong(request.getfixturevalue("council_session"))
        signer = context["chair_name"]
    elif kind == "quyet_dinh":
        decision = request.getfixturevalue("decision")
        context, signer = documents.quyet_dinh(decision), decision.signer_name
    elif kind == "to_trinh_cap_tren":
        forwarding = request.getfixturevalue("forwarding")
        context, signer = documents.to_trinh_cap_tren(forwarding), forwarding.signer_name
    else:
        campaign = request.getfixturevalue("campaign")
        context, signer = campaign_documents.ke_hoach(campaign), campaign.signer_name
    assert signer
    pdf = render_pdf(f"documents/{kind}.html", context, strict=True)
    assert_signed_on_last_page(pdf, signer, annex="DANH SÁCH" if kind == "quyet_dinh" else None)
