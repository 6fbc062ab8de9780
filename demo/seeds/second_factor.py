"""The demo's second-factor policies (README, Demo accounts): the tỉnh Quảng Trị signs in with the password alone
(its admin may turn it on at Quản trị → Xác thực hai bước), the tỉnh Lạng Sơn keeps the secure defaults (its
admin, leaders and office enrol an authenticator at their first sign-in). Set once: a re-run keeps what a demo
user changed."""
from orgs.models import Organisation, SecondFactorPolicy

OFF = {field: False for field in SecondFactorPolicy.FIELDS.values()}
POLICIES = {"QT-UBND": OFF, "LS-UBND": {}}  # {}: the model's defaults


def seed():
    for code, values in POLICIES.items():
        province = Organisation.objects.filter(code=code, parent__isnull=True).first()
        if province is not None:
            SecondFactorPolicy.objects.get_or_create(province=province, defaults=values)
