"""The admin in grammatical Russian: each model's noun in the cases the admin's phrases need.

Django's Russian translation pastes a model's `verbose_name` (a nominative) into every phrase: «Добавить
библиотека», «Библиотека … был успешно добавлен», «10 соглашения». `NOUNS` gives each admin model, keyed
"app_label.model_name", the forms those phrases need: the accusative («Добавить библиотеку»), the counting
forms for 1 / 2 / 5 («соглашение, соглашения, соглашений»), the gender («добавлена», «добавлено») and
whether it names people («удалить выбранных гостей»). Each app declares its own models' nouns in its admin.py
(`declare_nouns`); Django's and django-axes' are here. `RussianAdminMixin`, part of every ModelAdmin
(`adminkit.site.CoopnetModelAdmin`), says the admin's titles, buttons, messages and counts with them; the
templates it feeds are under templates/admin/. Django's own messages are recognised by its msgids and said again
(`message_user`). A model missing from `NOUNS` keeps Django's wording; tests/admin_russian goes over the admin
registry and every inline, so none is missing.
"""

import json
import re
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import model_ngettext
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.forms.renderers import TemplatesSetting
from django.template.response import TemplateResponse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.people import by_gender
from core.templatetags.coopnet import ru_plural_form

MASCULINE, FEMININE, NEUTER = "m", "f", "n"


@dataclass(frozen=True)
class Noun:
    nominative: str  # «библиотека», the model's verbose_name
    accusative: str  # «библиотеку»: добавить, изменить, удалить, выберите …
    counted: tuple[str, str, str]  # after 1, 2, 5: «библиотека», «библиотеки», «библиотек»
    gender: str  # MASCULINE, FEMININE or NEUTER: «добавлен», «добавлена», «добавлено»
    animate: bool = False  # people: «удалить выбранных гостей», «ещё одного куратора»

    def count(self, number: int) -> str:
        """«1 библиотека», «3 библиотеки», «10 библиотек»."""
        return f"{number} {ru_plural_form(number, *self.counted)}"

    @property
    def selected(self) -> str:
        """«выбранную библиотеку», «выбранного гостя», «выбранный вход», «выбранное соглашение»."""
        if self.gender == FEMININE:
            chosen = _("выбранную")
        elif self.gender == NEUTER:
            chosen = _("выбранное")
        else:
            chosen = _("выбранного") if self.animate else _("выбранный")
        return f"{chosen} {self.accusative}"

    @property
    def one_more(self) -> str:
        """«ещё одну библиотеку», «ещё одного куратора», «ещё одно соглашение»."""
        if self.gender == FEMININE:
            one = _("одну")
        elif self.gender == NEUTER:
            one = _("одно")
        else:
            one = _("одного") if self.animate else _("один")
        return gettext("ещё %(one)s %(noun)s") % {"one": one, "noun": self.accusative}


def noun(nominative, accusative, one, few, many, gender, animate=False) -> Noun:
    return Noun(nominative, accusative, (one, few, many), gender, animate)


# Django's and django-axes' models; each app of coopnet declares its own models' nouns in its admin.py
# (`declare_nouns`), so this base module names none of them.
NOUNS: dict[str, Noun] = {
    "auth.user": noun(
        _("пользователь"), _("пользователя"), _("пользователь"), _("пользователя"), _("пользователей"), MASCULINE, True
    ),
    "auth.group": noun(_("группа"), _("группу"), _("группа"), _("группы"), _("групп"), FEMININE),
    # django-axes: its model names as locale/ru words them.
    "axes.accessattempt": noun(
        _("попытка входа"), _("попытку входа"), _("попытка входа"), _("попытки входа"), _("попыток входа"), FEMININE
    ),
    "axes.accessfailurelog": noun(
        _("неудачный вход"),
        _("неудачный вход"),
        _("неудачный вход"),
        _("неудачных входа"),
        _("неудачных входов"),
        MASCULINE,
    ),
    "axes.accesslog": noun(
        _("запись журнала входов"),
        _("запись журнала входов"),
        _("запись журнала входов"),
        _("записи журнала входов"),
        _("записей журнала входов"),
        FEMININE,
    ),
}


def declare_nouns(nouns: dict[str, Noun]) -> None:
    """An app's admin module says its models' nouns, keyed "app_label.model_name"."""
    NOUNS.update(nouns)


def noun_for(model) -> Noun | None:
    return NOUNS.get(model._meta.label_lower)


# What happened to one object, by the noun's gender: «Библиотека «…» добавлена.»
DONE = {
    "added": {
        MASCULINE: _("{name} «{obj}» добавлен."),
        FEMININE: _("{name} «{obj}» добавлена."),
        NEUTER: _("{name} «{obj}» добавлено."),
    },
    "changed": {
        MASCULINE: _("{name} «{obj}» изменён."),
        FEMININE: _("{name} «{obj}» изменена."),
        NEUTER: _("{name} «{obj}» изменено."),
    },
    "deleted": {
        MASCULINE: _("{name} «{obj}» удалён."),
        FEMININE: _("{name} «{obj}» удалена."),
        NEUTER: _("{name} «{obj}» удалено."),
    },
    "missing": {
        MASCULINE: _("{name} с ID «{obj}» не найден: возможно, он уже удалён."),
        FEMININE: _("{name} с ID «{obj}» не найдена: возможно, она уже удалена."),
        NEUTER: _("{name} с ID «{obj}» не найдено: возможно, оно уже удалено."),
    },
}
EDIT_AGAIN = _("Ниже можно продолжить редактирование.")
ADD_ANOTHER = _("Ниже можно добавить {one_more}.")

# What happened to several objects: «Удалена 1 библиотека», «Удалены 3 библиотеки», «Удалено 5 библиотек».
DONE_COUNTED = {
    "deleted": {
        MASCULINE: _("Удалён {count}."),
        FEMININE: _("Удалена {count}."),
        NEUTER: _("Удалено {count}."),
        "few": _("Удалены {count}."),
        "many": _("Удалено {count}."),
    },
    "changed": {
        MASCULINE: _("Изменён {count}."),
        FEMININE: _("Изменена {count}."),
        NEUTER: _("Изменено {count}."),
        "few": _("Изменены {count}."),
        "many": _("Изменено {count}."),
    },
}


# The delete pages' sentences, by the noun's gender: what goes with the record, and why it cannot go.
DELETE_CONFIRM = {
    MASCULINE: _(
        "Вы уверены, что хотите удалить {noun} «{obj}»? Вместе с ним будут удалены и записи, которые от него зависят."
    ),
    FEMININE: _(
        "Вы уверены, что хотите удалить {noun} «{obj}»? Вместе с ней будут удалены и записи, которые от неё зависят."
    ),
    NEUTER: _(
        "Вы уверены, что хотите удалить {noun} «{obj}»? Вместе с ним будут удалены и записи, которые от него зависят."
    ),
}
DELETE_CONFIRM_ALONE = _("Вы уверены, что хотите удалить {noun} «{obj}»?")
DELETE_PROTECTED = {
    MASCULINE: _("{noun} «{obj}» нельзя удалить: от него зависят записи ниже."),
    FEMININE: _("{noun} «{obj}» нельзя удалить: от неё зависят записи ниже."),
    NEUTER: _("{noun} «{obj}» нельзя удалить: от него зависят записи ниже."),
}
DELETE_FORBIDDEN = {
    MASCULINE: _(
        "{noun} «{obj}» нельзя удалить: вместе с ним пришлось бы удалить записи, которые от него зависят, а удалять "
        "записи этих видов вашей учётной записи не разрешено:"
    ),
    FEMININE: _(
        "{noun} «{obj}» нельзя удалить: вместе с ней пришлось бы удалить записи, которые от неё зависят, а удалять "
        "записи этих видов вашей учётной записи не разрешено:"
    ),
    NEUTER: _(
        "{noun} «{obj}» нельзя удалить: вместе с ним пришлось бы удалить записи, которые от него зависят, а удалять "
        "записи этих видов вашей учётной записи не разрешено:"
    ),
}
SELECTED_CONFIRM = _("Выбрано для удаления: {count}. Вместе с ними будут удалены и записи, которые от них зависят.")
SELECTED_CONFIRM_ALONE = _("Выбрано для удаления: {count}.")
SELECTED_PROTECTED = _("Выбрано для удаления: {count}. Удалить их нельзя: от них зависят записи ниже.")
SELECTED_FORBIDDEN = _(
    "Выбрано для удаления: {count}. Удалить их нельзя: вместе с ними пришлось бы удалить записи, которые от них "
    "зависят, а удалять записи этих видов вашей учётной записи не разрешено:"
)


def sure(user) -> str:
    """The delete button, addressing the user: «Да, я уверен», «Да, я уверена», or «Да, удалить»."""
    return str(by_gender(user, male=_("Да, я уверен"), female=_("Да, я уверена"), unknown=_("Да, удалить")))


def _noun_by_plural() -> dict[str, Noun]:
    from django.apps import apps

    return {str(apps.get_model(label)._meta.verbose_name_plural): noun_ for label, noun_ in NOUNS.items()}


def counted_summary(model_count) -> list[str]:
    """What a delete takes with it, counted with each noun's forms: «1 мероприятие», «3 участия библиотек»."""
    nouns = _noun_by_plural()
    summary = []
    for name, number in model_count:
        noun_ = nouns.get(str(name))
        summary.append(noun_.count(number) if noun_ is not None else f"{capfirst(name)}: {number}")
    return summary


def _through_labels() -> tuple[set[str], set[str]]:
    """The names of the tables Django keeps for many-to-many fields (an agreement's directions, a group's
    permissions): as a delete page would list their rows («Связь group-permission: …»), and as it counts them."""
    from django.apps import apps

    rows, counts = set(), set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.auto_created:
            rows.add(f"{capfirst(model._meta.verbose_name)}:")
            counts.add(str(model._meta.verbose_name_plural))
    return rows, counts


def _without_through_rows(items, prefixes: set[str]) -> list:
    kept = []
    for item in items:
        if isinstance(item, list):
            inner = _without_through_rows(item, prefixes)
            if inner:
                kept.append(inner)
        elif not str(item).startswith(tuple(prefixes)):
            kept.append(item)
    return kept


def counted_message(noun_: Noun, what: str, number: int) -> str:
    forms = DONE_COUNTED[what]
    template = ru_plural_form(number, forms[noun_.gender], forms["few"], forms["many"])
    return str(template).format(count=noun_.count(number))


# Django's messages about one object (the msgids it joins with a space), with what each says in Russian:
# what happened, and what follows.
ADDED = "The {name} “{obj}” was added successfully."
CHANGED = "The {name} “{obj}” was changed successfully."
DJANGO_OBJECT_MESSAGES = [
    ((ADDED, "You may edit it again below."), "added", EDIT_AGAIN),
    (("The {name} “{obj}” was added successfully. You may add another {name} below.",), "added", ADD_ANOTHER),
    (("The {name} “{obj}” was changed successfully. You may edit it again below.",), "changed", EDIT_AGAIN),
    (("The {name} “{obj}” was changed successfully. You may add another {name} below.",), "changed", ADD_ANOTHER),
    ((ADDED,), "added", None),
    ((CHANGED,), "changed", None),
    (("The %(name)s “%(obj)s” was deleted successfully.",), "deleted", None),
    (("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?",), "missing", None),
]


def _object_message_pattern(msgids: tuple[str, ...], name: str) -> re.Pattern:
    """Django's translated message as a pattern: its name part fixed, its object part captured."""
    text = " ".join(gettext(msgid) for msgid in msgids).replace("%(name)s", "{name}")
    text = text.replace("%(obj)s", "{obj}").replace("%(key)s", "{obj}")
    head, _sep, tail = (re.escape(part).replace(r"\{name\}", re.escape(name)) for part in text.partition("{obj}"))
    return re.compile(f"{head}(?P<obj>.*){tail}", re.DOTALL)


def russian_object_message(noun_: Noun, verbose_name: str, message) -> str | None:
    """Django's message about one object («Библиотека "…" был успешно добавлен.») in Russian, or None."""
    safe = isinstance(message, SafeData)
    name = str(conditional_escape(verbose_name)) if safe else str(verbose_name)
    for msgids, what, then in DJANGO_OBJECT_MESSAGES:
        match = _object_message_pattern(msgids, name).fullmatch(str(message))
        if match is None:
            continue
        text = str(DONE[what][noun_.gender]) + (f" {then}" if then is not None else "")
        params = {"name": capfirst(noun_.nominative), "one_more": noun_.one_more}
        if safe:  # the object part is Django's escaped HTML (a link to the object)
            # Safe: escaped HTML.
            return format_html(text, obj=mark_safe(match["obj"]), **params)  # nosec
        return text.format(obj=match["obj"], **params)
    return None


def russian_counted_message(noun_: Noun, opts, message) -> str | None:
    """Django's messages about several objects (bulk delete, list editing), said in Russian, or None."""
    text = str(message)
    for number in {int(n) for n in re.findall(r"\d+", text)}:
        items = model_ngettext(opts, number)
        deleted = gettext("Successfully deleted %(count)d %(items)s.") % {"count": number, "items": items}
        if text == deleted:
            return counted_message(noun_, "deleted", number)
        changed = ngettext(
            "%(count)s %(name)s was changed successfully.", "%(count)s %(name)s were changed successfully.", number
        ) % {"count": number, "name": items}
        if text == changed:
            return counted_message(noun_, "changed", number)
    return None


def _russian_inline_formset_data(inline_admin_formset, noun_: Noun):
    """The inline's data for Django's inlines.js, with «Добавить ещё контактное лицо» as its add link."""
    original = type(inline_admin_formset).inline_formset_data

    def inline_formset_data():
        data = json.loads(original(inline_admin_formset))
        data["options"]["addText"] = gettext("Добавить ещё %s") % noun_.accusative
        return json.dumps(data)

    return inline_formset_data


class RussianRelatedFieldWidgetWrapper(RelatedFieldWidgetWrapper):
    """The icons beside a related field, titled with the related model's noun: «Изменить выбранную библиотеку»,
    «Добавить ещё одну библиотеку» (Django's Russian leaves «…выбранный объект типа » with the type missing).
    Rendered by the site's own template engine, so templates/admin/widgets/related_widget_wrapper.html is read."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        noun_ = noun_for(self.rel.model)
        if noun_ is not None:
            context["titles"] = {
                "change": gettext("Изменить %s") % noun_.selected,
                "add": gettext("Добавить %s") % noun_.one_more,
                "delete": gettext("Удалить %s") % noun_.selected,
                "view": gettext("Просмотреть %s") % noun_.selected,
            }
        return context

    def render(self, name, value, attrs=None, renderer=None):
        return super().render(name, value, attrs, renderer=TemplatesSetting())


def russian_related_links(formfield):
    """The form field, its related-object icons titled in Russian."""
    widget = getattr(formfield, "widget", None)
    if type(widget) is RelatedFieldWidgetWrapper:
        widget.__class__ = RussianRelatedFieldWidgetWrapper
    return formfield


def _with_russian_related_links(formfield_for_dbfield):
    def wrapped(db_field, request, **kwargs):
        return russian_related_links(formfield_for_dbfield(db_field, request, **kwargs))

    return wrapped


class RussianAdminMixin:
    """Titles, buttons, messages and counts of a model's admin pages with the model's Russian forms."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return russian_related_links(super().formfield_for_dbfield(db_field, request, **kwargs))

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            inline.formfield_for_dbfield = _with_russian_related_links(inline.formfield_for_dbfield)
        return inlines

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        noun_ = noun_for(self.model)
        if noun_ is not None:
            if add:
                title = gettext("Добавить %s")
            elif self.has_change_permission(request, obj):
                title = gettext("Изменить %s")
            else:
                title = gettext("Просмотреть %s")
            context["title"] = title % noun_.accusative
            # Read by templates/admin/submit_line.html: «Сохранить и добавить ещё одну библиотеку».
            context["add_another_label"] = gettext("Сохранить и добавить %s") % noun_.one_more
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def get_deleted_objects(self, objs, request):
        """What a delete takes with it, without the rows of Django's many-to-many tables («Связь
        group-permission: Group_permissions object (99)»): they are links, not records anyone entered."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        rows, through_counts = _through_labels()
        deleted = _without_through_rows(deleted, rows)
        counts = {name: number for name, number in counts.items() if str(name) not in through_counts}
        return deleted, counts, perms_needed, protected

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        noun_ = noun_for(self.model)
        if noun_ is not None:
            if changelist.is_popup:
                title = gettext("Выберите %s")
            elif self.has_change_permission(request):
                title = gettext("Выберите %s для изменения")
            else:
                title = gettext("Выберите %s для просмотра")
            changelist.title = title % noun_.accusative
            # Read by templates/admin/change_list_object_tools.html and pagination.html.
            changelist.add_label = gettext("Добавить %s") % noun_.accusative
            changelist.result_count_label = noun_.count(changelist.result_count)
        return changelist

    def render_delete_form(self, request, context):
        response = super().render_delete_form(request, context)
        noun_ = noun_for(self.model)
        if noun_ is not None and isinstance(response, TemplateResponse) and response.context_data is not None:
            page = response.context_data
            # The delete page's templates say «удалить {{ object_name }}».
            page["object_name"] = noun_.accusative
            blocked = page.get("perms_lacking") or page.get("protected")
            page["title"] = (gettext("Нельзя удалить %s") if blocked else gettext("Удалить %s?")) % noun_.accusative
            # Read by templates/admin/delete_confirmation.html.
            words = {"noun": noun_.accusative, "obj": page.get("object")}
            summary = counted_summary(page.get("model_count") or [])
            alone = sum(number for _name, number in (page.get("model_count") or [])) <= 1
            confirm = DELETE_CONFIRM_ALONE if alone else DELETE_CONFIRM[noun_.gender]
            page["delete_sentences"] = {
                "confirm": format_html(str(confirm), **words),
                "protected": format_html(
                    str(DELETE_PROTECTED[noun_.gender]), **{**words, "noun": capfirst(noun_.nominative)}
                ),
                "forbidden": format_html(
                    str(DELETE_FORBIDDEN[noun_.gender]), **{**words, "noun": capfirst(noun_.nominative)}
                ),
            }
            page["delete_summary"] = summary
        if isinstance(response, TemplateResponse) and response.context_data is not None:
            response.context_data["sure"] = sure(request.user)
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        noun_ = noun_for(self.model)
        if noun_ is not None and "delete_selected" in actions:
            func, name, _description = actions["delete_selected"]
            # «Удалить выбранных гостей»; an inanimate accusative plural is its nominative: «… выбранные библиотеки».
            description = gettext("Удалить %s") % selected_plural(noun_, self.opts)
            actions["delete_selected"] = (_counting_selected(func, noun_), name, description.replace("%", "%%"))
        return actions

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_admin_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_admin_formset in inline_admin_formsets:
            inline = inline_admin_formset.opts
            noun_ = noun_for(inline.model)
            # An inline that names its rows itself keeps its own words.
            if noun_ is not None and str(inline.verbose_name) == str(inline.model._meta.verbose_name):
                inline_admin_formset.inline_formset_data = _russian_inline_formset_data(inline_admin_formset, noun_)
        return inline_admin_formsets

    def message_user(self, request, message, level=messages.INFO, extra_tags="", fail_silently=False):
        noun_ = noun_for(self.model)
        if noun_ is not None and level in {messages.SUCCESS, messages.WARNING}:
            message = (
                russian_object_message(noun_, self.opts.verbose_name, message)
                or russian_counted_message(noun_, self.opts, message)
                or message
            )
        return super().message_user(request, message, level, extra_tags, fail_silently)


def selected_plural(noun_: Noun, opts) -> str:
    """«выбранные библиотеки», «выбранных гостей»: the accusative plural, which is the genitive for people."""
    if noun_.animate:
        return gettext("выбранных %s") % noun_.counted[2]
    return gettext("выбранные %s") % opts.verbose_name_plural


def _counting_selected(action, noun_: Noun):
    """The bulk delete action, whose confirmation page counts what was selected: «3 библиотеки»."""

    def delete_selected(modeladmin, request, queryset):
        response = action(modeladmin, request, queryset)
        if isinstance(response, TemplateResponse) and response.context_data is not None:
            # Read by templates/admin/delete_selected_confirmation.html.
            page = response.context_data
            count = noun_.count(len(queryset))
            page["objects_count"] = count
            blocked = page.get("perms_lacking") or page.get("protected")
            page["title"] = (gettext("Нельзя удалить %s") if blocked else gettext("Удалить %s?")) % selected_plural(
                noun_, modeladmin.opts
            )
            model_count = list(dict(page.get("model_count") or []).items())
            alone = sum(number for _name, number in model_count) <= len(queryset)
            page["delete_sentences"] = {
                "confirm": (SELECTED_CONFIRM_ALONE if alone else SELECTED_CONFIRM).format(count=count),
                "protected": SELECTED_PROTECTED.format(count=count),
                "forbidden": SELECTED_FORBIDDEN.format(count=count),
            }
            page["delete_summary"] = counted_summary(model_count)
            page["sure"] = sure(request.user)
        return response

    delete_selected.__name__ = getattr(action, "__name__", "delete_selected")
    return delete_selected
