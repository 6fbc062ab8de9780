"""Bằng khen, Giấy khen (docs/domain.md, Documents): the two kinds giay_chung_nhan (plain paper) and
giay_chung_nhan_phoi (pre-printed blank), from real objects through the builder to a one-page PDF, and the
certificates the portal does not print (an award a higher authority decided).

The golden stories: the Chủ tịch Ủy ban nhân dân tỉnh Thừa Thiên Huế signs Quyết định số 1234/QĐ-UBND of
28/12/2025 giving the longest title of the catalogue ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh") to
Công Tôn Nữ Thị Hoàng Phương Huyền Trân and to the "Phòng Tổ chức cán bộ và Quản lý công chức, viên chức, Sở
Nội vụ tỉnh Thừa Thiên Huế"; each certificate must stay on one page with its QR code, its verification code
and the signer's name, nothing overlapping. The PNGs under tests/e2e/artifacts/documents/ are for a person to
look at as the one who will frame it.
"""
import io
import re
from datetime import date

import pdfplumber
import pytest
from django.test import override_settings
from django.urls import reverse

from awards.models import AwardForm
from campaigns.models import CampaignParticipant, Criterion
from campaigns.services.campaigns import offer_award
from campaigns.services.campaigns import transition as campaign_transition
from core.pdf import render_html, render_pdf
from core.qr import qr_png_data_uri
from core.templatetags.documents import balanced, fit
from documents import services as document_services
from documents.models import Document
from dossiers import documents
from dossiers.models import Decision, MeetingVote, NominationMeeting
from dossiers.services import building, decisions
from dossiers.services.register import record_award
from orgs.enums import Role
from tests.factories.campaigns import draft_campaign
from tests.factories.orgs import MembershipFactory
from tests.pdf_assertions import (
    LIBERATION_SERIF,
    MM_PER_PT,
    PORTAL_FAMILY,
    assert_in_order,
    page_sizes_mm,
    pdf_base_fonts,
    pdf_fonts,
    pdf_text,
    save_png,
    text_margins_mm,
)

from .conftest import COLLECTIVE_SUMMARY, INDIVIDUAL_SUMMARY, add_people, awaiting, local

pytestmark = pytest.mark.django_db

PROVINCE = "Thừa Thiên Huế"
PERSON = "Công Tôn Nữ Thị Hoàng Phương Huyền Trân"
UNIT = "Phòng Tổ chức cán bộ và Quản lý công chức, viên chức, Sở Nội vụ tỉnh Thừa Thiên Huế"
ACHIEVEMENT = ("Hoàn thành xuất sắc nhiệm vụ tham mưu sắp xếp tổ chức bộ máy, tinh giản biên chế và cải cách hành "
               "chính của tỉnh, góp phần vào thành tích chung của phong trào thi đua đặc biệt chào mừng 80 năm Ngày "
               "truyền thống ngành Tổ chức nhà nước (28/8/1945 – 28/8/2025).")
SIGNER = "Nguyễn Văn Phương"
SITE = "https://thiduakhenthuong.thuathienhue.gov.vn"
A4_LANDSCAPE = (297.0, 210.0)
# the inner border of the plain-paper certificate (print.css: page margins 12 / 20 mm, the frame's borders
# and padding): everything printed must stay inside it
INSIDE_FRAME = {"left": 23.5, "top": 15.5, "right": 273.5, "bottom": 194.5}
# a pre-printed blank has no frame: 5 mm from the edges, where every printer prints
INSIDE_SHEET = {"left": 5.0, "top": 5.0, "right": 292.0, "bottom": 205.0}


def render(template, context, name):
    """The PDF of one certificate, rendered strictly, with its PNG written for a person to look at."""
    pdf = render_pdf(template, context, strict=True)
    save_png(pdf, name)
    return pdf


def squashed(text):
    """Without any whitespace: a long address in a narrow column wraps after a "/"."""
    return re.sub(r"\s+", "", text)


def _boxes(pdf):
    """The characters [(text, left, top, right, bottom)] and the images [(left, top, right, bottom)] of the one
    page, in mm from the top-left corner."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        chars = [(c["text"], c["x0"] * MM_PER_PT, c["top"] * MM_PER_PT, c["x1"] * MM_PER_PT,
                  c["bottom"] * MM_PER_PT) for c in page.chars if c["text"].strip()]
        images = [(i["x0"] * MM_PER_PT, i["top"] * MM_PER_PT, i["x1"] * MM_PER_PT, i["bottom"] * MM_PER_PT)
                  for i in page.images]
    return chars, images


def _overlap(a, b, margin=0.2):
    """Whether two boxes (left, top, right, bottom) share more than `margin` mm in both directions."""
    return (min(a[2], b[2]) - max(a[0], b[0]) > margin) and (min(a[3], b[3]) - max(a[1], b[1]) > margin)


def assert_on_one_page(pdf, *, signer, inside, qr_mm):
    """One A4 landscape page, only our font; every character and the QR code's image inside `inside`; no line
    printed over another and nothing over the QR code; the QR code square and of its size; the signer's name
    on the page, whole."""
    assert page_sizes_mm(pdf) == [A4_LANDSCAPE]
    assert {re.sub(r"^[A-Z]{6}\+", "", font) for font in pdf_fonts(pdf)} <= LIBERATION_SERIF
    assert all(PORTAL_FAMILY.match(font) for font in pdf_base_fonts(pdf))
    extent = text_margins_mm(pdf)[0]
    assert (extent["left"] >= inside["left"] and extent["top"] >= inside["top"]
            and extent["right"] <= inside["right"] and extent["bottom"] <= inside["bottom"]), extent

    chars, images = _boxes(pdf)
    assert len(images) == 1  # the QR code, and nothing else drawn as an image
    qr = images[0]
    assert inside["left"] <= qr[0] and qr[2] <= inside["right"] and inside["top"] <= qr[1] and qr[3] <= inside["bottom"]
    assert abs((qr[2] - qr[0]) - qr_mm) < 0.5 and abs((qr[3] - qr[1]) - qr_mm) < 0.5
    assert [c[0] for c in chars if _overlap(c[1:], qr)] == []
    # characters of different lines never touch (those of one line share their top)
    clashes = [(a[0], b[0]) for i, a in enumerate(chars) for b in chars[i + 1:]
               if abs(a[2] - b[2]) > 0.5 and _overlap(a[1:], b[1:])]
    assert clashes == []

    text = pdf_text(pdf)
    assert signer in text and "…" not in text  # nothing cut short with an ellipsis


# --- the golden stories ---------------------------------------------------------------------------------------
def longest_title_form():
    """The catalogue's form with the longest printed title (awards/migrations/0002_catalogue.py)."""
    return max(AwardForm.objects.filter(is_active=True), key=lambda form: len(form.certificate_title or form.name))


@pytest.fixture
def province_decision(cast, profile):
    """Quyết định số 1234/QĐ-UBND of 28/12/2025 of the Chủ tịch Ủy ban nhân dân tỉnh Thừa Thiên Huế: the
    catalogue's longest title for a person with a long name and for a unit with a long name."""
    form = longest_title_form()
    cast.province.name, cast.province.place_name = f"Ủy ban nhân dân tỉnh {PROVINCE}", PROVINCE
    cast.province.abbreviation = "UBND"
    cast.province.save()
    cast.body.name = f"Sở Nội vụ tỉnh {PROVINCE}"
    cast.body.save()
    cast.unit_a.name = UNIT
    cast.unit_a.save()
    cast.person_a.full_name, cast.person_a.position = PERSON, "Phó Trưởng phòng"
    cast.person_a.save()
    for user, role in ((cast.reviewer, Role.REVIEWER), (cast.approver, Role.APPROVER)):
        MembershipFactory(user=user, organisation=cast.province, role=role)  # the province's office and leader

    campaign = draft_campaign(
        cast, issuer=cast.province, kind="drive", plan_number=25, plan_symbol="KH-UBND",
        theme="Đoàn kết, kỷ cương, đổi mới, hiệu quả", purpose="Động viên cán bộ, công chức thi đua.",
        requirements="Thi đua thiết thực, hiệu quả.", tasks_text="Cải cách hành chính.",
        implementation="Sở Nội vụ theo dõi, tổng hợp.", signer_name=SIGNER, signer_title="Chủ tịch")
    for subject_type in ("individual", "collective"):
        Criterion.objects.create(campaign=campaign, subject_type=subject_type, order=1,
                                 text="Hoàn thành xuất sắc nhiệm vụ năm 2025.")
    offer_award(campaign, form, copies=3, by=cast.admin)
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    campaign = campaign_transition(campaign, "launch", by=cast.admin)

    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    add_people(dossier, cast, individual_summary=ACHIEVEMENT)
    meeting = NominationMeeting.objects.create(
        campaign=campaign, organisation=cast.unit_a, held_at=local(2025, 11, 25, 8, 0), place="Phòng họp",
        chair="Nguyễn Văn Hùng", secretary="Phạm Thị Thảo", members_total=10, members_present=10,
        ballot_type="secret", conclusion="Thống nhất đề nghị.", closed_at=local(2025, 11, 25, 10, 0).time())
    for nomination in dossier.nominations.all():
        MeetingVote.objects.create(meeting=meeting, nomination=nomination, votes_for=10, votes_against=0)
    dossier.meeting = meeting
    dossier.memo_number, dossier.memo_date = "15/TTr-TCCB", date(2025, 12, 1)
    dossier.signer_title, dossier.signer_name = "Trưởng phòng", "Nguyễn Văn Hùng"
    building.save_dossier(dossier, by=cast.clerk_a)

    dossier = awaiting(cast, dossier)
    nominations = list(dossier.nominations.order_by("order"))
    for nomination in nominations:
        decisions.approve(nomination, approved=True, by=cast.approver)
    return decisions.sign_decision(Decision(
        issuer=cast.province, campaign=campaign, number=1234, symbol="QĐ-UBND", date=date(2025, 12, 28),
        title=f"Về việc tặng {form.name} cho các tập thể, cá nhân", signer_name=SIGNER, signer_title="Chủ tịch",
        legal_profile=campaign.legal_profile, memo_reference="15/TTr-TCCB ngày 01 tháng 12 năm 2025"),
        nominations, by=cast.approver)


def test_the_golden_story_prints_the_catalogues_longest_title(province_decision):
    assert longest_title_form().name == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    assert {award.award_form for award in province_decision.awards.all()} == {longest_title_form()}


@override_settings(SITE_URL=SITE)
def test_certificate_with_the_longest_title_and_a_long_name_stays_on_one_page(cast, province_decision):
    award = province_decision.awards.get(person=cast.person_a)
    context = documents.certificate(award)
    pdf = render("certificate.html", context, "giay_chung_nhan-dai")

    url = f"{SITE}/xac-minh/{award.verification_code}/"
    assert_in_order(pdf_text(pdf), [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ",
        "BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",  # on two balanced lines
        "TẶNG", PERSON, f"Phó Trưởng phòng, {UNIT}", f"Đã có thành tích: {ACHIEVEMENT}",
        "Quyết định số 1234/QĐ-UBND ngày 28 tháng 12 năm 2025", f"Số sổ: {award.pk:05d}",
        "Quét mã để xác minh", f"Mã xác minh: {award.verification_code}",
        f"{PROVINCE}, ngày 28 tháng 12 năm 2025", "CHỦ TỊCH", SIGNER,
    ])
    assert squashed(url) in squashed(pdf_text(pdf))
    assert_on_one_page(pdf, signer=SIGNER, inside=INSIDE_FRAME, qr_mm=24)


@override_settings(SITE_URL=SITE)
def test_certificate_of_a_collective_with_a_long_name_stays_on_one_page(cast, province_decision):
    award = province_decision.awards.get(organisation=cast.unit_a)
    context = documents.certificate(award)
    pdf = render("certificate.html", context, "giay_chung_nhan-tap_the_dai")

    assert context["unit"] == ""  # the name already ends with its Sở: not printed twice
    assert_in_order(pdf_text(pdf), [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "TẶNG",
        "Phòng Tổ chức cán bộ và Quản lý công chức,", "viên chức, Sở Nội vụ tỉnh Thừa Thiên Huế",
        f"Đã có thành tích: {COLLECTIVE_SUMMARY}", "Quyết định số 1234/QĐ-UBND ngày 28 tháng 12 năm 2025",
        f"Mã xác minh: {award.verification_code}", f"{PROVINCE}, ngày 28 tháng 12 năm 2025", SIGNER,
    ])
    assert pdf_text(pdf).count("Sở Nội vụ tỉnh Thừa Thiên Huế") == 1
    assert_on_one_page(pdf, signer=SIGNER, inside=INSIDE_FRAME, qr_mm=24)


@override_settings(SITE_URL=SITE)
@pytest.mark.parametrize("subject", ["person", "collective"])
def test_certificate_on_blank_stock_with_long_texts_stays_on_one_page(cast, province_decision, subject):
    award = (province_decision.awards.get(person=cast.person_a) if subject == "person"
             else province_decision.awards.get(organisation=cast.unit_a))
    context = documents.certificate_on_blank(award)
    pdf = render("certificate_blank.html", context, f"giay_chung_nhan_phoi-dai-{subject}")

    url = f"{SITE}/xac-minh/{award.verification_code}/"
    name, unit, achievement = ((PERSON, f"Phó Trưởng phòng, {UNIT}", ACHIEVEMENT) if subject == "person"
                               else (UNIT, "", COLLECTIVE_SUMMARY))
    assert_in_order(pdf_text(pdf), [name, unit, achievement, "Quyết định số 1234/QĐ-UBND ngày 28 tháng 12 năm 2025",
                                    f"{PROVINCE}, ngày 28 tháng 12 năm 2025", SIGNER,
                                    f"Mã xác minh: {award.verification_code}"])
    assert squashed(url) in squashed(pdf_text(pdf))
    for label in ("CỘNG HÒA", "BẰNG KHEN", "TẶNG", "Đã có thành tích", "Số sổ", "CHỦ TỊCH"):
        assert label not in pdf_text(pdf)  # printed on the blank already
    assert_on_one_page(pdf, signer=SIGNER, inside=INSIDE_SHEET, qr_mm=20)
    qr = _boxes(pdf)[1][0]
    assert (round(qr[0]), round(qr[1])) == (30, 172)  # CERTIFICATE_FIELDS' default for "qr"


# --- the smaller story of tests/documents/conftest.py: Giấy khen of the Sở --------------------------------------
def test_certificate_on_plain_paper(cast, decision):
    award = decision.awards.get(person=cast.person_a)
    context = documents.certificate(award)
    pdf = render("certificate.html", context, "giay_chung_nhan")

    url = f"http://127.0.0.1:8000/xac-minh/{award.verification_code}/"
    assert_in_order(pdf_text(pdf), [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "GIÁM ĐỐC SỞ NỘI VỤ TỈNH THỬ", "GIẤY KHEN (THỬ)", "TẶNG", "Nguyễn Thị Hương",
        "Chuyên viên, Phòng Tổ chức cán bộ", "Đã có thành tích:", INDIVIDUAL_SUMMARY,
        "Quyết định số 05/QĐ-SNV ngày 20 tháng 8 năm 2025", f"Số sổ: {award.pk:05d}", "Quét mã để xác minh",
        f"Mã xác minh: {award.verification_code}",
        "Quảng Trị, ngày 20 tháng 8 năm 2025", "GIÁM ĐỐC", "Lê Quang Thắng",
    ])
    assert squashed(url) in squashed(pdf_text(pdf))
    assert_on_one_page(pdf, signer="Lê Quang Thắng", inside=INSIDE_FRAME, qr_mm=24)
    assert context["verify_path"] == f"/xac-minh/{award.verification_code}/"
    assert "qr" not in context and "verify_url" not in context  # made when rendered, not frozen


def test_certificate_of_a_collective(cast, decision):
    award = decision.awards.get(organisation=cast.unit_a)
    pdf = render("certificate.html", documents.certificate(award), "giay_chung_nhan-tap_the")

    assert_in_order(pdf_text(pdf), ["GIẤY KHEN (THỬ)", "TẶNG", "Phòng Tổ chức cán bộ", "Sở Nội vụ tỉnh Thử",
                                    COLLECTIVE_SUMMARY])
    assert_on_one_page(pdf, signer="Lê Quang Thắng", inside=INSIDE_FRAME, qr_mm=24)


def test_certificate_on_blank_stock_prints_only_the_variable_text(cast, decision):
    award = decision.awards.get(person=cast.person_a)
    award.verification_code = "DC3zzF-pNXh31gFEAaNIGg"  # a hyphen (1 code in 3) once broke it across two lines
    award.award_form.certificate_offsets = {"name": [100, 50], "qr": [250, 20]}  # calibrated, defaults for the rest
    award.award_form.save()
    context = documents.certificate_on_blank(award)
    pdf = render("certificate_blank.html", context, "giay_chung_nhan_phoi")

    text = pdf_text(pdf)
    for value in ("Nguyễn Thị Hương", "Chuyên viên, Phòng Tổ chức cán bộ", INDIVIDUAL_SUMMARY,
                  "Quyết định số 05/QĐ-SNV ngày 20 tháng 8 năm 2025", "Quảng Trị, ngày 20 tháng 8 năm 2025",
                  "Lê Quang Thắng", f"Mã xác minh: {award.verification_code}"):
        assert value in text
    for label in ("CỘNG HÒA", "GIẤY KHEN", "TẶNG", "Đã có thành tích", "Số sổ", "Quét mã", "GIÁM ĐỐC"):
        assert label not in text
    assert_on_one_page(pdf, signer="Lê Quang Thắng", inside=INSIDE_SHEET, qr_mm=20)

    words = {}
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for word in document.pages[0].extract_words():
            words.setdefault(word["text"], (word["x0"] * MM_PER_PT, word["top"] * MM_PER_PT))
    name_x, name_y = words["Nguyễn"]
    assert abs(name_x - 100) < 1 and 50 <= name_y < 53  # the calibrated offset
    unit_x, unit_y = words["Chuyên"]
    assert abs(unit_x - 60) < 1 and 102 <= unit_y < 105  # CERTIFICATE_FIELDS' default for "unit"
    signer_x, _ = words["Lê"]
    assert abs(signer_x - 175) < 1
    qr = _boxes(pdf)[1][0]
    assert (round(qr[0]), round(qr[1])) == (250, 20)  # the calibrated QR code


@pytest.mark.parametrize("stored", [{}, {"name": ["1mm; color: red", 5]}, {"name": [1]}, None, ["x"]])
def test_certificate_offsets_fall_back_to_the_defaults(decision, stored):
    award = decision.awards.first()
    award.award_form.certificate_offsets = stored
    assert documents.certificate_offsets(award.award_form) == {
        "name": [60.0, 88.0], "unit": [60.0, 102.0], "achievement": [45.0, 116.0], "decision": [30.0, 160.0],
        "place_date": [160.0, 150.0], "signer": [175.0, 190.0], "qr": [30.0, 172.0]}


def test_a_province_calibrates_its_own_blank_stock(cast, decision, client_for):
    """The award form's calibration is national; a province's admin sets its own printer's on the
    'Căn chỉnh in trên phôi' page, which its certificates then use and nobody else's do."""
    from django.urls import reverse

    from dossiers.models import CertificateLayout

    award = decision.awards.get(person=cast.person_a)
    award.award_form.certificate_offsets = {"name": [100, 50]}  # the national calibration
    award.award_form.save()
    client = client_for(cast.admin)
    url = reverse("dossiers:layout_edit", args=[award.award_form.pk])
    page = client.get(url).content.decode()
    assert "Phôi của Ủy ban nhân dân tỉnh Thử" in page and 'value="100' in page  # opens with the national
    refused = client.post(url, {"offset_name_x": "400", "offset_name_y": "90"})
    assert refused.status_code == 400 and 'value="400"' in refused.content.decode()
    assert client.post(url, {"offset_name_x": "62,5", "offset_name_y": "90"}).status_code == 302
    assert CertificateLayout.objects.get().offsets == {"name": [62.5, 90.0]}
    assert documents.certificate_on_blank(award)["offsets"]["name"] == [62.5, 90.0]
    assert documents.certificate_offsets(award.award_form)["name"] == [100.0, 50.0]  # elsewhere: the national
    listing = client.get(reverse("dossiers:layout_list")).content.decode()
    assert "Đã căn chỉnh cho tỉnh" in listing
    assert client_for(cast.reviewer).get(url).status_code == 403


# --- the QR code points to where the portal runs ----------------------------------------------------------------
@pytest.mark.parametrize("template", ["certificate.html", "certificate_blank.html"])
def test_the_qr_code_points_to_the_portals_address_when_printed(cast, decision, template):
    """The certificate is frozen at signing; the portal's address is read when it is rendered."""
    award = decision.awards.get(person=cast.person_a)
    frozen = document_services.current("giay_chung_nhan", award).context

    with override_settings(SITE_URL="http://10.0.0.5:8080/"):
        html = render_html(template, frozen)
        pdf = render_pdf(template, frozen, strict=True)

    url = f"http://10.0.0.5:8080/xac-minh/{award.verification_code}/"
    assert f'src="{qr_png_data_uri(url)}"' in html
    assert squashed(url) in squashed(pdf_text(pdf))
    assert "127.0.0.1" not in html


def test_a_stored_certificate_is_made_again_when_the_portal_has_moved(cast, decision):
    """The file stored when the portal ran at one address is not handed out once it runs at another: it is made
    again from the same frozen content, its QR code opening where the portal runs now."""
    award = decision.awards.get(person=cast.person_a)
    with override_settings(SITE_URL="http://10.0.0.5:8080"):
        first = document_services.current("giay_chung_nhan", award)
        first = document_services.render(first.pk)
        assert (first.status, first.site_url) == ("done", "http://10.0.0.5:8080")
        assert document_services.current("giay_chung_nhan", award).status == "done"  # same address: kept
    with override_settings(SITE_URL="https://thiduakhenthuong.quangtri.gov.vn"):
        again = document_services.current("giay_chung_nhan", award)
        assert (again.pk, again.status) == (first.pk, "pending")  # the same row: the same frozen content
        again = document_services.render(again.pk)
        text = squashed(pdf_text(again.file.read()))
    assert squashed(f"https://thiduakhenthuong.quangtri.gov.vn/xac-minh/{award.verification_code}/") in text
    assert again.site_url == "https://thiduakhenthuong.quangtri.gov.vn"
    # a kind that does not print the address is never made again for it
    with override_settings(SITE_URL="http://elsewhere"):
        decision_doc = document_services.render(document_services.current("quyet_dinh", decision).pk)
    with override_settings(SITE_URL="http://moved"):
        assert document_services.current("quyet_dinh", decision).status == "done" and decision_doc.site_url == ""


def test_a_certificate_frozen_with_its_address_still_prints_it(cast, decision):
    """A snapshot frozen before the address was made at render time carries verify_url (and an SVG that is
    no longer printed)."""
    award = decision.awards.get(person=cast.person_a)
    context = {key: value for key, value in documents.certificate(award).items() if key != "verify_path"}
    context["verify_url"] = f"http://old.example/xac-minh/{award.verification_code}/"
    context["qr"] = "<svg>old</svg>"
    html = render_html("certificate.html", context)
    assert f'src="{qr_png_data_uri(context["verify_url"])}"' in html and "<svg" not in html


# --- what the portal does not print -----------------------------------------------------------------------------
@pytest.fixture
def higher_award(cast, forwarding):
    """The Chủ tịch Ủy ban nhân dân tỉnh Thử's Bằng khen for Nguyễn Thị Hương, recorded from his decision."""
    nomination = forwarding.nominations.get(person=cast.person_a)
    decision = decisions.record_higher_decision(forwarding, Decision(
        number=88, symbol="QĐ-UBND", date=date(2025, 9, 15), higher_authority="Chủ tịch Ủy ban nhân dân tỉnh Thử",
        title="Về việc tặng Bằng khen", signer_name="Hoàng Văn Tỉnh", signer_title="Chủ tịch"), [nomination],
        by=cast.approver, reason_not_awarded="Chưa đủ tiêu chuẩn.")
    return decision.awards.get()


REFUSED = ("Bằng khen của Chủ tịch UBND tỉnh của Nguyễn Thị Hương do Chủ tịch Ủy ban nhân dân tỉnh Thử quyết định "
           "(Quyết định số 88/QĐ-UBND ngày 15 tháng 9 năm 2025): cổng ghi nhận vào sổ khen thưởng, không in. Bằng do "
           "cấp đã quyết định khen thưởng in và trao; cổng chỉ in bằng khen, giấy khen theo quyết định do cơ quan ký "
           "trên cổng.")


@pytest.mark.parametrize("code", ["giay_chung_nhan", "giay_chung_nhan_phoi"])
def test_a_certificate_of_a_higher_authority_is_refused_with_the_reason(cast, client_for, higher_award, code):
    response = client_for(cast.approver).get(reverse("documents:print", args=[code, higher_award.pk]))

    assert response.status_code == 403
    assert response.context["reason"] == REFUSED
    assert REFUSED in response.content.decode()
    assert not Document.objects.filter(kind=code, object_id=higher_award.pk).exists()


def test_a_stored_certificate_of_a_higher_authority_is_not_served(cast, client_for, higher_award):
    """A file rendered before the rule (or reached by its address) is refused too."""
    document = document_services.snapshot("giay_chung_nhan", higher_award)
    client = client_for(cast.approver)

    for name in ("documents:status", "documents:download", "documents:retry"):
        response = client.get(reverse(name, args=[document.pk]))
        assert (name, response.status_code, response.context["reason"]) == (name, 403, REFUSED)


def test_the_decision_page_offers_no_print_for_a_higher_authoritys_awards(cast, client_for, higher_award):
    page = client_for(cast.approver).get(higher_award.decision.get_absolute_url()).content.decode()

    for code in ("giay_chung_nhan", "giay_chung_nhan_phoi"):
        assert reverse("documents:print", args=[code, higher_award.pk]) not in page
    assert 'id="higher-certificates"' in page and "không in bằng khen, giấy khen" in page


def test_an_own_certificate_is_offered_and_prints(cast, client_for, decision):
    award = decision.awards.get(person=cast.person_a)
    client = client_for(cast.approver)

    page = client.get(decision.get_absolute_url()).content.decode()
    response = client.post(reverse("documents:print", args=["giay_chung_nhan", award.pk]))

    assert reverse("documents:print", args=["giay_chung_nhan", award.pk]) in page
    assert 'id="higher-certificates"' not in page
    assert response.status_code == 302


def test_an_award_entered_by_hand_is_not_printed(cast):
    award = record_award(award_form=longest_title_form(), decision_number="56/QĐ-TTg", decision_date=date(2024, 3, 1),
                         person=cast.person_a, decided_by="Thủ tướng Chính phủ", by=cast.reviewer)

    assert documents.certificate_refusal(award) == (
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh của Nguyễn Thị Hương do Thủ tướng Chính phủ quyết định "
        "(Quyết định số 56/QĐ-TTg ngày 01 tháng 3 năm 2024): cổng ghi nhận vào sổ khen thưởng, không in. Bằng do "
        "cấp đã quyết định khen thưởng in và trao; cổng chỉ in bằng khen, giấy khen theo quyết định do cơ quan ký "
        "trên cổng.")
    assert documents.awards_for(cast.reviewer).filter(pk=award.pk).exists() is False  # and no print address


# --- the template filters of the fixed boxes ------------------------------------------------------------------
@pytest.mark.parametrize("text, limits, expected", [
    ("GIẤY KHEN", "16,26,44", 0), ("BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "16,26,44", 2),
    ("x" * 45, "16,26,44", 3), ("", "16", 0), (None, "16", 0),
])
def test_fit_counts_the_lengths_a_text_exceeds(text, limits, expected):
    assert fit(text, limits) == expected


@pytest.mark.parametrize("text, limits, expected", [
    ("GIẤY KHEN", "26", ["GIẤY KHEN"]),
    ("BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "26", ["BẰNG KHEN CỦA CHỦ TỊCH", "ỦY BAN NHÂN DÂN TỈNH"]),
    (UNIT, "56,120", ["Phòng Tổ chức cán bộ và Quản lý công chức,", "viên chức, Sở Nội vụ tỉnh Thừa Thiên Huế"]),
    ("y" * 130, "56,120", ["y" * 130]),  # beyond the second limit: left to wrap on its own
    ("x" * 60, "26", ["x" * 60]),  # no space to break at
])
def test_balanced_sets_a_long_text_on_two_even_lines(text, limits, expected):
    assert balanced(text, limits) == expected
