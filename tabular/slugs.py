"""Slugs for imported rows, which carry none: the Russian name in Latin letters, made unique."""

from django.utils.text import slugify

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


def unique_slug(model, text: str, *, field: str = "slug") -> str:
    """`text` transliterated, cut to the field's length, with «-2», «-3»… when a row already has it."""
    max_length = model._meta.get_field(field).max_length
    base = transliterate(text)[: max_length - 6].strip("-") or model._meta.model_name
    slug, n = base, 1
    while model._default_manager.filter(**{field: slug}).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
