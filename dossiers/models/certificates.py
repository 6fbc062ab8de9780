"""A province's own calibration of a certificate printed on its blank stock (phôi): the printers and the
blanks differ by province, the award form's calibration (AwardForm.certificate_offsets) is the national default."""
from django.db import models

from core.models import TimeStampedModel


class CertificateLayout(TimeStampedModel):
    province = models.ForeignKey("orgs.Organisation", verbose_name="tỉnh", on_delete=models.CASCADE,
                                 related_name="certificate_layouts")
    award_form = models.ForeignKey("awards.AwardForm", verbose_name="hình thức", on_delete=models.CASCADE,
                                   related_name="province_layouts")
    offsets = models.JSONField("vị trí in trên phôi (mm)", default=dict, blank=True)

    class Meta:
        verbose_name = "căn chỉnh in trên phôi của tỉnh"
        verbose_name_plural = "căn chỉnh in trên phôi của tỉnh"
        constraints = [models.UniqueConstraint(fields=["province", "award_form"], name="certificate_layout_unique")]

    def __str__(self):
        return f"{self.award_form} – {self.province}"
