"""Every certificate of a decision as one PDF (issue 17, bulk work): the kinds giay_chung_nhan_qd (plain paper)
and giay_chung_nhan_qd_phoi (pre-printed blanks, the province's CertificateLayout), one page per awardee of the
decision, each page the single certificate's own template and context; a higher authority's decision prints
none. The story: Quyết định số 05/QĐ-SNV of tests/documents/conftest.py (Giấy khen for Nguyễn Thị Hương and
Phòng Tổ chức cán bộ)."""
from datetime import date

import pytest
from django.urls import reverse

from core.pdf import render_documents
from documents.models import Document
from dossiers import documents
from dossiers.models import CertificateLayout, Decision
from dossiers.services import decisions
from tests.pdf_assertions import pdf_pages_text, save_png

pytestmark = pytest.mark.django_db


def pdf_of(context, name):
    pdf = render_documents([(part["template"], part["context"]) for part in context["parts"]],
                           copies=context["copies"], strict=True)
    save_png(pdf, name)
    return pdf


def test_all_certificates_of_a_decision_on_plain_paper(cast, decision):
    context = documents.decision_certificates(decision)
    awards = list(decision.awards.order_by("nomination__dossier__organisation__path", "nomination__order", "pk"))
    # each page is the single certificate's context: one layout for one or all
    assert [part["context"] for part in context["parts"]] == [documents.certificate(a) for a in awards]
    pages = pdf_pages_text(pdf_of(context, "giay_chung_nhan_qd"))

    assert len(pages) == decision.awards.count() == 2
    for page, award in zip(pages, awards, strict=True):
        assert award.subject_name in page and f"Mã xác minh: {award.verification_code}" in page
        assert "GIẤY KHEN (THỬ)" in page and "Lê Quang Thắng" in page
    assert {part["template"] for part in context["parts"]} == {"documents/certificate.html"}


def test_all_certificates_of_a_decision_on_blanks_follow_the_provinces_layout(cast, decision):
    award = decision.awards.get(person=cast.person_a)
    CertificateLayout.objects.create(province=cast.province, award_form=award.award_form,
                                     offsets={"name": [100, 50]})
    context = documents.decision_certificates_on_blank(decision)
    pages = pdf_pages_text(pdf_of(context, "giay_chung_nhan_qd_phoi"))

    assert len(pages) == 2
    assert ["Nguyễn Thị Hương" in page for page in pages].count(True) == 1
    assert ["Phòng Tổ chức cán bộ" in page for page in pages].count(True) == 2  # the person's unit, the collective
    for page in pages:
        assert "CỘNG HÒA" not in page and "TẶNG" not in page  # printed on the blank already
    assert {tuple(part["context"]["offsets"]["name"]) for part in context["parts"]} == {(100.0, 50.0)}


def test_the_decision_page_prints_all_certificates_with_a_post(cast, client_for, decision):
    client = client_for(cast.approver)
    page = client.get(decision.get_absolute_url()).content.decode()

    for code in ("giay_chung_nhan_qd", "giay_chung_nhan_qd_phoi"):
        url = reverse("documents:print", args=[code, decision.pk])
        assert f'formaction="{url}"' in page
        assert client.post(url).status_code == 302
        assert Document.objects.filter(kind=code, object_id=decision.pk).count() == 1
    assert "In tất cả 2 bằng khen, giấy khen (giấy trắng)" in page


def test_a_higher_authoritys_decision_prints_no_certificates(cast, client_for, forwarding):
    decision = decisions.record_higher_decision(forwarding, Decision(
        number=88, symbol="QĐ-UBND", date=date(2025, 9, 15), higher_authority="Chủ tịch Ủy ban nhân dân tỉnh Thử",
        title="Về việc tặng Bằng khen", signer_name="Hoàng Văn Tỉnh", signer_title="Chủ tịch"),
        list(forwarding.nominations.all()), by=cast.approver)
    client = client_for(cast.approver)

    response = client.post(reverse("documents:print", args=["giay_chung_nhan_qd", decision.pk]))

    assert response.status_code == 403
    assert response.context["reason"] == (
        "Quyết định của Chủ tịch Ủy ban nhân dân tỉnh Thử: cổng ghi nhận các khen thưởng vào sổ khen thưởng, không "
        "in bằng khen, giấy khen. Bằng do cấp quyết định khen thưởng in và trao.")
    assert 'id="print-certificates"' not in client.get(decision.get_absolute_url()).content.decode()


def test_another_bodys_staff_cannot_print_the_certificates(cast, client_for, decision):
    response = client_for(cast.outsider).post(reverse("documents:print", args=["giay_chung_nhan_qd", decision.pk]))
    assert response.status_code == 404
    assert not Document.objects.filter(kind="giay_chung_nhan_qd").exists()
