"""A province's calibration of its certificates on blank stock (CertificateLayout)."""
from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied
from django.db import transaction

from orgs import scope

from ..models import CertificateLayout


def save_layout(province, award_form, offsets, *, by):
    """Record where `province` prints `award_form`'s certificate items on its blank stock ({item: [x, y]} mm,
    only what differs from the defaults; empty: back to the national calibration). Refused (PermissionDenied)
    unless `by` administers the province. Side effects: the CertificateLayout row (created, updated or
    deleted), audit entries."""
    if not scope.provinces_administered(by).filter(pk=province.pk).exists():
        raise PermissionDenied("Chỉ quản trị của tỉnh mới căn chỉnh phôi in của tỉnh.")
    with set_actor(by), transaction.atomic():
        if not offsets:
            CertificateLayout.objects.filter(province=province, award_form=award_form).delete()
            return None
        layout, _ = CertificateLayout.objects.update_or_create(province=province, award_form=award_form,
                                                               defaults={"offsets": offsets})
    return layout
