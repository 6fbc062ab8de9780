"""Xác minh bằng khen, giấy khen: the public page a certificate's QR code opens."""
import re

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ..models import Award

CODE = re.compile(r"^[0-9A-Za-z_-]{16,40}$")


@require_safe
@never_cache
def verify_award(request, code):
    """Shows the award of a valid code (name, form, decision, issuer) and nothing else; a wrong code
    says so. Codes are random and long, so they cannot be guessed or enumerated."""
    award = None
    if CODE.match(code):
        award = (Award.objects.select_related("award_form", "decision__issuer", "person", "organisation", "revoked_by")
                 .prefetch_related("corrections__amendment").filter(verification_code=code).first())
    return render(request, "dossiers/verify_award.html", {"award": award, "code": code},
                  status=200 if award else 404)
