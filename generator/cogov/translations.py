"""Records written once, published in every language of the site.

A site names its default ``language`` and, with ``languages``, the others. The facts of a record
(dates, attendance, memberships, statuses, IDs) are written once; a translatable text field (the
schemas mark it ``x-translatable``) holds either one text, in the default language, or a map of
language tags to texts; and a Markdown record's text may have a translation beside it
(``2026-11-17-ordinary.fr.md`` next to ``2026-11-17-ordinary.md``).

``localize`` turns a record into the record of one language: every map becomes that language's
text, or the default language's, marked as a ``Fallback`` that pages show with its ``lang``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cogov.records import Document
from cogov.schemas import default_schemas, field_nodes

PathT = tuple[str | int, ...]


class Fallback(str):
    """A text shown in a language it was not written in: the language it is in (``lang``)."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Fallback:
        out = super().__new__(cls, text)
        out.lang = lang
        return out


@functools.cache
def translatable_fields(kind: str) -> tuple[tuple[str, ...], ...]:
    """Where a kind's records hold translatable text (``*`` for each item of a list): every field
    the schema marks ``x-translatable``, so a field or kind added later needs no list here."""
    schema = default_schemas().schemas.get(kind, {})
    found = (path for path, node in field_nodes(schema) if node.get("x-translatable"))
    return tuple(dict.fromkeys(found))


def values_at(value: Any, path: tuple[str, ...], where: PathT = ()) -> Iterator[tuple[PathT, Any]]:
    """The values at a field path (``*`` for each item of a list), with where each is."""
    if not path:
        yield where, value
    elif path[0] == "*":
        for i, item in enumerate(value if isinstance(value, list) else ()):
            yield from values_at(item, path[1:], (*where, i))
    elif isinstance(value, dict) and path[0] in value:
        yield from values_at(value[path[0]], path[1:], (*where, path[0]))


def texts(value: Any, where: PathT = ()) -> Iterator[tuple[PathT, str]]:
    """The texts of a translatable value: itself, or each language's (``where`` + the tag)."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for lang, text in value.items():
            if isinstance(text, str):
                yield (*where, str(lang)), text


def text(value: Any, language: str, default: str) -> str | None:
    """The text of a translatable value in ``language``: its own; else the default language's,
    as a ``Fallback`` (a single text is the default language's); else the first there is."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if language == default else Fallback(value, default)
    if not isinstance(value, dict) or not value:
        return None
    if isinstance(value.get(language), str):
        return str(value[language])
    for lang in (default, *value):
        if isinstance(value.get(lang), str):
            return Fallback(value[lang], str(lang))
    return None


def plain(value: Any, default: str) -> str | None:
    """A translatable value as one text, for messages and comparisons: the default language's."""
    found = text(value, default, default)
    return str(found) if found is not None else None


def replace_at(data: Any, path: tuple[str, ...], change: Callable[[Any], Any]) -> Any:
    """``data`` with ``change`` applied to each value at a field path (``*`` for each item of a
    list), copying only what lies on the way; ``data`` itself is left as it is."""
    if not path:
        return change(data)
    head, rest = path[0], path[1:]
    if head == "*":
        return [replace_at(item, rest, change) for item in data] if isinstance(data, list) else data
    if isinstance(data, dict) and head in data:
        return {**data, head: replace_at(data[head], rest, change)}
    return data


def translatable_replaced(data: Any, kind: str, change: Callable[[Any], Any]) -> Any:
    """A record's data with ``change`` applied to every translatable value it holds."""
    for path in translatable_fields(kind):
        data = replace_at(data, path, change)
    return data


def localize(doc: Document, language: str, default: str) -> Document:
    """The record as published in ``language``: each translatable text in that language, or the
    default language's marked as a ``Fallback``. In the default language, a record without
    translations is returned as it is."""
    if language == default and not _has_translations(doc):
        return doc
    data = translatable_replaced(
        doc.data, doc.kind, lambda value: text(value, language, default) if isinstance(value, (str, dict)) else value
    )
    markdown = doc.markdown
    translation = doc.translations.get(language) if language != default else None
    if translation is not None:
        markdown = translation.markdown
    elif language != default and doc.markdown:
        markdown = Fallback(doc.markdown, default)
    return dataclasses.replace(doc, data=data, markdown=markdown)


def _has_translations(doc: Document) -> bool:
    return bool(doc.translations) or any(
        isinstance(value, dict) for path in translatable_fields(doc.kind) for _, value in values_at(doc.data, path)
    )


def localize_all(documents: Iterable[Document], language: str, default: str) -> list[Document]:
    return [localize(doc, language, default) for doc in documents]


@dataclass(frozen=True)
class Coverage:
    language: str
    translated: int
    total: int


def coverage(documents: Iterable[Document], languages: Iterable[str], default: str) -> list[Coverage]:
    """How many of the texts written in the default language exist in each other language."""
    wanted = list(languages)
    total = 0
    done = dict.fromkeys(wanted, 0)
    for doc in documents:
        if doc.broken:
            continue
        for path in translatable_fields(doc.kind):
            for _, value in values_at(doc.data, path):
                if value is None:
                    continue
                total += 1
                for lang in wanted:
                    if isinstance(value, dict) and isinstance(value.get(lang), str):
                        done[lang] += 1
        if doc.markdown.strip():
            total += 1
            for lang in wanted:
                if lang in doc.translations:
                    done[lang] += 1
    return [Coverage(lang, done[lang], total) for lang in wanted]


def language_name(tag: str, in_language: str = "en", capital: bool = True) -> str:
    """A language's name in another (``fr`` in English: French), or its tag when unknown; with a
    capital, as a link names it, or as the language writes it in a sentence (``français``)."""
    from babel import Locale, UnknownLocaleError

    from cogov.i18n import locale

    try:
        name = Locale.parse(tag.replace("-", "_")).get_display_name(locale(in_language))
    except (UnknownLocaleError, ValueError):
        return tag
    if not name:
        return tag
    return str(name[:1].upper() + name[1:]) if capital else str(name)


@dataclass(frozen=True)
class Languages:
    """What content/site.yml says of its languages (as written: the check reports what is wrong)."""

    default: str = "en"
    others: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    severity: str = "warning"

    @property
    def all(self) -> tuple[str, ...]:
        return (self.default, *self.others)

    @classmethod
    def of(cls, site: dict[str, Any] | None) -> Languages:
        site = site or {}
        default = site.get("language") if isinstance(site.get("language"), str) else "en"
        listed = site.get("languages")
        others = tuple(x for x in listed if isinstance(x, str) and x != default) if isinstance(listed, list) else ()
        settings = site.get("translations")
        settings = settings if isinstance(settings, dict) else {}
        require = settings.get("require")
        require = require if isinstance(require, list) else []
        severity = "error" if settings.get("severity") == "error" else "warning"
        return cls(str(default), others, tuple(str(k) for k in require), severity)


def publishes_text(doc: Document) -> bool:
    """Whether the open data may carry a record's texts in every language: the records it publishes
    (not free pages), and not the profile of someone whose name is withheld."""
    from cogov.kinds import BY_NAME

    kind = BY_NAME.get(doc.kind)
    return bool(kind and kind.data) and not (doc.kind == "person" and doc.data.get("withdrawn") is True)


def translated_texts(documents: Iterable[Document], languages: Languages) -> Iterator[tuple[str, str, str, str, str]]:
    """Every translatable text in every language of the site, as (kind, id, field, language, text):
    the open data's translations table. A single text is the default language's."""
    for doc in documents:
        for path in translatable_fields(doc.kind):
            for where, value in values_at(doc.data, path):
                field = _field_name(where)
                if isinstance(value, str):
                    yield doc.kind, doc.id, field, languages.default, value
                elif isinstance(value, dict):
                    for lang in languages.all:
                        if isinstance(value.get(lang), str):
                            yield doc.kind, doc.id, field, lang, value[lang]
        if doc.kind == "meeting":
            continue  # minutes are read on the site, as the other open data has them: not here
        if doc.markdown.strip():
            yield doc.kind, doc.id, "text", languages.default, doc.markdown
        for lang in languages.others:
            if lang in doc.translations:
                yield doc.kind, doc.id, "text", lang, doc.translations[lang].markdown


def _field_name(where: PathT) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
