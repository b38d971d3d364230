"""Translations in templates: the request's catalog is found once per request, not once per string.

Flask-Babel looks the locale and the catalog up again for every string it translates, and Jinja's i18n
extension then wraps and formats each result; a page prints a hundred strings. Here the catalog found first
is kept beside Flask-Babel's own per-request state, with the locale it belongs to (so `refresh()` and
`force_locale()`, used for e-mails in the recipient's language, still take effect at once), and a string
without variables is escaped and formatted once per catalog.
"""

from functools import lru_cache

from babel import Locale
from flask import Flask, g, has_app_context
from flask_babel import get_locale, get_translations
from jinja2 import pass_context
from markupsafe import Markup


def babel_state():
    """Flask-Babel's per-request state (a namespace it keeps on `g`), or None before it has one. Read through
    one look-up of `g`: each attribute read through the `g` proxy costs as much as the rest of a label."""
    return g._get_current_object().__dict__.get("_flask_babel") if has_app_context() else None


def _kept_for_locale(key: str, compute):
    """`compute()`, kept on Flask-Babel's per-request state together with the locale it was computed for, and
    computed again once that locale changes (or outside a request)."""
    state = babel_state()
    if state is not None:
        kept = state.__dict__.get(key)
        if kept is not None and kept[0] is state.__dict__.get("babel_locale"):
            return kept[1]
    value = compute()
    state = babel_state()
    locale = state.__dict__.get("babel_locale") if state is not None else None
    if locale is not None:
        setattr(state, key, (locale, value))
    return value


def current_translations():
    """The message catalog of the current locale (Flask-Babel's, looked up once per locale and request)."""
    return _kept_for_locale("legalnet_catalog", get_translations)


def current_locale_name() -> str:
    """The current locale's identifier ("en", "zh_Hant"), "en" outside a request; looked up once per request."""
    return _kept_for_locale("legalnet_locale_name", lambda: str(get_locale() or "en"))


def label_text(labels: dict, key) -> str:
    """The translated text of `labels[key]`, a lazy label of a module-level table (a status, an urgency), in
    the current language. Turning a lazy string into text looks the locale and the catalog up again each time;
    the text of each label is kept with the catalog, once per process and language."""
    translations = current_translations()
    done = translations.__dict__.setdefault("legalnet_labels", {})
    slot = (id(labels), key)
    try:
        return done[slot]
    except KeyError:
        done[slot] = str(labels[key])
        return done[slot]


@lru_cache(maxsize=32)
def babel_locale(name: str) -> Locale:
    """The Babel locale of an identifier, parsed once per process (Babel parses a string on every call)."""
    return Locale.parse(name)


def current_babel_locale() -> Locale:
    """The current locale as a Babel object, for Babel's formatting functions."""
    return babel_locale(current_locale_name())


def _finish(context, text: str, variables: dict):
    # As Jinja's "newstyle" gettext does: escape the translation, then always format it (so "%%" is "%").
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


def _escaped(translations, string: str) -> Markup:
    # The same string in the same catalog always gives the same markup: it is escaped once per catalog.
    done = translations.__dict__.setdefault("legalnet_markup", {})
    try:
        return done[string]
    except KeyError:
        done[string] = Markup(translations.ugettext(string)) % {}
        return done[string]


@pass_context
def template_gettext(context, string: str, **variables):
    """`_()` and `gettext()` in templates."""
    translations = current_translations()
    if variables or not context.eval_ctx.autoescape:
        return _finish(context, translations.ugettext(string), variables)
    return _escaped(translations, string)


@pass_context
def template_ngettext(context, singular: str, plural: str, num: int, **variables):
    """`ngettext()` in templates; `num` is available to the string as %(num)d."""
    variables.setdefault("num", num)
    return _finish(context, current_translations().ungettext(singular, plural, num), variables)


@pass_context
def template_pgettext(context, message_context: str, string: str, **variables):
    """`pgettext()` in templates."""
    variables.setdefault("context", message_context)
    return _finish(context, current_translations().upgettext(message_context, string), variables)


def render_gettext():
    """`_()` for one rendered page (the app's templates all escape): the catalog is looked up once, when the
    page starts to render, instead of at every string."""
    translations = current_translations()

    def gettext(string: str, **variables):
        if variables:
            return Markup(translations.ugettext(string)) % variables
        return _escaped(translations, string)

    return gettext


def install_template_gettext(app: Flask) -> None:
    """Let templates' `_`, `gettext`, `ngettext` and `pgettext` use the per-request catalog."""
    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext, ngettext=template_ngettext,
                                 pgettext=template_pgettext)

    @app.context_processor
    def bind_gettext():
        # Templates see this `_` directly; macros imported without the context use the global one.
        gettext = render_gettext()
        return {"_": gettext, "gettext": gettext}
