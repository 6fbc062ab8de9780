"""What the office's review page shows to guide it (docs/workflow.md, "Thẩm định"): the three steps and where the
dossier is, the count of verdicts, the verdicts kept from the review before a return, what changed since the
previous submission, and the summary of what the unit must fix when the dossier is returned.

Reads only. The verdicts are written by `building.review_nominee` (through `outcomes.move`, their one writer),
the dossier's moves by `workflow.transition`.
"""
from dataclasses import dataclass, field

from django.utils.text import capfirst

from ..enums import DossierState, Outcome
from ..models import AchievementReport, DossierVersion, OutcomeChange

# The one verdict control of the review page: each verdict with the reason it needs (None: none).
VERDICTS = [
    (Outcome.ACCEPTED, "Đạt (đủ điều kiện)"),
    (Outcome.NOT_QUALIFIED, "Không đạt"),
    (Outcome.NEEDS_MORE, "Cần bổ sung"),
]
REASON_LABELS = {
    Outcome.NOT_QUALIFIED: "Lý do không đạt",
    Outcome.NEEDS_MORE: "Nội dung đơn vị cần bổ sung",
}
REASON_MISSING = {
    Outcome.NOT_QUALIFIED: "Ghi lý do không đạt (không đủ điều kiện).",
    Outcome.NEEDS_MORE: "Ghi nội dung đơn vị cần bổ sung.",
}
REVIEWED = frozenset({Outcome.ACCEPTED, Outcome.NOT_QUALIFIED, Outcome.NEEDS_MORE})


# --- the steps ---------------------------------------------------------------------------------------
@dataclass
class Step:
    number: int
    label: str
    detail: str
    status: str  # "done", "current" or "todo"


def reviewed_count(nominations):
    """(nominees with the office's verdict, all nominees): "đã xét N/M"."""
    nominations = list(nominations)
    return sum(1 for n in nominations if n.outcome in REVIEWED), len(nominations)


def steps(dossier, nominations):
    """The review's three steps (receive → a verdict per nominee → accept or return) and where the dossier is."""
    done, total = reviewed_count(nominations)
    state = dossier.state
    count = f"đã xét {done}/{total}"
    if state == DossierState.SUBMITTED:
        marks = ("current", "todo", "todo")
    elif state == DossierState.IN_REVIEW:
        marks = ("done", "current", "todo") if done < total else ("done", "done", "current")
    else:  # returned, or accepted and beyond
        marks = ("done", "done", "done")
    if state == DossierState.RETURNED:
        last = "Đã trả lại để đơn vị bổ sung"
    elif state in (DossierState.SUBMITTED, DossierState.IN_REVIEW):
        last = "Tiếp nhận khi mọi người đã có kết luận; trả lại nếu cần bổ sung"
    else:
        last = "Đã tiếp nhận"
    return [
        Step(1, "Nhận hồ sơ", "Bấm “Nhận và thẩm định”" if state == DossierState.SUBMITTED else "Đã nhận", marks[0]),
        Step(2, "Kết luận từng người", count, marks[1]),
        Step(3, "Tiếp nhận hoặc trả lại", last, marks[2]),
    ]


# --- verdicts kept from the previous review -----------------------------------------------------------
@dataclass
class PreviousVerdict:
    outcome: str
    reason: str

    @property
    def label(self):
        return Outcome(self.outcome).label


def previous_verdicts(dossier):
    """{nomination id: PreviousVerdict} of the nominees whose verdict was given in a review before the dossier's
    latest submission (the dossier was returned and sent again). A verdict kept through the return is its current
    outcome; one the return reopened ("cần bổ sung") is the starting value of the new verdict. One query."""
    if dossier.version < 2 or dossier.submitted_at is None:
        return {}
    last = {}
    for change in (OutcomeChange.objects.filter(nomination__dossier=dossier, act__in=("review", "return"),
                                                at__lt=dossier.submitted_at)
                   .select_related("nomination").order_by("at", "pk")):
        last[change.nomination_id] = change
    kept = {}
    for nomination_id, change in last.items():
        nomination = change.nomination
        if change.act == "review" and nomination.outcome == change.to_outcome:
            kept[nomination_id] = PreviousVerdict(change.to_outcome, change.reason)
        elif change.act == "return" and nomination.outcome == Outcome.PENDING:
            kept[nomination_id] = PreviousVerdict(change.from_outcome, nomination.review_note)
    return kept


# --- what changed since the previous submission ------------------------------------------------------
DOSSIER_FIELDS = {"memo_number": "Số Tờ trình", "memo_date": "Ngày Tờ trình", "note": "Ghi chú của đơn vị"}
NOMINEE_FIELDS = {"summary": "Tóm tắt thành tích", "criteria": "Tiêu chuẩn đơn vị xác nhận"}


def _report_label(name):
    try:
        return capfirst(AchievementReport._meta.get_field(name).verbose_name)
    except Exception:  # a field a later version no longer has
        return name


@dataclass
class Changes:
    """What differs between two submissions of a dossier (`version_changes`)."""

    added: list = field(default_factory=list)          # names of the nominees added
    removed: list = field(default_factory=list)        # names of the nominees taken out
    changed: dict = field(default_factory=dict)        # nomination id -> labels of what changed in its report
    dossier_fields: list = field(default_factory=list)  # labels of the Tờ trình fields changed
    attachments_added: list = field(default_factory=list)
    attachments_removed: list = field(default_factory=list)
    added_ids: set = field(default_factory=set)

    def __bool__(self):
        return bool(self.added or self.removed or self.changed or self.dossier_fields or self.attachments_added
                    or self.attachments_removed)


def version_changes(before, after):
    """The Changes from snapshot `before` to snapshot `after` (DossierVersion.content, workflow.snapshot()).

    Nominees are matched by their id (a nominee stays the same row while the dossier is edited); attachments by
    their id, and only when both snapshots list them (versions written before they were snapshotted do not).
    """
    changes = Changes()
    for name, label in DOSSIER_FIELDS.items():
        if (before.get(name) or "") != (after.get(name) or ""):
            changes.dossier_fields.append(label)
    old = {n["id"]: n for n in before.get("nominations", [])}
    new = {n["id"]: n for n in after.get("nominations", [])}
    changes.added = [n["name"] for pk, n in new.items() if pk not in old]
    changes.added_ids = {pk for pk in new if pk not in old}
    changes.removed = [n["name"] for pk, n in old.items() if pk not in new]
    for pk, nominee in new.items():
        previous = old.get(pk)
        if previous is None:
            continue
        labels = [label for name, label in NOMINEE_FIELDS.items() if previous.get(name) != nominee.get(name)]
        report, earlier = nominee.get("report") or {}, previous.get("report") or {}
        names = list(report) + [name for name in earlier if name not in report]
        labels += [_report_label(name) for name in names if (report.get(name) or "") != (earlier.get(name) or "")]
        if labels:
            changes.changed[pk] = labels
    if "attachments" in before and "attachments" in after:
        old_files = {a["id"]: a["title"] for a in before["attachments"]}
        new_files = {a["id"]: a["title"] for a in after["attachments"]}
        changes.attachments_added = [title for pk, title in new_files.items() if pk not in old_files]
        changes.attachments_removed = [title for pk, title in old_files.items() if pk not in new_files]
    return changes


def changes_since_previous(dossier):
    """Changes between the dossier's last two submissions, or None when it was sent once. Two rows read."""
    versions = list(DossierVersion.objects.filter(dossier=dossier).order_by("-number")[:2])
    if len(versions) < 2:
        return None
    return version_changes(versions[1].content, versions[0].content)


# --- returning ---------------------------------------------------------------------------------------
def return_summary(nominations):
    """What must be fixed, one line per nominee sent back to be completed (the text the return form starts from)."""
    lines = [f"- {n.name}: {(n.review_note or n.outcome_reason).strip()}" for n in nominations
             if n.outcome == Outcome.NEEDS_MORE]
    return "\n".join(lines)
