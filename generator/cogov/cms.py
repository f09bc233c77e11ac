"""The configuration of a git-based form editor (Decap CMS) generated from the schemas.

One collection per record kind, and for kinds whose files sit in another record's folder (meetings
in their body's, commitments and proposals in their plan's) one per folder; a field per schema
property, in the schema's order, with the widget its type calls for: dates and times in the
format the records use, enumerations as selects, records named by ID (``x-refers``) as relation
lists, lists of entries and sub-records as lists and objects, Markdown bodies as Markdown. Labels
and hints come from the schemas. Every save opens a pull request (the editorial workflow), so the
check stays the gate: the editor knows no cross-record rule.

The build publishes the editor with this configuration (cogov.editor); ``cogov cms`` prints it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cogov.i18n import DESCRIPTION_CONTEXT, TITLE_CONTEXT, page_text, translations
from cogov.kinds import KINDS, Kind
from cogov.messages import CATALOGS, t
from cogov.model import Records
from cogov.render.paths import SECTION_NAMES
from cogov.schemas import default_schemas, load_schemas
from cogov.translations import language_name

DATE_REF = "#/$defs/date"
TIME_REF = "#/$defs/time"
MARKDOWN_REF = "#/$defs/markdown"
# The languages Decap CMS 3.16 has its own words in (decap-cms-locales); elsewhere its buttons stay
# in English, while the fields' labels are still in the site's language.
DECAP_LOCALES = frozenset(
    {
        "bg",
        "ca",
        "cs",
        "da",
        "de",
        "en",
        "es",
        "fa",
        "fr",
        "gr",
        "he",
        "hr",
        "hu",
        "it",
        "ja",
        "ko",
        "lt",
        "mk",
        "nb_no",
        "nl",
        "nn_no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sr_Cyrl",
        "sv",
        "th",
        "tr",
        "ua",
        "uk",
        "vi",
        "zh_Hans",
        "zh_Hant",
        "",
    }
)
# Collections' names: the list pages' (SECTION_NAMES), and for kinds without one of their own:
_PLURALS = {"commitment": page_text("Commitments"), "proposal": page_text("Proposals")}
TEXT_TITLE = "Text"  # the label of a Markdown record's body (the minutes, a page's text)
# The field a relation list shows and searches, by kind.
DISPLAY = {"person": "name", "organization": "name", "body": "name", "plan": "title", "commitment": "title"}


def _schemas(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    return load_schemas(folder, fast=False).schemas if folder else default_schemas().schemas


def _resolve(node: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    ref = str(node.get("$ref", ""))
    address, _, pointer = ref.partition("#/$defs/")
    if not pointer:
        return node
    target = schemas.get(address.rsplit("/", 1)[-1].removesuffix(".json"), {}).get("$defs", {}).get(pointer, {})
    return {**_resolve(target, schemas), **{k: v for k, v in node.items() if k != "$ref"}}


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def collection_name(kind: Kind, parent: str | None = None) -> str:
    return f"{kind.name}-{parent}" if parent else kind.name


# Kinds kept in another record's folder have a collection per folder; a relation can name one
# collection only, so it lists them only where the folder is known (a plan's commitments, from
# that plan's proposals). Elsewhere the ID is typed, and the check names what is wrong.
_PER_FOLDER = {k.name for k in KINDS if "{parent}" in k.files}


@functools.cache
def _families() -> dict[str, set[str]]:
    """The values the site's catalogue has words for, by family (``ui.sector.<value>``)."""
    out: dict[str, set[str]] = {}
    for key in CATALOGS["en"]:
        if key.startswith("ui.") and key.count(".") == 2:
            _, family, value = key.split(".")
            out.setdefault(family, set()).add(value)
    return out


@dataclass(frozen=True)
class Form:
    """Builds a collection's fields in a language: labels from the schemas' titles and options
    from the site's words for each value (both through the site's catalogue)."""

    schemas: dict[str, dict[str, Any]]
    language: str = "en"
    parent: str | None = None  # the plan whose folder the collection is, for relations to its commitments
    languages: tuple[str, ...] = ()  # on a site in several languages: all of them, the default first

    def word(self, english: str) -> str:
        return translations(self.language).pgettext(TITLE_CONTEXT, english)

    def label(self, name: str, node: dict[str, Any]) -> str:
        title = node.get("title")
        return self.word(title) if isinstance(title, str) else _label(name)

    def options(self, values: list[Any]) -> list[dict[str, Any]]:
        wanted = {str(v) for v in values}
        family = next((f for f, known in sorted(_families().items()) if wanted <= known), None)
        return [
            {"label": t(f"ui.{family}.{v}", self.language) if family else _label(str(v)), "value": v} for v in values
        ]

    def fields(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        required = set(node.get("required", []))
        fields = (self.field(name, prop, name in required) for name, prop in (node.get("properties") or {}).items())
        return [f for f in fields if f is not None]

    def field(self, name: str, node: dict[str, Any], required: bool) -> dict[str, Any] | None:
        """One Decap field for a schema property, or None for a value the forms cannot hold."""
        schemas, parent = self.schemas, self.parent
        if node.get("x-translatable") and node.get("anyOf"):
            return self.translatable(name, node, required)
        ref = str(node.get("$ref", ""))
        resolved = _resolve(node, schemas)
        out: dict[str, Any] = {"name": name, "label": self.label(name, resolved), "required": required}
        if isinstance(resolved.get("description"), str):
            out["hint"] = translations(self.language).pgettext(DESCRIPTION_CONTEXT, resolved["description"])
        refers = node.get("x-refers") or resolved.get("x-refers")
        items = resolved.get("items") if resolved.get("type") == "array" else None
        item_refers = (items or {}).get("x-refers")
        kinds = refers or item_refers
        target = None
        if kinds and len(kinds) == 1:
            target = kinds[0] if kinds[0] not in _PER_FOLDER else (f"{kinds[0]}-{parent}" if parent else None)
        if kinds and target:
            kind = kinds[0]
            out.update(widget="relation", collection=target, value_field="{{slug}}")
            shown = self.in_default_language(kind, DISPLAY.get(kind, "title"))
            out.update(search_fields=[shown], display_fields=[shown])
            if item_refers:
                out["multiple"] = True
            return out
        if ref.endswith(DATE_REF):
            return {
                **out,
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "YYYY-MM-DD",
                "time_format": False,
            }
        if ref.endswith(TIME_REF):
            return {**out, "widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm"}
        if ref.endswith(MARKDOWN_REF):
            return {**out, "widget": "markdown"}
        if "enum" in resolved:
            return {**out, "widget": "select", "options": self.options(resolved["enum"])}
        kind_of = resolved.get("type")
        if kind_of == "boolean" or resolved.get("const") is True:
            return {**out, "widget": "boolean"}
        if kind_of == "integer":
            return {**out, "widget": "number", "value_type": "int"}
        if kind_of == "array" and isinstance(items, dict):
            inner = _resolve(items, schemas)
            if "enum" in inner:
                return {**out, "widget": "select", "multiple": True, "options": self.options(inner["enum"])}
            if inner.get("type") == "object":
                listed = {**out, "widget": "list", "fields": self.fields(inner)}
                if isinstance(inner.get("title"), str):  # "Add decision" rather than "Add decisions"
                    listed["label_singular"] = self.word(inner["title"])
                return listed
            # A list of words or lines (an agenda): one field per item, so an item may hold a comma.
            item = self.field("item", items, True)
            if item is None:
                return None
            return {**out, "widget": "list", "field": {k: v for k, v in item.items() if k != "hint"}}
        if kind_of == "object" and "propertyNames" in resolved:
            # A count per value of an enumeration (participants by sector): a number field for each.
            names = _resolve(resolved["propertyNames"], schemas).get("enum", [])
            numbers = [
                {"name": o["value"], "label": o["label"], "widget": "number", "value_type": "int", "required": False}
                for o in self.options(names)
            ]
            return {**out, "widget": "object", "fields": numbers}
        if kind_of == "object" and "properties" in resolved:
            inner_fields = self.fields(resolved)
            if not required:
                # An optional object (a decision's vote) may be left empty as a whole, which the form
                # allows only if none of its fields is required there; the check still requires them
                # once one is filled in, and says which is missing.
                inner_fields = [{**f, "required": False} for f in inner_fields]
            return {**out, "widget": "object", "fields": inner_fields}
        if "oneOf" in resolved:
            # One record or a list of them (a meeting's chair or co-chairs): the list, which holds one too.
            for shape in resolved["oneOf"]:
                if shape.get("type") == "array" and (shape.get("items") or {}).get("x-refers"):
                    merged_node = {
                        **shape,
                        "description": resolved.get("description", ""),
                        "title": resolved.get("title"),
                    }
                    return self.field(name, merged_node, required)
            # A choice of shapes (who made a proposal, a body's seats): the fields of every shape,
            # each optional; the check says which combinations are allowed.
            merged: dict[str, Any] = {}
            for shape in resolved["oneOf"]:
                shape = _resolve(shape, schemas)
                for key, sub in (shape.get("properties") or {}).items():
                    merged.setdefault(key, sub)
            if merged:
                fields = (self.field(k, v, False) for k, v in merged.items())
                return {**out, "widget": "object", "fields": [f for f in fields if f is not None]}
            # Shapes no single widget holds (a body's seats: counts per sector, or named seats):
            # hidden, so the editor keeps the value as the file has it, in its place.
            return {"name": name, "widget": "hidden", "required": False}
        return {**out, "widget": "string"}

    def in_default_language(self, kind: str, field: str) -> str:
        """A record's name or title as the lists show it: on a site in several languages, where a
        translatable one holds the default language's text (``title.en``)."""
        node = (self.schemas.get(kind, {}).get("properties") or {}).get(field, {})
        return f"{field}.{self.languages[0]}" if len(self.languages) > 1 and node.get("x-translatable") else field

    def translatable(self, name: str, node: dict[str, Any], required: bool) -> dict[str, Any] | None:
        """A text that may be written in each of the site's languages: on a site in one language,
        one text; in several, one text per language (the map the records hold; `cogov fmt` turns
        a single text into the default language's entry first, so the form finds it there)."""
        single = {k: v for k, v in node.items() if k not in ("anyOf", "x-translatable")}
        single["$ref"] = node["anyOf"][0]["$ref"]
        one = self.field(name, single, required)
        if one is None or len(self.languages) < 2:
            return one
        shown = {k: v for k, v in one.items() if k != "hint"}
        inner = [
            {**shown, "name": lang, "label": language_name(lang, self.language), "required": i == 0 and required}
            for i, lang in enumerate(self.languages)
        ]
        return {k: v for k, v in one.items() if k not in ("widget",)} | {"widget": "object", "fields": inner}


def _folder_and_path(kind: Kind, parent: str | None) -> tuple[str, str | None]:
    """Decap's folder for a kind's files and, when each record has a folder of its own, the path
    inside it (``{{slug}}/plan`` for content/action-plans/<id>/plan.yml)."""
    parts = [(parent or "") if p == "{parent}" else p for p in kind.files]
    at = next(i for i, p in enumerate(parts) if p.startswith("{id}"))
    folder = "/".join(["content", *parts[:at]])
    rest = parts[at + 1 :]
    if rest:
        return folder, "{{slug}}/" + "/".join(rest).rsplit(".", 1)[0]
    return folder, None


def collection(
    kind: Kind,
    schemas: dict[str, dict[str, Any]],
    parent: str | None = None,
    language: str = "en",
    parent_name: str | None = None,
    languages: tuple[str, ...] = (),
) -> dict[str, Any]:
    schema = schemas[kind.name]
    folder, path = _folder_and_path(kind, parent)
    extension = kind.files[-1].rsplit(".", 1)[-1]
    # Only a plan's folder is a context a relation can use (its commitments).
    form = Form(schemas, language, parent if "action-plans" in kind.files else None, languages)
    fields = form.fields(schema)
    markdown = extension == "md"
    if markdown:
        text = form.word(TEXT_TITLE)
        fields.append({"name": "body", "label": text, "widget": "markdown", "required": False})
    title_field = form.in_default_language(kind.name, "title" if "title" in schema.get("properties", {}) else "name")
    heading = kind.words("heading", language)
    english = SECTION_NAMES.get(kind.index or "") or _PLURALS.get(kind.name)
    plural = translations(language).gettext(english) if english else heading
    out: dict[str, Any] = {
        "name": collection_name(kind, parent),
        "label": f"{plural}: {parent_name or parent}" if parent else plural,
        "label_singular": heading,
        "folder": folder,
        "extension": extension,
        "format": "yaml-frontmatter" if markdown else "yaml",
        "create": True,
        "identifier_field": title_field,
        "summary": "{{" + title_field + "}}",
        # The form alone, full width: a preview in the site's look would need the site's templates.
        "editor": {"preview": False},
        "fields": fields,
    }
    if kind.name == "meeting":
        out["slug"] = "{{fields.date}}-{{slug}}"  # the file naming rule: <date>-<name>
    if path:
        out["path"] = path
    return out


def _parents(kind: Kind, records: Records) -> list[tuple[str, str] | None]:
    """The folders a kind's files sit in, as (ID, name) of the record each belongs to."""
    if "{parent}" not in kind.files:
        return [None]
    holder = kind.files[kind.files.index("{parent}") - 1]
    if holder == "meetings":
        return [(b.id, b.name) for _, b in sorted(records.bodies.items())]
    return [(p.id, p.title) for _, p in sorted(records.plans.items())]


def locale(language: str) -> str:
    """The editor's own language for a site's: the site's, where Decap has its words."""
    for candidate in (language.replace("-", "_"), language.split("-")[0]):
        if candidate in DECAP_LOCALES:
            return candidate
    return "en"


# Kinds edited elsewhere: the site's settings and free pages.
NOT_IN_EDITOR = frozenset({"site", "page"})


def edited_schemas() -> tuple[str, ...]:
    """The schemas whose fields the forms show: each edited kind's, and the definitions they share."""
    return (*(k.name for k in KINDS if k.name not in NOT_IN_EDITOR), "common")


def config(records: Records, backend: str = "github", schemas_folder: Path | None = None) -> dict[str, Any]:
    """The editor's configuration for a project."""
    schemas = _schemas(schemas_folder)
    collections = []
    for kind in KINDS:
        if kind.name not in schemas or kind.name in NOT_IN_EDITOR:
            continue
        for parent in _parents(kind, records):
            parent_id, parent_name = parent or (None, None)
            collections.append(
                collection(kind, schemas, parent_id, records.site.language, parent_name, records.site.languages)
            )
    site = records.site
    # The repository's path on its host: https://github.com/owner/name -> owner/name.
    repo = re.sub(r"^https?://[^/]+/", "", site.repository or "").removesuffix(".git").strip("/")
    back: dict[str, Any] = {"name": backend}
    if backend != "test-repo":
        back.update(repo=repo or "OWNER/REPOSITORY", branch=site.branch)
    return {
        "backend": back,
        "publish_mode": "editorial_workflow",
        "media_folder": "content/files",
        "locale": locale(site.language),
        "collections": collections,
    }
