"""Guidance at each step for the unit's clerk (issue 17): what is missing before "Gửi hồ sơ" (each a link to where
it is fixed), the page after sending, withdrawing after a page saying what it does, a withdrawn dossier opened
again or copied, people already proposed marked in the nominee picker."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from awards.services import workdays
from campaigns.services.campaigns import offer_award
from dossiers.enums import DossierState
from dossiers.models import Attachment, Dossier, MeetingVote, StateChange
from dossiers.services import building, sending, withdrawal
from dossiers.services.attachments import add_attachment, remove_attachment
from dossiers.services.completeness import checklist
from dossiers.services.workflow import TransitionError
from orgs.enums import Role
from tests.factories.campaigns import award_form, launched_campaign
from tests.factories.dossiers import complete_report, ready_dossier
from tests.factories.orgs import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory
from tests.pickers import chosen, picker_url

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def pdf(name="a.pdf"):
    return SimpleUploadedFile(name, PDF)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# --- what is missing before sending ------------------------------------------------------------------------------
def test_checklist_items_link_to_where_each_is_fixed(cast):
    campaign = launched_campaign(cast)
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    empty = checklist(dossier)
    assert [(item.label, item.url) for item in empty.todo][:1] == [
        ("Có ít nhất một người, tập thể được đề nghị", f"/ho-so/{dossier.pk}/them-nguoi/")]
    nomination = building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    todo = {item.label: item for item in checklist(dossier).todo}
    report = next(item for item in todo.values() if item.links)
    assert report.links == [("Nguyễn Thị Hương", f"/de-nghi/{nomination.pk}/bao-cao/")]
    assert any(item.url == f"/ho-so/{dossier.pk}/sua/" for item in todo.values())  # the Tờ trình's number, date


def test_dossier_page_says_how_many_things_are_missing_and_links_each(cast, client_for):
    campaign = launched_campaign(cast)
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    todo = checklist(dossier).todo
    html = client_for(cast.clerk_a).get(dossier.get_absolute_url()).content.decode()
    assert f"Còn {len(todo)} việc" in html and 'id="submit-missing"' in html and 'id="submit-dossier"' not in html
    for item in todo:
        assert f'<a href="{item.url}">{item.label}</a>' in html


def test_complete_dossier_offers_gui_ho_so(cast, client_for):
    dossier = ready_dossier(cast)
    html = client_for(cast.clerk_a).get(dossier.get_absolute_url()).content.decode()
    assert 'id="submit-dossier"' in html and "Gửi hồ sơ" in html and "Còn 0 việc" not in html


# --- sending -----------------------------------------------------------------------------------------------------
def test_submit_view_sends_and_shows_what_was_sent_to_whom_and_what_next(cast, client_for):
    dossier = ready_dossier(cast)
    add_attachment(dossier, pdf(), title="Biên bản họp có chữ ký", by=cast.clerk_a)
    client = client_for(cast.clerk_a)
    response = client.post(f"/ho-so/{dossier.pk}/gui/", {"note": "Gửi lần đầu"})
    assert response.status_code == 302 and response["Location"] == f"/ho-so/{dossier.pk}/da-gui/"
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    summary = page.context["sent"]
    assert (summary.nominees, summary.body, summary.office) == (1, cast.body, cast.body)
    assert summary.attachments == ["Biên bản họp có chữ ký"]
    assert "Tờ trình số 07/TTr-TCCB ngày 28/07/2025" in summary.documents
    assert cast.body.name in html and "Tiếp theo" in html and "trả lại để bổ sung" in html
    assert f'href="{dossier.get_absolute_url()}"' in html
    assert summary.review_by == workdays.nth_working_day(timezone.localtime(dossier.submitted_at).date(), 15)
    assert "sau ngày " + f"{summary.review_by:%d/%m/%Y}" in html


def test_sent_page_names_the_standing_office_that_reviews(cast, client_for):
    office = OrganisationFactory(code="T-SNV-VP", name="Văn phòng Hội đồng thử", parent=cast.province)
    cast.body.standing_office = office
    cast.body.save()
    dossier = ready_dossier(cast)
    sending.submit(dossier, by=cast.clerk_a)
    html = client_for(cast.clerk_a).get(f"/ho-so/{dossier.pk}/da-gui/").content.decode()
    assert "Văn phòng Hội đồng thử" in html and "cơ quan thường trực" in html


def test_submit_view_with_something_missing_goes_back_to_the_list(cast, client_for):
    campaign = launched_campaign(cast)
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(), by=cast.clerk_a)
    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/gui/")
    assert response.status_code == 302 and response["Location"].endswith("#gui-ho-so")
    dossier.refresh_from_db()
    assert dossier.state == DossierState.DRAFT


def test_sent_page_and_submit_are_the_units_clerks_only(cast, client_for):
    dossier = ready_dossier(cast)
    assert client_for(cast.clerk_a).get(f"/ho-so/{dossier.pk}/da-gui/").status_code == 403  # not sent yet
    assert client_for(cast.clerk_b).post(f"/ho-so/{dossier.pk}/gui/").status_code == 404
    assert client_for(cast.reviewer).post(f"/ho-so/{dossier.pk}/gui/").status_code == 404  # a draft
    sending.submit(dossier, by=cast.clerk_a)
    assert client_for(cast.reviewer).get(f"/ho-so/{dossier.pk}/da-gui/").status_code == 403
    assert client_for(cast.clerk_b).get(f"/ho-so/{dossier.pk}/da-gui/").status_code == 404
    assert client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/gui/").status_code == 403  # sent: not editable


# --- withdrawing -------------------------------------------------------------------------------------------------
def test_withdraw_page_says_what_it_does_before_the_clerk_confirms(cast, client_for):
    dossier = ready_dossier(cast)
    sending.submit(dossier, by=cast.clerk_a)
    client = client_for(cast.clerk_a)
    page = client.get(f"/ho-so/{dossier.pk}/rut/")
    html = page.content.decode()
    assert page.status_code == 200 and 'id="withdraw-confirm"' in html
    assert f"hộp hồ sơ của Văn phòng {cast.body.name}" in html and "mở lại" in html
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED  # looking changes nothing
    response = client.post(f"/ho-so/{dossier.pk}/rut/", {"note": "Bổ sung thêm người"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == DossierState.WITHDRAWN
    assert dossier.state_changes.last().note == "Bổ sung thêm người"


def test_header_links_to_the_withdraw_page_not_a_direct_post(cast, client_for):
    dossier = ready_dossier(cast)
    html = client_for(cast.clerk_a).get(dossier.get_absolute_url()).content.decode()
    assert f'href="/ho-so/{dossier.pk}/rut/" id="dossier-withdraw"' in html
    assert f'/ho-so/{dossier.pk}/chuyen/withdraw/' not in html


def test_withdraw_is_refused_once_the_office_reviews_and_for_others(cast, client_for):
    dossier = ready_dossier(cast)
    assert client_for(cast.clerk_b).get(f"/ho-so/{dossier.pk}/rut/").status_code == 404
    sending.submit(dossier, by=cast.clerk_a)
    assert client_for(cast.reviewer).get(f"/ho-so/{dossier.pk}/rut/").status_code == 403
    with pytest.raises(PermissionDenied):
        withdrawal.withdraw(dossier, by=cast.reviewer)
    from dossiers.services.workflow import transition

    transition(dossier, "start_review", by=cast.reviewer)
    assert client_for(cast.clerk_a).get(f"/ho-so/{dossier.pk}/rut/").status_code == 403
    with pytest.raises(TransitionError):
        withdrawal.withdraw(dossier, by=cast.clerk_a)


# --- opening again, copying --------------------------------------------------------------------------------------
def test_reopen_brings_the_same_dossier_back_to_draft_logged(cast, client_for):
    dossier = ready_dossier(cast)
    withdrawal.withdraw(dossier, by=cast.clerk_a)
    page = client_for(cast.clerk_a).get(dossier.get_absolute_url()).content.decode()
    assert 'id="withdrawn-panel"' in page and 'id="dossier-reopen"' in page and 'id="dossier-copy"' in page
    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/mo-lai/")
    assert response.status_code == 302 and response["Location"] == dossier.get_absolute_url()
    dossier.refresh_from_db()
    assert dossier.state == DossierState.DRAFT and dossier.nominations.count() == 1
    last = StateChange.objects.filter(dossier=dossier).last()
    assert (last.from_state, last.to_state, last.action, last.by) == ("withdrawn", "draft", "reopen", cast.clerk_a)
    assert Dossier.objects.count() == 1


def test_reopen_and_copy_are_refused_for_a_dossier_not_withdrawn_and_for_others(cast, client_for):
    dossier = ready_dossier(cast)
    with pytest.raises(TransitionError):
        withdrawal.reopen(dossier, by=cast.clerk_a)
    with pytest.raises(ValidationError):
        withdrawal.copy_dossier(dossier, by=cast.clerk_a)
    assert client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/mo-lai/").status_code == 403
    withdrawal.withdraw(dossier, by=cast.clerk_a)
    with pytest.raises(PermissionDenied):
        withdrawal.reopen(dossier, by=cast.clerk_b)
    with pytest.raises(PermissionDenied):
        withdrawal.copy_dossier(dossier, by=cast.reviewer)
    assert client_for(cast.clerk_b).post(f"/ho-so/{dossier.pk}/mo-lai/").status_code == 404
    assert client_for(cast.reviewer).post(f"/ho-so/{dossier.pk}/sao-chep/").status_code == 404  # withdrawn: unsent
    assert client_for(cast.clerk_a).get(f"/ho-so/{dossier.pk}/mo-lai/").status_code == 405
    dossier.refresh_from_db()
    assert dossier.state == DossierState.WITHDRAWN


def test_reopen_is_refused_while_another_dossier_of_the_form_is_live(cast, client_for):
    dossier = withdrawal.withdraw(ready_dossier(cast), by=cast.clerk_a)
    other = building.start_dossier(dossier.campaign, cast.unit_a, dossier.offer, by=cast.clerk_a)
    assert other.pk != dossier.pk
    with pytest.raises(ValidationError, match="mỗi hình thức chỉ một hồ sơ"):
        withdrawal.reopen(dossier, by=cast.clerk_a)
    with pytest.raises(ValidationError, match="mỗi hình thức chỉ một hồ sơ"):
        withdrawal.copy_dossier(dossier, by=cast.clerk_a)
    html = client_for(cast.clerk_a).get(dossier.get_absolute_url()).content.decode()
    assert 'id="withdrawn-refusal"' in html and 'id="dossier-reopen"' not in html
    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/mo-lai/")
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == DossierState.WITHDRAWN


def test_copy_makes_a_new_draft_with_nominees_reports_and_referenced_attachments(cast, client_for):
    dossier = ready_dossier(cast)
    attachment = add_attachment(dossier, pdf(), title="Biên bản họp có chữ ký", by=cast.clerk_a)
    sending.submit(dossier, by=cast.clerk_a)
    withdrawal.withdraw(dossier, by=cast.clerk_a)
    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/sao-chep/")
    copy = Dossier.objects.exclude(pk=dossier.pk).get()
    assert response.status_code == 302 and response["Location"] == copy.get_absolute_url()
    assert (copy.state, copy.copied_from, copy.memo_number, copy.meeting_id) == (
        DossierState.DRAFT, dossier, "07/TTr-TCCB", dossier.meeting_id)
    old, new = dossier.nominations.get(), copy.nominations.get()
    assert (new.person, new.summary, new.report.results) == (old.person, old.summary, old.report.results)
    assert list(new.criteria_confirmed.all()) == list(old.criteria_confirmed.all())
    assert MeetingVote.objects.get(meeting=dossier.meeting).nomination == new  # the vote follows the nominee
    shared = copy.attachments.get()
    assert shared.file.name == attachment.file.name and shared.pk != attachment.pk
    assert checklist(copy).todo == []  # ready to send again as it was
    dossier.refresh_from_db()
    assert dossier.state == DossierState.WITHDRAWN
    remove_attachment(shared, by=cast.clerk_a)  # the copy's row goes, the original's file stays
    assert attachment.file.storage.exists(attachment.file.name)
    assert Attachment.objects.filter(pk=attachment.pk).exists()


# --- people already proposed -------------------------------------------------------------------------------------
@pytest.fixture
def two_forms(cast):
    """Unit A's dossier for the campaign's Giấy khen naming Nguyễn Thị Hương, and a second offered form."""
    dossier = ready_dossier(cast)
    second = offer_award(dossier.campaign, award_form(code="lao-dong-tien-tien-test", name="Lao động tiên tiến (thử)",
                                                      category="title"), copies=1, by=cast.admin, order=2)
    other = building.start_dossier(dossier.campaign, cast.unit_a, second, by=cast.clerk_a)
    return dossier, other


def options(client, page, field_id, q):
    """What the page's picker `field_id` offers for `q`, as the script reads it: [{"id", "label"[, "note"]}]."""
    response = client.get(picker_url(page, field_id) + "&q=" + q)
    assert response.status_code == 200
    return response.json()["results"]


def test_picker_marks_people_proposed_in_another_dossier_of_the_campaign(cast, client_for, two_forms):
    dossier, other = two_forms
    PersonFactory(organisation=cast.unit_a, full_name="Đỗ Văn Chưa")
    client = client_for(cast.clerk_a)
    html = client.get(f"/ho-so/{other.pk}/them-nguoi/").content.decode()
    mark = "Đã được đề nghị trong hồ sơ Giấy khen (thử) của Phòng Tổ chức cán bộ (đang soạn)"
    assert 'id="already-proposed"' in html and f"Nguyễn Thị Hương: {mark}" in html  # before anything is typed
    [huong] = options(client, html, "id_person", "huong")
    assert huong["id"] == cast.person_a.pk and huong["note"] == mark
    [chua] = options(client, html, "id_person", "do van chua")
    assert "note" not in chua  # not proposed: not marked
    assert "note" not in options(client, html, "id_organisation", "")[0]  # nor is the unit


def test_picker_marks_a_collective_proposed_in_another_dossier(cast, client_for, two_forms):
    dossier, other = two_forms
    building.add_nominee(dossier, subject_type="collective", organisation=cast.unit_a, by=cast.clerk_a)
    client = client_for(cast.clerk_a)
    html = client.get(f"/ho-so/{other.pk}/them-nguoi/").content.decode()
    [unit] = options(client, html, "id_organisation", "to chuc")
    assert unit["id"] == cast.unit_a.pk and unit["note"].startswith("Đã được đề nghị trong hồ sơ Giấy khen (thử)")
    assert "Phòng Tổ chức cán bộ: Đã được đề nghị trong hồ sơ Giấy khen (thử)" in html


def test_a_withdrawn_dossiers_nominees_are_not_marked(cast, client_for, two_forms):
    dossier, other = two_forms
    withdrawal.withdraw(dossier, by=cast.clerk_a)
    client = client_for(cast.clerk_a)
    html = client.get(f"/ho-so/{other.pk}/them-nguoi/").content.decode()
    assert 'id="already-proposed"' not in html
    assert [row.get("note") for row in options(client, html, "id_person", "huong")] == [None]


def test_adding_one_already_proposed_asks_first_then_warns(cast, client_for, two_forms):
    _dossier, other = two_forms
    client = client_for(cast.clerk_a)
    data = {"subject_type": "individual", "person": cast.person_a.pk, "organisation": ""}
    page = client.post(f"/ho-so/{other.pk}/them-nguoi/", data)
    html = page.content.decode()
    assert page.status_code == 200 and 'id="proposed-warning"' in html and 'id="confirm-proposed"' in html
    assert "Nguyễn Thị Hương: đã được đề nghị trong hồ sơ Giấy khen (thử)" in html
    assert chosen(html, "id_person") == [cast.person_a.pk]  # the choice is kept, a chip for "Vẫn thêm"
    assert not other.nominations.exists()
    response = client.post(f"/ho-so/{other.pk}/them-nguoi/", {**data, "confirm_proposed": "1"}, follow=True)
    assert other.nominations.filter(person=cast.person_a).exists()
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert warnings and "đã được đề nghị trong hồ sơ Giấy khen (thử)" in warnings[0]


def test_picker_shows_a_sub_units_proposal_to_the_parent_clerk_only_as_far_as_they_see(cast, client_for):
    """A proposal by another unit is marked when the clerk may see that unit's dossier (a sub-unit of theirs);
    the sub-unit's clerk does not see the parent's dossier, so nothing of it is marked for them."""
    sub = OrganisationFactory(code="T-SNV-A1", name="Tổ Đào tạo", abbreviation="TDT", parent=cast.unit_a)
    clerk_sub = UserFactory(username="canbo_to")
    MembershipFactory(user=clerk_sub, organisation=sub, role=Role.CLERK)
    member = PersonFactory(organisation=sub, full_name="Hà Văn Tổ")
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    offer = campaign.awards.get()
    sub_dossier = building.start_dossier(campaign, sub, offer, by=clerk_sub)
    building.add_nominee(sub_dossier, subject_type="individual", person=member, by=clerk_sub)
    parent_dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    client = client_for(cast.clerk_a)
    parent_html = client.get(f"/ho-so/{parent_dossier.pk}/them-nguoi/").content.decode()
    mark = "Đã được đề nghị trong hồ sơ Giấy khen (thử) của Tổ Đào tạo"
    [found] = options(client, parent_html, "id_person", "ha van to")
    assert found["id"] == member.pk and found["note"].startswith(mark)
    building.add_nominee(parent_dossier, subject_type="collective", organisation=sub, by=cast.clerk_a)
    complete_report(parent_dossier.nominations.get(), by=cast.clerk_a)
    client = client_for(clerk_sub)
    sub_html = client.get(f"/ho-so/{sub_dossier.pk}/them-nguoi/").content.decode()
    assert 'id="already-proposed"' not in sub_html  # the parent's draft is not theirs to see
    assert all("note" not in row for row in options(client, sub_html, "id_organisation", ""))
