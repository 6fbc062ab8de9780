"""Đính chính quyết định (issue 18, "Correct and revoke"): a decision of the authority that issued the amended one,
its own number in the body's series, what it corrects on each award, and what it leaves alone (the money)."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from core.pdf import render_pdf
from dossiers import documents
from dossiers.forms.amendment import PREFIX, correction_rows
from dossiers.models import Award, AwardCorrection, Decision
from dossiers.services import amendment, decisions, revocation
from tests.at_once import at_once
from tests.dossiers.test_revocation import revoking, signed  # noqa: F401 (the fixture: 125/QĐ-SNV, two awards)
from tests.pdf_assertions import assert_in_order, assert_nd30_layout, assert_signed_on_last_page, pdf_text, save_png

pytestmark = pytest.mark.django_db

REASON = "Ghi sai họ tên và chức vụ so với hồ sơ đề nghị khen thưởng."


def amending(number=126, when=date(2025, 10, 1), reason=REASON):
    return Decision(number=number, symbol="QĐ-SNV", date=when, title="Về việc đính chính Quyết định số 125/QĐ-SNV",
                    signer_name="Lê Quang Thắng", signer_title="Giám đốc", reason=reason)


def awards_of(signed):  # noqa: F811
    return signed.awards.get(person__full_name="Nguyễn Thị Hương"), signed.awards.get(person__full_name="Trần Văn Hai")


def test_it_corrects_the_register_row_with_its_own_number_and_leaves_the_money_alone(cast, signed):  # noqa: F811
    first, second = awards_of(signed)
    bonuses = sorted(signed.awards.values_list("bonus_amount", flat=True))
    made = amendment.amend(signed, [{"award": first, "name": "Nguyễn Thị Hường"},
                                    {"award": second, "unit": "Phó Trưởng phòng, Phòng Tổ chức cán bộ",
                                     "award_form": "Giấy khen của Giám đốc Sở Nội vụ"}], amending(), by=cast.approver)
    assert (made.kind, made.amends, made.reference, made.issuer) == (Decision.AMEND, signed, "126/QĐ-SNV", cast.body)
    assert decisions.next_decision_number(cast.body, 2025) == 127  # one yearly series with awarding and revoking
    first.refresh_from_db()
    second.refresh_from_db()
    cast.person_a.refresh_from_db()
    # the name goes to the award, not to the person's record (not asked)
    assert (first.subject_name, first.corrected_name, cast.person_a.full_name) == (
        "Nguyễn Thị Hường", "Nguyễn Thị Hường", "Nguyễn Thị Hương")
    assert (second.corrected_unit, second.form_name) == ("Phó Trưởng phòng, Phòng Tổ chức cán bộ",
                                                         "Giấy khen của Giám đốc Sở Nội vụ")
    assert [(c["label"], c["before"], c["after"]) for c in first.corrections.get().changes] == [
        ("Họ và tên / tên tập thể", "Nguyễn Thị Hương", "Nguyễn Thị Hường")]
    assert [c["field"] for c in second.corrections.get().changes] == ["unit", "award_form"]
    # nothing about money: the bonuses stand, the fund sees no new decision
    assert sorted(signed.awards.values_list("bonus_amount", flat=True)) == bonuses
    assert made.snapshot["money_unchanged"] is True
    from funds.services import ledger
    assert ledger(cast.body, 2025).total_decisions == sum(bonuses)
    # the certificate is printed again with the corrected texts
    context = documents.certificate(first)
    assert context["name"] == "Nguyễn Thị Hường"
    assert documents.certificate(second)["unit"] == "Phó Trưởng phòng, Phòng Tổ chức cán bộ"
    # what the next correction starts from: the texts as corrected
    decided = {award.pk: texts for award, texts, _stt in correction_rows(signed)}
    assert decided[first.pk]["name"] == "Nguyễn Thị Hường"


def test_the_name_goes_to_the_person_s_record_when_the_office_ticks_it(cast, signed):  # noqa: F811
    first, _second = awards_of(signed)
    amendment.amend(signed, [{"award": first, "name": "Nguyễn Thị Hường", "update_record": True}], amending(),
                    by=cast.approver)
    first.refresh_from_db()
    cast.person_a.refresh_from_db()
    assert (cast.person_a.full_name, first.corrected_name, first.subject_name) == (
        "Nguyễn Thị Hường", "", "Nguyễn Thị Hường")
    assert AwardCorrection.objects.get(award=first).record_updated is True


@pytest.mark.parametrize("who", ["reviewer", "council", "clerk_a", "admin", "outsider"])
def test_only_the_issuing_body_s_leader_signs_it(cast, signed, who):  # noqa: F811
    first, _second = awards_of(signed)
    with pytest.raises(PermissionDenied):
        amendment.amend(signed, [{"award": first, "name": "X"}], amending(), by=getattr(cast, who))
    assert not Decision.objects.filter(kind=Decision.AMEND).exists() and not Award.objects.exclude(
        corrected_name="").exists()


@pytest.mark.parametrize(("change", "corrections", "message"), [
    ({"reason": " "}, "name", "Ghi lý do đính chính"),
    ({"when": date(2025, 8, 1)}, "name", "Ngày đính chính trước ngày của Quyết định số 125/QĐ-SNV (20/08/2025)"),
    ({"number": 125}, "name", "đã được dùng"),
    ({}, "same", "Chưa có nội dung nào được đính chính"),
    ({}, "empty", "không được để trống"),
])
def test_refused_with_a_reason_and_nothing_written(cast, signed, change, corrections, message):  # noqa: F811
    first, _second = awards_of(signed)
    rows = {"name": [{"award": first, "name": "Nguyễn Thị Hường"}],
            "same": [{"award": first, "name": " Nguyễn Thị  Hương "}],
            "empty": [{"award": first, "name": "  "}]}[corrections]
    with pytest.raises(ValidationError) as error:
        amendment.amend(signed, rows, amending(**change), by=cast.approver)
    assert message in " ".join(error.value.messages)
    assert not Decision.objects.filter(kind=Decision.AMEND).exists() and not AwardCorrection.objects.exists()


def test_a_revoked_award_or_another_decision_s_award_is_not_amended(cast, signed):  # noqa: F811
    first, second = awards_of(signed)
    revocation.revoke(signed, [first], revoking(126), by=cast.approver)
    with pytest.raises(ValidationError, match="đã bị thu hồi theo Quyết định số 126/QĐ-SNV: không đính chính"):
        amendment.amend(signed, [{"award": first, "name": "Nguyễn Thị Hường"}], amending(127), by=cast.approver)
    other = Decision.objects.create(issuer=cast.body, number=140, symbol="QĐ-SNV", year=2025, date=date(2025, 9, 1),
                                    title="Khác", signer_name="A", signer_title="B")
    with pytest.raises(ValidationError, match="không thuộc Quyết định số 140/QĐ-SNV"):
        amendment.amend(other, [{"award": second, "name": "Trần Văn Ba"}], amending(127), by=cast.approver)
    # a revoking or an amending decision is not amended itself
    first.refresh_from_db()
    with pytest.raises(PermissionDenied, match="Chỉ đính chính quyết định khen thưởng"):
        amendment.amend(first.revoked_by, [{"award": second, "name": "Trần Văn Ba"}], amending(127),
                        by=cast.approver)


def test_the_amending_decision_prints(cast, signed):  # noqa: F811
    first, second = awards_of(signed)
    made = amendment.amend(signed, [{"award": first, "name": "Nguyễn Thị Hường"},
                                    {"award": second, "unit": "Phó Trưởng phòng, Phòng Tổ chức cán bộ"}],
                           amending(), by=cast.approver)
    stt = {row["award"]: n for n, row in enumerate(signed.snapshot["awardees"], start=1)}
    pdf = render_pdf("quyet_dinh_dinh_chinh.html", documents.quyet_dinh_dinh_chinh(made), strict=True)
    assert_nd30_layout(pdf)  # A4, the margins: nothing off the page
    assert_signed_on_last_page(pdf, "Lê Quang Thắng")
    save_png(pdf, "quyet_dinh_dinh_chinh")
    assert_in_order(pdf_text(pdf), [
        "SỞ NỘI VỤ TỈNH THỬ", "Số: 126/QĐ-SNV", "Quảng Trị, ngày 01 tháng 10 năm 2025", "QUYẾT ĐỊNH",
        "Về việc đính chính Quyết định số 125/QĐ-SNV", "GIÁM ĐỐC SỞ NỘI VỤ TỈNH THỬ",
        "Căn cứ Quyết định số 125/QĐ-SNV ngày 20 tháng 8 năm 2025 của Giám đốc Sở Nội vụ tỉnh Thử",
        "QUYẾT ĐỊNH:",
        "Điều 1. Đính chính Quyết định số 125/QĐ-SNV ngày 20 tháng 8 năm 2025 của Giám đốc Sở Nội vụ tỉnh Thử",
        "đối với 02 cá nhân, như sau:",
        f"1. Tại số thứ tự {stt[first.pk]:02d} của Danh sách kèm theo Quyết định, Nguyễn Thị Hương:",
        "- Họ và tên / tên tập thể: đã ghi là “Nguyễn Thị Hương”, nay đính chính là “Nguyễn Thị Hường”.",
        f"2. Tại số thứ tự {stt[second.pk]:02d} của Danh sách kèm theo Quyết định, Trần Văn Hai:",
        "- Chức vụ, đơn vị: đã ghi là", "nay đính chính là “Phó Trưởng phòng, Phòng Tổ chức cán bộ”.",
        f"Lý do đính chính: {REASON}",
        "Điều 2. Các nội dung khác của Quyết định số 125/QĐ-SNV ngày 20 tháng 8 năm 2025 giữ nguyên giá trị.",
        "Việc đính chính không làm thay đổi mức tiền thưởng đã quyết định.",
        "Bằng khen, giấy khen của các tập thể, cá nhân có tên tại Điều 1 được cấp lại theo nội dung đính chính.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", "chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, TĐKT.", "GIÁM ĐỐC", "Lê Quang Thắng"])
    assert documents._not_an_award_decision(made) and not documents._amendment_refusal(made)
    assert documents._amendment_refusal(signed) == "Không phải quyết định đính chính."


def test_the_pages_link_both_ways_and_the_histories_say_it(cast, signed, client_for, client):  # noqa: F811
    first, _second = awards_of(signed)
    made = amendment.amend(signed, [{"award": first, "name": "Nguyễn Thị Hường"}], amending(), by=cast.approver)
    page = client_for(cast.reviewer).get(signed.get_absolute_url()).content.decode()
    assert "data-amendment" in page and made.get_absolute_url() in page
    assert "Đính chính theo Quyết định số 126/QĐ-SNV ngày 01/10/2025" in page and "Nguyễn Thị Hường" in page
    page = client_for(cast.reviewer).get(made.get_absolute_url()).content.decode()
    assert signed.get_absolute_url() in page and "nay đính chính là “<strong>Nguyễn Thị Hường</strong>”" in page
    assert "Đính chính không làm thay đổi tiền thưởng." in page
    for url in (reverse("dossiers:person_history", args=[cast.person_a.pk]),):
        page = client_for(cast.reviewer).get(url).content.decode()
        assert "Đính chính theo Quyết định số 126/QĐ-SNV ngày 01/10/2025" in page
        assert "Tên ghi theo quyết định đính chính: Nguyễn Thị Hường" in page
    page = client_for(cast.reviewer).get(reverse("dossiers:register")).content.decode()  # the register's search
    assert page.count("Đính chính theo Quyết định số 126/QĐ-SNV ngày 01/10/2025") == 1
    client.logout()
    page = client.get(reverse("dossiers:verify_award", args=[first.verification_code])).content.decode()
    assert "Đính chính theo Quyết định số 126/QĐ-SNV ngày 01/10/2025" in page and "Nguyễn Thị Hường" in page


def test_a_collective_s_history_says_it_too(cast, signed, client_for):  # noqa: F811
    from tests.factories.campaigns import award_form

    award = Award.objects.create(subject_type="collective", organisation=cast.unit_a, award_form=award_form(),
                                 year=2025, decision=signed, decision_number=signed.reference,
                                 decision_date=signed.date)
    amendment.amend(signed, [{"award": award, "name": "Phòng Tổ chức – Cán bộ"}], amending(), by=cast.approver)
    page = client_for(cast.reviewer).get(reverse("dossiers:unit_history", args=[cast.unit_a.pk])).content.decode()
    assert "Đính chính theo Quyết định số 126/QĐ-SNV ngày 01/10/2025" in page
    cast.unit_a.refresh_from_db()
    assert cast.unit_a.name == "Phòng Tổ chức cán bộ"  # not ticked: the unit keeps its name


def form_data(signed, **row_changes):  # noqa: F811
    rows = correction_rows(signed)
    data = {"number": "126", "symbol": "QĐ-SNV", "date": "01/10/2025", "title": "Về việc đính chính",
            "reason": REASON, "sign_as": "", "signer_title": "Giám đốc", "signer_name": "Lê Quang Thắng",
            f"{PREFIX}-TOTAL_FORMS": str(len(rows)), f"{PREFIX}-INITIAL_FORMS": str(len(rows)),
            f"{PREFIX}-MIN_NUM_FORMS": "0", f"{PREFIX}-MAX_NUM_FORMS": "1000"}
    for i, (award, decided, _stt) in enumerate(rows):
        data.update({f"{PREFIX}-{i}-award": award.pk, **{f"{PREFIX}-{i}-{k}": v for k, v in decided.items()}})
    data.update({f"{PREFIX}-0-{k}": v for k, v in row_changes.items()})
    return data


def test_the_leader_s_page_the_walls_and_a_double_submit(cast, signed, client_for):  # noqa: F811
    url = reverse("dossiers:amend", args=[signed.pk])
    assert client_for(cast.approver).get(url).status_code == 200
    assert client_for(cast.reviewer).get(url).status_code == 403
    assert client_for(cast.clerk_a).get(url).status_code == 403
    unchanged = client_for(cast.approver).post(url, form_data(signed))
    assert unchanged.status_code == 200 and "Chưa có nội dung nào được đính chính" in unchanged.content.decode()
    data = form_data(signed, name="Nguyễn Thị Hường")
    first = client_for(cast.approver).post(url, data)
    made = Decision.objects.get(kind=Decision.AMEND)
    assert first.status_code == 302 and first["Location"] == made.get_absolute_url()
    again = client_for(cast.approver).post(url, data)  # the same form sent twice: one decision
    assert again.status_code == 200 and Decision.objects.filter(kind=Decision.AMEND).count() == 1
    # another body's decision is not found
    far = Decision.objects.create(issuer=cast.other, number=3, symbol="QĐ-STC", year=2025, date=date(2025, 9, 1),
                                  title="Khác", signer_name="A", signer_title="B")
    assert client_for(cast.approver).get(reverse("dossiers:amend", args=[far.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_clicks_at_once_make_one_amendment(cast):
    from tests.e2e.test_fund_revocation_journey import signed_decision

    decision = signed_decision(cast)
    award = decision.awards.order_by("pk").first()

    def click():
        try:
            amendment.amend(decision, [{"award": Award.objects.get(pk=award.pk), "name": "Nguyễn Thị Hường"}],
                            amending(number=decisions.next_decision_number(cast.body, 2025),
                                     when=date(2025, 10, 1)), by=cast.approver)
            return "ok"
        except ValidationError:
            return "refused"

    results = at_once(2, click)
    assert sorted(results) == ["ok", "refused"]
    assert Decision.objects.filter(kind=Decision.AMEND).count() == 1 and AwardCorrection.objects.count() == 1
