"""Language and culture codes of a customer ("zh" / "zh-TW"), checked against CLDR via babel."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation.findings import CONTEXT

if TYPE_CHECKING:
    from babel import Locale

_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}$")
_CULTURE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?-([A-Za-z]{2}|[0-9]{3})$")


@functools.lru_cache(maxsize=1024)  # babel parses a locale in ~0.1 ms; imports ask thousands
def _known(code: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError  # (loaded on first use, after the window)

    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


# Cached: a customer list holds a few languages and cultures, checked on every row.
@functools.lru_cache(maxsize=1024)
def language_problem(language: str) -> Message | None:
    """What is wrong with a language code such as "zh" (empty is fine: it gets a default)."""
    value = language.strip()
    if not value or (_LANGUAGE_RE.match(value) and _known(value) is not None):
        return None
    return Message(
        QT_TRANSLATE_NOOP("validation", "“{value}” is not a language code, like en or zh."),
        context=CONTEXT,
        value=value,
    )


@functools.lru_cache(maxsize=1024)
def culture_problem(culture: str) -> Message | None:
    """What is wrong with a culture code such as "zh-TW" (empty is fine: it gets a default)."""
    value = culture.strip()
    if not value:
        return None
    match = _CULTURE_RE.match(value)
    found = _known(value) if match else None
    if match and found is not None and found.territory == match.group(2).upper():
        return None
    return Message(
        QT_TRANSLATE_NOOP("validation", "“{value}” is not a culture code, like en-US or zh-TW."),
        context=CONTEXT,
        value=value,
    )


@functools.lru_cache(maxsize=1024)
def culture_mismatch(language: str, culture: str) -> Message | None:
    """A warning when a valid culture is not of the language ("en" with "zh-TW"), else None."""
    lang, cult = language.strip(), culture.strip()
    if not lang or not cult or language_problem(lang) or culture_problem(cult):
        return None
    if cult.split("-")[0].lower() == lang.lower():
        return None
    return Message(
        QT_TRANSLATE_NOOP("validation", "Culture {culture} is not for language {language}."),
        context=CONTEXT,
        culture=cult,
        language=lang,
    )


# The languages a Microsoft 365 tenant can be set up in (culture codes), offered in the wizard.
CULTURES = (
    "ar-SA", "bg-BG", "ca-ES", "cs-CZ", "da-DK", "de-DE", "el-GR", "en-AU", "en-CA", "en-GB",
    "en-IN", "en-US", "es-ES", "es-MX", "et-EE", "eu-ES", "fi-FI", "fr-CA", "fr-FR", "gl-ES",
    "he-IL", "hi-IN", "hr-HR", "hu-HU", "id-ID", "it-IT", "ja-JP", "kk-KZ", "ko-KR", "lt-LT",
    "lv-LV", "ms-MY", "nb-NO", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ro-RO", "ru-RU", "sk-SK",
    "sl-SI", "sr-Latn-RS", "sv-SE", "th-TH", "tr-TR", "uk-UA", "vi-VN", "zh-CN", "zh-HK", "zh-TW",
)  # fmt: skip


def culture_label(culture: str, locale: str = "en") -> str:
    """A culture's name in ``locale``: "Chinese (Traditional, Taiwan)" for zh-TW; else the code."""
    found = _known(culture)
    display = _known(locale) or _known("en")
    if found is None or display is None:
        return culture
    name = found.get_display_name(display)
    return str(name) if name else culture
