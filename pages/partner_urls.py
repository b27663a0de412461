"""Partners and agreements: the pages keep the `agreements` URL namespace, their subject."""

from django.urls import path

from . import partners

app_name = "agreements"

urlpatterns = [
    path("partners/", partners.partner_list, name="partner_list"),
    path("partners/<slug:slug>/", partners.partner_detail, name="partner_detail"),
    path("agreements/", partners.agreement_list, name="list"),
    path("agreements/<int:pk>/", partners.agreement_detail, name="detail"),
]
