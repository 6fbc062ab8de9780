"""Permission matrix (DESIGN.md §4): every URL of the project, for every role of the cast.

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
  comes first, so a denied user still gets 404/403 and learns nothing).

Expected values:
- an int: that status;
- LOGIN: a 302 to the login page;
- WRITTEN (POST only): a 302 *and* the database changed. Any other POST expectation also asserts
  that nothing in the watched tables changed, so a denial can never be a silent partial write.

test_every_url_is_in_the_matrix walks the whole URLconf: a new URL without a row fails the suite.
"""
import hashlib
import io
import json
from datetime import date
from types import SimpleNamespace

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
            "report_form_label": "Mẫu số 08", "collective_multiplier": "2", "notes": "",
            "he-so-TOTAL_FORMS": "0", "he-so-INITIAL_FORMS": "0"}


def campaign_data(t, **changes):
    return {"kind": "special", "issuer": t.body.pk, "title": "Đợt thi đua đặc biệt (đã sửa)", "theme": "",
            "plan_number": "175", "plan_symbol": "KH-SNV", "plan_date": "10/07/2024", "signer_authority": "",
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


CAMPAIGN_VIEW = by_role(outsider=404, clerk_a=200, clerk_b=404, office=200, admin=200)
CAMPAIGN_DRAFT_VIEW = by_role(outsider=404, clerk_a=404, clerk_b=404, office=200, admin=200)
CAMPAIGN_CHANGE = by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=200)
CAMPAIGN_CHANGE_POST = by_role(outsider=404, clerk_a=403, clerk_b=404, office=403, admin=WRITTEN)


# --- the matrix -------------------------------------------------------------------------------------
# url: URL name; target: names of the targets fixture whose pk fills <pk>; get/post: expected
# answers per role ("post" needs "data"). POST-only endpoints keep a "get" entry: 405 for a user who
# may use them, the usual 403/404/login for anyone else (the permission check runs first).
MATRIX = [
    # portal
    {"url": "home", "get": everyone(200)},
    {"url": "login",
     "get": everyone(302, anonymous=200),  # a logged-in user is sent home
     "post": everyone(302, anonymous=WRITTEN),  # anonymous logs in (last_login is written)
     "data": lambda t: {"username": "canbo_a", "password": t.password}},
    {"url": "logout",
     "get": everyone(405, anonymous=405),  # POST-only since Django 5
     "post": everyone(302), "data": lambda t: {}},
    {"url": "password_change", "get": everyone(200),
     "post": everyone(WRITTEN),  # one's own password: everyone may
     "data": lambda t: {"old_password": t.password, "new_password1": NEW_PASSWORD,
                        "new_password2": NEW_PASSWORD}},
    {"url": "password_change_done", "get": everyone(200)},

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
    {"url": "orgs:people_import_template", "get": admin_only(200)},

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

    # award catalogue (global: admins only, the same 403 for every pk)
    {"url": "awards:awardform_list", "get": admin_only(200)},
    {"url": "awards:awardform_create", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": lambda t: awardform_data("bang-khen-thu")},
    {"url": "awards:awardform_update", "target": "award_form", "get": admin_only(200),
     "post": admin_only(WRITTEN), "data": lambda t: awardform_data(t.award_form.code)},
    {"url": "awards:profile_list", "get": admin_only(200)},
    {"url": "awards:profile_create", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": lambda t: profile_data("nd-thu")},
    {"url": "awards:profile_update", "target": "profile", "get": admin_only(200),
     "post": admin_only(WRITTEN), "data": lambda t: profile_data(t.profile.code)},
    {"url": "awards:salary_list", "get": admin_only(200)},
    {"url": "awards:salary_create", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": lambda t: {"valid_from": "01/07/2030", "amount": "3000000", "legal_basis": ""}},
    {"url": "awards:salary_update", "target": "salary", "get": admin_only(200), "post": admin_only(WRITTEN),
     "data": lambda t: {"valid_from": "01/07/2031", "amount": "3100000", "legal_basis": ""}},

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
    {"url": "campaigns:registration_list", "target": "campaign",
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

    {"url": "campaigns:public_list", "get": everyone(200, anonymous=200)},
    {"url": "campaigns:public_detail", "target": "campaign", "get": everyone(200, anonymous=200)},
    {"url": "campaigns:public_detail", "target": "draft", "get": everyone(404, anonymous=404)},
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
@pytest.fixture
def targets(cast):
    """The cast, plus a bloc of the Sở and objects of another province (outside everyone's scope)."""
    bloc = EmulationBlocFactory(name="Khối các phòng thuộc Sở", organiser=cast.body, leader=cast.unit_a)
    bloc.members.set([cast.unit_a, cast.unit_b])
    far = OrganisationFactory(code="K-UBND", kind=OrgKind.UBND_TINH, name="Ủy ban nhân dân tỉnh Khác",
                              abbreviation="UBND")
    PersonFactory(full_name="Vũ Thị Xa", organisation=far)
    account_far = UserFactory(username="tinh_khac")
    membership_far = MembershipFactory(user=account_far, organisation=far, role=Role.CLERK)
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
    return SimpleNamespace(
        **vars(cast), campaign=campaign, draft=draft, registration_draft=registration_draft,
        registration_sent=registration_sent, campaign_far=campaign_far, task=task,
        offer=campaign.awards.get(), award_form=award_form(), profile=legal_profile(), salary=salary,
        bloc=bloc, far=far, account_far=account_far, membership_far=membership_far,
        bloc_far=bloc_far, account_a=cast.clerk_a,
        membership_a=Membership.objects.get(user=cast.clerk_a, organisation=cast.unit_a))


def url_of(row, t):
    if "kwargs" in row:
        return reverse(row["url"], kwargs=row["kwargs"](t))
    if "target" in row:
        return reverse(row["url"], kwargs={"pk": getattr(t, row["target"]).pk})
    return reverse(row["url"])


def client_as(role, t, **client_kwargs):
    client = Client(**client_kwargs)
    if role != "anonymous":
        client.force_login(t.users[role])  # axes refuses client.login() without a request
    return client


def _watched():
    from awards.models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile
    from campaigns import models as c

    return [Organisation, Person, Membership, EmulationBloc, EmulationBloc.members.through, get_user_model(),
            AwardForm, LegalBasisProfile, BonusCoefficient, BaseSalary, c.Campaign, c.Target, c.Criterion,
            c.CampaignAward, c.QuotaOverride, c.DossierComponent, c.ReminderRule, c.CampaignParticipant,
            c.PlanTask, c.CampaignAmendment, c.Registration, c.RegistrationEntry]


WATCHED = _watched()


def snapshot():
    """Row count and a hash of every row of the watched tables (and of the audit log)."""
    from auditlog.models import LogEntry

    state = {}
    for model in [*WATCHED, LogEntry]:
        rows = list(model.objects.order_by("pk").values())
        digest = hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()
        state[model._meta.label] = (len(rows), digest)
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
    client = client_as(role, targets)
    before = snapshot()
    response = client.get(url_of(row, targets))
    check_status(response, row["get"][role])
    assert changed_tables(before, snapshot()) == [], "a GET wrote to the database"


@pytest.mark.parametrize(("row", "role"), POST_CASES)
def test_post(row, role, targets):
    """A denied POST (403, 404, login, invalid form) changes nothing; an allowed one writes."""
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


@pytest.mark.parametrize("row", [pytest.param(row, id=row_id(row)) for row in MATRIX if "post" in row])
def test_post_without_csrf_token_is_refused(row, targets):
    """Every state-changing view is protected by CSRF: a POST without the token is a 403 and writes
    nothing, even for a user who may make that change."""
    role = next((r for r in ROLES if row["post"][r] == WRITTEN), "admin")
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
