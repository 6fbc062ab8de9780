"""The demo's revoked award (issue 18): the Sở Nội vụ Quảng Trị revokes, in part, its decision 125/QĐ-SNV for one
awardee found to have declared figures that were not true; the certificate's QR page then says "đã bị thu hồi"
and the fund shows the bonus to recover."""
from datetime import timedelta

from django.contrib.auth import get_user_model

from dossiers.models import Decision
from dossiers.services import decisions, revocation


def seed(day):
    signed = Decision.objects.filter(issuer__code="QT-SNV", kind=Decision.OWN, number=125).first()
    leader = get_user_model().objects.filter(username="lanhdao").first()
    if signed is None or leader is None or signed.revocations.exists():
        return 0
    award = signed.awards.live().order_by("-pk").first()
    if award is None:
        return 0
    on = max(day - timedelta(days=1), signed.date)
    revocation.revoke(signed, [award], Decision(
        number=decisions.next_decision_number(signed.issuer, on.year), symbol=signed.symbol, date=on,
        title=f"Về việc thu hồi khen thưởng tại Quyết định số {signed.reference} ngày {signed.date:%d/%m/%Y}",
        signer_name=signed.signer_name, signer_title=signed.signer_title, sign_as=signed.sign_as,
        reason="Báo cáo thành tích kê khai số liệu không đúng thực tế (kết quả thanh tra, kiểm tra)."), by=leader)
    return 1
