"""A dossier's documents as one ZIP of PDFs with readable Vietnamese names."""
import io
import zipfile

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.encoding import escape_uri_path
from django.views.decorators.http import require_http_methods

from documents import services as documents
from documents.registry import KINDS

from ..models import Dossier
from ..services.printing import dossier_documents


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def dossier_zip(request, pk):
    """Tải các văn bản của hồ sơ (ZIP): once every part is stored, the archive; until then, their progress.
    A POST asks for the parts (snapshot and render, idempotent); a GET writes nothing (issue 16): the parts
    nobody asked for yet are offered with a button that POSTs here."""
    dossier = get_object_or_404(Dossier.objects.for_user(request.user).select_related(
        "organisation", "offer__award_form", "campaign"), pk=pk)
    wanted = [(code, obj, part) for code, obj, part in dossier_documents(dossier) if code != "ho_so"]
    if request.method == "POST":
        for code, obj, part in wanted:
            documents.current(code, obj, part)
        return redirect("dossiers:dossier_zip", pk=dossier.pk)
    parts = [documents.existing(code, obj, part) for code, obj, part in wanted]
    if not all(part is not None and part.is_ready for part in parts):
        asked = all(part is not None and (part.is_ready or part.queued_at) for part in parts)
        return render(request, "dossiers/dossier_zip_wait.html", {"dossier": dossier, "asked": asked, "parts": [
            (part, documents.filename(part) if part else KINDS[code].label) for part, (code, _obj, _part)
            in zip(parts, wanted, strict=True)]})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, part in enumerate(parts, start=1):
            with part.file.open("rb") as stored:
                archive.writestr(f"{number:02d} - {documents.filename(part)}", stored.read())
    name = f"Hồ sơ {dossier.offer.award_form} - {dossier.organisation.name}.zip".replace("/", "-")
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}"
    return response
