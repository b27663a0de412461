#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    """Run administrative tasks."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnet.settings")
    # A checkout with neither a secret key nor an explicit DJANGO_DEBUG is a developer's: let its commands run
    # (check, makemigrations, createsuperuser…) in debug mode. Servers start through wsgi/asgi, which still
    # refuse to start without DJANGO_SECRET_KEY when debug is off, and so does DJANGO_DEBUG=0 here.
    if not os.environ.get("DJANGO_SECRET_KEY") and "DJANGO_DEBUG" not in os.environ:
        os.environ["DJANGO_DEBUG"] = "1"
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Couldn't import Django. Are you sure it's installed and "
            "available on your PYTHONPATH environment variable? Did you "
            "forget to activate a virtual environment?"
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
