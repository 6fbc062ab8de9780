"""core.concurrency: the version token of an edit page, the check under lock when saving, the message naming who
saved and when, and the saved values shown beside what was typed (issue 16, lost updates). Every edit page that
uses it: tests/test_lost_updates.py."""
import threading
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.db import connection, connections
from django.utils import timezone

from campaigns.forms import TargetFormSet
from campaigns.models import Target
from core.concurrency import (
    VERSION_FIELD,
    StaleEdit,
    Watched,
    conflict_message,
    digest,
    make_token,
    shown_value,
    split_token,
    unchanged,
)
from dossiers.forms.dossiers import ReportForm
from dossiers.models import NominationMeeting
from dossiers.services import building
from orgs.forms import AccountUpdateForm, PersonForm
from orgs.models import Person
from orgs.services import people
from tests.factories.campaigns import draft_campaign, launched_campaign


def person_form(cast, person, data=None):
    return PersonForm(data, instance=Person.objects.get(pk=person.pk), user=cast.admin)


def posted(form, **changes):
    """What the browser posts back from the unbound `form` (its values, the token), with `changes` typed in."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False):
            continue
        data[name] = "on" if value is True else (value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value)
    data.update(changes)
    return data


def save_person(cast, by, **values):
    person = Person.objects.get(pk=cast.person_a.pk)
    for name, value in values.items():
        setattr(person, name, value)
    people.save_person(person, by=by)


def test_the_token_is_a_hash_of_the_edited_values_and_when_they_were_read(cast):
    watched = [Watched(Person.objects.filter(pk=cast.person_a.pk), ("full_name", "position"))]
    token = make_token(watched)
    value, read_at = split_token(token)
    assert value == digest(watched) and abs(read_at - timezone.now()) < timedelta(seconds=5)
    Person.objects.filter(pk=cast.person_a.pk).update(phone="0912 000 111", updated_at=timezone.now())
    assert digest(watched) == value  # a field the page does not edit
    Person.objects.filter(pk=cast.person_a.pk).update(position="Trưởng phòng")
    assert digest(watched) != value
    assert split_token("") == ("", None) and split_token("abc.xyz") == ("abc", None)


def test_the_form_carries_the_token_of_the_record_as_opened(cast):
    form = person_form(cast, cast.person_a)
    value, _ = split_token(form[VERSION_FIELD].value())
    assert value == digest(form.watched())
    assert form.fields[VERSION_FIELD].widget.is_hidden
    assert VERSION_FIELD not in PersonForm(user=cast.admin).fields  # a new record: nothing to compare with


def test_a_save_made_meanwhile_refuses_the_form_with_who_and_when(cast):
    cast.admin.first_name, cast.admin.last_name = "Nguyễn Văn", "An"
    cast.admin.save()
    opened = person_form(cast, cast.person_a)
    data = posted(opened, position="Chuyên viên chính")
    save_person(cast, cast.admin, position="Phó Trưởng phòng")
    form = person_form(cast, cast.person_a, data)
    assert not form.is_valid()
    entry = LogEntry.objects.get_for_object(cast.person_a).latest("timestamp")
    when = timezone.localtime(entry.timestamp)
    assert form.non_field_errors()[0] == (
        f"Trong lúc bạn sửa, Nguyễn Văn An đã lưu thay đổi lúc {when:%H:%M %d/%m/%Y}. Những gì bạn gõ vẫn còn "
        "dưới đây; hãy xem lại rồi lưu lại.")
    assert form.non_field_errors()[1] == "Bản vừa được lưu khác bản của bạn ở: Chức vụ: “Phó Trưởng phòng”."
    assert form["position"].value() == "Chuyên viên chính"  # what this user typed
    again = person_form(cast, cast.person_a, {**data, VERSION_FIELD: form[VERSION_FIELD].value()})
    assert again.is_valid(), again.errors  # the new token: a deliberate second save goes through


def test_what_only_the_other_person_changed_is_taken_so_saving_again_keeps_it(cast):
    opened = person_form(cast, cast.person_a)
    data = posted(opened, position="Chuyên viên chính")
    save_person(cast, cast.admin, phone="0912 000 111", qualification="Thạc sĩ Luật", position="Trưởng phòng")
    form = person_form(cast, cast.person_a, data)
    assert not form.is_valid()
    errors = form.non_field_errors()
    assert [errors[1], errors[2]] == [
        "Những ô bạn chưa sửa đã được lấy theo bản vừa lưu: Trình độ chuyên môn, Điện thoại.",
        "Bản vừa được lưu khác bản của bạn ở: Chức vụ: “Trưởng phòng”."]
    assert (form["position"].value(), form["phone"].value()) == ("Chuyên viên chính", "0912 000 111")
    again = {**data, "phone": form["phone"].value(), "qualification": form["qualification"].value(),
             VERSION_FIELD: form[VERSION_FIELD].value()}
    form = person_form(cast, cast.person_a, again)
    assert form.is_valid(), form.errors
    with unchanged(form):
        form.save()
    person = Person.objects.get(pk=cast.person_a.pk)
    assert (person.position, person.phone, person.qualification) == ("Chuyên viên chính", "0912 000 111",
                                                                     "Thạc sĩ Luật")


def test_a_save_between_the_check_and_the_write_is_caught_under_the_lock(cast):
    data = posted(person_form(cast, cast.person_a), position="Chuyên viên chính")
    form = person_form(cast, cast.person_a, data)
    assert form.is_valid()
    save_person(cast, cast.admin, position="Phó Trưởng phòng")  # after the form was checked, before it saves
    with pytest.raises(StaleEdit):
        with unchanged(form):
            form.save()
    assert Person.objects.get(pk=cast.person_a.pk).position == "Phó Trưởng phòng"
    assert "Trong lúc bạn sửa" in form.non_field_errors()[0]
    assert split_token(form[VERSION_FIELD].value())[0] == digest(form.watched())


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_once_take_turns_and_the_second_is_refused(cast):
    """Both forms pass their first check (nothing saved yet); under the row lock the second waits for the first to
    commit, reads the values again and is refused. Without the lock both would save, the second over the first."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks (select_for_update is a no-op there)")
    opened = posted(person_form(cast, cast.person_a))
    barrier, outcomes = threading.Barrier(2), []

    def save(position):
        try:
            form = person_form(cast, cast.person_a, {**opened, "position": position})
            assert form.is_valid(), form.errors
            barrier.wait(timeout=10)
            try:
                with unchanged(form):
                    time.sleep(0.3)  # the other save arrives while this one holds the lock
                    form.save()
                outcomes.append(("lưu", position))
            except StaleEdit:
                outcomes.append(("từ chối", position))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(position,)) for position in ("Trưởng phòng", "Phó Trưởng phòng")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcome for outcome, _ in outcomes) == ["lưu", "từ chối"]
    saved = next(position for outcome, position in outcomes if outcome == "lưu")
    assert Person.objects.get(pk=cast.person_a.pk).position == saved


def test_a_post_without_a_token_is_not_checked(cast):
    data = posted(person_form(cast, cast.person_a), position="Chuyên viên chính")
    del data[VERSION_FIELD]
    save_person(cast, cast.admin, position="Phó Trưởng phòng")
    form = person_form(cast, cast.person_a, data)
    assert form.is_valid()
    with unchanged(form):
        form.save()


def test_who_is_not_known_the_message_says_when_or_only_that_someone_saved(cast):
    watched = [Watched(Person.objects.filter(pk=cast.person_a.pk), ("position",))]
    since = timezone.now()
    assert conflict_message(watched, since).startswith("Trong lúc bạn sửa, đã có người lưu thay đổi. ")
    Person.objects.filter(pk=cast.person_a.pk).update(position="Trưởng phòng", updated_at=since + timedelta(
        minutes=1))  # written without the audit log
    when = timezone.localtime(since + timedelta(minutes=1))
    assert conflict_message(watched, since).startswith(
        f"Trong lúc bạn sửa, đã có người lưu thay đổi lúc {when:%H:%M %d/%m/%Y}. ")
    assert conflict_message(watched, None).startswith("Trong lúc bạn sửa, đã có người lưu thay đổi. ")


def test_the_report_watches_its_summary_and_confirmed_criteria(cast):
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.first(), by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    report = nomination.report
    data = posted(ReportForm(instance=report), summary="Tóm tắt tôi gõ", results="Kết quả tôi gõ")
    building.save_report(report, summary="Tóm tắt người khác lưu", criteria=[], by=cast.clerk_a)
    form = ReportForm(data, instance=type(report).objects.get(pk=report.pk))
    assert not form.is_valid()
    assert form.non_field_errors()[1] == ("Bản vừa được lưu khác bản của bạn ở: Tóm tắt thành tích (in trong danh sách "
                                          "kèm Tờ trình): “Tóm tắt người khác lưu”.")  # both changed it
    assert form["summary"].value() == "Tóm tắt tôi gõ"


def test_saved_values_are_shown_as_the_page_shows_them(cast):
    person = Person.objects.get(pk=cast.person_a.pk)
    person.date_of_birth, person.position = date(1985, 3, 9), ""
    form = PersonForm(instance=person, user=cast.admin)

    def shown(record, name):
        return shown_value(record, type(record)._meta.get_field(name), form.fields.get(name))

    assert [shown(person, name) for name in ("date_of_birth", "gender", "organisation", "is_active", "position")] == [
        "09/03/1985", "Nam", cast.unit_a.name, "có", "để trống"]
    meeting = NominationMeeting(held_at=datetime(2025, 7, 25, 1, 0, tzinfo=UTC), closed_at=dt_time(10, 30))
    assert (shown(meeting, "held_at"), shown(meeting, "closed_at")) == ("08:00 25/07/2025", "10:30")


def test_linking_a_person_meanwhile_refuses_the_account_form(cast):
    account = cast.clerk_a
    opened = AccountUpdateForm(user=cast.admin, account=account)
    data = posted(opened, email="moi@example.gov.vn")
    with set_actor(cast.admin):
        Person.objects.filter(pk=cast.person_a.pk).update(user=account)
    form = AccountUpdateForm(data, user=cast.admin, account=account)
    assert not form.is_valid() and "Trong lúc bạn sửa" in form.non_field_errors()[0]
    assert form.non_field_errors()[1] == "Những ô bạn chưa sửa đã được lấy theo bản vừa lưu: Gắn với cán bộ."
    assert str(form["person"].value()) == str(cast.person_a.pk) and form["email"].value() == "moi@example.gov.vn"
    assert len(form.non_field_errors()) == 2  # nobody else changed the e-mail: nothing to show beside it


def test_a_section_formset_carries_one_token_for_its_rows(cast):
    campaign = draft_campaign(cast)
    Target.objects.create(campaign=campaign, text="Chỉ tiêu có sẵn")
    formset = TargetFormSet(instance=campaign, user=cast.admin, prefix="rows")
    assert f'name="rows-{VERSION_FIELD}"' in formset.version_input()
    token = formset.version_input().split('value="')[1].split('"')[0]
    data = {"rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "1", f"rows-{VERSION_FIELD}": token,
            "rows-0-id": str(campaign.targets.get().pk), "rows-0-order": "1", "rows-0-text": "Chỉ tiêu tôi sửa"}
    with set_actor(cast.admin):
        Target.objects.create(campaign=campaign, text="Chỉ tiêu người khác thêm", order=2)
    formset = TargetFormSet(data, instance=campaign, user=cast.admin, prefix="rows")
    assert not formset.is_valid()
    assert "Trong lúc bạn sửa" in formset.non_form_errors()[0]
    assert token not in formset.version_input()  # the new token, for a deliberate second save
    formset = TargetFormSet({**data, f"rows-{VERSION_FIELD}": formset.data[f"rows-{VERSION_FIELD}"]},
                            instance=campaign, user=cast.admin, prefix="rows")
    assert formset.is_valid(), formset.errors
    with unchanged(formset):
        formset.save()
    assert sorted(campaign.targets.values_list("text", flat=True)) == ["Chỉ tiêu người khác thêm", "Chỉ tiêu tôi sửa"]
