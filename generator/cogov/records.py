"""Finding the records of a project: which file is which kind of record, and its ID."""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from anyascii import anyascii

from cogov.errors import Diagnostic, Severity
from cogov.kinds import BY_NAME, classify
from cogov.loader import Loaded, Positions, load_markdown_file, load_yaml_file
from cogov.messages import t

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A Markdown record's text in another language, beside it: <id>.<language>.md.
TRANSLATION_RE = re.compile(r"(?P<id>[^.]+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md")
MEETING_NAME_RE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)")
# Files a records repository may hold beside the records without being published.
_IGNORED_NAMES = frozenset({"README.md", ".gitkeep", ".DS_Store"})


@dataclass(slots=True)
class Document:
    """One record as loaded: raw fields, their positions, and the Markdown body for .md records.

    ``parent`` is the plan ID of a commitment and the body folder of a meeting. A ``broken``
    document could not be read; it still exists (references to it resolve) but nothing else
    is checked or published from it.
    """

    kind: str
    id: str
    path: str
    data: dict[str, Any]
    positions: Positions = field(default_factory=Positions)
    markdown: str = ""  # the Markdown text below the front matter (minutes, a description)
    markdown_line: int = 0  # the line it starts on
    parent: str = ""
    broken: bool = False
    # The Markdown text in other languages, from the files beside this one (``<id>.fr.md``).
    translations: dict[str, Translation] = field(default_factory=dict)


@dataclass(frozen=True)
class Translation:
    """A Markdown record's text in another language, from the file beside it."""

    path: str  # content/meetings/msf/2026-11-17-ordinary.fr.md
    markdown: str
    markdown_line: int


def strings(value: object) -> Iterator[str]:
    """Every text in a record's data (or any parsed JSON or YAML), depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def slugify(text: str) -> str:
    """A valid ID close to ``text`` (used in suggestions and by ``cogov new``)."""
    # Transliterated, so names in Cyrillic, Arabic or Chinese give a readable ID, not an empty one.
    ascii_text = anyascii(unicodedata.normalize("NFC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "record"


def _misnamed(rel: tuple[str, ...]) -> str | None:
    """A hint when a file looks like a record with the wrong extension."""
    name = rel[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return None
    for new_ext in ("yml", "md"):
        candidate = (*rel[:-1], f"{stem}.{new_ext}")
        if ext.lower() in {"yaml", "yml", "md", "markdown", "txt"} and classify(candidate):
            key = "file.yaml_ext" if new_ext == "yml" else "file.md_expected"
            return t(key, name=f"{stem}.{new_ext}")
    return None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading builds millions of small acyclic objects; the cyclic collector would rescan them
    again and again (a third of the loading time at 10,000 records) for nothing to collect."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# A loaded file, kept by the preview between runs: (size and mtime, the record, its problems).
CacheEntry = tuple[tuple[int, int], "Document", list[Diagnostic]]


def discover(project: Path, cache: dict[str, CacheEntry] | None = None) -> tuple[list[Document], list[Diagnostic]]:
    """Load every record under ``project/content``; problems are returned, never raised.

    With ``cache``, a file whose size and modification time did not change is not read again:
    its previous Document object is returned (so callers can tell unchanged records by identity).
    """
    with gc_paused():
        return _discover(project, cache)


def _discover(project: Path, cache: dict[str, CacheEntry] | None) -> tuple[list[Document], list[Diagnostic]]:
    content = project / "content"
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    files = sorted(p for p in content.rglob("*") if p.is_file() or p.is_symlink())
    translated: dict[str, dict[str, Translation]] = {}
    for file in files:
        rel = file.relative_to(content).parts
        relpath = file.relative_to(project).as_posix()
        if any(part.startswith(".") for part in rel) or rel[-1] in _IGNORED_NAMES:
            continue
        translation = TRANSLATION_RE.fullmatch(rel[-1])
        original = (*rel[:-1], f"{translation['id']}.md") if translation else None
        if translation and original and (content.joinpath(*original)).is_file() and classify(original):
            if file.is_symlink():
                diagnostics.append(Diagnostic(relpath, 1, 1, "FILE002", Severity.ERROR, t("file.symlink")))
                continue
            found_text = _translation(file, relpath, diagnostics)
            if found_text is not None:
                key = "/".join(("content", *original))
                translated.setdefault(key, {})[translation["lang"]] = found_text
            continue
        found = classify(rel)
        if found is None:
            hint = _misnamed(rel)
            severity = Severity.ERROR if hint else Severity.WARNING
            diagnostics.append(Diagnostic(relpath, 1, 1, "FILE001", severity, hint or t("file.unknown")))
            continue
        if file.is_symlink():
            # A link could publish a file from outside the project; records are plain files.
            diagnostics.append(Diagnostic(relpath, 1, 1, "FILE002", Severity.ERROR, t("file.symlink")))
            continue
        kind, record_id, parent = found
        stat = file.stat()
        stamp = (stat.st_size, stat.st_mtime_ns)
        if cache is not None and relpath in cache and cache[relpath][0] == stamp:
            _, cached, cached_problems = cache[relpath]
            diagnostics.extend(cached_problems)
            documents.append(cached)
            continue
        registered = BY_NAME[kind]
        if registered.markdown:
            loaded: Loaded = load_markdown_file(file, relpath, front_matter_required=registered.front_matter)
        else:
            loaded = load_yaml_file(file, relpath)
        problems = list(loaded.diagnostics)
        data = loaded.data if loaded.data is not None else {}
        broken = bool(problems)
        if not isinstance(data, dict):
            found_name = t("type.array") if isinstance(data, list) else t("type.string")
            problems.append(
                Diagnostic(relpath, 1, 1, "LOAD008", Severity.ERROR, t("load.not_mapping", found=found_name))
            )
            data, broken = {}, True
        diagnostics.extend(problems)
        doc = Document(kind, record_id, relpath, data, loaded.positions, loaded.body, loaded.body_line, parent, broken)
        documents.append(doc)
        if cache is not None:
            cache[relpath] = (stamp, doc, problems)
    if translated:
        documents = [
            replace(doc, translations=translated[doc.path])
            if doc.path in translated and doc.translations != translated[doc.path]
            else doc
            for doc in documents
        ]
    if not (content / "site.yml").is_file():
        diagnostics.append(Diagnostic("content/site.yml", 0, 0, "FILE003", Severity.ERROR, t("file.no_site")))
    return documents, diagnostics


def _translation(file: Path, relpath: str, diagnostics: list[Diagnostic]) -> Translation | None:
    """The text of a translation file, which holds only text: the fields stay in the original."""
    loaded = load_markdown_file(file, relpath, front_matter_required=False)
    if loaded.diagnostics:
        diagnostics.extend(loaded.diagnostics)
        return None
    if loaded.has_front_matter:
        diagnostics.append(Diagnostic(relpath, 1, 1, "TRN004", Severity.ERROR, t("translation.front_matter")))
        return None
    return Translation(relpath, loaded.body, loaded.body_line)
