"""How the site addresses a person: in the masculine, the feminine, or without a gender.

Russian says «Да, я уверен» to a man and «Да, я уверена» to a woman. A user's form of address is kept on their
profile (`core.models.Profile.gender`, set in the admin on the user's page); when it is not known the site says
what needs no gender («Да, удалить»). `guess_gender` reads it from a Russian or Kazakh full name, for accounts made
from a contact's «ФИО» (a partner's invitation) and for the accounts that existed before profiles did.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    UNKNOWN = "", _("не указано")
    FEMALE = "f", _("в женском роде")
    MALE = "m", _("в мужском роде")


# A patronymic says it surely: «Ивановна», «Ильинична», «Нурлановна», «Асанқызы» / «Иванович», «Асанұлы».
FEMALE_PATRONYMIC = re.compile(r"(вна|чна|кызы|қызы)$")
MALE_PATRONYMIC = re.compile(r"(вич|ич|улы|ұлы|оглы|уулу)$")
# Then a surname: «Иванова», «Ильина», «Крупская» / «Иванов», «Ильин», «Крупский».
FEMALE_SURNAME = re.compile(r"(ова|ева|ёва|ина|ына|ская|цкая|ая)$")
MALE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ой|ый|ий)$")
# Then a first name: most women's end in -а or -я; these men's do too.
MEN_IN_A = {"никита", "илья", "фома", "кузьма", "лука", "савва", "данила", "гаврила", "миша", "саша", "женя", "валя"}


def guess_gender(*names: str) -> str:
    """The form of address a person's name suggests (`Gender`), or "" when it does not say: from a patronymic,
    else a surname (the first or the last word), else the first name. Read only from Cyrillic words that begin
    with a capital, two or three of them — «Методист библиотеки» is no one's name."""
    words = [word for name in names for word in re.findall(r"[А-ЯЁҚҰ][а-яёқұ]+(?:-[А-ЯЁҚҰ][а-яёқұ]+)?", name or "")]
    text = " ".join(name or "" for name in names).strip()
    if not 1 <= len(words) <= 3 or len(" ".join(words)) < len(re.sub(r"[\s.]+", " ", text)) - 4:
        return Gender.UNKNOWN
    lowered = [word.lower() for word in words]
    for word in lowered:
        if len(word) > 4 and FEMALE_PATRONYMIC.search(word):
            return Gender.FEMALE
        if len(word) > 4 and MALE_PATRONYMIC.search(word):
            return Gender.MALE
    for word in {lowered[0], lowered[-1]}:
        if len(word) > 4 and FEMALE_SURNAME.search(word):
            return Gender.FEMALE
    for word in {lowered[0], lowered[-1]}:
        if len(word) > 3 and MALE_SURNAME.search(word):
            return Gender.MALE
    first = lowered[0]
    if first[-1] in "ая" and first not in MEN_IN_A:
        return Gender.FEMALE
    if len(words) > 1:
        return Gender.MALE
    return Gender.UNKNOWN


def gender_of(user) -> str:
    """The form of address of a user (`Gender`): their profile's, "" when none is set."""
    profile = getattr(user, "profile", None) if getattr(user, "pk", None) else None
    return profile.gender if profile is not None else Gender.UNKNOWN


def by_gender(user, *, male, female, unknown):
    """The phrase of the three that addresses this user."""
    return {Gender.MALE: male, Gender.FEMALE: female}.get(gender_of(user), unknown)
