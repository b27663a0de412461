from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .models import Agreement


@login_required
def scan_download(request, name: str):
    """Serve a signed agreement scan to staff who may view agreements; nobody else."""
    if not (request.user.is_staff and request.user.has_perm("agreements.view_agreement")):
        raise PermissionDenied
    agreement = get_object_or_404(Agreement, scan=name)
    try:
        handle = agreement.scan.open("rb")
    except FileNotFoundError:
        raise Http404("Файл скана не найден.") from None
    filename = f"soglashenie-{agreement.partner.slug}-{agreement.signed_on:%Y-%m-%d}.pdf"
    return FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)
