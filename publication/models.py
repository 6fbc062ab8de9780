"""What a province publishes (Công bố): per award form, whether its signed decisions and awards are public.

A province without a row for a form publishes it (the default: Luật Thi đua, khen thưởng asks that decisions
be made public); the province's admin turns a form off on its own page."""
from django.core.exceptions import ValidationError
from django.db import models

from awards.models import AwardForm
from core.models import TimeStampedModel
from orgs.models import Organisation

PUBLISHED_BY_DEFAULT = True


class PublicationSetting(TimeStampedModel):
    """Whether one province publishes the decisions and awards of one award form."""

    province = models.ForeignKey(Organisation, verbose_name="tỉnh", on_delete=models.CASCADE,
                                 related_name="publication_settings")
    award_form = models.ForeignKey(AwardForm, verbose_name="danh hiệu, hình thức", on_delete=models.CASCADE,
                                   related_name="publication_settings")
    published = models.BooleanField("công bố công khai", default=PUBLISHED_BY_DEFAULT)

    class Meta:
        verbose_name = "cấu hình công bố"
        verbose_name_plural = "cấu hình công bố"
        constraints = [models.UniqueConstraint(fields=["province", "award_form"], name="one_publication_setting")]

    def __str__(self):
        return f"{self.award_form} – {'công bố' if self.published else 'không công bố'}"

    def clean(self):
        if self.province_id and self.province.parent_id is not None:
            raise ValidationError({"province": "Cấu hình công bố đặt cho cả tỉnh (đơn vị cấp cao nhất)."})
