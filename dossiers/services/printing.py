"""Freeze what the official documents print at the moments the law fixes them (docs/design.md, Workflow).

Each function takes the snapshots (documents.services.freeze) inside the caller's transaction; the
PDFs are rendered later, in a task, when someone asks for them.
"""
from documents.services import freeze


def dossier_parts(dossier):
    """(kind, object) of each document of a dossier, in print order: the ZIP's contents."""
    nominations = dossier.nominations.select_related("person__organisation", "organisation", "report")
    parts = [("to_trinh", dossier)]
    if dossier.meeting_id:
        parts.append(("bien_ban", dossier.meeting))
    parts += [("bao_cao", n) for n in nominations.order_by("order", "pk")]
    return parts


def dossier_documents(dossier):
    """(kind, object, part) of every document the unit sends with a dossier, merged file included."""
    return [(code, obj, "") for code, obj in dossier_parts(dossier)] + [("ho_so", dossier, "")]


def freeze_sent_dossier(dossier):
    """On submit: the Tờ trình, Biên bản, every Báo cáo and the merged file, as sent."""
    return freeze(dossier_documents(dossier))


def freeze_return_slip(dossier):
    """On return: the phiếu yêu cầu bổ sung of this return (one per submitted version)."""
    return freeze([("phieu_bo_sung", dossier, str(dossier.version))])


def freeze_decision(decision):
    """On signing: the Quyết định and the certificate of every award it gives."""
    return freeze([("quyet_dinh", decision, "")] + [("giay_chung_nhan", award, "") for award in decision.awards.all()])


def freeze_revocation(decision):
    """On signing a revocation: its Quyết định thu hồi."""
    return freeze([("quyet_dinh_thu_hoi", decision, "")])


def freeze_forwarding(forwarding):
    return freeze([("to_trinh_cap_tren", forwarding, "")])


def freeze_council_minutes(session):
    return freeze([("bien_ban_hoi_dong", session, "")])


def freeze_amendment(decision, awards):
    """On signing an amendment: its Quyết định đính chính, and the certificate of each corrected award as it now
    reads (the next print of it is the corrected one; the one frozen at signing stays stored). `awards`: those
    whose certificate the portal prints (the body's own decision, decided on the portal)."""
    return freeze([("quyet_dinh_dinh_chinh", decision, "")] + [("giay_chung_nhan", award, "") for award in awards])
