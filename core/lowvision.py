"""Low-vision mode («версия для слабовидящих»): the allowed settings, read from cookies.

Every choice is a cookie; the page applies it only through classes on <html>, so it works
without JavaScript and under a strict Content-Security-Policy.
"""

from django.utils.translation import gettext_lazy as _

COOKIE_PREFIX = "lv_"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60

# setting → (default, ordered choices with their Russian labels)
SETTINGS = {
    "font": (
        "normal",
        [("normal", _("обычный")), ("large", _("крупный")), ("xlarge", _("очень крупный"))],
    ),
    "scheme": (
        "default",
        [
            ("default", _("как на сайте")),
            ("bw", _("чёрным по белому")),
            ("wb", _("белым по чёрному")),
            ("blue", _("тёмно-синим по голубому")),
        ],
    ),
    "images": ("on", [("on", _("показывать")), ("off", _("скрыть"))]),
    "spacing": ("normal", [("normal", _("обычный")), ("wide", _("увеличенный"))]),
}

LABELS = {
    "font": _("Размер шрифта"),
    "scheme": _("Цветовая схема"),
    "images": _("Изображения"),
    "spacing": _("Межбуквенный интервал"),
}

# Turning the mode on from the header gives readable defaults that the reader can then adjust.
PRESET = {"font": "large", "scheme": "bw", "images": "on", "spacing": "normal"}


def allowed(setting: str) -> set[str]:
    return {value for value, _label in SETTINGS[setting][1]}


def read(cookies) -> dict:
    """Each setting from its cookie, or its default when the cookie is missing or not on the whitelist."""
    values = {}
    for setting, (default, _choices) in SETTINGS.items():
        value = cookies.get(COOKIE_PREFIX + setting, default)
        values[setting] = value if value in allowed(setting) else default
    return values


def is_active(values: dict) -> bool:
    return any(values[setting] != default for setting, (default, _c) in SETTINGS.items())


def html_classes(values: dict) -> str:
    if not is_active(values):
        return ""
    classes = ["lv"]
    for setting, (default, _choices) in SETTINGS.items():
        if values[setting] != default:
            classes.append(f"lv-{setting}-{values[setting]}")
    return " ".join(classes)


def option_groups(values: dict) -> list[dict]:
    """Each setting with its options and which one is chosen, for the panel and the settings page."""
    return [
        {
            "setting": setting,
            "label": LABELS[setting],
            "options": [
                {"value": value, "label": label, "current": values[setting] == value} for value, label in choices
            ],
        }
        for setting, (_default, choices) in SETTINGS.items()
    ]
