"""The partner portal's pages (being built)."""

from django.http import Http404

from portal.access import partner_required


def _pending(request, *args, **kwargs):
    raise Http404


home = agreement_detail = agreement_scan = amendment_scan = activities = participation_detail = stop_detail = (
    curatorship_detail
) = proposals = proposal_new = report = report_download = partner_required(_pending)
