"""A page that fails the way a bug would, with personal data in the request and in the exception."""

from django.urls import path


def failing(request):
    raise RuntimeError(f"cannot save the contact {request.POST.get('email')} ({request.GET.get('email')})")


urlpatterns = [path("failing/", failing)]
