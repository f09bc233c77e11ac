"""Incremental regeneration for the preview: re-read only changed files, re-render only the
pages a change can affect, write only the files whose bytes changed.

A page is affected by a changed record when it is that record's page, when it showed the record
the last time it was rendered (the renderer records what each page links to), when it belongs to
a record the changed record names (a person's page lists the meetings they attended), or when it
is a list page (home, indexes, years). The open data files are written by full builds only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from cogov import pipeline
from cogov.config import Settings
from cogov.kinds import with_pages
from cogov.model import Records
from cogov.records import CacheEntry, Document, gc_paused, strings
from cogov.render import paths
from cogov.render.paths import record_page
from cogov.schemas import SchemaSet
from cogov.validate import LocalCache, ValidationResult

Key = tuple[str, str]
RECORD_PAGES = frozenset(k.name for k in with_pages())


@dataclass
class Outcome:
    validation: ValidationResult
    ok: bool
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0


class IncrementalGenerator:
    def __init__(self, settings: Settings, schemas: SchemaSet) -> None:
        self.settings = settings
        self.schemas = schemas
        self.cache: dict[str, CacheEntry] = {}
        self.documents: dict[Key, Document] = {}
        self.pages: dict[str, bytes] = {}
        self.touched: dict[str, set[Key]] = {}
        self.local_cache: LocalCache = {}
        self.record_pages: dict[Key, str] = {}  # as of the last run: where a deleted record's page was

    @property
    def docs_dir(self) -> Path:
        return self.settings.project / pipeline.DOCS_DIR

    def _page(self, records: Records, key: Key) -> str | None:
        kind, record_id = key
        return record_page(records, kind, record_id) if kind in RECORD_PAGES else None

    def run(self) -> Outcome:
        with gc_paused():
            return self._run()

    def _run(self) -> Outcome:
        started = time.perf_counter()
        validation = pipeline.check(self.settings, self.schemas, self.cache, self.local_cache)
        if not validation.passed():
            return Outcome(validation, ok=False, seconds=time.perf_counter() - started)
        current = {(d.kind, d.id): d for d in validation.documents if not d.broken}
        records = pipeline.model(current.values(), self.settings)
        changed = {k for k, d in current.items() if self.documents.get(k) is not d}
        changed |= set(self.documents) - set(current)
        if self.pages and not changed:
            return Outcome(validation, True, seconds=time.perf_counter() - started)
        first = not self.pages
        if first or ("site", "site") in changed:
            touched: dict[str, set[Key]] = {}
            files = pipeline.pages(records, touched=touched)
            self.touched = touched
            files.update(pipeline.published_data(records, self.settings.content))
            before = set(self.pages)
            pipeline.write_docs(files, self.docs_dir)
            written = sorted(p for p in files if self.pages.get(p) != files[p])
            self.pages = files
            self._remember(records, current)
            removed = sorted(before - set(files))
            return Outcome(validation, True, written, removed, time.perf_counter() - started)
        affected = self._affected(records, changed, current)
        # Lists change only when records come or go, or when they showed a changed record.
        added_or_removed = set(current) ^ set(self.documents)
        shown: dict[str, set[Key]] = {}
        rendered = pipeline.pages(records, only=affected, touched=shown, listings=bool(added_or_removed))
        self.touched.update(shown)
        written, removed = self._write(rendered, records, changed, current, bool(added_or_removed))
        self._remember(records, current)
        return Outcome(validation, True, written, removed, time.perf_counter() - started)

    def _remember(self, records: Records, current: dict[Key, Document]) -> None:
        self.documents = current
        self.record_pages = {key: page for key in current if (page := self._page(records, key))}

    def _affected(self, records: Records, changed: set[Key], current: dict[Key, Document]) -> set[str]:
        pages: set[str] = set()
        by_id: dict[str, list[Key]] = {}
        for key in current:
            by_id.setdefault(key[1], []).append(key)
        for key in changed:
            own = self._page(records, key)
            if own:
                pages.add(own)
            for version in (self.documents.get(key), current.get(key)):
                # A meeting names its body by its folder, a commitment its plan.
                named = [version.parent, *strings(version.data)] if version else []
                for text in named:
                    for other in by_id.get(text, ()):
                        page = self._page(records, other)
                        if page:
                            pages.add(page)
        pages |= {page for page, shown in self.touched.items() if shown & changed}
        return pages

    def _write(
        self,
        rendered: dict[str, bytes],
        records: Records,
        changed: set[Key],
        current: dict[Key, Document],
        rendered_all_lists: bool = False,
    ) -> tuple[list[str], list[str]]:
        written = []
        for path, data in rendered.items():
            if self.pages.get(path) != data:
                pipeline.write_file(self.docs_dir / path, data)
                self.pages[path] = data
                written.append(path)
        removed = []
        if rendered_all_lists:  # a list that now needs fewer pages leaves none behind
            for stale in [p for p in self.pages if paths.is_list_page(p) and p not in rendered]:
                (self.docs_dir / stale).unlink(missing_ok=True)
                del self.pages[stale]
                self.touched.pop(stale, None)
                removed.append(stale)
        for key in changed - set(current):
            page = self.record_pages.get(key)
            if page and page in self.pages:
                (self.docs_dir / page).unlink(missing_ok=True)
                del self.pages[page]
                self.touched.pop(page, None)
                removed.append(page)
        return sorted(written), sorted(removed)
