"""The demo's assignment inside the office (issue 18): the Sở Nội vụ Quảng Trị's Văn phòng has a second specialist,
`chuyenvien` (Võ Thị Thu Trang, Chuyên viên); the Chánh Văn phòng (`vanphong`) assigns the dossiers the office holds
past their receipt, alternately to her and to herself; the dossiers just sent stay "Chưa phân công"."""
from django.contrib.auth import get_user_model

from dossiers.enums import DossierState
from dossiers.models import Dossier
from dossiers.services.assignment import HELD_STATES, assign
from orgs.enums import Role
from orgs.models import Membership, Organisation, Person

from .orgs import DEMO_PASSWORD

SPECIALIST = ("chuyenvien", "Võ Thị Thu", "Trang")


def seed():
    """The second specialist's account, and the assignments; returns how many dossiers were assigned (0 on a
    second run)."""
    body = Organisation.objects.filter(code="QT-SNV").first()
    head = get_user_model().objects.filter(username="vanphong").first()
    if body is None or head is None:
        return 0
    username, first, last = SPECIALIST
    specialist = get_user_model().objects.filter(username=username).first()
    if specialist is None:
        specialist = get_user_model().objects.create_user(username=username, password=DEMO_PASSWORD, first_name=first,
                                                          last_name=last, email=f"{username}@example.gov.vn")
    Membership.objects.get_or_create(user=specialist, organisation=body, role=Role.REVIEWER)
    Person.objects.filter(organisation__code="QT-SNV-VP", full_name=f"{first} {last}", user__isnull=True).update(
        user=specialist)
    held = Dossier.objects.filter(campaign__issuer=body, state__in=HELD_STATES, assignee__isnull=True).exclude(
        state=DossierState.SUBMITTED).order_by("pk")
    count = 0
    for index, dossier in enumerate(held):
        assign(dossier, specialist if index % 2 == 0 else head, by=head,
               note="Đề nghị thẩm định, báo cáo trước hạn." if index % 2 == 0 else "")
        count += 1
    return count
