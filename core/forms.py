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
