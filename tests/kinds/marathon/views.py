from django.shortcuts import get_object_or_404, render

from .models import Marathon


def marathon_list(request):
    marathons = Marathon.objects.public().order_by("-starts_on", "pk")
    return render(request, "marathon/list.html", {"marathons": marathons})


def marathon_detail(request, slug):
    marathon = get_object_or_404(Marathon.objects.public().prefetch_related("sites__library"), slug=slug)
    return render(request, "marathon/detail.html", {"marathon": marathon})
