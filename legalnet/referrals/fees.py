"""Money in quotes and final fees: ISO 4217 currencies with their names and formatting from Babel, amounts
kept as integers of the currency's minor unit, the sane limits of a quote, and each jurisdiction's rule on
success fees (legalnet/referrals/data/fee_rules.json, with its sources)."""

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.numbers import get_currency_name, get_currency_precision, get_territory_currencies, list_currencies
from flask_babel import format_currency
from flask_babel import lazy_gettext as _l

from legalnet.core.errors import ValidationFailed
from legalnet.core.i18n import current_locale_name

RULES_PATH = Path(__file__).parent / "data" / "fee_rules.json"

# The currencies of the centre's thirteen jurisdictions and the usual currencies of cross-border work,
# offered first in the currency lists.
REGION_CURRENCIES = ("CNY", "HKD", "MOP", "SGD", "THB", "MYR", "VND", "IDR", "PHP", "KHR", "LAK", "MMK", "BND",
                     "USD", "EUR", "GBP")


@lru_cache(maxsize=1)
def fee_rules() -> dict:
    """The fee rules data file, read once."""
    return json.loads(RULES_PATH.read_text(encoding="utf-8"))


def jurisdiction_rule(code: str) -> dict:
    """The success-fee rule of one jurisdiction, or the default (not allowed) when it has none."""
    rules = fee_rules()
    for entry in rules["jurisdictions"]:
        if entry["code"] == code:
            return entry
    return {"code": code, **rules["default"], "confirmed": False, "note": "", "source": ""}


def success_fee_allowed(jurisdictions) -> bool:
    """A success fee may be quoted only when every jurisdiction of the request allows it."""
    codes = list(jurisdictions or [])
    return bool(codes) and all(jurisdiction_rule(code)["success_fee"] for code in codes)


def limits() -> dict:
    """The sane limits of a quote (largest amount, hours, success percentage, validity)."""
    return fee_rules()["amount_limits"]


@lru_cache(maxsize=1)
def current_currencies() -> frozenset[str]:
    """ISO 4217 codes that Babel knows and some territory uses as tender today."""
    today = date.today()
    in_use = set()
    for territory in Locale("en").territories:
        if territory.isalpha():
            in_use.update(get_territory_currencies(territory, start_date=today, tender=True))
    return frozenset(code for code in list_currencies() if code in in_use) | frozenset(REGION_CURRENCIES)


def is_currency(code: str) -> bool:
    """Whether `code` is a current ISO 4217 currency."""
    return (code or "") in current_currencies()


def currency_choices() -> list[tuple[str, str]]:
    """(code, "CODE - name") pairs in the user's language: the region's currencies first, then the rest by name."""
    locale = current_locale_name()
    rest = sorted((c for c in current_currencies() if c not in REGION_CURRENCIES),
                  key=lambda c: get_currency_name(c, locale=locale).casefold())
    return [(code, f"{code} – {get_currency_name(code, locale=locale)}") for code in [*REGION_CURRENCIES, *rest]]


def currency_name(code: str) -> str:
    """The currency's name in the user's language."""
    return get_currency_name(code, locale=current_locale_name()) if code else ""


def to_minor(value, currency: str, what=None) -> int:
    """An amount typed or sent in currency units, as an integer of the currency's minor unit; refuses
    negative, zero, unreadable and absurd amounts."""
    what = what or _l("The amount")
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise ValidationFailed(_l("%(what)s is not a number.", what=what)) from None
    if not amount.is_finite():
        raise ValidationFailed(_l("%(what)s is not a number.", what=what))
    if amount <= 0:
        raise ValidationFailed(_l("%(what)s must be more than zero.", what=what))
    ceiling = Decimal(limits()["max_by_currency"].get(currency, limits()["default_max"]))
    if amount > ceiling:
        raise ValidationFailed(_l("%(what)s is larger than %(max)s; check the figure.", what=what,
                                  max=format_money(to_minor_unchecked(ceiling, currency), currency)))
    minor = to_minor_unchecked(amount, currency)
    if minor < 1:  # smaller than the currency's smallest unit
        raise ValidationFailed(_l("%(what)s must be more than zero.", what=what))
    return minor


def to_minor_unchecked(amount: Decimal, currency: str) -> int:
    """Units to minor units, rounded to the currency's precision."""
    digits = get_currency_precision(currency)
    return int((amount * (10 ** digits)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(minor: int | None, currency: str) -> Decimal | None:
    """Minor units back to currency units."""
    if minor is None:
        return None
    return Decimal(minor) / (10 ** get_currency_precision(currency))


def format_money(minor: int | None, currency: str) -> str:
    """An amount in minor units formatted for the user's language, e.g. "$12,000.00" in English and
    "US$12,000.00" in Chinese for USD."""
    if minor is None or not currency:
        return ""
    return format_currency(from_minor(minor, currency), currency)


def format_range(low: int | None, high: int | None, currency: str) -> str:
    """One amount, or "low – high" when the quote gives a range."""
    if high is None or high == low:
        return format_money(low, currency)
    return f"{format_money(low, currency)} – {format_money(high, currency)}"
