"""What other apps may listen to: `campaign_changed(sender=Campaign, campaign=…)` is sent by the campaign
services (services/campaigns.py) whenever a campaign's plan or one of its sections (criteria, award forms
and quotas, deadlines, participants…) is saved. The dossiers app recomputes its eligibility verdicts on
it; the campaigns app does not know who listens (it sits below dossiers in the layer order)."""
from django.dispatch import Signal

campaign_changed = Signal()
