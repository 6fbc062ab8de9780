"""Domain-free form helpers: text kept in NFC, model choices read as a plain list."""


class NfcFormMixin:
    """Forms keep text in Unicode NFC whatever the keyboard sent."""

    def clean(self):
        from .text import nfc

        cleaned = super().clean()
        for key, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[key] = nfc(value)
        return cleaned


def list_choices(field):
    """Give a model choice field its options as a list, read with one plain query. Rendering the field as
    it is iterates its queryset, which on PostgreSQL opens a server-side cursor (DECLARE, FETCH, CLOSE)
    each time the options are read; validation still uses the queryset."""
    field.choices = [("", field.empty_label)] + [(obj.pk, field.label_from_instance(obj)) for obj in field.queryset]


class SignerFormMixin:
    """Forms of a signed record (sign_as, signer_title, signer_name): a deputy signs "KT." (Nghị định 30/2020),
    and the ways of signing that print the signer's own title need it."""

    def clean(self):
        from .letterhead import SIGNER_TITLE_PRINTED

        cleaned = super().clean()
        sign_as, title = cleaned.get("sign_as") or "", (cleaned.get("signer_title") or "").strip()
        if sign_as in SIGNER_TITLE_PRINTED and not title:
            self.add_error("signer_title", "Ghi chức vụ của người ký (ví dụ Phó Giám đốc, Chánh Văn phòng).")
        if not sign_as and title.lower().startswith("phó"):
            self.add_error("sign_as", f"{title} ký thay người đứng đầu: chọn “KT.” (Nghị định 30/2020).")
        return cleaned
