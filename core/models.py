"""Domain-free model bases."""
from django.db import models

from .text import nfc


class NormalizedTextModel(models.Model):
    """A model whose text fields are stored in Unicode NFC, whatever the input path."""

    class Meta:
        abstract = True

    def normalize_text_fields(self):
        for field in self._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    value = nfc(value)
                    setattr(self, field.attname, value.strip() if isinstance(field, models.CharField) else value)

    def save(self, *args, **kwargs):
        self.normalize_text_fields()
        super().save(*args, **kwargs)


class TimeStampedModel(NormalizedTextModel):
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        abstract = True
