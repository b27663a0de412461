"""One spelling of ё: the site's own words (templates, translations, Python strings, help texts, the demo data)
never write a word with е where Russian has ё («молодежи» beside «молодёжи» on one page)."""

import re
import subprocess
from pathlib import Path

from django.conf import settings

from .language import YO_WORDS

WORD = re.compile(rf"\b(?:{YO_WORDS})\b", re.IGNORECASE)
# Where the site's words live; the tests and Django's own msgids quoted to be recognised are not its words.
SOURCES = (".py", ".html", ".txt", ".po", ".js", ".json")
NOT_WORDS = {"tests/admin_russian/walk.py", "tests/admin_russian/language.py"}


def tracked_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout.split()
    return [
        settings.BASE_DIR / name
        for name in listed
        if name.endswith(SOURCES) and not name.startswith(("tests/", "bench/")) and name not in NOT_WORDS
    ]


def test_no_word_is_written_without_its_yo():
    found = []
    for path in tracked_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if "CLDR's own spelling" in line:  # a third party's word, quoted to be replaced
                continue
            found += [f"{path.relative_to(settings.BASE_DIR)}:{number}: {m.group(0)}" for m in WORD.finditer(line)]
    assert not found, "\n".join(found)
