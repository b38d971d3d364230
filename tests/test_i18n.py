"""The Chinese interface: both catalogs translate every message of messages.pot with its placeholders intact,
and switching the language through the real form turns the pages into Simplified or Traditional Chinese and
remembers the choice on the account.

The module compiles the catalogs itself when it is imported, so it does not depend on `make translations`."""

import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask_babel import force_locale

from legalnet.accounts.models import Role
from legalnet.core.i18n import label_text
from legalnet.extensions import db as _db
from legalnet.intake.models import RequestStatus
from legalnet.referrals.states import REQUEST_STATUS_LABELS
from tests.conftest import Auth, submit

TRANSLATIONS = Path(__file__).resolve().parent.parent / "legalnet" / "translations"
LOCALES = ["zh_Hans", "zh_Hant"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def read_catalog(path: Path, locale: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def compile_catalogs() -> None:
    """Compile each .po next to itself, as `pybabel compile` would."""
    for locale in LOCALES:
        folder = TRANSLATIONS / locale / "LC_MESSAGES"
        catalog = read_catalog(folder / "messages.po", locale)
        with (folder / "messages.mo").open("wb") as handle:
            write_mo(handle, catalog)


compile_catalogs()


def template_ids() -> list:
    return [message.id for message in read_catalog(TRANSLATIONS / "messages.pot") if message.id]


def translations(locale: str) -> dict:
    catalog = read_catalog(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po", locale)
    return {message.id: message for message in catalog if message.id}


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def strings_of(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


# --- the catalogs ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_header_declares_one_plural_form(locale):
    catalog = read_catalog(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po", locale)
    assert catalog.plural_forms == "nplurals=1; plural=0;"
    assert str(catalog.locale) == locale


@pytest.mark.parametrize("locale", LOCALES)
def test_every_template_message_is_translated(locale):
    catalog = translations(locale)
    ids = template_ids()
    assert len(ids) > 600
    untranslated = [message_id for message_id in ids
                    if message_id not in catalog
                    or not all(s.strip() for s in strings_of(catalog[message_id]))]
    fuzzy = [message_id for message_id in ids if message_id in catalog and catalog[message_id].fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated in {locale}, e.g. {untranslated[:5]}"
    assert not fuzzy, f"fuzzy entries in {locale}: {fuzzy[:5]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_survive_translation(locale):
    wrong = []
    for message in translations(locale).values():
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        for source in ids:
            for target in strings_of(message):
                if placeholders(source) != placeholders(target):
                    wrong.append((source, target))
    assert not wrong, f"placeholders differ in {locale}: {wrong[:5]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_leading_and_trailing_whitespace_is_kept(locale):
    wrong = []
    for message in translations(locale).values():
        source = message.id if isinstance(message.id, str) else message.id[0]
        for target in strings_of(message):
            if (source[:1].isspace(), source[-1:].isspace(), source.endswith("\n")) != \
                    (target[:1].isspace(), target[-1:].isspace(), target.endswith("\n")):
                wrong.append((source, target))
    assert not wrong, wrong[:5]


# --- the pages -------------------------------------------------------------------------------------------------

def choose_language(client, locale: str, next_url: str = "/"):
    """Switch the language with the header's form, as a visitor does."""
    response = submit(client, "/language", {"locale": locale, "next": next_url}, form_url=next_url)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(next_url)
    return response


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def assert_translated(html: str, present: list[str], absent: list[str]) -> None:
    for text in present:
        assert text in html, f"missing {text!r}"
    for text in absent:
        assert text not in html, f"untranslated {text!r}"


def test_pages_in_english_by_default(client):
    assert_translated(page(client, "/"), ["Find the right lawyer across the Greater Bay Area and ASEAN",
                                          "Register your company"], ["注册企业账户", "註冊企業帳戶"])


def test_simplified_chinese_for_visitor_and_client(client, auth):
    choose_language(client, "zh_Hans")

    home = page(client, "/")
    assert_translated(home,
                      ["在粤港澳大湾区与东盟各地找到合适的律师", "注册企业账户", "描述您的事项"],
                      ["Find the right lawyer", "Register your company", "Describe your matter", "How it works"])

    sign_in = page(client, "/sign-in")
    assert_translated(sign_in, ["登录", "电子邮箱", "密码", "新客户？"],
                      [">Sign in<", "New client?", ">Password<"])

    user = auth.login(Role.CLIENT)
    new_request = page(client, "/requests/new")
    assert_translated(new_request,
                      ["委托中心寻找律师", "对方当事人（每行一个）", "紧急程度", "提交委托", "检查"],
                      ["Ask the centre for a lawyer", "Counterparties", "Submit request", "Urgency",
                       "Preferred languages"])
    # Signing in kept the visitor's choice; the account has not chosen anything itself yet.
    assert _db.session.get(type(user), user.id).locale in (None, "zh_Hans")


def test_traditional_chinese_is_remembered_on_the_account(app, client, auth):
    user = auth.login(Role.CLIENT)
    choose_language(client, "zh_Hant", "/requests/new")
    assert _db.session.get(type(user), user.id).locale == "zh_Hant"

    new_request = page(client, "/requests/new")
    assert_translated(new_request,
                      ["委託中心尋找律師", "對方當事人（每行一個）", "緊急程度", "提交委託", "司法管轄區", "執業範疇"],
                      ["Ask the centre for a lawyer", "Submit request", "Urgency", "委托中心寻找律师"])

    auth.logout()
    # Signed out, the session still holds the choice.
    assert_translated(page(client, "/sign-in"), ["登入", "電郵地址", "密碼"], ["New client?", "电子邮箱"])

    # Another browser with no session: the account's saved language wins once signed in.
    other = app.test_client()
    assert "Find the right lawyer" in page(other, "/")
    Auth(other).login(user=user)
    assert_translated(page(other, "/"), ["在粵港澳大灣區與東盟各地找到合適的律師", "前往控制台"],
                      ["Find the right lawyer", "Go to your dashboard"])
    assert_translated(page(other, "/requests/new"), ["委託中心尋找律師"], ["Ask the centre for a lawyer"])


def test_switching_back_to_english(client, auth):
    user = auth.login(Role.CLIENT)
    choose_language(client, "zh_Hans")
    assert "委托中心寻找律师" in page(client, "/requests/new")
    choose_language(client, "en", "/requests/new")
    assert _db.session.get(type(user), user.id).locale == "en"
    assert_translated(page(client, "/requests/new"), ["Ask the centre for a lawyer"], ["委托中心寻找律师"])


def test_unknown_language_is_ignored(client):
    choose_language(client, "zh_Hans")
    choose_language(client, "xx")
    assert "注册企业账户" in page(client, "/")


def test_status_labels_follow_the_language_of_each_page(app):
    texts = {}
    with app.test_request_context("/"):
        for locale in ("en", "zh_Hans", "zh_Hant", "en"):
            with force_locale(locale):
                texts.setdefault(locale, set()).add(label_text(REQUEST_STATUS_LABELS, RequestStatus.CLOSED))
                assert label_text(REQUEST_STATUS_LABELS, RequestStatus.CLOSED) == str(
                    REQUEST_STATUS_LABELS[RequestStatus.CLOSED])
    assert texts["en"] == {"Closed"}
    assert len({text for values in texts.values() for text in values}) == 3
