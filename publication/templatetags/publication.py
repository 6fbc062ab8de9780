"""{% published_decisions campaign as decisions %}: a campaign's published decisions, for its public page (the
campaigns app knows nothing of publication; its template asks)."""
from django import template

from ..services import authority_of, public_decisions

register = template.Library()


@register.simple_tag
def published_decisions(campaign):
    decisions = list(public_decisions().filter(campaign=campaign))
    for decision in decisions:
        decision.authority_name = authority_of(decision)
    return decisions
