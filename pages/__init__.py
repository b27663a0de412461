"""The public pages that combine several apps: home, partners and agreements with what was done, search, sitemaps.

They sit above every app and read only the apps' public querysets (`objects.public()`, `Library.objects.partners()`),
so what a reader may see is decided on the models and nowhere here.
"""
