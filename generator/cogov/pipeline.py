"""The only orchestration: load -> validate -> model -> render -> write -> build.

Everything up to ``render`` is pure and runs in memory; ``write_docs`` writes only files whose
bytes changed (so the builder and the preview see small changes as small); ``build_site`` builds
into a temporary folder and moves it into place only when everything passed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from cogov import search_engine
from cogov.builder_config import BUILD_CONFIG, theme_has_search, write_builder_config
from cogov.config import Settings
from cogov.editor import EditorSettings, bundle, write_editor
from cogov.errors import BuildError
from cogov.languages_page import write_language_choice
from cogov.messages import t
from cogov.model import Records, TranslatedText
from cogov.model_build import build_records
from cogov.opendata import data_files
from cogov.postbuild import inspect_site
from cogov.records import Document, gc_paused
from cogov.render import paths, render_site
from cogov.schemas import SchemaSet, schema_dir
from cogov.search_engine import Engine
from cogov.search_index import IndexStats, index_site
from cogov.translations import Languages, localize_all, publishes_text, translated_texts
from cogov.validate import ValidationResult, validate_project

DOCS_DIR = Path("build") / "docs"


@dataclass(frozen=True)
class Edition:
    """A site's records and pages in one of its languages."""

    language: str
    records: Records
    files: dict[str, bytes]


@dataclass(frozen=True)
class Generated:
    """The outcome of generation: the validation result and, when valid, the pages (in the
    site's language; a site in several languages has an edition for each other one too)."""

    validation: ValidationResult
    records: Records | None
    files: dict[str, bytes]
    others: tuple[Edition, ...] = ()

    @property
    def ok(self) -> bool:
        return self.records is not None

    @property
    def editions(self) -> tuple[Edition, ...]:
        """Every language's edition, the site's own first (none when the records are invalid)."""
        if self.records is None:
            return ()
        return (Edition(self.records.site.language, self.records, self.files), *self.others)


def generate(settings: Settings, schemas: SchemaSet | None = None) -> Generated:
    """Validate, then render every page in memory. Invalid records produce no pages at all."""
    with gc_paused():  # many small acyclic objects: nothing for the cyclic collector to find
        return _generate(settings, schemas)


# --- the stages, each usable alone: the preview runs the same ones on what changed ----------------


check = validate_project  # load and validate (cogov.validate)


def model(
    documents: Iterable[Document],
    settings: Settings,
    language: str | None = None,
    translations: tuple[TranslatedText, ...] | None = None,
) -> Records:
    """Typed records from the documents that could be read (call only on a valid project), in
    the site's language or, on a site in several, in ``language`` (cogov.translations), with
    every language's texts for the open data (``translations``, when already gathered)."""
    readable = [d for d in documents if not d.broken]
    site = next((d for d in readable if d.kind == "site"), None)
    languages = Languages.of(site.data if site else None)
    wanted = language or languages.default
    localized = localize_all(readable, wanted, languages.default)
    records = build_records(localized, settings.as_of.isoformat(), settings.withheld_key)
    if records.site.languages:
        if translations is None:
            published = [d for d in readable if publishes_text(d)]
            translations = tuple(TranslatedText(*row) for row in translated_texts(published, languages))
        records.translations = translations
        # Each language's pages live at its prefix ("", "fr/"), and say so in their addresses.
        edition = replace(records.site, language=wanted)
        url = f"{edition.root_url.rstrip('/')}/{edition.prefix(wanted)}" if edition.root_url else None
        records.site = replace(edition, url=url)
    return records


def pages(
    records: Records,
    only: set[str] | None = None,
    touched: dict[str, set[tuple[str, str]]] | None = None,
    listings: bool = True,
) -> dict[str, bytes]:
    """The Markdown pages (``only`` some of them, see :func:`cogov.render.render_site`)."""
    rendered = render_site(records, only=only, touched=touched, listings=listings)
    return {path: text.encode("utf-8") for path, text in rendered.items()}


def published_data(records: Records, content: Path) -> dict[str, bytes]:
    """The open data and the publisher's logo (checked by the validator: an image in ``content``)."""
    files = data_files(records, schema_dir())
    logo = records.site.publisher_logo
    if logo:
        files[paths.logo(logo)] = (content / logo).read_bytes()
    return files


def _generate(settings: Settings, schemas: SchemaSet | None) -> Generated:
    validation = check(settings, schemas)
    if not validation.passed(strict=settings.strict):
        return Generated(validation, None, {})
    records = model(validation.documents, settings)
    files = pages(records)
    files.update(published_data(records, settings.content))
    others = []
    for language in records.site.languages[1:]:
        edition = model(validation.documents, settings, language, records.translations)
        edition_files = pages(edition)
        edition_files.update(published_data(edition, settings.content))
        others.append(Edition(language, edition, edition_files))
    return Generated(validation, records, files, tuple(others))


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int
    search: IndexStats | None = None  # the search index, when a site was built


def write_file(target: Path, data: bytes) -> None:
    """Replace a file in one step, so a builder watching the folder never reads half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


def write_docs(files: dict[str, bytes], docs_dir: Path) -> WriteStats:
    """Make ``docs_dir`` hold exactly ``files``, touching only what changed."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = unchanged = removed = 0
    for rel, data in files.items():
        target = docs_dir / rel
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except OSError:
            pass
        write_file(target, data)
        written += 1
    wanted = {docs_dir / rel for rel in files}
    for existing in sorted(docs_dir.rglob("*"), reverse=True):
        if existing.is_file() and existing not in wanted:
            existing.unlink()
            removed += 1
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return WriteStats(written, unchanged, removed)


def mkdocs_command(config: Path, site_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config),
        "--site-dir",
        str(site_dir),
    ]


def builder_environment(as_of: dt.date) -> dict[str, str]:
    """The builder's environment: dates in its output (the sitemap) come from ``as_of``, not the clock."""
    env = dict(os.environ)
    midnight = dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)
    env.setdefault("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))
    env["NO_MKDOCS_2_WARNING"] = "1"  # the theme's end-of-life banner is for maintainers, not every build
    return env


def run_builder(project: Path, config: Path, site_dir: Path, as_of: dt.date) -> None:
    """Run the unmodified builder. Any warning fails the build, whatever the log level says.

    If cogov is stopped meanwhile (Ctrl-C, SIGTERM), the builder gets the same signal and a
    moment to stop before it is killed, so no builder outlives the build."""
    env = builder_environment(as_of)
    command = mkdocs_command(config, site_dir)
    with subprocess.Popen(
        command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as proc:
        try:
            stdout, stderr = proc.communicate()
        except BaseException:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            raise
    log = (stdout + stderr).strip()
    warnings = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    if proc.returncode != 0 or warnings:
        detail = "\n".join(warnings) or log[-4000:]
        raise BuildError(t("build.builder_failed", detail=detail))


def build_site(settings: Settings, site_dir: Path, generated: Generated) -> WriteStats:
    """Write the docs folder and build the site atomically: on any failure the previous site stays.
    A site in several languages gets a tree per language: the site's own at the root and the others
    under their prefix (/fr/), or, with ``prefix_all_languages``, every one under its prefix and a
    page to choose one at the root."""
    project = settings.project
    searchable = theme_has_search(project)
    assert generated.records is not None
    site = generated.records.site
    editions = generated.editions
    several = len(editions) > 1
    files: dict[str, bytes] = {}
    for edition in editions:
        prefix = f"{edition.language}/" if several else ""
        for path, data in edition.files.items():
            if searchable or path != paths.SEARCH:
                files[prefix + path] = data
    stats = write_docs(files, project / DOCS_DIR)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    editor = EditorSettings.of(site.editor)
    editor_files = bundle() if editor else None  # downloaded once, before anything is built
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    engine: Engine | None = None
    config = project / BUILD_CONFIG
    allowed = [*site.allowed_contacts, *([site.contact_email] if site.contact_email else [])]
    try:
        # One tree after the other, each checked and indexed before the next is built inside it
        # (the site's own language at the root holds the others' folders).
        for edition in editions:
            edition_site = edition.records.site
            prefix = edition_site.prefix(edition.language)
            tree = staging / prefix if prefix else staging
            docs = (DOCS_DIR / edition.language).as_posix() if several else None
            write_builder_config(project, edition_site, searchable, docs)
            run_builder(project, config, tree, settings.as_of)
            if not site.url:
                # Without the site's address the sitemap could only be empty, which its schema forbids.
                for name in ("sitemap.xml", "sitemap.xml.gz"):
                    (tree / name).unlink(missing_ok=True)
            url = edition_site.url
            findings = inspect_site(tree, allowed, site_path=urlsplit(url).path if url else "/")
            if findings:
                listing = "\n".join(f"  site/{prefix}{f.path}: {f.problem}" for f in findings[:50])
                advice = [
                    t(f"build.unsafe_{kind}")
                    for kind in ("personal", "executable")
                    if any(f.kind == kind for f in findings)
                ]
                raise BuildError(t("build.unsafe", count=len(findings), listing=listing) + "\n" + "\n".join(advice))
            # Indexed after the checks, so the index holds only what they let through: one index
            # per language, in its own tree.
            if searchable:
                engine = engine or search_engine.find()  # once for all the languages
                indexed = index_site(tree, engine)
                if stats.search:  # the languages' indexes together
                    earlier = stats.search
                    pages, seconds = earlier.pages + indexed.pages, earlier.seconds + indexed.seconds
                    indexed = replace(indexed, pages=pages, seconds=seconds)
                stats = replace(stats, search=indexed)
        if several and site.prefix_all_languages:
            write_language_choice(staging, generated)
        # Added after the checks, which refuse anything executable: the editor is code by design,
        # verified against its published digest (cogov.editor).
        if editor and editor_files:
            write_editor(staging, generated.records, editor, editor_files)
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        config.unlink(missing_ok=True)
    return stats


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-previous")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.replace(old)
    new.replace(target)
    shutil.rmtree(old, ignore_errors=True)
