"""Permission matrix (docs/design.md, Permissions and scope): every URL of the project, for every role of the cast.

MATRIX has one row per (URL, target object). Each row says, for every role, what a GET and (for
pages that take a POST) what a POST must answer. The expectations are the *rules*, not a
recording of the current behaviour:

- anonymous: every page except the login page redirects to the login page;
- pages under "orgs.configure" (tree, create org, accounts list/create, blocs list/create, people
  import and its template) need an admin role: anybody else gets 403;
- the pages of one account and its roles (detail, edit, password, grant, revoke) are admin pages
  too: a non-admin gets 403 before any account is looked up (the same answer for every pk, so it
  reveals nothing); an admin gets 404 for an account or role outside their province;
- an object outside the user's scope (the subtrees under their memberships) is a 404, an object
  inside it without the needed role is a 403;
- clerks view/add/edit the people of their own unit; reviewer, council member and approver (roles
  on the Sở) view the organisations and people under the Sở but change nothing;
- the admin of the province may do everything inside the province, nothing outside it;
- POST-only endpoints answer GET with 405 (once the user is allowed at all: the permission check
  comes first, so a denied user still gets 404/403 and learns nothing);
- dossiers: nobody but the unit sees its draft, nor the nominees, meeting and attachments of a draft
  (404 for the issuing body's staff and the province admin too); once sent, the Sở's staff read it, and
  each acts on their own step (the office reviews, the council votes, the leader approves and signs).

Expected values:
- an int: that status;
- LOGIN: a 302 to the login page;
- WRITTEN (POST only): a 302 *and* the database changed. Any other POST expectation also asserts
  that nothing in the watched tables changed, so a denial can never be a silent partial write.

test_every_url_is_in_the_matrix walks the whole URLconf: a new URL without a row fails the suite.

The targets (the cast, campaigns, dossiers at every stage...) are built once per module (matrix_targets);
each case runs in a savepoint rolled back after it, starts from the same rows (checked) and gets its own
copy of the instances (targets).
"""
import copy
import hashlib
import io
import json
from datetime import date, datetime
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.static import serve

from orgs.enums import OrgKind, Role
from orgs.models import EmulationBloc, Membership, Organisation, Person
from tests.factories.orgs import (
    EmulationBlocFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from tests.module_data import build_cast, module_transaction

ROLES = ("anonymous", "outsider", "clerk_a", "clerk_b", "reviewer", "council", "approver", "admin")
OFFICE = ("reviewer", "council", "approver")

LOGIN = "302→login"
WRITTEN = "302+written"

NEW_PASSWORD = "Kh0ng-Doan-Duoc#2025"


def by_role(*, outsider, clerk_a, clerk_b, office, admin, anonymous=LOGIN, **overrides):
    """Expected answer for each role; `office` stands for reviewer, council member and approver."""
    expected = {"anonymous": anonymous, "outsider": outsider, "clerk_a": clerk_a, "clerk_b": clerk_b,
                "admin": admin, **{role: office for role in OFFICE}}
    expected.update(overrides)
    assert set(expected) == set(ROLES), overrides
    return expected


def everyone(status, anonymous=LOGIN):
    return by_role(outsider=status, clerk_a=status, clerk_b=status, office=status, admin=status,
                   anonymous=anonymous)


def admin_only(allowed, denied=403):
    return by_role(outsider=denied, clerk_a=denied, clerk_b=denied, office=denied, admin=allowed)


NOBODY = everyone(404)  # an object outside the province: even its admin gets 404
ACCOUNT_PAGE = admin_only(200)  # non-admins: 403 whatever the account
ACCOUNT_FAR = admin_only(404)  # an account or role outside the province


# --- POST data (functions of the targets, so primary keys are the cast's) -------------------------
def organisation_data(t, **changes):
    return {"parent": t.body.pk, "kind": OrgKind.PHONG, "name": "Phòng Thanh tra", "short_name": "",
            "code": "T-SNV-C", "abbreviation": "TTR", "place_name": "Quảng Trị", "address": "",
            "phone": "", "email": "", "valid_from": "", "order": "3", **changes}


def organisation_update_data(org):
    return {"parent": org.parent_id or "", "kind": org.kind, "name": org.name + " (đã sửa)",
            "short_name": org.short_name, "code": org.code, "abbreviation": org.abbreviation,
            "place_name": org.place_name, "address": "", "phone": "", "email": "", "valid_from": "",
            "order": "0"}


def person_data(organisation, full_name="Phạm Thị Mai"):
    return {"full_name": full_name, "gender": "nu", "date_of_birth": "05/03/1985",
            "organisation": organisation.pk, "position": "Chuyên viên", "category": "cong_chuc",
            "hometown": "Hải Lăng, Quảng Trị", "qualification": "Cử nhân Luật", "email": "",
            "phone": "", "is_active": "on"}


def household_data(organisation, head_name="Trần Văn Lộc"):
    return {"head_name": head_name, "head_gender": "nam", "address": "thôn Đông Hà, xã Cam Lộ",
            "organisation": organisation.pk, "activity": "Phát triển kinh tế vườn đồi"}


def bloc_data(t, name="Khối các phòng thuộc Sở Nội vụ", organiser=None):
    return {"name": name, "kind": "khoi", "organiser": (organiser or t.body).pk,
            "members": [t.unit_a.pk, t.unit_b.pk], "leader": t.unit_a.pk, "description": "",
            "is_active": "on"}


def account_data(t):
    return {"username": "canbo_moi", "full_name": "Trần Thị Mới", "email": "moi@example.vn",
            "password": NEW_PASSWORD, "organisation": t.unit_a.pk, "role": Role.CLERK, "person": ""}


def account_update_data(t):
    return {"full_name": "Nguyễn Văn Đổi Tên", "email": "doiten@example.vn", "is_active": "on",
            "person": ""}


def people_workbook(t):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Mã đơn vị", "Đối tượng"])
    sheet.append(["Đặng Văn Nhập", "Nam", "12/08/1990", "Chuyên viên", t.unit_a.code, "Công chức"])
    buffer = io.BytesIO()
    book.save(buffer)
    return {"file": SimpleUploadedFile(
        "can-bo.xlsx", buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


def awardform_data(code):
    return {"name": "Bằng khen thử", "short_name": "", "code": code, "category": "commendation",
            "subject_types": ["individual"], "authority": 10, "vote_threshold": "",
            "vote_denominator": "present", "ballot_type": "secret", "report_form": "", "legal_reference": "",
            "order": 0, "is_active": "on"}


def profile_data(code):
    return {"name": "Nghị định thử", "code": code, "valid_from": "01/01/2030", "valid_until": "",
            "basis_lines": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "report_form_label": "Mẫu số 08", "collective_multiplier": "2", "notes": "", "public_comment_days": "10",
            "he-so-TOTAL_FORMS": "0", "he-so-INITIAL_FORMS": "0"}


def campaign_data(t, **changes):
    return {"kind": "special", "issuer": t.body.pk, "title": "Đợt thi đua đặc biệt (đã sửa)", "theme": "",
            "plan_number": "175", "plan_symbol": "KH-SNV", "plan_date": "10/07/2024", "sign_as": "",
            "signer_title": "", "signer_name": "", "period_start": "15/07/2024", "period_end": "31/07/2025",
            "summary_deadline": "05/08/2025", "dossier_deadline": "05/08/2025", "legal_profile": t.profile.pk,
            "eligible_subject_types": ["individual", "collective"], "purpose": "", "requirements": "",
            "tasks_text": "", "awards_guidance": "", "implementation": "", **changes}


def management(prefix, total):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def targets_section_data(t):
    return {**management("rows", 1), "rows-0-order": "1", "rows-0-text": "100% đơn vị hoàn thành tốt nhiệm vụ",
            "rows-0-value": "100", "rows-0-unit": "%", "rows-0-measured_on": "", "amend-reason": "Bổ sung chỉ tiêu"}


def quota_override_data(t):
    return {**management("rows", 1), "rows-0-organisation": t.unit_a.pk, "rows-0-max_count": "5",
            "amend-reason": "Đơn vị đông cán bộ"}


def registration_entries_data(t):
    return {**management("entries", 1), "reg-note": "", "entries-0-subject_type": "individual",
            "entries-0-person": t.person_a.pk, "entries-0-organisation": "",
            "entries-0-award_form": t.offer.award_form_id, "entries-0-target_note": "Hoàn thành xuất sắc"}


def rule_settings_data(t):
    """Every eligibility rule as it is, except that the deadline rule now blocks."""
    from dossiers.models import EligibilityRule

    rules = list(EligibilityRule.objects.order_by("order", "code"))
    data = {"rules-TOTAL_FORMS": str(len(rules)), "rules-INITIAL_FORMS": str(len(rules)),
            "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000"}
    for index, rule in enumerate(rules):
        data[f"rules-{index}-id"] = str(rule.pk)
        if rule.is_active:
            data[f"rules-{index}-is_active"] = "on"
        if rule.is_blocking or rule.code == "deadline":
            data[f"rules-{index}-is_blocking"] = "on"
    return data


CAMPAIGN_VIEW = by_role(outsider=404, clerk_a=200, clerk_b=404, office=200, admin=200)
CAMPAIGN_DRAFT_VIEW = by_role(outsider=404, clerk_a=404, clerk_b=404, office=200, admin=200)
CAMPAIGN_CHANGE = by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200)
CAMPAIGN_CHANGE_POST = by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=WRITTEN)


# --- dossiers: POST data and expectations ---------------------------------------------------------------
PDF = b"%PDF-1.4\n%%EOF\n"


def pdf_upload(t):
    return {"file": SimpleUploadedFile("bien-ban.pdf", PDF), "title": "Biên bản họp (bản ký)"}


def dossier_info_data(meeting):
    return {"memo_number": "08/TTr-TCCB", "memo_date": "29/07/2025", "signer_title": "Trưởng phòng",
            "signer_name": "Trần Văn An", "meeting": meeting.pk, "note": "Đã bổ sung Tờ trình"}


def report_data(t):
    return {"position": "Chuyên viên", "qualification": "Cử nhân Luật", "hometown": "Hải Lăng, Quảng Trị",
            "duties": "Tham mưu công tác tổ chức cán bộ.", "measures": "", "initiatives": "",
            "results": "Hoàn thành 100% chỉ tiêu; tham mưu 15 văn bản đúng hạn.", "rating_year": "2024",
            "rating": "xuat_sac", "rating_decision_number": "15/QĐ-SNV", "rating_decision_date": "10/01/2025",
            "summary": "Hoàn thành xuất sắc nhiệm vụ."}


def meeting_form_data(t, **changes):
    return {"campaign": t.campaign.pk, "organisation": t.unit_a.pk, "held_at": "28/07/2025 14:00",
            "place": "Phòng họp tầng 2", "chair": "Trần Văn An – Trưởng phòng", "secretary": "Lê Thị Bích",
            "members_total": "11", "members_present": "9", "absentees": "", "ballot_type": "hands",
            "discussion": "", "conclusion": "Thống nhất đề nghị khen thưởng.", "closed_at": "16:30", **changes}


def meeting_nominee_data(t, dossier):
    return {"offer": dossier.offer_id, "subject_type": "collective", "organisation": t.unit_a.pk, "person": "",
            "votes_for": "5", "votes_against": "1", "votes_abstain": "0"}


def votes_data(nomination):
    return {**management("votes", 1), "votes-0-nomination": nomination.pk, "votes-0-votes_for": "7",
            "votes-0-votes_against": "2", "votes-0-votes_abstain": "0"}


def council_session_data(t):
    return {"co-quan": t.body.pk, "mode": "paper", "campaign": "", "held_at": "01/09/2025 08:00",
            "place": "Phòng họp số 2",
            "chair": "Nguyễn Văn Hải – Giám đốc Sở", "secretary": "Lê Thị Thu – Chánh Văn phòng",
            "members_total": "10", "members_present": "8", "absentees": ""}


def ballots_data(t):
    return {**management("phieu", 1), "phieu-0-nomination": t.nomination_council.pk, "phieu-0-ballot_type": "secret",
            "phieu-0-votes_for": "8", "phieu-0-votes_against": "1", "phieu-0-votes_abstain": "0",
            "phieu-0-written_votes_for": "1"}


def verdict_data(t):
    prefix = f"n{t.nomination_review.pk}"
    return {f"{prefix}-verdict": "accepted", f"{prefix}-reason": "",
            f"{prefix}-override_reason": "Nộp muộn có lý do chính đáng", f"{prefix}-review_note": ""}


def decision_data(t):
    return {"number": "126", "symbol": "QĐ-SNV", "date": "21/08/2025", "title": "Về việc khen thưởng",
            "memo_reference": "", "sign_as": "", "signer_title": "Giám đốc", "signer_name": "Lê Quang Thắng",
            "legal_profile": t.campaign3.legal_profile_id, "nominations": [t.nomination_approved.pk]}


def amendment_data(t):
    from dossiers.forms.amendment import PREFIX, correction_rows

    rows = correction_rows(t.decision)
    data = {"number": str(t.decision.number + 60), "symbol": "QĐ-SNV", "date": date.today().strftime("%d/%m/%Y"),
            "title": "Về việc đính chính", "reason": "Ghi sai họ tên.", "sign_as": "", "signer_title": "Giám đốc",
            "signer_name": "Lê Quang Thắng", f"{PREFIX}-TOTAL_FORMS": str(len(rows)),
            f"{PREFIX}-INITIAL_FORMS": str(len(rows))}
    for i, (award, decided, _stt) in enumerate(rows):
        data.update({f"{PREFIX}-{i}-award": award.pk, **{f"{PREFIX}-{i}-{k}": v for k, v in decided.items()}})
    data[f"{PREFIX}-0-name"] += " (đính chính)"
    return data


def forward_data(t):
    return {"to_authority": "Chủ tịch UBND tỉnh", "memo_number": "46/TTr-SNV", "memo_date": "22/08/2025",
            "signer_title": "Giám đốc", "signer_name": "Lê Quang Thắng", "nominations": [t.nomination_to_forward.pk]}


def higher_decision_data(t):
    return {"higher_authority": "Chủ tịch UBND tỉnh", "number": "2150", "symbol": "QĐ-UBND", "date": "15/09/2025",
            "title": "Về việc tặng Bằng khen", "signer_title": "Chủ tịch", "signer_name": "Võ Văn Hưng",
            "awarded": [t.nomination_forwarded.pk], "reason_not_awarded": ""}


def award_entry_data(t):
    return {"subject_type": "individual", "person": t.person_a.pk, "organisation": "", "award_form": t.award_form.pk,
            "decision_number": "99/QĐ-SNV", "decision_date": "20/12/2024", "decided_by": "Giám đốc Sở Nội vụ",
            "achievement": ""}


def awards_workbook(t):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Khen thưởng"
    sheet.append(["Họ và tên hoặc Mã đơn vị", "Ngày sinh", "Mã đơn vị công tác", "Hình thức khen thưởng",
                  "Số quyết định", "Ngày quyết định", "Cấp quyết định", "Thành tích"])
    sheet.append(["Nguyễn Thị Hương", None, t.unit_a.code, "LĐTT", "16/QĐ-SNV", "28/12/2023", "", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return {"file": SimpleUploadedFile("so-khen-thuong.xlsx", buffer.getvalue())}


def list_workbook(header, row):
    """An upload of one row under `header` (the nominee and registration imports)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(header)
    book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return {"file": SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())}


def nominee_workbook(t):
    return list_workbook(["Đối tượng", "Họ và tên / Tên tập thể / Chủ hộ", "Mã đơn vị"], ["Tập thể", "", t.unit_a.code])


def registration_workbook(t):
    return list_workbook(["Đối tượng", "Họ và tên / Tên tập thể / Chủ hộ", "Mã đơn vị", "Danh hiệu, hình thức đăng ký"],
                         ["Tập thể", "", t.unit_a.code, t.offer.award_form.code])


def withdraw_draft(t):
    """Setup of the rows about a withdrawn dossier: unit_a's draft, withdrawn by its clerk."""
    from dossiers.services import withdrawal

    t.dossier_draft = withdrawal.withdraw(t.dossier_draft, by=t.clerk_a)


def declare_no_proposal(t):
    """Setup of no_proposal_undo: unit_a answers it proposes nobody for campaign3's free form (no deadline, so it
    can still be undone)."""
    from campaigns.models import Campaign
    from dossiers.services import no_proposal

    Campaign.objects.filter(pk=t.campaign3.pk).update(dossier_deadline=None)
    t.campaign3.refresh_from_db()
    t.no_proposal = no_proposal.declare(t.campaign3, t.unit_a, offer=t.offer_free, by=t.clerk_a)


def close_council_session(t):
    """Setup of council_create: one open session per body, so the fixture's session is closed first (its
    signed count sheet attached, as a paper session needs)."""
    from dossiers.services import council

    council.attach_count_sheet(t.council_session, SimpleUploadedFile("kiem-phieu.pdf", PDF), by=t.reviewer)
    council.close_session(t.council_session, by=t.reviewer)


def needs_comment(t):
    """The council's nominee, of a form needing public comment under its campaign's profile, accepted again (a
    candidate of a comment window of the Sở)."""
    from awards.models import LegalBasisProfile
    from campaigns.models import Campaign
    from dossiers.enums import Outcome

    nomination = t.nomination_council
    campaign = nomination.dossier.campaign
    profile = campaign.legal_profile or LegalBasisProfile.objects.order_by("pk").first()
    Campaign.objects.filter(pk=campaign.pk).update(legal_profile=profile)
    profile.public_comment_forms.add(nomination.dossier.offer.award_form)
    type(nomination).objects.filter(pk=nomination.pk).update(outcome=Outcome.ACCEPTED)


def comment_window(t):
    """An open comment window (lấy ý kiến nhân dân) of the Sở on the council's nominee, with one comment."""
    from datetime import timedelta

    from django.utils import timezone

    from dossiers.models import CommentNominee, CommentWindow, PublicComment

    needs_comment(t)
    now = timezone.now()
    t.comment_window = CommentWindow.objects.create(
        issuer=t.body, title="Đợt thử", opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=10),
        opened_by=t.reviewer)
    t.comment_nominee = CommentNominee.objects.create(window=t.comment_window, nomination=t.nomination_council,
                                                      summary="Tóm tắt thử")
    t.public_comment = PublicComment.objects.create(nominee=t.comment_nominee, name="Trần Dân", contact="0909",
                                                    text="Ý kiến thử")


def comment_window_data(t):
    start = datetime.now() + (datetime(2000, 1, 2) - datetime(2000, 1, 1))
    return {"co-quan": t.body.pk, "title": "", "opens_at": f"{start:%d/%m/%Y %H:%M}",
            "closes_at": f"{start.replace(year=start.year + 1):%d/%m/%Y %H:%M}",
            "nominations": [t.nomination_council.pk]}


def attach_count_sheet(t):
    """Setup of the count sheet's download: the office attached it."""
    from dossiers.services import council

    council.attach_count_sheet(t.council_session, SimpleUploadedFile("kiem-phieu.pdf", PDF), by=t.reviewer)


def seats_data(t):
    return {**management("tv", 1), "co-quan": t.body.pk, "tv-0-full_name": "Lê Quang Thắng",
            "tv-0-position": "Giám đốc Sở", "tv-0-title": "chair", "tv-0-user": t.approver.pk}


def unit_only(clerk_a):
    """unit_a's draft, or what hangs on it: its clerk only; everyone else, the issuer's staff too, gets 404."""
    return by_role(outsider=404, clerk_a=clerk_a, clerk_b=404, office=404, admin=404)


def sent(clerk_a, office, admin=None, **overrides):
    """What unit_a sent to the Sở: its clerk and the Sở's staff (and the province admin) see it, others 404."""
    return by_role(outsider=404, clerk_a=clerk_a, clerk_b=404, office=office,
                   admin=office if admin is None else admin, **overrides)


CLERKS_ONLY = by_role(outsider=200, clerk_a=200, clerk_b=200, office=403, admin=403)  # any clerk, own units
STAFF_AREA = by_role(outsider=403, clerk_a=403, clerk_b=403, office=200, admin=200)  # 403 before any lookup
LEADER_ONLY = by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, approver=200)
COUNCIL_OFFICE = by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=200)
OWNER_ONLY = by_role(outsider=404, clerk_a=404, clerk_b=404, office=404, admin=404, reviewer=200)  # the reviewer's
OWNER_ONLY_302 = by_role(outsider=404, clerk_a=404, clerk_b=404, office=404, admin=404, reviewer=302)
REGISTER_EDIT = by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=200, reviewer=200)
FUND_READERS = by_role(outsider=403, clerk_a=403, clerk_b=403, office=200, admin=200, council=403)
# the Sở is outside the units' subtrees (404); its council member and leader see it but keep no book (403)
FUND_KEEPERS = by_role(outsider=404, clerk_a=404, clerk_b=404, office=403, admin=200, reviewer=200)


# --- the matrix -------------------------------------------------------------------------------------
# url: URL name; target: names of the targets fixture whose pk fills <pk> (or kwargs: a function of
# the targets giving the URL's kwargs; label names such a row); query: a function of the targets giving
# the query string; setup: a function of the targets run before the request (and the snapshot);
# get/post: expected answers per role ("post" needs "data"). POST-only endpoints keep a "get" entry:
# 405 for a user who may use them, the usual 403/404/login for anyone else (the permission check runs
# first).
MATRIX = [
    # portal
    {"url": "home", "get": everyone(200)},
    # the pickers' searches (core/pickers.py): JSON of what the user may pick, empty when they may pick nothing; an
    # unknown scope, or a context object outside the user's walls, is a 404
    {"url": "pick_people", "query": lambda t: {"pham-vi": "chua-co-tai-khoan", "q": "nguyen"}, "get": everyone(200)},
    {"url": "pick_units", "query": lambda t: {"pham-vi": "quan-tri"}, "get": everyone(200)},
    {"url": "pick_units", "query": lambda t: {"pham-vi": "khong-co"}, "label": "unknown scope", "get": everyone(404)},
    {"url": "pick_units", "query": lambda t: {"pham-vi": "ngoai-nhanh", "don-vi": t.unit_a.pk}, "label": "own unit",
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=404, admin=200)},
    {"url": "pick_units", "query": lambda t: {"pham-vi": "ngoai-nhanh", "don-vi": t.far.pk}, "label": "far unit",
     "get": NOBODY},
    # a registration line's person and collective (campaigns.pickers): a unit the user is a clerk of, else 404
    {"url": "pick_people", "query": lambda t: {"pham-vi": "dang-ky", "don-vi": t.unit_a.pk},
     "label": "registration of unit A", "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=404, admin=404)},
    {"url": "pick_units", "query": lambda t: {"pham-vi": "dang-ky", "don-vi": t.unit_a.pk},
     "label": "registration of unit A", "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=404, admin=404)},
    {"url": "pick_accounts", "query": lambda t: {"pham-vi": "hoi-dong", "co-quan": t.body.pk},
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=404, admin=404, reviewer=200)},
    {"url": "login",
     "get": everyone(302, anonymous=200),  # a logged-in user is sent home
     "post": everyone(302, anonymous=WRITTEN),  # anonymous logs in (last_login is written)
     "data": lambda t: {"username": "canbo_a", "password": t.password}},
    {"url": "logout",
     "get": everyone(405, anonymous=405),  # POST-only since Django 5
     "post": everyone(WRITTEN, anonymous=302),  # signing out is recorded in the audit trail (audit.Event)
     "data": lambda t: {}},
    {"url": "password_change", "get": everyone(200),
     "post": everyone(WRITTEN),  # one's own password: everyone may
     "data": lambda t: {"old_password": t.password, "new_password1": NEW_PASSWORD,
                        "new_password2": NEW_PASSWORD}},
    {"url": "password_change_done", "get": everyone(200)},
    # quên mật khẩu: public, answers the same for any e-mail, sends mail and writes no watched row
    {"url": "password_reset", "get": everyone(200, anonymous=200),
     "post": everyone(302, anonymous=302), "data": lambda t: {"email": "khong.co.ai@example.vn"}},
    {"url": "password_reset_done", "get": everyone(200, anonymous=200)},
    {"url": "password_reset_confirm", "kwargs": lambda t: {"uidb64": "MQ", "token": "khong-dung"},
     "label": "wrong token", "get": everyone(200, anonymous=200),  # "the link no longer works"
     "post": everyone(200, anonymous=200), "data": lambda t: {"new_password1": NEW_PASSWORD,
                                                              "new_password2": NEW_PASSWORD}},
    {"url": "password_reset_complete", "get": everyone(200, anonymous=200)},
    # one's own second factor (the cast's province needs none; the wall: tests/portal/test_second_factor.py): its
    # page; enrolment (no secret shown in this session yet: the form again, nothing saved); the code page and
    # the recovery codes with nothing owed or to show: sent on; turning it off with nothing on: nothing written
    {"url": "second_factor", "get": everyone(200)},
    {"url": "second_factor_enrol", "get": everyone(200), "post": everyone(400), "data": lambda t: {"code": "000000"}},
    {"url": "second_factor_verify", "get": everyone(302), "post": everyone(302), "data": lambda t: {"code": "000000"}},
    {"url": "second_factor_codes", "get": everyone(302), "post": everyone(302), "data": lambda t: {}},
    {"url": "second_factor_disable", "get": everyone(405), "post": everyone(302), "data": lambda t: {}},

    # documents: printing needs sight of the object; another unit's draft is a 404 like the object itself
    # printing: a GET writes nothing (the page with the button, the file once stored); the POST makes it
    {"url": "documents:print", "kwargs": lambda t: {"code": "to_trinh", "object_id": t.dossier_draft.pk},
     "label": "to_trinh[draft]", "get": unit_only(200), "post": unit_only(WRITTEN), "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "to_trinh", "object_id": t.dossier_sent.pk},
     "label": "to_trinh[sent]", "get": sent(200, 200), "post": sent(WRITTEN, WRITTEN), "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "bao_cao", "object_id": t.nomination_draft.pk},
     "label": "bao_cao[draft]", "get": unit_only(200), "post": unit_only(WRITTEN), "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "quyet_dinh", "object_id": t.decision.pk},
     "label": "quyet_dinh", "get": sent(404, 200), "post": sent(404, WRITTEN), "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "giay_chung_nhan", "object_id": t.award.pk},
     "label": "giay_chung_nhan", "get": sent(404, 200), "post": sent(404, WRITTEN), "data": lambda t: {}},
    # every certificate of a decision as one PDF (plain paper, blanks): who sees the decision
    {"url": "documents:print", "kwargs": lambda t: {"code": "giay_chung_nhan_qd", "object_id": t.decision.pk},
     "label": "giay_chung_nhan_qd", "get": sent(404, 200), "post": sent(404, WRITTEN), "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "bang_ke_chi", "object_id": t.decision.pk},
     # the matrix's decision pays no bonus: who sees it is told why there is no list (403 with the sentence)
     "label": "bang_ke_chi", "get": sent(404, 403), "post": sent(404, 403), "data": lambda t: {}},
    {"url": "documents:print_part",
     "kwargs": lambda t: {"code": "bao_cao_quy", "object_id": t.body.pk, "part": "2026"}, "label": "bao_cao_quy",
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=200, admin=200, council=404),
     "post": by_role(outsider=404, clerk_a=404, clerk_b=404, office=WRITTEN, admin=WRITTEN, council=404),
     "data": lambda t: {}},
    {"url": "documents:print_part",
     "kwargs": lambda t: {"code": "bieu_0602", "object_id": t.body.pk, "part": "2026"}, "label": "bieu_0602",
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=200, admin=200, council=404),
     "post": by_role(outsider=404, clerk_a=404, clerk_b=404, office=WRITTEN, admin=WRITTEN, council=404),
     "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "giay_chung_nhan_qd_phoi", "object_id": t.decision.pk},
     "label": "giay_chung_nhan_qd_phoi", "get": sent(404, 200), "post": sent(404, WRITTEN), "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "ke_hoach", "object_id": t.campaign.pk},
     "label": "ke_hoach", "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=200, admin=200),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=WRITTEN, admin=WRITTEN),
     "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "ke_hoach", "object_id": t.campaign_far.pk},
     "label": "ke_hoach[far]", "get": everyone(404), "post": everyone(404), "data": lambda t: {}},
    {"url": "documents:print", "kwargs": lambda t: {"code": "khong-co", "object_id": t.campaign.pk},
     "label": "unknown kind", "get": everyone(404), "post": everyone(404), "data": lambda t: {}},
    {"url": "documents:print_part",
     "kwargs": lambda t: {"code": "phieu_bo_sung", "object_id": t.dossier_sent.pk, "part": "1"},
     "label": "phieu_bo_sung[sent]", "get": sent(200, 200), "post": sent(WRITTEN, WRITTEN), "data": lambda t: {}},
    {"url": "documents:status", "target": "document_sent", "get": sent(200, 200)},
    {"url": "documents:download", "target": "document_sent", "get": sent(302, 302)},  # not rendered yet: progress
    {"url": "documents:docx", "target": "document_sent", "get": sent(200, 200)},
    {"url": "documents:retry", "target": "document_sent", "get": sent(405, 405),
     "post": sent(302, 302), "data": lambda t: {}},  # not failed: nothing to retry, nothing written
    {"url": "dossiers:dossier_zip", "target": "dossier_draft", "get": unit_only(200), "post": unit_only(WRITTEN),
     "data": lambda t: {}},
    # the office's progress page and outbox (the reviewer and the admin of the issuing body)
    {"url": "dossiers:campaign_progress", "target": "campaign",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200, reviewer=200)},
    {"url": "dossiers:campaign_progress", "target": "campaign_far", "get": NOBODY},
    {"url": "dossiers:progress_excel", "target": "campaign",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200, reviewer=200)},
    {"url": "dossiers:progress_excel", "target": "campaign_far", "get": NOBODY},
    # the campaign dashboard and its Excel file: the office and admin of the issuing body, and its leaders
    {"url": "dossiers:campaign_dashboard", "target": "campaign",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200, reviewer=200, approver=200)},
    {"url": "dossiers:campaign_dashboard", "target": "campaign_far", "get": NOBODY},
    {"url": "dossiers:campaign_dashboard_excel", "target": "campaign",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200, reviewer=200, approver=200)},
    {"url": "dossiers:campaign_dashboard_excel", "target": "campaign_far", "get": NOBODY},
    {"url": "dossiers:remind_late", "target": "campaign",  # unit_a has sent nothing: it is late
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=405, reviewer=405),
     "post": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {}},
    {"url": "dossiers:outbox_batch", "kwargs": lambda t: {"pk": t.campaign.pk, "batch": t.outbox_batch.pk},
     "label": "draft",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200, reviewer=200),
     "post": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {"subject": "Nhắc nộp hồ sơ", "body": "Kính gửi {don_vi}", "action": "release"}},
    {"url": "dossiers:outbox_batch", "kwargs": lambda t: {"pk": t.campaign2.pk, "batch": t.outbox_batch.pk},
     "label": "other campaign",  # a batch is only reachable under its own campaign
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=404, reviewer=404)},
    {"url": "dossiers:verify_award", "kwargs": lambda t: {"code": t.award.verification_code},
     "label": "valid", "get": everyone(200, anonymous=200)},
    {"url": "dossiers:verify_award", "kwargs": lambda t: {"code": "khong-dung-ma-nay-xyz"},
     "label": "wrong", "get": everyone(404, anonymous=404)},

    # notifications: one's own only
    {"url": "notifications:list", "get": everyone(200)},
    {"url": "notifications:bell", "get": everyone(200)},  # the bell's dropdown: one's own, computed for the user
    {"url": "notifications:bell_link", "get": everyone(200)},  # the bell's count (unread + nhắc việc): one's own
    {"url": "notifications:open", "target": "notification_a",
     "get": by_role(outsider=404, clerk_a=405, clerk_b=404, office=404, admin=404),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=404, admin=404), "data": lambda t: {}},
    {"url": "notifications:mark_all_read",
     "get": everyone(405),
     # only clerk_a has something unread
     "post": by_role(outsider=302, clerk_a=WRITTEN, clerk_b=302, office=302, admin=302), "data": lambda t: {}},

    # organisation tree
    {"url": "orgs:organisation_tree", "get": admin_only(200)},
    {"url": "orgs:organisation_create", "get": admin_only(200),
     "post": admin_only(WRITTEN), "data": organisation_data},
    {"url": "orgs:organisation_detail", "target": "unit_a",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=200, admin=200)},
    {"url": "orgs:organisation_detail", "target": "body",  # the Sở above the clerks' units
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=200, admin=200)},
    {"url": "orgs:organisation_detail", "target": "other",
     "get": by_role(outsider=200, clerk_a=404, clerk_b=404, office=404, admin=200)},
    {"url": "orgs:organisation_detail", "target": "far", "get": NOBODY},
    {"url": "orgs:organisation_update", "target": "unit_a",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200),
     "post": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=WRITTEN),
     "data": lambda t: organisation_update_data(t.unit_a)},
    {"url": "orgs:organisation_update", "target": "other",
     "get": by_role(outsider=403, clerk_a=404, clerk_b=404, office=404, admin=200),
     "post": by_role(outsider=403, clerk_a=404, clerk_b=404, office=404, admin=WRITTEN),
     "data": lambda t: organisation_update_data(t.other)},
    {"url": "orgs:organisation_update", "target": "far", "get": NOBODY, "post": NOBODY,
     "data": lambda t: organisation_update_data(t.far)},
    {"url": "orgs:organisation_dissolve", "target": "unit_b",
     "get": by_role(outsider=404, clerk_a=404, clerk_b=403, office=403, admin=200),
     "post": by_role(outsider=404, clerk_a=404, clerk_b=403, office=403, admin=WRITTEN),
     "data": lambda t: {"on": date.today().strftime("%d/%m/%Y"), "successor": t.unit_a.pk,
                        "move_people": "on", "move_children": "on"}},

    # people
    {"url": "orgs:person_list", "get": everyone(200)},  # each sees the people of their scope
    {"url": "orgs:person_create",
     "get": by_role(outsider=200, clerk_a=200, clerk_b=200, office=403, admin=200),
     # into unit_a: a clerk of another unit gets the form back (unit not among the choices)
     "post": by_role(outsider=200, clerk_a=WRITTEN, clerk_b=200, office=403, admin=WRITTEN),
     "data": lambda t: person_data(t.unit_a)},
    {"url": "orgs:person_detail", "target": "person_a",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=200, admin=200)},
    {"url": "orgs:person_detail", "target": "person_other",
     "get": by_role(outsider=200, clerk_a=404, clerk_b=404, office=404, admin=200)},
    {"url": "orgs:person_update", "target": "person_a",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=403, admin=200),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=403, admin=WRITTEN),
     "data": lambda t: person_data(t.unit_a, full_name="Nguyễn Thị Hương Giang")},
    {"url": "orgs:person_update", "target": "person_b",
     "get": by_role(outsider=404, clerk_a=404, clerk_b=200, office=403, admin=200),
     "post": by_role(outsider=404, clerk_a=404, clerk_b=WRITTEN, office=403, admin=WRITTEN),
     "data": lambda t: person_data(t.unit_b, full_name="Lê Văn Bình An")},
    {"url": "orgs:person_update", "target": "person_other",
     "get": by_role(outsider=200, clerk_a=404, clerk_b=404, office=404, admin=200),
     "post": by_role(outsider=WRITTEN, clerk_a=404, clerk_b=404, office=404, admin=WRITTEN),
     "data": lambda t: person_data(t.other, full_name="Hồ Sĩ Nguyên Khang")},
    {"url": "orgs:people_import", "get": admin_only(200),
     "post": admin_only(WRITTEN), "data": people_workbook},
    # households a unit may nominate: kept by the unit's clerk or an admin, like its people
    {"url": "orgs:household_list", "get": by_role(outsider=200, clerk_a=200, clerk_b=200, office=403, admin=200)},
    {"url": "orgs:household_create",
     "get": by_role(outsider=200, clerk_a=200, clerk_b=200, office=403, admin=200),
     "post": by_role(outsider=200, clerk_a=WRITTEN, clerk_b=200, office=403, admin=WRITTEN),
     "data": lambda t: household_data(t.unit_a)},
    {"url": "orgs:household_update", "target": "household_a",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=403, admin=200),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=403, admin=WRITTEN),
     "data": lambda t: household_data(t.unit_a, head_name="Trần Văn Lộc An")},
    {"url": "orgs:household_update", "target": "household_other",
     "get": by_role(outsider=200, clerk_a=404, clerk_b=404, office=404, admin=200),
     "post": by_role(outsider=WRITTEN, clerk_a=404, clerk_b=404, office=404, admin=WRITTEN),
     "data": lambda t: household_data(t.other, head_name="Hồ Văn Phúc")},
    {"url": "orgs:people_import_template", "get": admin_only(200)},
    {"url": "orgs:people_import_status", "target": "people_import_job",  # a long file read by the worker
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=404, admin=200)},  # its uploader only

    # accounts and roles (the account of clerk_a has its role on unit_a)
    {"url": "orgs:account_list", "get": admin_only(200)},
    {"url": "orgs:account_create", "get": admin_only(200),
     "post": admin_only(WRITTEN), "data": account_data},
    {"url": "orgs:account_detail", "target": "account_a", "get": ACCOUNT_PAGE},
    {"url": "orgs:account_detail", "target": "account_far", "get": ACCOUNT_FAR},
    {"url": "orgs:account_update", "target": "account_a", "get": ACCOUNT_PAGE,
     "post": admin_only(WRITTEN), "data": account_update_data},
    {"url": "orgs:account_update", "target": "account_far", "get": ACCOUNT_FAR, "post": ACCOUNT_FAR,
     "data": account_update_data},
    {"url": "orgs:account_password", "target": "account_a", "get": ACCOUNT_PAGE,
     "post": admin_only(WRITTEN),
     "data": lambda t: {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}},
    {"url": "orgs:membership_create", "target": "account_a",  # POST-only
     "get": admin_only(405), "post": admin_only(WRITTEN),
     "data": lambda t: {"organisation": t.unit_b.pk, "role": Role.CLERK}},
    {"url": "orgs:membership_delete", "target": "membership_a",  # POST-only
     "get": admin_only(405), "post": admin_only(WRITTEN), "data": lambda t: {}},
    {"url": "orgs:membership_delete", "target": "membership_far", "get": ACCOUNT_FAR, "post": ACCOUNT_FAR,
     "data": lambda t: {}},
    # an account's second factor: its reset, with a reason, logged (like its password); a province's policy
    {"url": "orgs:account_second_factor", "target": "account_a", "get": ACCOUNT_PAGE, "post": admin_only(WRITTEN),
     "data": lambda t: {"reason": "Mất điện thoại"}},
    {"url": "orgs:account_second_factor", "target": "account_far", "get": ACCOUNT_FAR, "post": ACCOUNT_FAR,
     "data": lambda t: {"reason": "Mất điện thoại"}},
    {"url": "orgs:second_factor_policy", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": lambda t: {"tinh": t.province.pk, "for_admins": "on", "for_approvers": "on"}},

    # emulation blocs (the bloc is organised by the Sở)
    {"url": "orgs:bloc_list", "get": admin_only(200)},
    {"url": "orgs:bloc_create", "get": admin_only(200),
     "post": admin_only(WRITTEN), "data": bloc_data},
    {"url": "orgs:bloc_detail", "target": "bloc",
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=200, admin=200)},
    {"url": "orgs:bloc_detail", "target": "bloc_far", "get": NOBODY},
    {"url": "orgs:bloc_update", "target": "bloc",
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=403, admin=200),
     "post": by_role(outsider=404, clerk_a=404, clerk_b=404, office=403, admin=WRITTEN),
     "data": lambda t: bloc_data(t, name="Khối thi đua các phòng (đã sửa)")},
    {"url": "orgs:bloc_update", "target": "bloc_far", "get": NOBODY, "post": NOBODY,
     "data": lambda t: bloc_data(t, name="Khối đã sửa", organiser=t.far)},

    # a new province: the system administrator only (tests/orgs/test_provinces.py)
    {"url": "orgs:province_create", "get": everyone(403), "post": everyone(403),
     "data": lambda t: {"name": "Ủy ban nhân dân tỉnh Mới", "code": "MOI-UBND", "admin_username": "quantri.moi",
                        "admin_full_name": "Quản Trị Mới", "admin_password": "Kh0ng-Doan-Duoc#2026"}},

    # award catalogue: national data, read by every signed-in user, changed by the system administrator only
    # (a superuser, outside the matrix's roles: tests/awards/test_pages.py); the same 403 for every pk
    {"url": "awards:awardform_list", "get": everyone(200)},
    {"url": "awards:awardform_create", "get": everyone(403), "post": everyone(403),
     "data": lambda t: awardform_data("bang-khen-thu")},
    {"url": "awards:awardform_update", "target": "award_form", "get": everyone(403),
     "post": everyone(403), "data": lambda t: awardform_data(t.award_form.code)},
    {"url": "awards:profile_list", "get": everyone(200)},
    {"url": "awards:profile_create", "get": everyone(403), "post": everyone(403),
     "data": lambda t: profile_data("nd-thu")},
    {"url": "awards:profile_update", "target": "profile", "get": everyone(403),
     "post": everyone(403), "data": lambda t: profile_data(t.profile.code)},
    {"url": "awards:salary_list", "get": everyone(200)},
    {"url": "awards:salary_create", "get": everyone(403), "post": everyone(403),
     "data": lambda t: {"valid_from": "01/07/2030", "amount": "3000000", "legal_basis": ""}},
    {"url": "awards:salary_update", "target": "salary", "get": everyone(403), "post": everyone(403),
     "data": lambda t: {"valid_from": "01/07/2031", "amount": "3100000", "legal_basis": ""}},
    {"url": "awards:calendar_list", "get": everyone(200)},
    {"url": "awards:calendar_create", "get": everyone(403), "post": everyone(403),
     "data": lambda t: {"day": "02/01/2031", "kind": "nghi", "name": "Nghỉ hoán đổi", "legal_basis": ""}},
    {"url": "awards:calendar_update", "target": "calendar_day", "get": everyone(403), "post": everyone(403),
     "data": lambda t: {"day": "01/01/2031", "kind": "nghi", "name": "Tết", "legal_basis": ""}},
    {"url": "awards:calendar_delete", "target": "calendar_day", "get": everyone(403), "post": everyone(403),
     "data": lambda t: {}},

    # campaigns: `campaign` is launched by the Sở with unit_a (and its subtree) taking part
    {"url": "campaigns:campaign_list", "get": everyone(200)},
    {"url": "campaigns:campaign_create", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": lambda t: campaign_data(t, title="Phong trào mới")},
    {"url": "campaigns:campaign_detail", "target": "campaign", "get": CAMPAIGN_VIEW},
    {"url": "campaigns:campaign_detail", "target": "draft", "get": CAMPAIGN_DRAFT_VIEW},
    {"url": "campaigns:campaign_detail", "target": "campaign_far", "get": NOBODY},
    {"url": "campaigns:campaign_update", "target": "campaign", "get": CAMPAIGN_CHANGE,
     "post": CAMPAIGN_CHANGE_POST, "data": lambda t: campaign_data(t, **{"amend-reason": "Sửa tên"})},
    {"url": "campaigns:campaign_update", "target": "campaign_far", "get": NOBODY, "post": NOBODY,
     "data": lambda t: campaign_data(t)},
    {"url": "dossiers:campaign_rules", "target": "campaign", "get": CAMPAIGN_CHANGE,  # the campaign's rule exceptions
     "post": CAMPAIGN_CHANGE_POST, "data": lambda t: {"mode_deadline": "off", "note_deadline": "Kế hoạch cấp trên"}},
    {"url": "dossiers:campaign_rules", "target": "campaign_far", "get": NOBODY, "post": NOBODY,
     "data": lambda t: {"mode_deadline": "off", "note_deadline": "Kế hoạch cấp trên"}},
    {"url": "campaigns:campaign_copy", "target": "campaign", "get": CAMPAIGN_CHANGE,
     "post": CAMPAIGN_CHANGE_POST, "data": lambda t: {"title": "Phong trào năm sau", "years": "1"}},
    {"url": "campaigns:task_board", "target": "campaign", "get": CAMPAIGN_VIEW},
    {"url": "campaigns:campaign_transition", "label": "close",
     "kwargs": lambda t: {"pk": t.campaign.pk, "action": "close"},
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=405),
     "post": CAMPAIGN_CHANGE_POST, "data": lambda t: {}},
    {"url": "campaigns:campaign_section", "label": "campaign",
     "kwargs": lambda t: {"pk": t.campaign.pk, "section": "chi-tieu"},
     "get": CAMPAIGN_CHANGE, "post": CAMPAIGN_CHANGE_POST, "data": targets_section_data},
    {"url": "campaigns:campaign_section", "label": "campaign_far",
     "kwargs": lambda t: {"pk": t.campaign_far.pk, "section": "chi-tieu"},
     "get": NOBODY, "post": NOBODY, "data": targets_section_data},
    {"url": "campaigns:quota_overrides", "target": "offer", "get": CAMPAIGN_CHANGE,
     "post": CAMPAIGN_CHANGE_POST, "data": quota_override_data},
    {"url": "campaigns:task_status", "target": "task",  # POST-only; the responsible unit or the office
     "get": by_role(outsider=404, clerk_a=405, clerk_b=404, office=403, admin=405, reviewer=405),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {"status": "done"}},
    # registrations (đăng ký thi đua): unit_a's draft in `campaign`, a sent one in `campaign2`
    {"url": "campaigns:registration_edit", "target": "campaign",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=403, admin=403),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=403, admin=403),
     "data": registration_entries_data},
    # its Excel import (campaigns.services.registration_import): the same people; a sent registration takes none
    {"url": "campaigns:registration_import", "target": "campaign",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=403, admin=403),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=403, admin=403), "data": registration_workbook},
    {"url": "campaigns:registration_import", "target": "campaign2",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=403),
     "post": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=403), "data": registration_workbook},
    {"url": "campaigns:registration_list", "target": "campaign",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200, reviewer=200)},
    {"url": "campaigns:registration_excel", "target": "campaign",  # the registrations sent, as Excel
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200, reviewer=200)},
    {"url": "campaigns:registration_detail", "target": "registration_draft",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=404, admin=404)},
    {"url": "campaigns:registration_detail", "target": "registration_sent",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=200, admin=200)},
    {"url": "campaigns:registration_submit", "target": "registration_draft",
     "get": by_role(outsider=404, clerk_a=405, clerk_b=404, office=404, admin=404),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=404, admin=404), "data": lambda t: {}},
    {"url": "campaigns:registration_return", "target": "registration_sent",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=405, reviewer=405),
     "post": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {"reason": "Thiếu mục tiêu của tập thể"}},
    {"url": "campaigns:registration_accept", "target": "registration_sent",
     "get": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=405, reviewer=405),
     "post": by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {}},

    # a province's calibration of its certificates on blank stock: its admin (the award form is national)
    {"url": "dossiers:layout_list", "get": admin_only(200)},
    {"url": "dossiers:layout_edit", "target": "award_form", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": lambda t: {"offset_name_x": "62,5", "offset_name_y": "90"}},
    {"url": "dossiers:rule_settings", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": rule_settings_data},
    # the audit trail ("Nhật ký hệ thống"): the admin of a province (their province's events, and the national
    # changes), the system administrator (every province); an admin below the province and anyone else 403
    # (tests/audit/test_page.py)
    {"url": "audit:trail", "get": admin_only(200)},
    {"url": "audit:trail_export", "get": admin_only(200)},

    {"url": "campaigns:public_list", "get": everyone(200, anonymous=200)},
    {"url": "campaigns:public_detail", "target": "campaign", "get": everyone(200, anonymous=200)},
    {"url": "campaigns:public_detail", "target": "draft", "get": everyone(404, anonymous=404)},
    # Công bố, tra cứu (issue 19): no login; every province's published decisions, by design. The province's admin
    # chooses the forms it publishes; another province (?tinh=) is a 404, anyone else a 403.
    {"url": "publication:decision_list", "get": everyone(200, anonymous=200)},
    {"url": "publication:decision_list", "label": "search", "query": lambda t: {"q": "huong", "nam": 2025,
                                                                                "co_quan": "so noi vu"},
     "get": everyone(200, anonymous=200)},
    {"url": "publication:decision_detail", "kwargs": lambda t: {"pk": t.decision.pk}, "label": "signed",
     "get": everyone(200, anonymous=200)},
    {"url": "publication:decision_detail", "kwargs": lambda t: {"pk": 987654}, "label": "missing",
     "get": everyone(404, anonymous=404)},
    {"url": "publication:lookup", "get": everyone(200, anonymous=200)},
    {"url": "publication:lookup", "label": "name and unit", "query": lambda t: {"ten": "huong", "don_vi": "so noi vu"},
     "get": everyone(200, anonymous=200)},
    {"url": "publication:lookup_print", "query": lambda t: {"ten": "huong"}, "get": everyone(200, anonymous=200)},
    # lấy ý kiến nhân dân (no login): the open windows, one window, a nominee's comment form
    {"url": "publication:comment_windows", "get": everyone(200, anonymous=200)},
    {"url": "publication:comment_window", "target": "comment_window", "setup": comment_window,
     "get": everyone(200, anonymous=200)},
    {"url": "publication:comment_window", "kwargs": lambda t: {"pk": 987654}, "label": "missing",
     "get": everyone(404, anonymous=404)},
    {"url": "publication:comment_form", "setup": comment_window,
     "kwargs": lambda t: {"pk": t.comment_window.pk, "nominee": t.comment_nominee.pk},
     "get": everyone(200, anonymous=200),  # a post without the form's signed timestamp: refused, nothing written
     "post": everyone(400, anonymous=400), "data": lambda t: {"name": "x", "contact": "x", "text": "x"}},
    {"url": "publication:settings", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": lambda t: {"tinh": t.province.pk}},  # nothing ticked: every form unpublished
    {"url": "publication:settings", "label": "far province", "query": lambda t: {"tinh": t.far.pk},
     "get": admin_only(404), "post": admin_only(404), "data": lambda t: {"tinh": t.far.pk}},

    # dossiers of unit_a (dossier_targets): a draft in `campaign`, one submitted in `campaign2`, and in
    # `campaign3` one per later stage. A draft and what hangs on it (nominees, meeting, attachments) are the
    # unit's own business: 404 for everyone else, the Sở's staff and the province admin included.
    {"url": "dossiers:dossier_list", "get": CLERKS_ONLY},
    {"url": "dossiers:dossier_create", "get": CLERKS_ONLY,
     # an offer of campaign3 unit_a has no dossier for; another unit's clerk gets the form back
     "post": by_role(outsider=200, clerk_a=WRITTEN, clerk_b=200, office=403, admin=403),
     "data": lambda t: {"unit": t.unit_a.pk, "offer": t.offer_free.pk}},
    {"url": "dossiers:dossier_detail", "target": "dossier_draft", "get": unit_only(200)},
    {"url": "dossiers:dossier_detail", "target": "dossier_sent", "get": sent(200, 200)},
    {"url": "dossiers:dossier_update", "target": "dossier_draft", "get": unit_only(200),
     "post": unit_only(WRITTEN), "data": lambda t: dossier_info_data(t.meeting_draft)},
    {"url": "dossiers:dossier_update", "target": "dossier_sent", "get": sent(403, 403),  # no longer editable
     "post": sent(403, 403), "data": lambda t: dossier_info_data(t.meeting_sent)},
    {"url": "dossiers:nominee_add", "target": "dossier_draft",  # the form on its own page, and its POST
     "get": unit_only(200), "post": unit_only(WRITTEN),
     "data": lambda t: {"subject_type": "collective", "organisation": t.unit_a.pk, "person": ""}},
    {"url": "dossiers:nominee_add", "target": "dossier_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": lambda t: {"subject_type": "collective", "organisation": t.unit_a.pk, "person": ""}},
    # nominees from Excel (services.nominee_import): as nominee_add
    {"url": "dossiers:nominee_import", "target": "dossier_draft", "get": unit_only(200), "post": unit_only(WRITTEN),
     "data": nominee_workbook},
    {"url": "dossiers:nominee_import", "target": "dossier_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": nominee_workbook},
    # "Kiểm tra lại" (POST-only): the unit's clerk while the unit holds it, the Sở's office once sent; others
    # who read the dossier get 403 (GET: 405 for whoever reads it, before the role is looked at)
    {"url": "dossiers:recheck", "target": "dossier_draft", "get": unit_only(405), "post": unit_only(WRITTEN),
     "data": lambda t: {}},
    {"url": "dossiers:recheck", "target": "dossier_sent", "get": sent(405, 405),
     "post": sent(403, 403, reviewer=WRITTEN), "data": lambda t: {}},
    # the nominee picker's search (dossiers.pickers.NOMINEE_PEOPLE): the dossier through the user's walls (else 404);
    # a dossier seen but not theirs to add to (sent, another body's office) answers an empty list
    {"url": "pick_people", "query": lambda t: {"pham-vi": "de-nghi", "ho-so": t.dossier_draft.pk},
     "label": "nominee of a draft", "get": unit_only(200)},
    {"url": "pick_units", "query": lambda t: {"pham-vi": "de-nghi", "ho-so": t.dossier_sent.pk},
     "label": "nominee of a sent dossier", "get": sent(200, 200)},
    {"url": "pick_households", "query": lambda t: {"pham-vi": "de-nghi", "ho-so": t.dossier_draft.pk},
     "label": "household nominee of a draft", "get": unit_only(200)},
    {"url": "dossiers:dossier_transition", "label": "draft-submit",  # POST-only
     "kwargs": lambda t: {"pk": t.dossier_draft.pk, "action": "submit"},
     "get": unit_only(405), "post": unit_only(WRITTEN), "data": lambda t: {"note": "Nộp lần đầu"}},
    {"url": "dossiers:dossier_transition", "label": "sent-start_review",
     "kwargs": lambda t: {"pk": t.dossier_sent.pk, "action": "start_review"},
     # only the Sở's office receives a dossier: anyone else who sees it is a member without the role.
     # GET: the view checks only view_dossier, the action's role is checked by transition() on POST, so
     # today clerk_a, council, approver and admin get 405 instead of 403 (reported; the rule is kept here).
     "get": sent(403, 403, reviewer=405), "post": sent(403, 403, reviewer=WRITTEN), "data": lambda t: {}},
    {"url": "dossiers:dossier_version", "label": "sent-1",
     "kwargs": lambda t: {"pk": t.dossier_sent.pk, "number": 1}, "get": sent(200, 200)},
    # guidance for the unit's clerk (issue 17): "Gửi hồ sơ" (POST-only) and the page of what was sent; rút hồ sơ
    # after its page; a withdrawn dossier opened again or copied (POST-only); "đơn vị không đề nghị"
    {"url": "dossiers:dossier_submit", "target": "dossier_draft", "get": unit_only(405), "post": unit_only(WRITTEN),
     "data": lambda t: {"note": "Gửi lần đầu"}},
    {"url": "dossiers:dossier_submit", "target": "dossier_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": lambda t: {}},
    {"url": "dossiers:dossier_sent", "target": "dossier_sent", "get": sent(200, 403)},
    {"url": "dossiers:dossier_sent", "target": "dossier_draft", "get": unit_only(403)},  # not sent yet
    {"url": "dossiers:dossier_withdraw", "target": "dossier_draft", "get": unit_only(200),
     "post": unit_only(WRITTEN), "data": lambda t: {"note": "Rút để bổ sung"}},
    {"url": "dossiers:dossier_withdraw", "target": "dossier_sent", "get": sent(200, 403),
     "post": sent(WRITTEN, 403), "data": lambda t: {"note": "Rút để bổ sung"}},
    {"url": "dossiers:dossier_withdraw", "target": "dossier_review", "get": sent(403, 403),  # the office has it
     "post": sent(403, 403), "data": lambda t: {}},
    {"url": "dossiers:dossier_reopen", "target": "dossier_draft", "setup": withdraw_draft, "get": unit_only(405),
     "post": unit_only(WRITTEN), "data": lambda t: {}},
    {"url": "dossiers:dossier_reopen", "target": "dossier_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": lambda t: {}},  # not withdrawn
    {"url": "dossiers:dossier_copy", "target": "dossier_draft", "setup": withdraw_draft, "get": unit_only(405),
     "post": unit_only(WRITTEN), "data": lambda t: {}},
    {"url": "dossiers:dossier_copy", "target": "dossier_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": lambda t: {}},
    {"url": "dossiers:no_proposal", "target": "campaign3",  # a clerk of a participating unit; others' 404/403
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=403, admin=403),
     "post": by_role(outsider=404, clerk_a=WRITTEN, clerk_b=404, office=403, admin=403),
     "data": lambda t: {"unit": t.unit_a.pk, "what": t.offer_free.pk, "reason": "Không có ai đủ tiêu chuẩn"}},
    {"url": "dossiers:no_proposal", "target": "campaign_far", "get": by_role(
        outsider=404, clerk_a=404, clerk_b=404, office=403, admin=403)},
    {"url": "dossiers:no_proposal_undo", "target": "no_proposal", "setup": declare_no_proposal,  # POST-only
     "get": unit_only(405), "post": unit_only(WRITTEN), "data": lambda t: {}},
    {"url": "dossiers:report_edit", "target": "nomination_draft", "get": unit_only(200),
     "post": unit_only(WRITTEN), "data": report_data},
    {"url": "dossiers:report_edit", "target": "nomination_sent", "get": sent(200, 200),  # read-only once sent
     "post": sent(403, 403), "data": report_data},
    {"url": "dossiers:nominee_remove", "target": "nomination_draft",  # POST-only
     "get": unit_only(405), "post": unit_only(WRITTEN), "data": lambda t: {}},
    {"url": "dossiers:nominee_remove", "target": "nomination_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": lambda t: {}},

    # the Sở's office: inbox, review (thẩm định) and the verdict on each nominee
    {"url": "dossiers:inbox", "get": STAFF_AREA},
    {"url": "dossiers:inbox_export",  # starts a worker's export (not a watched table): its progress page
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=302, admin=302)},
    {"url": "dossiers:export_status", "target": "export", "get": OWNER_ONLY},
    {"url": "dossiers:export_download", "target": "export", "get": OWNER_ONLY_302},  # not built yet: progress
    {"url": "dossiers:review", "target": "dossier_sent", "get": sent(403, 403, reviewer=200)},
    {"url": "dossiers:review", "target": "dossier_draft", "get": unit_only(403)},
    {"url": "dossiers:verdict", "target": "nomination_review",  # POST-only
     "get": sent(403, 403, reviewer=405), "post": sent(403, 403, reviewer=WRITTEN), "data": verdict_data},
    # Phân công (issue 18, POST-only): the body's reviewer assigns a dossier sent to it; the head's page and its export
    {"url": "dossiers:assign", "target": "dossier_sent", "get": sent(403, 403, reviewer=405),
     "post": sent(403, 403, reviewer=WRITTEN), "data": lambda t: {"phan-cong-assignee": t.reviewer.pk}},
    {"url": "dossiers:assign", "target": "dossier_draft", "get": unit_only(403), "post": unit_only(403),
     "data": lambda t: {"phan-cong-assignee": t.reviewer.pk}},
    {"url": "dossiers:assignment_board", "get": STAFF_AREA},
    {"url": "dossiers:assignment_export", "get": STAFF_AREA},
    # "Tiếp nhận các hồ sơ đã chọn" (POST-only): dossier_review still has a nominee without a verdict, so the
    # office's own post is refused whole (302, nothing written); the council and the leader read it, never review
    {"url": "dossiers:accept_many", "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=405, admin=405),
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=302),
     "data": lambda t: {"ho_so": [t.dossier_review.pk]}},

    # Biên bản họp bình xét: meeting_draft prints only unit_a's draft, meeting_sent the dossier it sent
    {"url": "dossiers:meeting_list", "get": CLERKS_ONLY},
    {"url": "dossiers:meeting_create", "get": CLERKS_ONLY,
     # another unit's clerk: neither the campaign nor unit_a is among the choices (400, form errors)
     "post": by_role(outsider=400, clerk_a=WRITTEN, clerk_b=400, office=403, admin=403), "data": meeting_form_data},
    {"url": "dossiers:meeting_detail", "target": "meeting_draft", "get": unit_only(200)},
    {"url": "dossiers:meeting_detail", "target": "meeting_sent", "get": sent(200, 200)},
    {"url": "dossiers:meeting_update", "target": "meeting_draft", "get": unit_only(200),
     "post": unit_only(WRITTEN), "data": lambda t: meeting_form_data(t, members_present="10")},
    {"url": "dossiers:meeting_update", "target": "meeting_sent", "get": sent(403, 403),  # frozen once sent
     "post": sent(403, 403), "data": lambda t: meeting_form_data(t, campaign=t.campaign2.pk)},
    {"url": "dossiers:meeting_votes", "target": "meeting_draft", "get": unit_only(200),
     "post": unit_only(WRITTEN), "data": lambda t: votes_data(t.nomination_draft)},
    {"url": "dossiers:meeting_votes", "target": "meeting_sent", "get": sent(200, 403),
     "post": sent(400, 403),  # the unit's clerk: the sent nominee's votes are locked (form error)
     "data": lambda t: votes_data(t.nomination_sent)},
    # from the Biên bản, a nominee with its votes (POST-only): the unit's clerk; a sent dossier refuses it (400)
    {"url": "dossiers:meeting_add_nominee", "target": "meeting_draft", "get": unit_only(405),
     "post": unit_only(WRITTEN), "data": lambda t: meeting_nominee_data(t, t.dossier_draft)},
    {"url": "dossiers:meeting_add_nominee", "target": "meeting_sent", "get": sent(405, 403),
     "post": sent(400, 403), "data": lambda t: meeting_nominee_data(t, t.dossier_sent)},
    # from the dossier, its nominees' votes into its Biên bản: the unit's clerk while the unit holds the dossier
    {"url": "dossiers:dossier_votes", "target": "dossier_draft", "get": unit_only(200),
     "post": unit_only(WRITTEN), "data": lambda t: votes_data(t.nomination_draft)},
    {"url": "dossiers:dossier_votes", "target": "dossier_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": lambda t: votes_data(t.nomination_sent)},

    # the council (Hội đồng TĐKT) of the Sở: council_session is open, nomination_council on its agenda
    {"url": "dossiers:council_list", "get": STAFF_AREA},
    {"url": "dossiers:council_create", "get": COUNCIL_OFFICE,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=WRITTEN),
     "setup": close_council_session, "data": council_session_data},
    {"url": "dossiers:council_detail", "target": "council_session", "get": STAFF_AREA},
    # on paper, the secretary (the office) enters the count and attaches the signed count sheet
    {"url": "dossiers:council_ballots", "target": "council_session",
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=200),
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=WRITTEN),
     "data": ballots_data},
    {"url": "dossiers:council_count_sheet", "target": "council_session",  # POST-only
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=405),
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=WRITTEN),
     "data": lambda t: {"sheet": SimpleUploadedFile("kiem-phieu.pdf", PDF)}},
    {"url": "dossiers:council_count_file", "target": "council_session", "setup": attach_count_sheet,
     "get": STAFF_AREA},
    # members vote on the portal only in a session that is not on paper: here nobody may
    {"url": "dossiers:council_vote", "target": "council_session",
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403),
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403),
     "data": lambda t: {f"n{t.nomination_council.pk}": "for"}},
    # an absent member's written opinion: the office only (no such member in a paper session: 404 for it)
    {"url": "dossiers:council_written", "kwargs": lambda t: {"pk": t.council_session.pk, "member": 999999},
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=404),
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=404),
     "data": lambda t: {"paper": SimpleUploadedFile("y-kien.pdf", PDF)}},
    {"url": "dossiers:council_written_file", "kwargs": lambda t: {"pk": t.council_session.pk, "member": 999999},
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=404, admin=404)},
    # the council's seats: kept by the office
    {"url": "dossiers:council_seats", "get": COUNCIL_OFFICE,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=WRITTEN),
     "setup": close_council_session, "data": seats_data},
    {"url": "dossiers:council_seats", "label": "quy-che",  # the council's regulation (quorum), same page
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=WRITTEN),
     "data": lambda t: {"co-quan": t.body.pk, "qc-quorum": "two_thirds", "qc-source": "Điều 7 Quy chế"}},
    # lấy ý kiến nhân dân: the office's pages (the body's REVIEWER); anyone else 403 before any lookup
    {"url": "dossiers:comment_window_list", "get": COUNCIL_OFFICE},
    {"url": "dossiers:comment_window_create", "get": COUNCIL_OFFICE,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=WRITTEN),
     "setup": needs_comment, "data": comment_window_data},
    {"url": "dossiers:comment_window", "target": "comment_window", "setup": comment_window, "get": COUNCIL_OFFICE,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=WRITTEN),
     "data": lambda t: {"action": "moderate", "comment": t.public_comment.pk, "decision": "approve", "note": ""}},
    {"url": "dossiers:council_close", "target": "council_session", "setup": attach_count_sheet,  # POST-only
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=405),
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, reviewer=WRITTEN),
     "data": lambda t: {"conclusion": "Thông qua", "minutes_number": "03/BB-HĐTĐKT"}},

    # the leader (approver of the Sở): approve, sign, forward; decisions and forwardings
    {"url": "dossiers:approval_queue", "get": LEADER_ONLY},
    {"url": "dossiers:approve", "target": "nomination_to_approve",  # POST-only
     "get": sent(403, 403, approver=405), "post": sent(403, 403, approver=WRITTEN),
     "data": lambda t: {"approved": "1", "reason": ""}},
    {"url": "dossiers:approve_many",  # POST-only: the nominees ticked on the approval page
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, approver=405),
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, approver=WRITTEN),
     "data": lambda t: {"de_nghi": [t.nomination_to_approve.pk], "approved": "1", "reason": ""}},
    {"url": "dossiers:decision_list", "get": STAFF_AREA},
    {"url": "dossiers:decision_sign", "query": lambda t: {"phong-trao": t.campaign3.pk}, "get": LEADER_ONLY,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, approver=WRITTEN),
     "data": decision_data},
    {"url": "dossiers:decision_detail", "target": "decision", "get": STAFF_AREA},
    {"url": "dossiers:decision_excel", "target": "decision", "get": STAFF_AREA},  # the finance office's list
    # thu hồi: the leader of the body that signed it signs the revoking decision
    {"url": "dossiers:revoke", "target": "decision", "get": LEADER_ONLY,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, approver=WRITTEN),
     "data": lambda t: {"number": str(t.decision.number + 50), "symbol": "QĐ-SNV",
                        "date": date.today().strftime("%d/%m/%Y"), "title": "Về việc thu hồi khen thưởng",
                        "reason": "Khai man hồ sơ.", "signer_title": "Giám đốc", "signer_name": "Lê Quang Thắng",
                        "awards": [a.pk for a in t.decision.awards.all()]}},
    # đính chính: the same leader signs the amending decision (one name corrected)
    {"url": "dossiers:amend", "target": "decision", "get": LEADER_ONLY,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, approver=WRITTEN),
     "data": amendment_data},

    # the body's Quỹ thi đua, khen thưởng: its office and admins keep the book, its leaders read it
    {"url": "funds:fund", "get": FUND_READERS},
    {"url": "funds:fund", "label": "fund[body]", "query": lambda t: {"co_quan": t.body.pk, "nam": 2026},
     "get": FUND_READERS},
    {"url": "funds:fund", "label": "fund[far]", "query": lambda t: {"co_quan": t.far.pk},
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=404, admin=404, council=403)},
    {"url": "funds:entry_add", "kwargs": lambda t: {"body": t.body.pk, "direction": "thu"}, "get": FUND_KEEPERS,
     "post": by_role(outsider=404, clerk_a=404, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {"date": "20/02/2026", "category": "contribution", "amount": "1.000.000"}},
    {"url": "funds:entry_edit", "target": "fund_entry", "get": FUND_KEEPERS,
     "post": by_role(outsider=404, clerk_a=404, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {"date": "15/01/2026", "category": "budget", "amount": "6.000.000"}},
    {"url": "funds:entry_delete", "target": "fund_entry", "get": FUND_KEEPERS,
     "post": by_role(outsider=404, clerk_a=404, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {}},
    {"url": "funds:opening", "kwargs": lambda t: {"body": t.body.pk, "year": 2026},  # POST-only
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=403, admin=405, reviewer=405),
     "post": by_role(outsider=404, clerk_a=404, clerk_b=404, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": lambda t: {"amount": "2.000.000"}},
    {"url": "funds:export", "kwargs": lambda t: {"body": t.body.pk, "year": 2026}, "get": FUND_READERS},

    # the statistical reports (Thông tư 02/2023/TT-BNV) of a body: its office, leaders and admins read them
    {"url": "reports:statutory", "get": FUND_READERS},
    {"url": "reports:statutory", "label": "statutory[body]",
     "query": lambda t: {"co_quan": t.body.pk, "nam": 2026, "bieu": "0602"}, "get": FUND_READERS},
    {"url": "reports:statutory", "label": "statutory[province]", "query": lambda t: {"co_quan": t.province.pk},
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=404, admin=200, council=403)},
    {"url": "reports:statutory", "label": "statutory[far]", "query": lambda t: {"co_quan": t.far.pk},
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=404, admin=404, council=403)},
    {"url": "reports:statutory_excel", "kwargs": lambda t: {"body": t.body.pk, "year": 2026, "code": "0603"},
     "get": FUND_READERS},
    {"url": "reports:statutory_excel", "label": "statutory_excel[far]",
     "kwargs": lambda t: {"body": t.far.pk, "year": 2026, "code": "0601"},
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=404, admin=404, council=403)},
    {"url": "reports:office", "get": FUND_READERS},
    {"url": "reports:office", "label": "office[body]",
     "query": lambda t: {"co_quan": t.body.pk, "nam": 2026, "loai": "thoi-gian"}, "get": FUND_READERS},
    {"url": "reports:office", "label": "office[far]", "query": lambda t: {"co_quan": t.far.pk, "loai": "don-vi"},
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=404, admin=404, council=403)},
    {"url": "reports:office_excel", "kwargs": lambda t: {"body": t.body.pk, "year": 2026, "kind": "khoi-cum"},
     "get": FUND_READERS},
    {"url": "reports:office_excel", "label": "office_excel[far]",
     "kwargs": lambda t: {"body": t.far.pk, "year": 2026, "kind": "phong-trao"},
     "get": by_role(outsider=403, clerk_a=403, clerk_b=403, office=404, admin=404, council=403)},
    {"url": "dossiers:forward", "query": lambda t: {"phong-trao": t.campaign3.pk}, "get": LEADER_ONLY,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=403, approver=WRITTEN),
     "data": forward_data},
    {"url": "dossiers:forwarding_detail", "target": "forwarding",
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=200, admin=200)},
    {"url": "dossiers:higher_decision", "target": "forwarding",  # the office or the leader records it
     "get": by_role(outsider=404, clerk_a=404, clerk_b=404, office=200, admin=403, council=403),
     "post": by_role(outsider=404, clerk_a=404, clerk_b=404, office=WRITTEN, admin=403, council=403),
     "data": higher_decision_data},

    # the award register (sổ khen thưởng): read within one's scope; the office and admins record
    {"url": "dossiers:register", "get": everyone(200)},
    {"url": "dossiers:register_excel", "get": everyone(200)},  # the register as the user's page shows it
    {"url": "dossiers:award_create", "get": REGISTER_EDIT,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": award_entry_data},
    {"url": "dossiers:award_import", "get": REGISTER_EDIT,
     "post": by_role(outsider=403, clerk_a=403, clerk_b=403, office=403, admin=WRITTEN, reviewer=WRITTEN),
     "data": awards_workbook},
    {"url": "dossiers:award_import_status", "target": "award_import_job", "get": OWNER_ONLY},  # a long file: worker
    {"url": "dossiers:person_history", "target": "person_a",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=200, admin=200)},
    {"url": "dossiers:person_history", "target": "person_other",
     "get": by_role(outsider=200, clerk_a=404, clerk_b=404, office=404, admin=200)},
    {"url": "dossiers:unit_history", "target": "unit_a",
     "get": by_role(outsider=404, clerk_a=200, clerk_b=404, office=200, admin=200)},
    {"url": "dossiers:unit_history", "target": "far", "get": NOBODY},

    # attachments (tài liệu kèm theo): upload and delete while the dossier is editable, by its clerk
    {"url": "dossiers:attachment_upload", "target": "dossier_draft",  # POST-only (multipart)
     "get": unit_only(405), "post": unit_only(WRITTEN), "data": pdf_upload},
    {"url": "dossiers:attachment_upload", "target": "dossier_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": pdf_upload},
    {"url": "dossiers:attachment_download", "target": "attachment_draft", "get": unit_only(200)},
    {"url": "dossiers:attachment_download", "target": "attachment_sent", "get": sent(200, 200)},
    {"url": "dossiers:attachment_delete", "target": "attachment_draft",  # POST-only
     "get": unit_only(405), "post": unit_only(WRITTEN), "data": lambda t: {}},
    {"url": "dossiers:attachment_delete", "target": "attachment_sent", "get": sent(403, 403), "post": sent(403, 403),
     "data": lambda t: {}},
]

for _row in MATRIX:
    assert _row.get("get") or _row.get("post"), _row
    assert ("post" in _row) == ("data" in _row), _row
    for _expected in (_row.get("get"), _row.get("post")):
        assert _expected is None or set(_expected) == set(ROLES), _row


def row_id(row):
    label = row.get("label") or row.get("target")
    return row["url"] + (f"[{label}]" if label else "")


GET_CASES = [pytest.param(row, role, id=f"{row_id(row)}-{role}") for row in MATRIX if "get" in row
             for role in ROLES]
POST_CASES = [pytest.param(row, role, id=f"{row_id(row)}-{role}") for row in MATRIX if "post" in row
              for role in ROLES]


# --- fixtures -------------------------------------------------------------------------------------
def unit_dossier(cast, offer, *names):
    """A complete dossier of unit_a for `offer`, nominating new people of unit_a, submitted."""
    from dossiers.services import building
    from dossiers.services.workflow import transition
    from tests.factories.dossiers import complete_report, record_vote

    dossier = building.start_dossier(offer.campaign, cast.unit_a, offer, by=cast.clerk_a)
    for name in names:
        person = PersonFactory(full_name=name, organisation=cast.unit_a)
        nomination = building.add_nominee(dossier, subject_type="individual", person=person, by=cast.clerk_a)
        complete_report(nomination, by=cast.clerk_a)
        record_vote(dossier, nomination)
    dossier.memo_number, dossier.memo_date = "09/TTr-TCCB", date(2025, 7, 29)
    building.save_dossier(dossier, by=cast.clerk_a)
    return transition(dossier, "submit", by=cast.clerk_a)


def appraised(cast, dossier, then):
    """The office receives the dossier, finds every nominee eligible, accepts it and sends it on (`then`)."""
    from dossiers.enums import Outcome
    from dossiers.services import building
    from dossiers.services.workflow import transition

    dossier = transition(dossier, "start_review", by=cast.reviewer)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer,
                                override_reason="Nộp muộn có lý do chính đáng")  # the deadline has passed
    return transition(transition(dossier, "accept", by=cast.reviewer), then, by=cast.reviewer)


def dossier_targets(cast, campaign, campaign2):
    """Dossiers of unit_a at each stage, built through the services, and what hangs on them:

    - dossier_draft (in `campaign`): a nominee, its meeting (meeting_draft) and an attachment;
    - dossier_sent (submitted in `campaign2`, version 1): the same, sent with it to the Sở;
    - in campaign3 (one award form per dossier; offer_free has no dossier yet):
      dossier_review (in review, nomination_review pending);
      an own-authority dossier awaiting the leader: nomination_to_approve (accepted), nomination_approved
      (approved, not signed yet) and a third one awarded by `decision`;
      a dossier for a province-level form awaiting the leader: nomination_to_forward (approved) and
      nomination_forwarded (in `forwarding`, no higher decision yet);
      a dossier in council: nomination_council is on the agenda of the open council_session, with a ballot.
    """
    from awards.models import AwardForm
    from campaigns.services.campaigns import offer_award
    from dossiers.models import CouncilSession, Decision, Forwarding
    from dossiers.services import council, decisions
    from dossiers.services.attachments import add_attachment
    from dossiers.services.workflow import transition
    from tests.factories.campaigns import award_form, launched_campaign
    from tests.factories.dossiers import TZ, ready_dossier

    def pdf():
        return SimpleUploadedFile("a.pdf", PDF)

    dossier_draft = ready_dossier(cast, campaign=campaign)
    attachment_draft = add_attachment(dossier_draft, pdf(), title="Biên bản họp", by=cast.clerk_a)
    dossier_sent = ready_dossier(cast, campaign=campaign2)
    attachment_sent = add_attachment(dossier_sent, pdf(), title="Biên bản họp", by=cast.clerk_a)
    dossier_sent = transition(dossier_sent, "submit", by=cast.clerk_a)

    campaign3 = launched_campaign(cast, participants=[cast.unit_a], plan_number=178, title="Phong trào thứ ba")

    def offer(order, code, name, authority=10):
        form = award_form(code=code, name=name, authority=authority)
        return offer_award(campaign3, form, copies=1, by=cast.admin, order=order)

    review = offer(1, "gk-tham-dinh", "Giấy khen (thẩm định)")
    own = offer(2, "gk-lanh-dao", "Giấy khen (lãnh đạo)")
    province = offer(3, "bk-tinh-test", "Bằng khen của Chủ tịch UBND tỉnh (thử)", authority=40)
    in_council = offer(4, "gk-hoi-dong", "Giấy khen (Hội đồng xét)")
    AwardForm.objects.filter(pk=in_council.award_form_id).update(  # ≥ 70% of all the council's members
        needs_council=True, vote_threshold=70, vote_denominator="all", ballot_type="secret")

    dossier_review = transition(unit_dossier(cast, review, "Trần Văn Thẩm"), "start_review", by=cast.reviewer)

    awaiting = appraised(cast, unit_dossier(cast, own, "Phan Văn Duyệt", "Đỗ Thị Ký", "Ngô Văn Thưởng"), "to_leader")
    to_approve, approved, awarded = awaiting.nominations.order_by("order")
    for nomination in (approved, awarded):
        decisions.approve(nomination, approved=True, by=cast.approver)
    decision = decisions.sign_decision(Decision(
        issuer=cast.body, campaign=campaign3, number=125, symbol="QĐ-SNV", date=date(2025, 8, 20),
        title="Về việc khen thưởng", signer_name="Lê Quang Thắng", signer_title="Giám đốc",
        legal_profile=campaign3.legal_profile), [awarded], by=cast.approver)

    upward = appraised(cast, unit_dossier(cast, province, "Vương Văn Trình", "Lý Thị Lên"), "to_leader")
    to_forward, forwarded = upward.nominations.order_by("order")
    for nomination in (to_forward, forwarded):
        decisions.approve(nomination, approved=True, by=cast.approver)
    forwarding = decisions.forward(Forwarding(
        issuer=cast.body, campaign=campaign3, to_authority="Chủ tịch UBND tỉnh", memo_number="45/TTr-SNV",
        memo_date=date(2025, 8, 22), signer_name="Lê Quang Thắng", signer_title="Giám đốc"), [forwarded],
        by=cast.approver)

    nomination_council = appraised(cast, unit_dossier(cast, in_council, "Mai Thị Xét"), "to_council").nominations.get()
    council_session = council.open_session(CouncilSession(
        issuer=cast.body, held_at=datetime(2025, 8, 12, 8, 30, tzinfo=TZ), place="Phòng họp số 1",
        chair="Nguyễn Văn Hải – Giám đốc Sở", secretary="Lê Thị Thu – Chánh Văn phòng", members_total=10,
        members_present=9, mode="paper"), by=cast.reviewer)
    council.record_ballot(council_session, nomination_council, votes_for=6, votes_against=3, votes_abstain=0,
                          by=cast.reviewer)
    from core.models import ImportJob
    from documents.models import Document
    from dossiers.models import Export
    from notifications.services import create_batch

    return {
        "document_sent": Document.objects.get(kind="to_trinh", object_id=dossier_sent.pk),
        "people_import_job": ImportJob.objects.create(kind="people", requested_by=cast.admin, filename="ds.xlsx"),
        "award_import_job": ImportJob.objects.create(kind="awards", requested_by=cast.reviewer, filename="so.xlsx"),
        "export": Export.objects.create(kind=Export.Kind.INBOX_NOMINATIONS, requested_by=cast.reviewer,
                                        filename="Danh sách đề nghị khen thưởng.xlsx"),
        "outbox_batch": create_batch(scope=f"campaign:{campaign.pk}", title="Nhắc đơn vị trễ hạn",
                                     subject="Nhắc {don_vi}", body="Kính gửi {don_vi}",
                                     items=[(f"org:{cast.unit_a.pk}", cast.unit_a.name, "/", {"don_vi": "A"},
                                             [cast.clerk_a])], by=cast.reviewer),
        "award": decision.awards.get(),
        "dossier_draft": dossier_draft, "nomination_draft": dossier_draft.nominations.get(),
        "meeting_draft": dossier_draft.meeting, "attachment_draft": attachment_draft,
        "dossier_sent": dossier_sent, "nomination_sent": dossier_sent.nominations.get(),
        "meeting_sent": dossier_sent.meeting, "attachment_sent": attachment_sent,
        "campaign3": campaign3, "offer_free": campaign3.awards.get(award_form__code=award_form().code),
        "dossier_review": dossier_review, "nomination_review": dossier_review.nominations.get(),
        "nomination_to_approve": to_approve, "nomination_approved": approved, "decision": decision,
        "nomination_to_forward": to_forward, "nomination_forwarded": forwarded, "forwarding": forwarding,
        "council_session": council_session, "nomination_council": nomination_council,
    }


def build_targets(cast):
    """The cast, plus a bloc of the Sở and objects of another province (outside everyone's scope), and the
    dossiers of unit_a at each stage (dossier_targets)."""
    bloc = EmulationBlocFactory(name="Khối các phòng thuộc Sở", organiser=cast.body, leader=cast.unit_a)
    bloc.members.set([cast.unit_a, cast.unit_b])
    far = OrganisationFactory(code="K-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Khác",
                              abbreviation="UBND")
    PersonFactory(full_name="Vũ Thị Xa", organisation=far)
    account_far = UserFactory(username="tinh_khac")
    membership_far = MembershipFactory(user=account_far, organisation=far, role=Role.CLERK)
    far_admin = UserFactory(username="quantri_khac")  # the other province's admin (test_*_from_another_province)
    MembershipFactory(user=far_admin, organisation=far, role=Role.ADMIN)
    bloc_far = EmulationBlocFactory(name="Cụm thi đua tỉnh Khác", organiser=far)
    from awards.models import BaseSalary
    from campaigns.models import CampaignParticipant, PlanTask
    from tests.factories.campaigns import award_form, draft_campaign, launched_campaign, legal_profile

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    draft = draft_campaign(cast, title="Dự thảo phong trào", plan_number=176)
    campaign_far = draft_campaign(cast, issuer=far, title="Phong trào tỉnh Khác", plan_number=9)
    CampaignParticipant.objects.create(campaign=campaign_far, organisation=far)
    task = PlanTask.objects.create(campaign=campaign, quarter=3, content="Sơ kết 9 tháng")
    task.responsible.set([cast.unit_a])
    salary = BaseSalary.objects.create(valid_from=date(2031, 1, 1), amount=3_000_000)
    from awards.models import CalendarDay

    calendar_day = CalendarDay.objects.create(day=date(2031, 1, 1), name="Tết Dương lịch")
    from campaigns.models import RegistrationEntry
    from campaigns.services import registrations

    registration_draft = registrations.start_registration(campaign, cast.unit_a, by=cast.clerk_a)
    RegistrationEntry.objects.create(registration=registration_draft, subject_type="individual",
                                     person=cast.person_a, award_form=campaign.awards.get().award_form)
    campaign2 = launched_campaign(cast, participants=[cast.unit_a], plan_number=177, title="Phong trào thứ hai")
    registration_sent = registrations.start_registration(campaign2, cast.unit_a, by=cast.clerk_a)
    RegistrationEntry.objects.create(registration=registration_sent, subject_type="individual",
                                     person=cast.person_a, award_form=campaign2.awards.get().award_form)
    registration_sent = registrations.submit_registration(registration_sent, by=cast.clerk_a)
    from django.utils import timezone

    from notifications.models import Notification

    Notification.objects.filter(recipient__in=cast.users.values()).update(read_at=timezone.now())
    notification_a = Notification.objects.create(recipient=cast.clerk_a, template="dossier-transition",
                                                 subject="Hồ sơ bị trả lại", body="Thiếu Biên bản.", url="/")
    from funds.models import FundEntry, FundYear

    fund_entry = FundEntry.objects.create(fund=FundYear.objects.create(organisation=cast.body, year=2026),
                                          direction="in", category="budget", date=date(2026, 1, 15), amount=5_000_000)
    from orgs.models import Household

    household_a = Household.objects.create(head_name="Trần Văn Lộc", address="thôn Đông Hà", organisation=cast.unit_a)
    household_other = Household.objects.create(head_name="Hồ Văn Phúc", address="thôn Tây", organisation=cast.other)
    return SimpleNamespace(
        fund_entry=fund_entry, household_a=household_a, household_other=household_other,
        **vars(cast), campaign=campaign, campaign2=campaign2, draft=draft, registration_draft=registration_draft,
        registration_sent=registration_sent, campaign_far=campaign_far, task=task,
        offer=campaign.awards.get(), award_form=award_form(), profile=legal_profile(), salary=salary,
        calendar_day=calendar_day,
        bloc=bloc, far=far, account_far=account_far, membership_far=membership_far, far_admin=far_admin,
        bloc_far=bloc_far, account_a=cast.clerk_a, notification_a=notification_a,
        membership_a=Membership.objects.get(user=cast.clerk_a, organisation=cast.unit_a),
        **dossier_targets(cast, campaign, campaign2))


@pytest.fixture(scope="module")
def matrix_targets(django_db_setup, django_db_blocker, tmp_path_factory):
    """The targets, built once per module (on each xdist worker) in a transaction rolled back after the
    module's last test (tests/module_data.py); each test runs in a savepoint of it, rolled back after the test.
    Also the snapshot of the watched tables as built, which every case starts from."""
    from django.test.utils import override_settings

    from core.pdf import capture_warnings, format_warnings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("matrix-media")):  # the attachments' files
        with module_transaction(django_db_blocker):
            with django_db_blocker.unblock(), capture_warnings() as records:
                built = build_targets(build_cast())
                pristine = snapshot()
            if records:  # as weasyprint_warnings_fail does for each test
                pytest.fail("WeasyPrint: " + format_warnings(records), pytrace=False)
            yield built, pristine


@pytest.fixture
def targets(matrix_targets, db):
    """The module's targets for one case: the rows as built (the case's savepoint is rolled back after it,
    and the case starts from the snapshot taken when they were built), and the instances deep-copied so
    that one case refreshing or changing an object in Python leaves the next case the pristine one."""
    built, pristine = matrix_targets
    assert changed_tables(pristine, snapshot()) == [], "a case did not start from the module's data"
    return copy.deepcopy(built)


def url_of(row, t):
    if "kwargs" in row:
        path = reverse(row["url"], kwargs=row["kwargs"](t))
    elif "target" in row:
        path = reverse(row["url"], kwargs={"pk": getattr(t, row["target"]).pk})
    else:
        path = reverse(row["url"])
    return path + ("?" + urlencode(row["query"](t)) if "query" in row else "")


def set_up(row, t):
    """A row's "setup" (a function of the targets) puts the data in the state the row needs, before the
    snapshot: what it writes is not the request's doing."""
    if "setup" in row:
        row["setup"](t)


def client_as(role, t, **client_kwargs):
    client = Client(**client_kwargs)
    if role != "anonymous":
        client.force_login(t.users[role])  # axes refuses client.login() without a request
    return client


def _watched():
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from audit.models import Event
    from awards.models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile
    from campaigns import models as c
    from core.models import ImportJob
    from orgs.models import Household, SecondFactorPolicy

    return [Organisation, Person, Household, Membership, EmulationBloc, EmulationBloc.members.through,
            get_user_model(), Event,
            ImportJob,
            SecondFactorPolicy, TOTPDevice, StaticDevice, StaticToken,
            AwardForm, LegalBasisProfile, BonusCoefficient, BaseSalary, c.Campaign, c.Target, c.Criterion,
            c.CampaignAward, c.QuotaOverride, c.DossierComponent, c.ReminderRule, c.CampaignParticipant,
            c.PlanTask, c.CampaignAmendment, c.Registration, c.RegistrationEntry, *_watched_dossiers()]


def _watched_dossiers():
    from dossiers import models as d

    return [d.Dossier, d.Nomination, d.Nomination.criteria_confirmed.through, d.AchievementReport, d.StateChange,
            d.DossierVersion, d.NominationMeeting, d.MeetingVote, d.Attachment, d.CouncilSession, d.CouncilBallot,
            d.CouncilSeat, d.CouncilRules, d.ProvinceRule, d.CampaignRule, d.CertificateLayout, d.SessionMember,
            d.MemberVote,
            d.OutcomeChange, d.NoProposal, d.Assignment, d.CommentWindow, d.CommentNominee, d.PublicComment,
            d.Decision, d.Forwarding, d.Forwarding.nominations.through, d.Award, d.AwardCorrection, d.AnnualRating,
            *_watched_notifications(), *_watched_documents(), *_watched_funds()]


def _watched_funds():
    from funds.models import FundEntry, FundYear

    return [FundYear, FundEntry, *_watched_publication()]


def _watched_publication():
    from publication.models import PublicationSetting

    return [PublicationSetting]


def _watched_documents():
    from documents.models import Document

    return [Document]  # a GET never writes one (printing is a POST, issue 16)


def _watched_notifications():
    from dossiers.models import Reminder
    from notifications.models import Notification, OutboxBatch, OutboxItem

    return [Notification, OutboxBatch, OutboxItem, Reminder]


WATCHED = _watched()


def snapshot():
    """Row count and a hash of every row of the watched tables (and of the audit log): every column of every
    row, all rows (whatever the models' default managers show), read in plain SQL: through the ORM's
    querysets (~50 of them) the snapshots were most of a case's time once the set-up was shared."""
    from auditlog.models import LogEntry
    from django.db import connection

    quote = connection.ops.quote_name
    state = {}
    with connection.cursor() as cursor:
        for model in [*WATCHED, LogEntry]:
            meta = model._meta
            cursor.execute(f"SELECT * FROM {quote(meta.db_table)} ORDER BY {quote(meta.pk.column)}")
            rows = cursor.fetchall()
            digest = hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()
            state[meta.label] = (len(rows), digest)
    return state


def check_status(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302, f"got {response.status_code}, expected 302 to the login page"
        assert response["Location"].startswith(reverse("login")), response["Location"]
    elif expected == WRITTEN:
        assert response.status_code == 302, f"got {response.status_code}, expected 302 after the write"
    else:
        assert response.status_code == expected, f"got {response.status_code}, expected {expected}"


def changed_tables(before, after):
    return sorted(label for label in before if before[label] != after[label])


# --- the matrix tests -----------------------------------------------------------------------------
@pytest.mark.parametrize(("row", "role"), GET_CASES)
def test_get(row, role, targets):
    set_up(row, targets)
    client = client_as(role, targets)
    before = snapshot()
    response = client.get(url_of(row, targets))
    check_status(response, row["get"][role])
    assert changed_tables(before, snapshot()) == [], "a GET wrote to the database"


@pytest.mark.parametrize(("row", "role"), POST_CASES)
def test_post(row, role, targets):
    """A denied POST (403, 404, login, invalid form) changes nothing; an allowed one writes."""
    set_up(row, targets)
    client = client_as(role, targets)
    expected = row["post"][role]
    before = snapshot()
    response = client.post(url_of(row, targets), row["data"](targets))
    changed = changed_tables(before, snapshot())
    if expected == WRITTEN:
        check_status(response, expected)
        assert changed, "the POST was accepted but nothing changed"
    else:
        assert changed == [], f"a refused POST (status {response.status_code}) changed {changed}"
        check_status(response, expected)


# --- another province's admin against this province's objects and forms ---------------------------------------
# What this province's cast can reach, tried by the admin of another province (t.far_admin, ADMIN on its root):
# an object of this province answers 403 or 404 and is never shown; a page of one's own (a list, a create form)
# answers, but shows nothing of this province; a POST changes nothing of this province. A row may say otherwise
# with "far_get" / "far_post" (e.g. the public pages, which show every province's launched campaigns by design).
OURS = ("Ủy ban nhân dân tỉnh Thử", "Sở Nội vụ tỉnh Thử", "Phòng Tổ chức cán bộ", "Nguyễn Thị Hương")
DENIED = (403, 404)


# rows about the other province's own objects ("far" targets: its admin's to open), the public pages (every
# province's, by design) and one's own account and settings
NOT_OURS = ("far", "campaigns:public_list", "campaigns:public_detail", "dossiers:verify_award", "password_change",
            "publication:decision_list", "publication:decision_detail", "publication:lookup",
            "publication:comment_window", "publication:comment_form",
            "password_reset", "dossiers:rule_settings", "dossiers:layout", "logout")


def far_cases(method):
    return [pytest.param(row, id=row_id(row)) for row in MATRIX if method in row
            and not any(part in row_id(row) for part in NOT_OURS)]


@pytest.mark.parametrize("row", far_cases("get"))
def test_get_from_another_province(row, targets):
    set_up(row, targets)
    client = Client()
    client.force_login(targets.far_admin)
    before = snapshot()
    response = client.get(url_of(row, targets))
    assert changed_tables(before, snapshot()) == [], "a GET wrote to the database"
    if "target" in row or "kwargs" in row:
        assert response.status_code in DENIED, f"got {response.status_code} on this province's object"
        return
    assert response.status_code in (200, 302, 405, *DENIED), f"got {response.status_code}"
    if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
        page = response.content.decode()
        assert not [text for text in OURS if text in page], "another province's page shows this province"


@pytest.mark.parametrize("row", far_cases("post"))
def test_post_from_another_province(row, targets):
    """Posting this province's ids (the rows' data) from another province: refused, nothing written."""
    set_up(row, targets)
    client = Client()
    client.force_login(targets.far_admin)
    before = snapshot()
    response = client.post(url_of(row, targets), row["data"](targets))
    changed = changed_tables(before, snapshot())
    assert changed == [], f"a POST from another province (status {response.status_code}) changed {changed}"
    if "target" in row or "kwargs" in row:
        assert response.status_code in DENIED, f"got {response.status_code} on this province's object"


@pytest.mark.parametrize("row", [pytest.param(row, id=row_id(row)) for row in MATRIX if "post" in row])
def test_post_without_csrf_token_is_refused(row, targets):
    """Every state-changing view is protected by CSRF: a POST without the token is a 403 and writes
    nothing, even for a user who may make that change."""
    role = next((r for r in ROLES if row["post"][r] == WRITTEN), "admin")
    set_up(row, targets)
    client = client_as(role, targets, enforce_csrf_checks=True)
    before = snapshot()
    response = client.post(url_of(row, targets), row["data"](targets))
    assert response.status_code == 403, f"{role}: got {response.status_code}, expected 403 (CSRF)"
    assert changed_tables(before, snapshot()) == []


@pytest.mark.parametrize("row", [pytest.param(row, id=row_id(row)) for row in MATRIX
                                 if "post" not in row and 200 in row["get"].values()])
def test_read_only_page_refuses_post(row, targets):
    """Pages that only show something answer a POST with 405 and write nothing."""
    role = next(r for r in ROLES if row["get"][r] == 200)
    set_up(row, targets)
    client = client_as(role, targets)
    before = snapshot()
    response = client.post(url_of(row, targets), {"name": "x", "full_name": "x"})
    assert response.status_code == 405, f"{role}: got {response.status_code}, expected 405"
    assert changed_tables(before, snapshot()) == []


# --- every URL has a row --------------------------------------------------------------------------
def walk(resolver, namespace="", prefix=""):
    """(qualified name or None, route) of every URL pattern, except the admin site and static files."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if str(entry.pattern) == "django-admin/" or entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, inner, route)
        elif isinstance(entry, URLPattern):
            if entry.callback is serve:  # static()/media in DEBUG
                continue
            yield (f"{namespace}{entry.name}" if entry.name else None), route


def test_every_url_is_in_the_matrix():
    patterns = list(walk(get_resolver()))
    covered = {row["url"] for row in MATRIX}
    unnamed = [route for name, route in patterns if name is None]
    missing = sorted({name for name, _ in patterns if name is not None} - covered)
    assert not unnamed, f"URL patterns without a name cannot be in the permission matrix: {unnamed}"
    assert not missing, f"URLs without a permission-matrix row: {missing}"
    assert len(patterns) >= 25  # the walk really went into the included URLconfs


def test_every_matrix_row_is_a_real_url():
    names = {name for name, _ in walk(get_resolver())}
    assert sorted({row["url"] for row in MATRIX} - names) == []


# --- the allowed writes, checked field by field ------------------------------------------------------
def test_admin_creates_an_organisation(targets):
    client = client_as("admin", targets)
    response = client.post(reverse("orgs:organisation_create"), organisation_data(targets))
    org = Organisation.objects.get(code="T-SNV-C")
    assert response.status_code == 302 and response["Location"] == org.get_absolute_url()
    assert org.parent == targets.body and org.name == "Phòng Thanh tra"
    assert org.path == f"{targets.body.path}{org.pk}/"


def test_clerk_edits_a_person_of_their_unit(targets):
    client = client_as("clerk_a", targets)
    response = client.post(reverse("orgs:person_update", args=[targets.person_a.pk]),
                           person_data(targets.unit_a, full_name="Nguyễn Thị Hương Giang"))
    assert response.status_code == 302
    targets.person_a.refresh_from_db()
    assert targets.person_a.full_name == "Nguyễn Thị Hương Giang"
    assert targets.person_a.organisation == targets.unit_a


def test_clerk_adds_a_person_to_their_unit_only(targets):
    client = client_as("clerk_a", targets)
    assert client.post(reverse("orgs:person_create"), person_data(targets.unit_a)).status_code == 302
    assert Person.objects.filter(full_name="Phạm Thị Mai", organisation=targets.unit_a).count() == 1
    # the same clerk cannot place someone in the sibling unit, nor move their own person there
    before = snapshot()
    assert client.post(reverse("orgs:person_create"),
                       person_data(targets.unit_b, full_name="Không Được Thêm")).status_code == 200
    assert client.post(reverse("orgs:person_update", args=[targets.person_a.pk]),
                       person_data(targets.unit_b, full_name="Nguyễn Thị Hương")).status_code == 200
    assert changed_tables(before, snapshot()) == []


def test_admin_grants_and_revokes_a_role(targets):
    client = client_as("admin", targets)
    response = client.post(reverse("orgs:membership_create", args=[targets.account_a.pk]),
                           {"organisation": targets.unit_b.pk, "role": Role.CLERK})
    assert response.status_code == 302
    granted = Membership.objects.get(user=targets.account_a, organisation=targets.unit_b, role=Role.CLERK)
    response = client.post(reverse("orgs:membership_delete", args=[granted.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=granted.pk).exists()
    assert Membership.objects.filter(pk=targets.membership_a.pk).exists()


def test_admin_creates_an_account_and_a_bloc(targets):
    client = client_as("admin", targets)
    assert client.post(reverse("orgs:account_create"), account_data(targets)).status_code == 302
    account = get_user_model().objects.get(username="canbo_moi")
    assert list(account.memberships.values_list("organisation", "role")) == [(targets.unit_a.pk, Role.CLERK)]
    assert client.post(reverse("orgs:bloc_create"), bloc_data(targets, name="Khối mới")).status_code == 302
    bloc = EmulationBloc.objects.get(name="Khối mới")
    assert set(bloc.members.all()) == {targets.unit_a, targets.unit_b} and bloc.organiser == targets.body


def test_admin_dissolves_a_unit_into_its_sibling(targets):
    client = client_as("admin", targets)
    response = client.post(reverse("orgs:organisation_dissolve", args=[targets.unit_b.pk]),
                           {"on": date.today().strftime("%d/%m/%Y"), "successor": targets.unit_a.pk,
                            "move_people": "on", "move_children": "on"})
    assert response.status_code == 302
    targets.unit_b.refresh_from_db()
    targets.person_b.refresh_from_db()
    assert targets.unit_b.successor == targets.unit_a and targets.unit_b.valid_until == date.today()
    assert targets.person_b.organisation == targets.unit_a


def test_admin_imports_people(targets):
    client = client_as("admin", targets)
    response = client.post(reverse("orgs:people_import"), people_workbook(targets))
    assert response.status_code == 302
    assert Person.objects.filter(full_name="Đặng Văn Nhập", organisation=targets.unit_a).exists()
