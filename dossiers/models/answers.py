"""A unit's answer that it proposes nobody (đơn vị không đề nghị khen thưởng)."""
from django.conf import settings
from django.db import models
from django.db.models import Q

from campaigns.models import Campaign, CampaignAward
from orgs.models import Organisation


class NoProposalQuerySet(models.QuerySet):
    def active(self):
        """The answers that stand (not undone)."""
        return self.filter(undone_at__isnull=True)


class NoProposal(models.Model):
    """Đơn vị không đề nghị: a unit answers that it proposes nobody for one award form of a campaign, or for the
    whole campaign (`offer` empty). The campaign's progress counts the unit as answered, not late, and no
    reminder reaches it. Written and undone only by dossiers.services.no_proposal; an undone answer stays, with
    who undid it and when."""

    campaign = models.ForeignKey(Campaign, verbose_name="phong trào", on_delete=models.CASCADE,
                                 related_name="no_proposals")
    organisation = models.ForeignKey(Organisation, verbose_name="đơn vị", on_delete=models.PROTECT,
                                     related_name="no_proposals")
    offer = models.ForeignKey(CampaignAward, verbose_name="hình thức khen thưởng", null=True, blank=True,
                              on_delete=models.CASCADE, related_name="no_proposals",
                              help_text="Để trống: đơn vị không đề nghị hình thức nào của phong trào.")
    reason = models.TextField("lý do", blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người báo", null=True,
                           on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField("báo lúc", auto_now_add=True)
    undone_at = models.DateTimeField("hủy lúc", null=True, blank=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người hủy", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    objects = NoProposalQuerySet.as_manager()

    class Meta:
        verbose_name = "báo không đề nghị khen thưởng"
        verbose_name_plural = "báo không đề nghị khen thưởng"
        ordering = ["-at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "organisation", "offer"],
                                    condition=Q(undone_at__isnull=True, offer__isnull=False),
                                    name="one_no_proposal_per_form"),
            models.UniqueConstraint(fields=["campaign", "organisation"],
                                    condition=Q(undone_at__isnull=True, offer__isnull=True),
                                    name="one_no_proposal_per_campaign"),
        ]
        indexes = [models.Index(fields=["campaign", "organisation"], name="no_proposal_of_unit")]

    def __str__(self):
        return f"{self.organisation} không đề nghị {self.what}"

    @property
    def what(self):
        """'Giấy khen của Giám đốc Sở' or 'khen thưởng trong phong trào'."""
        return str(self.offer.award_form) if self.offer_id else "khen thưởng trong phong trào"
