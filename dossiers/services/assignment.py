"""Phân công xử lý: which specialist (chuyên viên) of the issuing body's office handles a dossier it received.

`assign()` is the one writer of `Dossier.assignee` and of the `Assignment` log (docs/workflow.md, Assignment);
`reviewers()` is the choice list of the page's form; `load_and_timing()` the head's page "Phân công, theo dõi xử
lý" and its Excel export. The assignment does not move the dossier: its state stays workflow.transition()'s.
"""
import statistics
from bisect import bisect_right
from collections import defaultdict

from auditlog.context import set_actor
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q

from orgs import scope
from orgs.enums import Role
from orgs.models import Membership

from ..enums import DossierState
from ..models import Assignment, Dossier, StateChange
from .inbox import inbox_queryset

# the states in which the office holds the dossier (received, under review, on its way to the council, the
# leader or the higher authority); a draft, a returned, withdrawn or decided dossier is no longer the office's
HELD_STATES = [DossierState.SUBMITTED, DossierState.IN_REVIEW, DossierState.APPRAISED, DossierState.IN_COUNCIL,
               DossierState.AWAITING_DECISION, DossierState.FORWARDED]


def is_reviewer(user, dossier):
    return user is not None and user.is_active and scope.acts_for(user, dossier.campaign.issuer, [Role.REVIEWER])


def reviewers(issuer):
    """The active users who review for `issuer` (its own office, or the standing office serving it), by name, as
    scope.acts_for(user, issuer, [Role.REVIEWER]) reads it: a reviewer membership on the body or one of its
    parents, or on its standing office (of the same province) or one of that office's parents. A queryset (one
    query, whatever the number of reviewers)."""
    units = [*issuer.ancestor_ids(), issuer.pk]
    office = issuer.standing_office
    if office is not None and office.same_province(issuer):
        units += [*office.ancestor_ids(), office.pk]
    ids = Membership.objects.filter(role=Role.REVIEWER, organisation_id__in=units).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("last_name", "first_name",
                                                                                "username")


def name_of(user):
    return (user.get_full_name() or user.username) if user else ""


def assign(dossier, assignee, *, note="", by):
    """Assign `dossier` to `assignee` (a reviewer of its issuing body) as `by` (one too), under the dossier's row
    lock; writes the Assignment row and the dossier's assignee (audit log, actor `by`). Raises PermissionDenied
    for an actor who does not review for the body, ValidationError for an assignee who does not, a dossier the
    office no longer holds, or the same specialist again."""
    with set_actor(by), transaction.atomic():
        dossier = (Dossier.objects.select_for_update(of=("self",)).select_related("campaign__issuer", "assignee")
                   .get(pk=dossier.pk))
        if not is_reviewer(by, dossier):
            raise PermissionDenied("Chỉ Văn phòng (bộ phận thẩm định) của cơ quan nhận hồ sơ mới phân công được.")
        if dossier.state not in HELD_STATES:
            raise ValidationError(f"Không thể phân công: hồ sơ đang ở trạng thái "
                                  f"“{dossier.get_state_display().lower()}”, không còn do Văn phòng xử lý.")
        if assignee is None or not is_reviewer(assignee, dossier):
            raise ValidationError("Chỉ phân công được cho chuyên viên thẩm định của cơ quan nhận hồ sơ.")
        if dossier.assignee_id == assignee.pk:
            raise ValidationError(f"Hồ sơ đã được phân công cho {name_of(assignee)}.")
        Assignment.objects.create(dossier=dossier, assignee=assignee, previous=dossier.assignee, by=by,
                                  note=(note or "").strip())
        dossier.assignee = assignee
        dossier.save(update_fields=["assignee", "updated_at"])
    return dossier


def history(dossier):
    """The processing history (Nhật ký xử lý): the state changes and the assignments, newest last; each entry
    has `.kind` ("state" or "assignment"). 2 queries."""
    entries = []
    for change in dossier.state_changes.select_related("by"):
        change.kind = "state"
        entries.append(change)
    for assignment in dossier.assignments.select_related("by", "assignee", "previous"):
        assignment.kind = "assignment"
        entries.append(assignment)
    return sorted(entries, key=lambda entry: entry.at)


# --- the head's page: load per specialist, time per step ------------------------------------------------------

# the office's steps, by the state the dossier waits in, and the moves of the office that end them
STEPS = [
    ("receive", "Nộp → nhận", DossierState.SUBMITTED, ("start_review", "return")),
    ("review", "Nhận → tiếp nhận / trả lại", DossierState.IN_REVIEW, ("accept", "return")),
    ("submit", "Tiếp nhận → trình Hội đồng / lãnh đạo", DossierState.APPRAISED, ("to_council", "to_leader")),
]
LOAD_STATES = HELD_STATES
UNASSIGNED = 0  # the row key of the dossiers nobody is assigned to


def load_and_timing(user):
    """The head's table, for the dossiers sent to the bodies the user works for (the inbox's): one row per
    specialist (and one "Chưa phân công"), each with the open dossiers assigned by state (`load`, `open`) and,
    per step of STEPS, the days it took (`steps`: {key: (count, median, mean)}); and the overall row. A step is
    the time between the move that put the dossier in the step's state and the office's move out of it (from
    the StateChange timestamps; a withdrawal by the unit ends no step), counted once per round (a dossier sent
    again after a return is received again), for the specialist assigned when the move out was made. 4 queries
    whatever the number of dossiers."""
    dossiers = inbox_queryset(user)
    load = defaultdict(dict)
    for assignee, state, n in dossiers.filter(state__in=LOAD_STATES).values_list("assignee_id", "state").annotate(
            n=Count("pk")).order_by():
        load[assignee or UNASSIGNED][state] = n
    assigned = defaultdict(list)  # dossier -> [(at, assignee)] in order
    for dossier_id, at, assignee in Assignment.objects.filter(dossier__in=dossiers.values("pk")).order_by(
            "dossier_id", "at", "pk").values_list("dossier_id", "at", "assignee_id"):
        assigned[dossier_id].append((at, assignee))
    durations = defaultdict(lambda: defaultdict(list))  # specialist -> step -> [days]
    ends = {state: (key, actions) for key, _, state, actions in STEPS}
    previous = None
    for dossier_id, from_state, action, at in StateChange.objects.filter(
            Q(from_state__in=list(ends)) | Q(to_state__in=list(ends)), dossier__in=dossiers.values("pk")).order_by(
            "dossier_id", "at", "pk").values_list("dossier_id", "from_state", "action", "at"):
        step = ends.get(from_state)
        if step and previous and previous[0] == dossier_id and action in step[1]:
            days = (at - previous[1]).total_seconds() / 86400
            who = _assignee_at(assigned.get(dossier_id, ()), at)
            durations[who][step[0]].append(days)
            durations["all"][step[0]].append(days)
        previous = (dossier_id, at)
    ids = [key for key in set(load) | set(durations) if key not in ("all", UNASSIGNED)]
    people = {u.pk: u for u in get_user_model().objects.filter(pk__in=ids)}
    rows = [_row(name_of(people[pk]), load.get(pk, {}), durations.get(pk, {})) for pk in ids if pk in people]
    rows.sort(key=lambda row: row["name"])
    if load.get(UNASSIGNED) or durations.get(UNASSIGNED):
        rows.append(_row("Chưa phân công", load.get(UNASSIGNED, {}), durations.get(UNASSIGNED, {}), unassigned=True))
    total = defaultdict(int)
    for by_state in load.values():
        for state, n in by_state.items():
            total[state] += n
    overall = _row("Toàn Văn phòng", total, durations.get("all", {}))
    return {"rows": rows, "overall": overall, "timing_rows": [*rows, {**overall, "overall": True}],
            "states": [DossierState(state) for state in LOAD_STATES], "steps": [(key, label) for key, label, _, _ in
                                                                                STEPS]}


def _assignee_at(assignments, at):
    """Who was assigned when the move at `at` was made (UNASSIGNED before the first assignment)."""
    index = bisect_right([when for when, _ in assignments], at)
    return (assignments[index - 1][1] or UNASSIGNED) if index else UNASSIGNED


def _row(name, by_state, durations, unassigned=False):
    steps = {}
    for key, _, _, _ in STEPS:
        days = durations.get(key, [])
        steps[key] = (len(days), round(statistics.median(days), 1), round(statistics.fmean(days), 1)) if days else (
            0, None, None)
    load = [by_state.get(state, 0) for state in LOAD_STATES]
    return {"name": name, "unassigned": unassigned, "load": load, "open": sum(by_state.values()), "steps": steps,
            # for the page: (label, figure) cells in the order of the columns
            "load_cells": [(DossierState(state).label, n) for state, n in zip(LOAD_STATES, load, strict=True)],
            "step_cells": [(label, *steps[key]) for key, label, _, _ in STEPS]}


def workbook(user):
    """The head's table as an .xlsx (core.xlsx.list_workbook): (bytes, rows)."""
    from core.xlsx import list_workbook

    table = load_and_timing(user)
    columns = [("Chuyên viên", 30)] + [(str(state.label), 12) for state in table["states"]] + [("Tổng đang xử lý", 12)]
    for _, label in table["steps"]:
        columns += [(f"{label}: số lượt", 12), (f"{label}: trung vị (ngày)", 14), (f"{label}: trung bình (ngày)", 14)]
    rows = []
    for row in [*table["rows"], table["overall"]]:
        line = [row["name"], *row["load"], row["open"]]
        for key, _ in table["steps"]:
            line += list(row["steps"][key])
        rows.append(line)
    return list_workbook("Phân công", columns, rows)
