"""What other apps may listen to: `campaign_changed(sender=Campaign, campaign=…)` is sent by the campaign
services (services/campaigns.py) whenever a campaign's plan or one of its sections (criteria, award forms
and quotas, deadlines, participants…) is saved. The dossiers app recomputes its eligibility verdicts on
it; the campaigns app does not know who listens (it sits below dossiers in the layer order)."""
from django.dispatch import Signal

campaign_changed = Signal()
# `campaign_copied(sender=Campaign, source=…, copy=…)`: sent by copy_campaign inside its transaction, so that
# what other apps keep of a campaign (the dossiers app: its eligibility-rule exceptions) follows the next edition
campaign_copied = Signal()
