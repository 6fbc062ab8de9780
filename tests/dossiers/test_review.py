"""The office's review as its page guides it (docs/workflow.md, "Thẩm định"): the verdicts and the reason each
needs, verdicts kept across a return, the changes since the previous submission, the steps and the page."""
import pytest
from django.core.exceptions import ValidationError

from dossiers.enums import DossierState, Outcome
from dossiers.models import Nomination, OutcomeChange
from dossiers.services import building, outcomes, review
from dossiers.services.workflow import transition
from tests.factories.dossiers import complete_report, ready_dossier

pytestmark = pytest.mark.django_db

OVERRIDE = "Đã xem xét cảnh báo"


def in_review(cast, second=True):
    """A dossier of unit A in review with two nominees (Hương and Hà)."""
    from tests.factories.dossiers import record_vote
    from tests.factories.orgs import PersonFactory

    dossier = ready_dossier(cast)
    if second:
        other = building.add_nominee(dossier, subject_type="individual", by=cast.clerk_a,
                                     person=PersonFactory(full_name="Trần Thu Hà", organisation=cast.unit_a))
        complete_report(other, by=cast.clerk_a)
        record_vote(dossier, other)
    return transition(transition(dossier, "submit", by=cast.clerk_a), "start_review", by=cast.reviewer)


def nominees(dossier):
    return list(dossier.nominations.order_by("order"))


# --- the verdicts ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("outcome", "message"), [
    (Outcome.NOT_QUALIFIED, "Ghi lý do không đạt (không đủ điều kiện)."),
    (Outcome.NEEDS_MORE, "Ghi nội dung đơn vị cần bổ sung."),
])
def test_a_verdict_that_needs_a_reason_is_refused_without_one(cast, outcome, message):
    huong, _ = nominees(in_review(cast))
    with pytest.raises(ValidationError) as error:
        building.review_nominee(huong, verdict=outcome, reason="  ", by=cast.reviewer)
    assert error.value.messages == [message]
    assert Nomination.objects.get(pk=huong.pk).outcome == Outcome.PENDING
    assert not OutcomeChange.objects.filter(nomination=huong).exists()


def test_needs_more_writes_what_to_complete_as_the_units_note(cast):
    huong, _ = nominees(in_review(cast))
    building.review_nominee(huong, verdict=Outcome.NEEDS_MORE, reason="Bổ sung số liệu năm 2025", by=cast.reviewer)
    huong.refresh_from_db()
    assert (huong.outcome, huong.outcome_reason, huong.review_note) == (
        Outcome.NEEDS_MORE, "Bổ sung số liệu năm 2025", "Bổ sung số liệu năm 2025")
    building.review_nominee(huong, verdict=Outcome.ACCEPTED, override_reason=OVERRIDE, by=cast.reviewer)
    huong.refresh_from_db()
    assert (huong.outcome, huong.outcome_reason, huong.review_note) == (Outcome.ACCEPTED, "", "")


def test_only_the_issuers_office_gives_a_verdict_and_only_in_review(cast):
    from django.core.exceptions import PermissionDenied

    dossier = in_review(cast)
    huong, _ = nominees(dossier)
    with pytest.raises(PermissionDenied):
        building.review_nominee(huong, verdict=Outcome.NEEDS_MORE, reason="x", by=cast.clerk_a)
    transition(dossier, "return", by=cast.reviewer, note="Bổ sung")
    huong.dossier.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        building.review_nominee(huong, verdict=Outcome.NEEDS_MORE, reason="x", by=cast.reviewer)
    assert error.value.messages == ["Chỉ kết luận từng người khi hồ sơ đang được thẩm định."]


# The review's moves of the one writer: (from, to, allowed)
REVIEW_MOVES = [
    (Outcome.PENDING, Outcome.ACCEPTED, True), (Outcome.PENDING, Outcome.NOT_QUALIFIED, True),
    (Outcome.PENDING, Outcome.NEEDS_MORE, True), (Outcome.ACCEPTED, Outcome.NEEDS_MORE, True),
    (Outcome.NOT_QUALIFIED, Outcome.NEEDS_MORE, True), (Outcome.NEEDS_MORE, Outcome.ACCEPTED, True),
    (Outcome.NEEDS_MORE, Outcome.NOT_QUALIFIED, True), (Outcome.NEEDS_MORE, Outcome.PENDING, False),
    (Outcome.ACCEPTED, Outcome.PENDING, False), (Outcome.NEEDS_MORE, Outcome.COUNCIL_PASSED, False),
]


@pytest.mark.parametrize(("before", "to", "allowed"), REVIEW_MOVES)
def test_review_moves_follow_the_map(cast, before, to, allowed):
    huong, _ = nominees(in_review(cast))
    Nomination.objects.filter(pk=huong.pk).update(outcome=before)
    huong.refresh_from_db()
    if allowed:
        assert outcomes.move([huong], to, act="review", by=cast.reviewer, reason="lý do") == 1
    else:
        with pytest.raises(ValidationError):
            outcomes.move([huong], to, act="review", by=cast.reviewer)
    assert Nomination.objects.get(pk=huong.pk).outcome == (to if allowed else before)


@pytest.mark.parametrize(("before", "after"), [
    (Outcome.NEEDS_MORE, Outcome.PENDING), (Outcome.ACCEPTED, None), (Outcome.NOT_QUALIFIED, None),
    (Outcome.PENDING, None)])
def test_a_return_moves_only_the_nominees_to_complete(cast, before, after):
    assert outcomes.MOVES["return"].get(before, set()) == ({after} if after else set())


def test_accept_waits_for_every_verdict_and_refuses_one_to_complete(cast):
    dossier = in_review(cast)
    huong, ha = nominees(dossier)
    building.review_nominee(huong, verdict=Outcome.ACCEPTED, override_reason=OVERRIDE, by=cast.reviewer)
    with pytest.raises(ValidationError) as error:
        transition(dossier, "accept", by=cast.reviewer)
    assert error.value.messages == ["Còn người, tập thể chưa có kết luận thẩm định (đủ / không đủ điều kiện)."]
    building.review_nominee(ha, verdict=Outcome.NEEDS_MORE, reason="Bổ sung Biên bản", by=cast.reviewer)
    with pytest.raises(ValidationError) as error:
        transition(dossier, "accept", by=cast.reviewer)
    assert error.value.messages == ["Còn người, tập thể cần bổ sung: hãy trả lại hồ sơ để đơn vị bổ sung."]
    from dossiers.services.workflow import allowed_actions

    assert allowed_actions(dossier, cast.reviewer) == ["return"]
    building.review_nominee(ha, verdict=Outcome.NOT_QUALIFIED, reason="Chưa đủ thời gian công tác",
                            by=cast.reviewer)
    assert transition(dossier, "accept", by=cast.reviewer).state == DossierState.APPRAISED


# --- kept across a return ----------------------------------------------------------------------------
def returned_and_resubmitted(cast, change=None):
    dossier = in_review(cast)
    huong, ha = nominees(dossier)
    building.review_nominee(huong, verdict=Outcome.ACCEPTED, override_reason=OVERRIDE, by=cast.reviewer)
    building.review_nominee(ha, verdict=Outcome.NEEDS_MORE, reason="Bổ sung số liệu năm 2025", by=cast.reviewer)
    dossier = transition(dossier, "return", by=cast.reviewer, note=review.return_summary(nominees(dossier)))
    if change:
        change(dossier)
    dossier = transition(dossier, "submit", by=cast.clerk_a)
    return dossier, huong, ha


def test_a_return_keeps_the_verdicts_and_reopens_the_nominees_to_complete(cast):
    dossier, huong, ha = returned_and_resubmitted(cast)
    assert dossier.return_reason == "- Trần Thu Hà: Bổ sung số liệu năm 2025"
    huong.refresh_from_db()
    ha.refresh_from_db()
    assert (huong.outcome, ha.outcome, ha.review_note) == (Outcome.ACCEPTED, Outcome.PENDING,
                                                           "Bổ sung số liệu năm 2025")
    kept = review.previous_verdicts(dossier)
    assert {pk: (v.outcome, v.reason) for pk, v in kept.items()} == {
        huong.pk: (Outcome.ACCEPTED, ""), ha.pk: (Outcome.NEEDS_MORE, "Bổ sung số liệu năm 2025")}
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    assert review.reviewed_count(nominees(dossier)) == (1, 2)
    building.review_nominee(ha, verdict=Outcome.ACCEPTED, override_reason=OVERRIDE, by=cast.reviewer)
    assert review.previous_verdicts(dossier).keys() == {huong.pk}  # Hà's verdict is now this review's
    assert transition(dossier, "accept", by=cast.reviewer).state == DossierState.APPRAISED


def test_no_previous_verdicts_on_a_first_submission(cast):
    dossier = in_review(cast)
    building.review_nominee(nominees(dossier)[0], verdict=Outcome.ACCEPTED, override_reason=OVERRIDE,
                            by=cast.reviewer)
    assert review.previous_verdicts(dossier) == {}


# --- what changed since the previous submission ---------------------------------------------------------
def snap(nominations=(), attachments=None, **fields):
    content = {"memo_number": "07/TTr", "memo_date": "2025-07-28", "note": "", "nominations": list(nominations)}
    content.update(fields)
    if attachments is not None:
        content["attachments"] = [{"id": pk, "title": title} for pk, title in attachments]
    return content


def nominee(pk, name, summary="Tóm tắt", criteria=("Tiêu chuẩn 1",), **report):
    return {"id": pk, "name": name, "summary": summary, "criteria": list(criteria),
            "report": {"results": "Kết quả", "rating": "tot", "initiatives": "", **report}}


HUONG, HA = nominee(1, "Nguyễn Thị Hương"), nominee(2, "Trần Thu Hà")

CHANGES = [
    ("nothing", snap([HUONG]), snap([HUONG]), {}),
    ("added", snap([HUONG]), snap([HUONG, HA]), {"added": ["Trần Thu Hà"], "added_ids": {2}}),
    ("removed", snap([HUONG, HA]), snap([HUONG]), {"removed": ["Trần Thu Hà"]}),
    ("report field", snap([HUONG]), snap([nominee(1, "Nguyễn Thị Hương", results="Kết quả mới")]),
     {"changed": {1: ["Kết quả đạt được (so với chỉ tiêu của phong trào, có số liệu)"]}}),
    ("summary and criteria", snap([HUONG]), snap([nominee(1, "Nguyễn Thị Hương", summary="Mới", criteria=())]),
     {"changed": {1: ["Tóm tắt thành tích", "Tiêu chuẩn đơn vị xác nhận"]}}),
    ("empty and missing are the same", snap([HUONG]), snap([nominee(1, "Nguyễn Thị Hương", initiatives=None)]), {}),
    ("tờ trình", snap([HUONG]), snap([HUONG], memo_number="08/TTr", note="Ghi chú"),
     {"dossier_fields": ["Số Tờ trình", "Ghi chú của đơn vị"]}),
    ("attachments", snap([HUONG], attachments=[(5, "Biên bản"), (6, "Quyết định")]),
     snap([HUONG], attachments=[(6, "Quyết định"), (7, "Biên bản có chữ ký")]),
     {"attachments_added": ["Biên bản có chữ ký"], "attachments_removed": ["Biên bản"]}),
    ("attachments unknown before", snap([HUONG]), snap([HUONG], attachments=[(7, "Biên bản")]), {}),
]


@pytest.mark.parametrize(("case", "before", "after", "expected"), CHANGES, ids=[c[0] for c in CHANGES])
def test_version_changes(case, before, after, expected):
    changes = review.version_changes(before, after)
    assert {name: value for name, value in vars(changes).items() if value} == expected
    assert bool(changes) is bool(expected)


def test_changes_since_the_previous_submission_read_the_two_last_versions(cast):
    def fix(dossier):
        report = Nomination.objects.get(dossier=dossier, person__full_name="Trần Thu Hà").report
        report.results = "Chỉnh lý 1.200 hồ sơ, số hóa 30.000 trang."
        building.save_report(report, summary="Có nhiều thành tích trong đợt thi đua.",
                             criteria=list(report.nomination.criteria_confirmed.all()), by=cast.clerk_a)

    dossier, huong, ha = returned_and_resubmitted(cast, change=fix)
    changes = review.changes_since_previous(dossier)
    assert changes.changed == {ha.pk: ["Kết quả đạt được (so với chỉ tiêu của phong trào, có số liệu)"]}
    assert (changes.added, changes.removed, changes.dossier_fields) == ([], [], [])
    assert review.changes_since_previous(in_review(cast, second=False)) is None


# --- the steps and the summary -----------------------------------------------------------------------
def test_steps_say_where_the_dossier_is(cast):
    dossier = transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    marks = lambda: [s.status for s in review.steps(dossier, nominees(dossier))]  # noqa: E731
    assert marks() == ["current", "todo", "todo"]
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    assert marks() == ["done", "current", "todo"]
    assert review.steps(dossier, nominees(dossier))[1].detail == "đã xét 0/1"
    building.review_nominee(nominees(dossier)[0], verdict=Outcome.ACCEPTED, override_reason=OVERRIDE,
                            by=cast.reviewer)
    assert marks() == ["done", "done", "current"]
    dossier = transition(dossier, "accept", by=cast.reviewer)
    assert marks() == ["done", "done", "done"]


def test_return_summary_lists_the_nominees_to_complete(cast):
    dossier = in_review(cast)
    huong, ha = nominees(dossier)
    building.review_nominee(huong, verdict=Outcome.NOT_QUALIFIED, reason="Chưa đủ năm công tác", by=cast.reviewer)
    building.review_nominee(ha, verdict=Outcome.NEEDS_MORE, reason="Bổ sung Biên bản có chữ ký", by=cast.reviewer)
    assert review.return_summary(nominees(dossier)) == "- Trần Thu Hà: Bổ sung Biên bản có chữ ký"


# --- the page ----------------------------------------------------------------------------------------
def post_verdict(client, nomination, verdict, reason="", override=""):
    prefix = f"n{nomination.pk}"
    return client.post(f"/de-nghi/{nomination.pk}/ket-luan/", {
        f"{prefix}-verdict": verdict, f"{prefix}-reason": reason, f"{prefix}-override_reason": override})


@pytest.mark.parametrize(("outcome", "message"), [
    ("not_qualified", "Ghi lý do không đạt (không đủ điều kiện)."),
    ("needs_more", "Ghi nội dung đơn vị cần bổ sung."),
])
def test_the_page_asks_for_the_reason_and_keeps_what_was_typed(cast, client_for, outcome, message):
    huong, _ = nominees(in_review(cast))
    response = post_verdict(client_for(cast.reviewer), huong, outcome, reason="", override="gõ dở")
    assert response.status_code == 400
    form = next(n for n in response.context["nominations"] if n.pk == huong.pk).verdict_form
    assert form.errors["reason"] == [message]
    assert (form["verdict"].value(), form["override_reason"].value()) == (outcome, "gõ dở")
    html = response.content.decode()
    assert f'value="{outcome}" checked' in html and message in html
    assert Nomination.objects.get(pk=huong.pk).outcome == Outcome.PENDING


def test_the_page_shows_a_service_refusal_beside_the_nominee(cast, client_for):
    huong, _ = nominees(in_review(cast))
    response = post_verdict(client_for(cast.reviewer), huong, "accepted")  # the deadline warning is not answered
    assert response.status_code == 400
    form = next(n for n in response.context["nominations"] if n.pk == huong.pk).verdict_form
    assert form.non_field_errors()[0].startswith("Có cảnh báo chưa đạt: ghi lý do vẫn chấp nhận")
    assert form["verdict"].value() == "accepted"


def test_the_page_records_a_verdict_and_counts_it(cast, client_for):
    dossier = in_review(cast)
    huong, _ = nominees(dossier)
    client = client_for(cast.reviewer)
    response = post_verdict(client, huong, "needs_more", reason="Bổ sung số liệu")
    assert response.status_code == 302 and response.url == f"/ho-so/{dossier.pk}/tham-dinh/#nominee-{huong.pk}"
    page = client.get(f"/ho-so/{dossier.pk}/tham-dinh/")
    assert (page.context["reviewed"], page.context["total"]) == (1, 2)
    assert [s.status for s in page.context["steps"]] == ["done", "current", "todo"]
    assert "accept" not in page.context["moves"]
    assert page.context["return_summary"] == "- Nguyễn Thị Hương: Bổ sung số liệu"
    assert "Đã xét 1/2" in page.content.decode()


def test_the_page_marks_kept_verdicts_and_highlights_changes(cast, client_for):
    def fix(dossier):
        report = Nomination.objects.get(dossier=dossier, person__full_name="Trần Thu Hà").report
        report.results = "Chỉnh lý 1.200 hồ sơ."
        report.save()

    dossier, huong, ha = returned_and_resubmitted(cast, change=fix)
    transition(dossier, "start_review", by=cast.reviewer)
    page = client_for(cast.reviewer).get(f"/ho-so/{dossier.pk}/tham-dinh/")
    rows = {n.pk: n for n in page.context["nominations"]}
    assert rows[huong.pk].verdict_form.initial["verdict"] == Outcome.ACCEPTED
    assert rows[ha.pk].verdict_form.initial == {"verdict": Outcome.NEEDS_MORE, "reason": "Bổ sung số liệu năm 2025",
                                                 "override_reason": ""}
    assert rows[ha.pk].changed_fields == ["Kết quả đạt được (so với chỉ tiêu của phong trào, có số liệu)"]
    html = page.content.decode()
    assert html.count("từ lần xét trước:") == 2 and 'id="review-changes"' in html
    assert "nominee-changed" in html


def test_only_the_issuers_office_reaches_the_verdict(cast, client_for):
    dossier = in_review(cast)
    huong, _ = nominees(dossier)
    assert post_verdict(client_for(cast.clerk_a), huong, "needs_more", reason="x").status_code == 403
    assert post_verdict(client_for(cast.approver), huong, "needs_more", reason="x").status_code == 403
    assert post_verdict(client_for(cast.clerk_b), huong, "needs_more", reason="x").status_code == 404
    assert post_verdict(client_for(cast.outsider), huong, "needs_more", reason="x").status_code == 404
    assert client_for(cast.clerk_b).get(f"/ho-so/{dossier.pk}/tham-dinh/").status_code == 404
    assert Nomination.objects.get(pk=huong.pk).outcome == Outcome.PENDING
    from tests.factories.orgs import PersonFactory

    draft = ready_dossier(cast, person=PersonFactory(full_name="Đỗ Văn Nam", organisation=cast.unit_a))
    assert post_verdict(client_for(cast.reviewer), draft.nominations.get(), "accepted").status_code == 404


def test_the_inbox_does_not_tick_a_dossier_with_a_nominee_to_complete(cast, client_for):
    dossier = in_review(cast)
    huong, ha = nominees(dossier)
    building.review_nominee(huong, verdict=Outcome.ACCEPTED, override_reason=OVERRIDE, by=cast.reviewer)
    building.review_nominee(ha, verdict=Outcome.NEEDS_MORE, reason="Bổ sung Biên bản", by=cast.reviewer)
    client = client_for(cast.reviewer)
    [row] = client.get("/hop-thu/").context["page"].items
    assert (row.pk, row.acceptable) == (dossier.pk, False)
    building.review_nominee(ha, verdict=Outcome.NOT_QUALIFIED, reason="Chưa đủ thời gian", by=cast.reviewer)
    [row] = client.get("/hop-thu/").context["page"].items
    assert row.acceptable is True
