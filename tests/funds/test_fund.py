"""Quỹ thi đua, khen thưởng (issue 18): the year's book, its arithmetic, its walls, its documents, the warning on
the signing page."""
from datetime import date

import pytest
from django.urls import reverse

from core.pdf import render_pdf
from dossiers.models import Award, Decision
from funds import documents, services
from funds.enums import Category, Direction
from funds.models import FundEntry, FundYear
from tests.factories.campaigns import award_form
from tests.factories.orgs import OrganisationFactory
from tests.pdf_assertions import assert_in_order, pdf_text

pytestmark = pytest.mark.django_db


def entry(body, when, amount, direction=Direction.RECEIPT, category=Category.BUDGET, **extra):
    fund, _ = FundYear.objects.get_or_create(organisation=body, year=when.year)
    return FundEntry.objects.create(fund=fund, direction=direction, category=category, date=when, amount=amount,
                                    **extra)


def decision(body, when, amounts, number=1, kind=Decision.OWN, people=None):
    made = Decision.objects.create(issuer=body, kind=kind, number=number, symbol="QĐ-SNV", year=when.year, date=when,
                                   title="Về việc tặng Giấy khen", signer_name="Lê Quang Thắng",
                                   signer_title="Giám đốc")
    form = award_form()
    for index, amount in enumerate(amounts):
        person = people[index] if people else None
        Award.objects.create(subject_type="individual" if person else "collective", person=person,
                             organisation=None if person else OrganisationFactory(parent=body),
                             award_form=form, year=when.year, decision=made, decision_number=made.reference,
                             decision_date=when, bonus_amount=amount)
    return made


# --- arithmetic: a table of cases ---------------------------------------------------------------------------
CASES = [
    # (typed opening of 2025, receipts 2025, other spending 2025, decisions 2025, receipts 2026, typed 2026,
    #  expected opening 2026, closing 2026)
    ("nothing at all", None, [], [], [], [], None, 0, 0),
    ("first year typed, carried", 10_000_000, [5_000_000], [1_000_000], [[2_000_000, 710_000]], [3_000_000], None,
     11_290_000, 14_290_000),
    ("no typed opening: starts at 0", None, [5_000_000], [], [[6_000_000]], [], None, -1_000_000, -1_000_000),
    ("a later typed opening wins over the carry", 10_000_000, [], [], [], [1_000_000], 4_000_000, 4_000_000,
     5_000_000),
]


@pytest.mark.parametrize(("label", "opening", "receipts", "other", "decisions", "receipts_next", "typed_next",
                          "expected_opening", "expected_closing"), CASES, ids=[c[0] for c in CASES])
def test_the_book_carries_year_to_year(cast, label, opening, receipts, other, decisions, receipts_next,
                                       typed_next, expected_opening, expected_closing):
    body = cast.body
    if opening is not None:
        FundYear.objects.create(organisation=body, year=2025, opening_balance=opening)
    for amount in receipts:
        entry(body, date(2025, 3, 1), amount)
    for amount in other:
        entry(body, date(2025, 4, 1), amount, Direction.SPENDING, Category.PRINTING)
    for number, amounts in enumerate(decisions, start=1):
        decision(body, date(2025, 8, 20), amounts, number=number)
    for amount in receipts_next:
        entry(body, date(2026, 2, 1), amount)
    if typed_next is not None:
        FundYear.objects.update_or_create(organisation=body, year=2026, defaults={"opening_balance": typed_next})
    book = services.ledger(body, 2026)
    assert (book.opening, book.closing) == (expected_opening, expected_closing)


def test_a_year_book_lists_its_lines_and_leaves_out_other_bodies_and_higher_decisions(cast):
    FundYear.objects.create(organisation=cast.body, year=2026, opening_balance=2_000_000)
    entry(cast.body, date(2026, 1, 15), 50_000_000, voucher="PT01")
    entry(cast.body, date(2026, 5, 2), 1_200_000, Direction.SPENDING, Category.PRINTING, description="In phôi")
    entry(cast.other, date(2026, 1, 15), 99_000_000)  # another body's fund
    own = decision(cast.body, date(2026, 6, 1), [710_000, 1_170_000], people=[cast.person_a, cast.person_b])
    decision(cast.body, date(2026, 6, 2), [5_000_000], number=2, kind=Decision.HIGHER)  # a higher authority's
    decision(cast.body, date(2025, 12, 30), [300_000], number=9)  # last year's
    book = services.ledger(cast.body, 2026)
    assert [e.amount for e in book.receipts] == [50_000_000]
    assert [e.amount for e in book.other_spending] == [1_200_000]
    assert [(line.decision, line.awardees, line.total) for line in book.decisions] == [(own, 2, 1_880_000)]
    assert (book.opening, book.total_receipts, book.total_spending, book.closing) == (
        2_000_000, 50_000_000, 3_080_000, 48_920_000)


def test_the_book_reads_in_constant_queries(cast, django_assert_max_num_queries):
    FundYear.objects.create(organisation=cast.body, year=2020, opening_balance=1)
    for year in range(2020, 2027):
        entry(cast.body, date(year, 2, 1), 1_000)
        decision(cast.body, date(year, 6, 1), [100], number=year)
    with django_assert_max_num_queries(7):  # any number of years: fund, years, 2 totals, lines, decisions, revoking
        book = services.ledger(cast.body, 2026)
        assert book.closing == 1 + 7 * 900


# --- the warning when a decision would overdraw the fund ----------------------------------------------------
@pytest.mark.parametrize(("kept", "balance", "amount", "warned"), [
    (False, 0, 10_000_000, False),     # the body does not keep its fund in the portal: nothing to say
    (True, 10_000_000, 10_000_000, False),
    (True, 10_000_000, 10_000_001, True),
    (True, 0, 0, False),
])
def test_overdraw_note(cast, kept, balance, amount, warned):
    if kept:
        FundYear.objects.create(organisation=cast.body, year=2026, opening_balance=balance)
    note = services.overdraw_note(cast.body, date(2026, 6, 1), amount)
    assert bool(note) is warned
    if warned:
        assert "quỹ sẽ thiếu 1 đ" in note and "Sở Nội vụ tỉnh Thử" in note


# --- walls and roles ------------------------------------------------------------------------------------------
def test_who_reads_and_who_keeps(cast, client_for):
    FundYear.objects.create(organisation=cast.body, year=2026, opening_balance=5)
    url = f"{reverse('funds:fund')}?co_quan={cast.body.pk}&nam=2026"
    for user in (cast.reviewer, cast.approver, cast.admin):
        assert client_for(user).get(url).status_code == 200
    assert client_for(cast.clerk_a).get(url).status_code == 403
    assert client_for(cast.council).get(url).status_code == 403
    # a body outside the user's scope: 404
    outside = f"{reverse('funds:fund')}?co_quan={cast.other.pk}&nam=2026"
    assert client_for(cast.reviewer).get(outside).status_code == 404
    add = reverse("funds:entry_add", args=[cast.body.pk, "thu"])
    assert client_for(cast.approver).get(add).status_code == 403  # the leader reads, the office keeps
    assert client_for(cast.reviewer).get(add).status_code == 200
    assert client_for(cast.reviewer).get(reverse("funds:entry_add", args=[cast.other.pk, "thu"])).status_code == 404
    foreign = entry(cast.other, date(2026, 1, 2), 1_000)
    for name in ("funds:entry_edit", "funds:entry_delete"):
        assert client_for(cast.reviewer).get(reverse(name, args=[foreign.pk])).status_code == 404
    assert client_for(cast.reviewer).post(reverse("funds:entry_delete", args=[foreign.pk])).status_code == 404
    assert FundEntry.objects.filter(pk=foreign.pk).exists()


def test_the_office_records_a_receipt_and_a_bad_amount_keeps_what_was_typed(cast, client_for):
    client = client_for(cast.reviewer)
    add = reverse("funds:entry_add", args=[cast.body.pk, "thu"])
    typed = {"date": "15/01/2026", "category": "budget", "amount": "12,5 triệu", "voucher": "PT-07",
             "description": "Dự toán năm 2026"}
    response = client.post(add, typed)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nhập số tiền bằng chữ số" in page and "PT-07" in page and "Dự toán năm 2026" in page
    assert not FundEntry.objects.exists()
    # a spending category posted as a receipt is refused too
    response = client.post(add, {**typed, "amount": "12.500.000", "category": "printing"})
    assert response.status_code == 200 and not FundEntry.objects.exists()
    response = client.post(add, {**typed, "amount": "12.500.000"})
    assert response.status_code == 302
    saved = FundEntry.objects.get()
    assert (saved.amount, saved.fund.organisation, saved.fund.year, saved.direction, saved.created_by) == (
        12_500_000, cast.body, 2026, Direction.RECEIPT, cast.reviewer)
    page = client.get(response["Location"]).content.decode()
    assert "12.500.000 đ" in page and "PT-07" in page


def test_the_category_list_is_the_direction_s(cast, client_for):
    page = client_for(cast.reviewer).get(reverse("funds:entry_add", args=[cast.body.pk, "chi"])).content.decode()
    assert "In giấy chứng nhận" in page and "Ngân sách nhà nước cấp" not in page


def test_opening_balance_and_delete(cast, client_for):
    client = client_for(cast.reviewer)
    response = client.post(reverse("funds:opening", args=[cast.body.pk, 2026]), {"amount": "3.000.000"})
    assert response.status_code == 302
    assert services.ledger(cast.body, 2026).opening == 3_000_000
    line = entry(cast.body, date(2026, 3, 3), 700)
    assert client.post(reverse("funds:entry_delete", args=[line.pk])).status_code == 302
    assert not FundEntry.objects.filter(pk=line.pk).exists()
    assert client_for(cast.approver).post(reverse("funds:opening", args=[cast.body.pk, 2026]),
                                          {"amount": "1"}).status_code == 403


def test_the_year_in_excel(cast, client_for):
    import io

    from openpyxl import load_workbook

    FundYear.objects.create(organisation=cast.body, year=2026, opening_balance=1_000_000)
    entry(cast.body, date(2026, 1, 15), 5_000_000, voucher="PT01")
    decision(cast.body, date(2026, 6, 1), [710_000], people=[cast.person_a])
    response = client_for(cast.reviewer).get(reverse("funds:export", args=[cast.body.pk, 2026]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    flat = [v for row in values for v in row]
    assert "Số dư đầu năm" in flat and 1_000_000 in flat and 5_000_000 in flat and 710_000 in flat
    assert values[-1][3] == "Số dư cuối năm" and values[-1][5] == 5_290_000


# --- documents -------------------------------------------------------------------------------------------------
def test_bang_ke_chi_prints_each_awardee_the_total_and_its_words(cast):
    made = decision(cast.body, date(2026, 6, 1), [710_000, 1_170_000], people=[cast.person_a, cast.person_b])
    text = pdf_text(render_pdf("bang_ke_chi.html", documents.bang_ke_chi(made), strict=True))
    assert_in_order(text, [
        "SỞ NỘI VỤ TỈNH THỬ", "BẢNG KÊ CHI TIỀN THƯỞNG", "Kèm theo Quyết định số 01/QĐ-SNV ngày 01/06/2026",
        "STT", "Họ và tên / Tên tập thể", "Ký nhận", "Nguyễn Thị Hương", "710.000", "Lê Văn Bình", "1.170.000",
        "Tổng cộng", "1.880.000", "Một triệu tám trăm tám mươi nghìn đồng",
        "NGƯỜI LẬP BIỂU", "KẾ TOÁN TRƯỞNG", "THỦ TRƯỞNG CƠ QUAN"])
    higher = decision(cast.body, date(2026, 6, 2), [1], number=2, kind=Decision.HIGHER)
    assert documents._refuse_list(higher) and not documents._refuse_list(made)


def test_the_yearly_report(cast):
    FundYear.objects.create(organisation=cast.body, year=2026, opening_balance=2_000_000)
    entry(cast.body, date(2026, 1, 15), 50_000_000, voucher="PT01", description="Dự toán giao đầu năm")
    entry(cast.body, date(2026, 5, 2), 1_200_000, Direction.SPENDING, Category.PRINTING, voucher="PC03")
    decision(cast.body, date(2026, 6, 1), [710_000], people=[cast.person_a])
    text = pdf_text(render_pdf("bao_cao_quy.html", documents.bao_cao_quy(cast.body, "2026"), strict=True))
    assert_in_order(text, [
        "SỞ NỘI VỤ TỈNH THỬ", "BÁO CÁO", "Tình hình thu, chi Quỹ thi đua, khen thưởng năm 2026",
        "I. SỐ DƯ ĐẦU NĂM 2026: 2.000.000 đồng", "II. THU TRONG NĂM: 50.000.000 đồng", "PT01",
        "Ngân sách nhà nước cấp: Dự toán giao đầu năm", "III. CHI TRONG NĂM: 1.910.000 đồng",
        "1. Tiền thưởng theo quyết định khen thưởng của cơ quan: 710.000 đồng", "01/QĐ-SNV",
        "2. Chi khác: 1.200.000 đồng", "PC03", "IV. SỐ DƯ CUỐI NĂM 2026: 50.090.000 đồng",
        "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN"])


def test_the_report_s_years_are_the_fund_s_and_its_readers_see_it(cast):
    FundYear.objects.create(organisation=cast.body, year=2026)
    assert documents._years(cast.body) == ["2026"]
    assert cast.body in documents.bodies_for(cast.reviewer)
    assert cast.body not in documents.bodies_for(cast.clerk_a)
    assert cast.other not in documents.bodies_for(cast.reviewer)


def test_the_signing_page_warns_when_the_decision_would_overdraw_the_fund(cast, client_for):
    from django.utils import timezone

    from awards.models import BonusCoefficient
    from campaigns.services.campaigns import profile_in_force
    from dossiers.services import decisions
    from tests.dossiers.test_decisions import awaiting
    from tests.factories.campaigns import launched_campaign
    from tests.factories.dossiers import ready_dossier

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    profile = profile_in_force(timezone.localdate()) or campaign.legal_profile  # what a decision today pays under
    BonusCoefficient.objects.create(profile=profile, award_form=campaign.awards.get().award_form,
                                    subject_type="individual", coefficient="0.3")
    nomination = awaiting(cast, ready_dossier(cast, campaign=campaign)).nominations.get()
    decisions.approve(nomination, approved=True, by=cast.approver)
    url = f"{reverse('dossiers:decision_sign')}?phong-trao={campaign.pk}"
    year = timezone.localdate().year
    client = client_for(cast.approver)
    assert "data-signing-note" not in client.get(url).content.decode()  # the body keeps no fund in the portal
    FundYear.objects.create(organisation=cast.body, year=year, opening_balance=100_000)
    page = client.get(url).content.decode()
    assert "data-signing-note" in page
    assert f"Quỹ thi đua, khen thưởng năm {year} của Sở Nội vụ tỉnh Thử còn 100.000 đ" in page
    FundYear.objects.filter(organisation=cast.body).update(opening_balance=50_000_000)
    assert "data-signing-note" not in client.get(url).content.decode()


def test_each_line_written_and_deleted_is_in_the_province_s_audit_trail(cast):
    from audit.models import Event

    line = services.save_entry(FundEntry(direction=Direction.RECEIPT, category=Category.BUDGET,
                                         date=date(2026, 1, 15), amount=7_000_000, voucher="PT-09"),
                               cast.body, by=cast.reviewer)
    services.delete_entry(line, by=cast.reviewer)
    events = list(Event.objects.filter(actor=cast.reviewer).order_by("pk"))
    assert len(events) >= 2
    assert all(event.province_id == cast.province.pk for event in events)
    assert any("7.000.000" in str(event.object_repr) or "7000000" in str(event.changes) for event in events)
