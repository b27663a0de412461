from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .models import Agreement, Amendment


@login_required
def scan_download(request, name: str):
    """Serve a signed agreement's or supplementary agreement's scan to staff who may view agreements; nobody else."""
    if not (request.user.is_staff and request.user.has_perm("agreements.view_agreement")):
        raise PermissionDenied
    agreement = Agreement.objects.filter(scan=name).select_related("partner").first()
    if agreement is not None:
        document = agreement
        filename = f"soglashenie-{agreement.partner.slug}-{agreement.signed_on:%Y-%m-%d}.pdf"
    else:  # a supplementary agreement's scan, in the same private storage
        document = get_object_or_404(Amendment.objects.select_related("agreement__partner"), scan=name)
        filename = f"dopsoglashenie-{document.agreement.partner.slug}-{document.signed_on:%Y-%m-%d}.pdf"
    try:
        handle = document.scan.open("rb")
    except FileNotFoundError:
        raise Http404("Файл скана не найден.") from None
    return FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)
