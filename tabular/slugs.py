"""Slugs for imported rows, which carry none: the Russian name in Latin letters, made unique."""

from collections import Counter

from django.db.models import Q
from django.utils.text import slugify

CHUNK = 500  # values per query: far below every database's limit of parameters

RU_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "і": "i", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u",
        "ү": "u", "һ": "h",
    }
)  # fmt: skip


def transliterate(text: str) -> str:
    return slugify(str(text).lower().translate(RU_TO_LATIN))


def _base(model, text: str, field: str) -> str:
    max_length = model._meta.get_field(field).max_length
    return transliterate(text)[: max_length - 6].strip("-") or model._meta.model_name


def unique_slug(model, text: str, *, field: str = "slug") -> str:
    """`text` transliterated, cut to the field's length, with «-2», «-3»… when a row already has it."""
    base = _base(model, text, field)
    slug, n = base, 1
    while model._default_manager.filter(**{field: slug}).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _stored(manager, field: str, slugs) -> set[str]:
    """Which of `slugs` rows already have, a chunk of them per query."""
    slugs, found = sorted(slugs), set()
    for start in range(0, len(slugs), CHUNK):
        found.update(manager.filter(**{f"{field}__in": slugs[start : start + CHUNK]}).values_list(field, flat=True))
    return found


def _numbered(bases: list[str], taken: set[str]) -> list[str]:
    slugs, used = [], set(taken)
    for base in bases:
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        slugs.append(slug)
    return slugs


def unique_slugs(model, texts: list[str], *, field: str = "slug") -> list[str]:
    """`unique_slug()` for many rows at once, as a file's rows need them: unique among the rows stored and among
    each other, in a few queries whatever their number: the bases taken, the numbered forms of the bases that
    need one («-2», «-3»…), then a last look that none of the slugs chosen is taken after all."""
    manager = model._default_manager
    bases = [_base(model, text, field) for text in texts]
    taken = _stored(manager, field, set(bases))
    counts = Counter(bases)
    repeated = sorted(base for base in counts if base in taken or counts[base] > 1)
    for start in range(0, len(repeated), CHUNK):
        condition = Q()
        for base in repeated[start : start + CHUNK]:
            condition |= Q(**{f"{field}__startswith": f"{base}-"})
        taken.update(manager.filter(condition).values_list(field, flat=True))
    checked = set(bases)
    while True:
        slugs = _numbered(bases, taken)
        unchecked = set(slugs) - checked - taken
        if not unchecked:
            return slugs
        checked |= unchecked
        found = _stored(manager, field, unchecked)
        if not found:
            return slugs
        taken |= found
