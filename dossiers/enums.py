"""States, actions and outcomes of dossiers, with their Vietnamese labels, badges and the roles
each action needs. `TRANSITIONS` is the only definition of the workflow (docs/design.md, Workflow)."""
from django.db import models

from orgs.enums import Role


class DossierState(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã nộp"
    RETURNED = "returned", "Trả lại để bổ sung"
    IN_REVIEW = "in_review", "Đang thẩm định"
    APPRAISED = "appraised", "Đã thẩm định"
    IN_COUNCIL = "in_council", "Hội đồng đang xét"
    AWAITING_DECISION = "awaiting_decision", "Chờ lãnh đạo quyết định"
    DECIDED = "decided", "Đã có quyết định"
    FORWARDED = "forwarded", "Đã trình cấp trên"
    WITHDRAWN = "withdrawn", "Đã rút"


STATE_BADGES = {
    DossierState.DRAFT: "secondary",
    DossierState.SUBMITTED: "primary",
    DossierState.RETURNED: "danger",
    DossierState.IN_REVIEW: "info",
    DossierState.APPRAISED: "info",
    DossierState.IN_COUNCIL: "warning",
    DossierState.AWAITING_DECISION: "warning",
    DossierState.DECIDED: "success",
    DossierState.FORWARDED: "dark",
    DossierState.WITHDRAWN: "light",
}

# Who acts: the unit's clerk ("unit"), or the issuing body's office / council / leader ("issuer").
UNIT, ISSUER = "unit", "issuer"

# state -> action -> (next state, side whose roles may act, roles)
TRANSITIONS = {
    DossierState.DRAFT: {
        "submit": (DossierState.SUBMITTED, UNIT, [Role.CLERK]),
        "withdraw": (DossierState.WITHDRAWN, UNIT, [Role.CLERK]),
    },
    DossierState.SUBMITTED: {
        "withdraw": (DossierState.WITHDRAWN, UNIT, [Role.CLERK]),
        "start_review": (DossierState.IN_REVIEW, ISSUER, [Role.REVIEWER]),
        "return": (DossierState.RETURNED, ISSUER, [Role.REVIEWER]),
    },
    DossierState.RETURNED: {
        "submit": (DossierState.SUBMITTED, UNIT, [Role.CLERK]),
        "withdraw": (DossierState.WITHDRAWN, UNIT, [Role.CLERK]),
    },
    DossierState.IN_REVIEW: {
        "return": (DossierState.RETURNED, ISSUER, [Role.REVIEWER]),
        "accept": (DossierState.APPRAISED, ISSUER, [Role.REVIEWER]),
    },
    DossierState.APPRAISED: {
        "to_council": (DossierState.IN_COUNCIL, ISSUER, [Role.REVIEWER]),
        "to_leader": (DossierState.AWAITING_DECISION, ISSUER, [Role.REVIEWER]),
    },
    DossierState.IN_COUNCIL: {
        # the session closed by its chair (a council member or the leader) or by the office on the chair's behalf
        "council_done": (DossierState.AWAITING_DECISION, ISSUER, [Role.REVIEWER, Role.COUNCIL, Role.APPROVER]),
    },
    DossierState.AWAITING_DECISION: {
        "decide": (DossierState.DECIDED, ISSUER, [Role.APPROVER]),
        "forward": (DossierState.FORWARDED, ISSUER, [Role.APPROVER]),
    },
    DossierState.FORWARDED: {
        "record_higher_decision": (DossierState.DECIDED, ISSUER, [Role.REVIEWER, Role.APPROVER]),
    },
    DossierState.DECIDED: {},
    # the unit takes back a dossier it withdrew: the same dossier, a draft again (services/withdrawal.py)
    DossierState.WITHDRAWN: {
        "reopen": (DossierState.DRAFT, UNIT, [Role.CLERK]),
    },
}

# Moves that record an act done elsewhere, never taken by themselves (docs/design.md, Workflow): the council's
# session closed with its tally (council.close_session); the body's Quyết định signed, its Tờ trình sent
# upward, the higher authority's decision recorded (decisions.settle). No button offers them, the transition
# URL refuses them, and each checks under the dossier's lock that the act it records is there.
CONSEQUENCES = frozenset({"council_done", "decide", "forward", "record_higher_decision"})

ACTION_LABELS = {
    "submit": "Nộp hồ sơ",
    "withdraw": "Rút hồ sơ",
    "start_review": "Nhận và thẩm định",
    "return": "Trả lại để bổ sung",
    "accept": "Đạt yêu cầu, tiếp nhận",
    "to_council": "Trình Hội đồng",
    "to_leader": "Trình lãnh đạo",
    "council_done": "Hoàn tất xét của Hội đồng",
    "decide": "Ký quyết định",
    "forward": "Trình cấp trên",
    "record_higher_decision": "Ghi nhận quyết định của cấp trên",
    "reopen": "Mở lại hồ sơ",
}

EDITABLE_STATES = {DossierState.DRAFT, DossierState.RETURNED}
# never sent to the issuing body: only the unit sees these (Dossier.objects.for_user, view_dossier)
UNSENT_STATES = {DossierState.DRAFT, DossierState.WITHDRAWN}
SENT_STATES = [state for state in DossierState.values if state not in UNSENT_STATES]


class Outcome(models.TextChoices):
    PENDING = "pending", "Chưa xét"
    ACCEPTED = "accepted", "Đủ điều kiện"
    NOT_QUALIFIED = "not_qualified", "Không đủ điều kiện"
    # the office's verdict "the unit must complete this nominee": accepting waits, returning sends it back
    NEEDS_MORE = "needs_more", "Cần bổ sung"
    COUNCIL_PASSED = "council_passed", "Hội đồng thông qua"
    COUNCIL_FAILED = "council_failed", "Hội đồng không thông qua"
    APPROVED = "approved", "Lãnh đạo đồng ý"
    NOT_APPROVED = "not_approved", "Không được phê duyệt"
    AWARDED = "awarded", "Được khen thưởng"
    FORWARDED = "forwarded", "Đã trình cấp trên"


# outcomes after which nothing more happens to the nominee in this dossier
FINAL_OUTCOMES = frozenset({Outcome.NOT_QUALIFIED, Outcome.COUNCIL_FAILED, Outcome.NOT_APPROVED, Outcome.AWARDED})

OUTCOME_BADGES = {
    Outcome.PENDING: "secondary",
    Outcome.ACCEPTED: "info",
    Outcome.NOT_QUALIFIED: "danger",
    Outcome.NEEDS_MORE: "warning",
    Outcome.COUNCIL_PASSED: "info",
    Outcome.COUNCIL_FAILED: "danger",
    Outcome.APPROVED: "primary",
    Outcome.NOT_APPROVED: "danger",
    Outcome.AWARDED: "success",
    Outcome.FORWARDED: "dark",
}


class Rating(models.TextChoices):
    """Xếp loại chất lượng (đánh giá, xếp loại cán bộ, công chức, viên chức hằng năm)."""

    EXCELLENT = "xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"
    GOOD = "tot", "Hoàn thành tốt nhiệm vụ"
    DONE = "hoan_thanh", "Hoàn thành nhiệm vụ"
    NOT_DONE = "khong_hoan_thanh", "Không hoàn thành nhiệm vụ"


GOOD_OR_BETTER = {Rating.EXCELLENT, Rating.GOOD}
