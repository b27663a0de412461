"""Site search (placeholder form; the full search across all sections replaces this body)."""

from django.shortcuts import render


def search(request):
    query = request.GET.get("q", "")[:200]
    return render(request, "search.html", {"q": query})
