"""The form editor published with the site (``/admin/`` by default): Decap CMS, its configuration
generated from the schemas (cogov.cms) and a small script of cogov's own.

The editor's code comes from the npm registry, one pinned version, checked against the registry's
SHA-512 digest before anything is unpacked, and kept in a cache so that later builds work offline
(cogov.npm).
Every file the editor loads is served by the site itself: no request goes to anyone else, except
to the git host the secretariat signs in to.

The editor is added to the built site after the site's checks (which look for anything
executable in the pages: the editor is code by design) and before the site is published, so that
a failed download leaves the previous site in place, as any other failure does.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cogov.cms import locale
from cogov.errors import BuildError
from cogov.messages import t
from cogov.model import Records
from cogov.npm import FetchFailed, Package, cache_dir, download, verified

DECAP = Package(
    "decap-cms",
    "3.16.3",
    "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
)
# What the editor loads: its bundle, the parts it loads on demand and its WebAssembly.
_WANTED = re.compile(r"package/dist/((?:[0-9]+\.)?decap-cms\.js|[0-9a-f]+\.wasm)")
# The bundle points to this file for its licence, which the package does not ship: cogov writes it
# from the package's own description (package.json).
NOTICE = "decap-cms.js.LICENSE.txt"
_COMPLETE = ".complete"
SCRIPT = "cogov-editor.js"
ASSETS = Path(__file__).parent / "assets"


def _notice(package: Package, described: dict[str, Any]) -> str:
    repository = described.get("repository")
    source = repository.get("url") if isinstance(repository, dict) else repository
    return (
        f"{package.name} {package.version}, from the npm registry ({package.integrity})\n"
        f"Licence: {described.get('license', 'see the source')}\n"
        f"Source: {source or described.get('homepage', '')}\n"
    )


def unpack(data: bytes, package: Package, target: Path) -> None:
    """Unpack the files the editor needs from a verified tarball into ``target``, all or nothing.
    Only files named by ``_WANTED`` are written, under names made here, never the archive's."""
    if not verified(data, package.integrity):
        raise BuildError(t("build.editor_digest", package=f"{package.name} {package.version}"))
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{package.folder}-", dir=target.parent))
    try:
        described: dict[str, Any] = {}
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                match = _WANTED.fullmatch(member.name)
                source = archive.extractfile(member) if member.isfile() else None
                if source is None:
                    continue
                if member.name == "package/package.json":
                    described = json.loads(source.read())
                elif match:
                    (temporary / match.group(1)).write_bytes(source.read())
        (temporary / NOTICE).write_text(_notice(package, described), encoding="utf-8")
        if not (temporary / "decap-cms.js").is_file():
            raise BuildError(t("build.editor_digest", package=f"{package.name} {package.version}"))
        (temporary / _COMPLETE).write_text(package.integrity, encoding="ascii")
        shutil.rmtree(target, ignore_errors=True)
        temporary.replace(target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def bundle(package: Package = DECAP, cache: Path | None = None) -> Path:
    """The folder holding the editor's files, downloaded once into the cache."""
    target = (cache or cache_dir()) / package.folder
    marker = target / _COMPLETE
    if marker.is_file() and marker.read_text(encoding="ascii") == package.integrity:
        return target
    try:
        data = download(package)
    except FetchFailed as error:
        raise BuildError(
            t(
                "build.editor_download",
                package=f"{package.name} {package.version}",
                address=error.address,
                reason=error.reason,
                cache=target.parent,
            )
        ) from error
    unpack(data, package, target)
    return target


@dataclass(frozen=True)
class EditorSettings:
    """The ``editor`` section of content/site.yml."""

    path: str = "admin"
    backend: str = "github"
    auth_url: str | None = None
    auth_endpoint: str | None = None
    api_root: str | None = None

    @classmethod
    def of(cls, section: dict[str, Any] | None) -> EditorSettings | None:
        if section is None:
            return None
        return cls(
            path=str(section.get("path", "admin")).strip("/") or "admin",
            backend=str(section.get("backend", "github")),
            auth_url=section.get("auth_url"),
            auth_endpoint=section.get("auth_endpoint"),
            api_root=section.get("api_root"),
        )


def configuration(records: Records, settings: EditorSettings) -> dict[str, Any]:
    """Decap's configuration for the published editor: cogov.cms's, with the site's sign-in."""
    from cogov.cms import config

    out = config(records, backend=settings.backend)
    back = out["backend"]
    for key, value in (
        ("base_url", settings.auth_url),
        ("auth_endpoint", settings.auth_endpoint),
        ("api_root", settings.api_root),
    ):
        if value:
            back[key] = value
    if records.site.url:
        out["site_url"] = records.site.url
        out["display_url"] = records.site.url
    return out


# Words of the editor's own that Decap has in English only for some of its languages (Spanish lacks
# 85, French 45, Portuguese 43): the ones a record's form shows, from cogov's catalogue, filled in
# where Decap has none. Decap's placeholders are %{name}.
DECAP_WORDS = {
    "editor.editorWidgets.list.add": ("ui.editor.add", {"item": "%{item}"}),
    "editor.editorWidgets.list.addType": ("ui.editor.add", {"item": "%{item}"}),
    "editor.editorWidgets.markdown.bold": ("ui.editor.bold", {}),
    "editor.editorWidgets.markdown.italic": ("ui.editor.italic", {}),
    "editor.editorWidgets.markdown.strikethrough": ("ui.editor.strikethrough", {}),
    "editor.editorWidgets.markdown.code": ("ui.editor.code", {}),
    "editor.editorWidgets.markdown.link": ("ui.editor.link", {}),
    "editor.editorWidgets.markdown.linkPrompt": ("ui.editor.link_prompt", {}),
    "editor.editorWidgets.markdown.headings": ("ui.editor.headings", {}),
    "editor.editorWidgets.markdown.quote": ("ui.editor.quote", {}),
    "editor.editorWidgets.markdown.bulletedList": ("ui.editor.bulleted_list", {}),
    "editor.editorWidgets.markdown.numberedList": ("ui.editor.numbered_list", {}),
    "editor.editorWidgets.markdown.addComponent": ("ui.editor.add_component", {}),
    "editor.editorWidgets.markdown.toggleMode.rich": ("ui.editor.rich_text", {}),
    "editor.editorWidgets.markdown.toggleMode.markdown": ("ui.editor.markdown", {}),
    "editor.editorWidgets.object.expand": ("ui.editor.expand", {}),
    "editor.editorWidgets.object.collapse": ("ui.editor.collapse", {}),
    "editor.editorWidgets.datetime.setToNow": ("ui.editor.set_to_now", {"field": "%{fieldLabel}"}),
    "editor.editorControl.field.widgetLabel": ("ui.editor.field", {"field": "%{widgetLabel}"}),
}


def decap_words(language: str) -> dict[str, Any]:
    """The words above in a language, nested as Decap's phrases are."""
    out: dict[str, Any] = {}
    for path, (key, fields) in DECAP_WORDS.items():
        *parents, last = path.split(".")
        node = out
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = t(key, language, **fields)
    return out


def field_order(fields: list[dict[str, Any]]) -> dict[str, Any]:
    """Each object's keys in the form's order (the schema's), for the save hook."""
    order: dict[str, Any] = {"": [f["name"] for f in fields]}
    for f in fields:
        if f.get("fields"):
            order[f["name"]] = field_order(f["fields"])
    return order


def index_html(records: Records) -> str:
    site = records.site
    # The page is in the language of the editor's own words (English where Decap has none).
    ui = site.language if locale(site.language) != "en" else "en"
    title = t("ui.editor.title", ui, site=site.title)
    escaped = html.escape(title, quote=False)
    lang = html.escape(ui)
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        '<meta name="referrer" content="same-origin">\n'
        f"<title>{escaped}</title>\n"
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "</head>\n"
        "<body>\n"
        f'<script src="{SCRIPT}"></script>\n'
        '<script src="decap-cms.js"></script>\n'
        "</body>\n"
        "</html>\n"
    )


def write_editor(site_dir: Path, records: Records, settings: EditorSettings, files: Path) -> Path:
    """Add the editor to a built site at ``settings.path``; the folder written."""
    target = site_dir / settings.path
    if target.exists():
        raise BuildError(t("build.editor_path", path=settings.path))
    target.mkdir(parents=True)
    for file in sorted(files.iterdir()):
        if file.name != _COMPLETE:
            shutil.copyfile(file, target / file.name)
    config = configuration(records, settings)
    (target / "config.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
    order = {c["name"]: field_order(c["fields"]) for c in config["collections"]}
    script = (ASSETS / SCRIPT).read_text(encoding="utf-8")
    script = script.replace("/*ORDER*/{}", json.dumps(order, ensure_ascii=False, separators=(",", ":")))
    language = locale(records.site.language)
    words = {"locale": language, "phrases": decap_words(records.site.language) if language != "en" else {}}
    script = script.replace("/*WORDS*/{}", json.dumps(words, ensure_ascii=False, separators=(",", ":")))
    (target / SCRIPT).write_text(script, encoding="utf-8")
    (target / "index.html").write_text(index_html(records), encoding="utf-8")
    return target
