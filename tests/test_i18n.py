"""The site speaks its language: gettext catalogues (PO files) for page text, Babel for dates."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from markupsafe import Markup

from cogov import i18n
from cogov.config import Settings
from cogov.pipeline import generate
from tests.conftest import ROOT, in_one_language

# Languages whose page text is complete: every message translated.
COMPLETE = {"site": ["ar", "es", "fr", "pt"], "diagnostics": ["ar", "es", "fr", "pt"], "cli": ["ar", "es", "fr", "pt"]}


def _messages(path: Path) -> dict[tuple[str | None, str], tuple[str, ...]]:
    """(context, message ID) to its translations (one per plural form)."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    out = {}
    for m in catalog:
        if m.id:
            key = m.id[0] if isinstance(m.id, tuple) else m.id
            out[(m.context, str(key))] = tuple(m.string) if isinstance(m.string, tuple) else (str(m.string),)
    return out


def _fields(text: str) -> list[str]:
    return sorted(part.split("}")[0] for part in text.split("{")[1:])


@pytest.mark.parametrize("domain", sorted(i18n.DOMAINS))
def test_the_catalogue_template_is_up_to_date(domain: str) -> None:
    """A message added to a template or to messages.py without `make catalogues` fails here."""
    extracted = {(m.context, str(m.id[0] if isinstance(m.id, tuple) else m.id)) for m in i18n.template(domain) if m.id}
    assert extracted == set(_messages(i18n.LOCALES / f"{domain}.pot")), "run `make catalogues`"


@pytest.mark.parametrize(
    ("domain", "language"), [(d, lang) for d in sorted(i18n.DOMAINS) for lang in i18n.catalogue_languages(d)]
)
def test_every_catalogue_has_every_message(domain: str, language: str) -> None:
    template = set(_messages(i18n.LOCALES / f"{domain}.pot"))
    messages = _messages(i18n.LOCALES / language / "LC_MESSAGES" / f"{domain}.po")
    assert set(messages) == template, "run `make catalogues`"
    if language in COMPLETE[domain]:
        assert sorted(k for k, forms in messages.items() if not all(forms)) == []
    for (_context, message), forms in messages.items():
        # A translation keeps every field of the message (a translator may reorder them).
        assert all(not form or _fields(form) == _fields(message) for form in forms), message


def test_dates_follow_the_language() -> None:
    assert i18n.format_date("2026-11-17", "en") == "17 November 2026"
    assert i18n.format_date("2026-11-17", "es") == "17 de noviembre de 2026"
    assert i18n.format_date("2026-11-17", "es-PE") == "17 de noviembre de 2026"
    assert i18n.format_date("2026-11-17", "qu-PE").endswith("2026")


def test_fields_in_translated_text_are_escaped() -> None:
    from cogov.render.environment import Helpers

    helpers = Helpers.__new__(Helpers)
    helpers.catalogue = i18n.translations("es")
    text = helpers.tr("{kind} of the {body}", kind="[x](javascript:y) *b*", body=Markup("[Forum](f.md)"))
    assert text == "\\[x\\]\\(javascript:y\\) \\*b\\* del [Forum](f.md)"


def test_a_spanish_site_speaks_spanish(tmp_path: Path) -> None:
    project = tmp_path / "es"
    shutil.copytree(ROOT / "content", project / "content")
    in_one_language(project, "es")
    generated = generate(Settings.for_project(project, as_of=dt.date(2026, 11, 26)))
    page = generated.files["meetings/2024-11-26-ordinary.md"].decode("utf-8")
    for text in ("## Asistencia", "- Fecha: **26 de noviembre de 2024**", "| Presente |", "Sesión ordinaria del"):
        assert text in page
    for english in ("## Attendance", "Date:", "| Present |", "Fictional sample"):
        assert english not in page


def _pseudo(text: str) -> str:
    """A pseudo-translation: every letter outside {fields} accented, brackets around the whole."""
    accents = str.maketrans("aeiouAEIOUcnsyCNSY", "áéíóúÁÉÍÓÚçñšýÇÑŠÝ")
    parts = text.split("{")
    out = [parts[0].translate(accents)]
    for part in parts[1:]:
        field, _, rest = part.partition("}")
        out.append("{" + field + "}" + rest.translate(accents))
    return "[" + "".join(out) + "]"


def test_no_page_text_escapes_the_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built in a pseudo-language whose every message is transformed, no page holds one of the
    catalogue's English sentences: text written outside the catalogue would show up here."""
    import gettext
    import io
    import re

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    template = i18n.template()
    pseudo = Catalog(locale="es")
    for m in template:
        if m.id:
            string = tuple(_pseudo(s) for s in m.id) if isinstance(m.id, tuple) else _pseudo(m.id)
            pseudo.add(m.id, string, context=m.context)
    buffer = io.BytesIO()
    write_mo(buffer, pseudo)
    buffer.seek(0)
    catalogue = gettext.GNUTranslations(buffer)
    monkeypatch.setattr(i18n, "translations", lambda language, domain="site": catalogue)
    import cogov.messages
    import cogov.render.environment

    monkeypatch.setattr(cogov.messages, "translations", lambda language, domain="site": catalogue)
    monkeypatch.setattr(cogov.render.environment, "translations", lambda language: catalogue)

    project = tmp_path / "pseudo"
    shutil.copytree(ROOT / "content", project / "content")
    in_one_language(project, "es")
    generated = generate(Settings.for_project(project, as_of=dt.date(2026, 11, 26)))
    pages = {p: data.decode("utf-8") for p, data in generated.files.items() if p.endswith(".md")}
    records = "\n".join(
        p.read_text(encoding="utf-8") for p in (project / "content").rglob("*") if p.suffix in (".yml", ".md")
    )
    # English sentences of two words or more, their fields as wildcards, that the records do not hold.
    sentences = []
    with (i18n.LOCALES / "site.pot").open("rb") as handle:
        catalogued = list(read_po(handle))  # the catalogue as committed: sentences a page must not hold in English
    for m in catalogued:
        english = m.id[0] if isinstance(m.id, tuple) else m.id
        plain = re.sub(r"\{[^}]*\}", "\x00", english)
        if m.id and len(plain.split()) >= 2 and plain.replace("\x00", "").strip() not in records:
            pattern = r"\S*".join(re.escape(" ".join(piece.split())) for piece in plain.split("\x00"))
            sentences.append((english, re.compile(pattern)))
    assert len(sentences) > 80
    leaks = [
        f"{path}: {english!r}"
        for path, text in pages.items()
        for english, pattern in sentences
        if pattern.search(" ".join(text.replace("\\", "").split()))
    ]
    assert leaks == []


@pytest.mark.parametrize("language", COMPLETE["diagnostics"])
def test_diagnostics_in_other_languages_keep_their_codes_and_places(tmp_path: Path, language: str) -> None:
    """Every invalid case folder, reported in another language: the same codes, files, lines,
    columns and fields as in English, every message translated."""
    import io
    from contextlib import redirect_stdout

    from cogov.cli import main
    from tests.conftest import CASES, materialize_case

    checked = 0
    for case in sorted((CASES / "invalid").iterdir()):
        project = materialize_case(case, tmp_path / case.name)
        try:
            outputs = {}
            for lang in ("en", language):
                out = io.StringIO()
                with redirect_stdout(out):
                    main(["validate", "--project", str(project), "--as-of", "2025-01-01", "--lang", lang])
                outputs[lang] = out.getvalue().splitlines()[:-1]  # without the summary
        finally:
            shutil.rmtree(project, ignore_errors=True)
        english, translated = outputs["en"], outputs[language]
        assert len(english) == len(translated), case.name
        for en_line, es_line in zip(english, translated, strict=True):
            head = r"^(\S+: (?:error|warning) [A-Z]+[0-9]{3}(?: \S+:)?) (.*)$"
            en_match, es_match = re.match(head, en_line), re.match(head, es_line)
            assert en_match and es_match and en_match.group(1) == es_match.group(1), (case.name, es_line)
            assert en_match.group(2) != es_match.group(2), (case.name, "not translated", es_line)
            checked += 1
    assert checked > 40


def test_schema_hints_are_in_the_readers_language(tmp_path: Path) -> None:
    """A value of the wrong form is explained by the field's hint, in the reader's language too."""
    import io
    from contextlib import redirect_stdout

    from cogov.cli import main
    from tests.conftest import CASES, materialize_case

    assert "an ID uses lower-case letters, digits and single hyphens, for example `ana-quispe`" in i18n.schema_hints()
    project = materialize_case(CASES / "invalid" / "chair-and-seats-shapes", tmp_path / "p")
    out = io.StringIO()
    with redirect_stdout(out):
        main(["validate", "--project", str(project), "--lang", "es", "--as-of", "2025-01-01"])
    assert "los puestos son una cifra por sector" in out.getvalue()
    assert "seats are a count per sector" not in out.getvalue()
