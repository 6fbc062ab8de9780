"""The demo's amended decision (issue 18, "Correct and revoke"): the Sở Nội vụ Quảng Trị corrects, by its Quyết định
đính chính, the "chức vụ, đơn vị" line (the body's name left out) of the awardee of 125/QĐ-SNV still in force (the
other was revoked, revocations.py); the decision's page links it, the person's history and the QR page say "Đính
chính theo Quyết định số …", the certificate prints the corrected line."""
from datetime import timedelta

from django.contrib.auth import get_user_model

from dossiers.models import Decision
from dossiers.services import amendment, decisions


def seed(day):
    signed = Decision.objects.filter(issuer__code="QT-SNV", kind=Decision.OWN, number=125).first()
    leader = get_user_model().objects.filter(username="lanhdao").first()
    if signed is None or leader is None or signed.amendments.exists():
        return 0
    award = signed.awards.live().select_related("person__organisation").order_by("pk").first()
    if award is None or not award.person_id:
        return 0
    rows = amendment.snapshot_rows(signed)
    line = amendment.as_decided(award, rows)["unit"]
    corrected = f"{line}, {signed.issuer.name}"  # the list left out the body the unit belongs to
    if signed.issuer.name in line:
        return 0
    on = max(day - timedelta(days=1), signed.date)
    amendment.amend(signed, [{"award": award, "unit": corrected}], Decision(
        number=decisions.next_decision_number(signed.issuer, on.year), symbol=signed.symbol, date=on,
        title=f"Về việc đính chính Quyết định số {signed.reference} ngày {signed.date:%d/%m/%Y}",
        signer_name=signed.signer_name, signer_title=signed.signer_title, sign_as=signed.sign_as,
        reason="Danh sách kèm theo Quyết định ghi thiếu tên cơ quan trong chức vụ, đơn vị của cá nhân được khen "
               "thưởng."),
        by=leader)
    return 1
