"""Validation: schema checks, then cross-record rules; every problem collected, reported once."""

from __future__ import annotations

from dataclasses import dataclass

from cogov.config import Settings
from cogov.errors import Diagnostic, Severity, sort_key
from cogov.messages import t
from cogov.model import WITHHELD_PREFIX
from cogov.records import ID_RE, CacheEntry, Document, discover, slugify
from cogov.schemas import SchemaSet, default_schemas
from cogov.validate.index import KIND_LABEL, RecordIndex
from cogov.validate.rules import CROSS_RULES, LOCAL_RULES, Context, site_logo
from cogov.validate.schema_check import check_document

__all__ = ["LocalCache", "ValidationResult", "validate_documents", "validate_project"]


@dataclass(frozen=True)
class ValidationResult:
    documents: list[Document]
    diagnostics: list[Diagnostic]
    index: RecordIndex

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    def passed(self, strict: bool = False) -> bool:
        return self.errors == 0 and not (strict and self.warnings)


def _identity_checks(documents: list[Document]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    first: dict[tuple[str, str], Document] = {}
    for doc in documents:
        if doc.kind != "site" and not ID_RE.fullmatch(doc.id):
            message = t("id.invalid", stem=doc.id, suggestion=slugify(doc.id))
            out.append(Diagnostic(doc.path, 1, 1, "ID001", Severity.ERROR, message))
        elif doc.id == "index":
            out.append(Diagnostic(doc.path, 1, 1, "ID004", Severity.ERROR, t("id.reserved", stem=doc.id)))
        elif doc.id.startswith(WITHHELD_PREFIX):
            message = t("id.reserved_prefix", stem=doc.id, prefix=WITHHELD_PREFIX)
            out.append(Diagnostic(doc.path, 1, 1, "ID004", Severity.ERROR, message))
        key = (doc.kind, doc.id)
        if key in first:
            message = t("id.duplicate", kind=KIND_LABEL[doc.kind], id=doc.id, other=first[key].path)
            out.append(Diagnostic(doc.path, 1, 1, "ID002", Severity.ERROR, message))
        else:
            first[key] = doc
    return out


def _named_file(diagnostic: Diagnostic, documents: list[Document]) -> bool:
    """Whether an unknown file in content/ is one a record names (the publisher's logo): it is
    published, so it is not reported as left out."""
    if diagnostic.code != "FILE001":
        return False
    for doc in documents:
        if doc.kind == "site" and not doc.broken:
            logo = site_logo(doc)
            return logo is not None and diagnostic.path == f"content/{logo}"
    return False


# Per record, the outcome of the checks that read no other record, for a record object that has
# not changed since (the preview keeps its records between runs).
LocalCache = dict[int, tuple[Document, list[Diagnostic], bool]]


def _local_checks(doc: Document, schemas: SchemaSet, ctx: Context) -> tuple[list[Diagnostic], bool]:
    """Schema problems and single-record rules; and whether the schema passed."""
    if schemas.is_valid_fast(doc.kind, doc.data):
        problems: list[Diagnostic] = []
    else:
        problems = check_document(doc, schemas.validator(doc.kind))
    clean = not problems
    if clean:
        for rule in LOCAL_RULES:
            problems.extend(rule(doc, ctx))
    return problems, clean


def validate_documents(
    documents: list[Document],
    diagnostics: list[Diagnostic],
    settings: Settings,
    schemas: SchemaSet,
    cache: LocalCache | None = None,
) -> ValidationResult:
    """Check loaded documents. Cross-record rules run only on records whose schema passed, so one
    typo gives one message rather than a cascade."""
    found = [d for d in diagnostics if not _named_file(d, documents)]
    found.extend(_identity_checks(documents))
    clean: list[Document] = []
    local_ctx = Context(index=RecordIndex(), as_of=settings.as_of.isoformat())
    fresh: LocalCache = {}
    for doc in documents:
        if doc.broken:
            continue
        hit = cache.get(id(doc)) if cache is not None else None
        if hit is not None and hit[0] is doc:
            problems, passed = hit[1], hit[2]
        else:
            problems, passed = _local_checks(doc, schemas, local_ctx)
        fresh[id(doc)] = (doc, problems, passed)
        found.extend(problems)
        if passed:
            clean.append(doc)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    index = RecordIndex.build(documents, clean)
    ctx = Context(index=index, as_of=settings.as_of.isoformat(), content=settings.content)
    for doc in clean:
        for rule in CROSS_RULES:
            found.extend(rule(doc, ctx))
    found.sort(key=sort_key)
    return ValidationResult(documents, found, index)


def validate_project(
    settings: Settings,
    schemas: SchemaSet | None = None,
    cache: dict[str, CacheEntry] | None = None,
    local_cache: LocalCache | None = None,
) -> ValidationResult:
    """Load and validate a project. With the caches (the preview keeps them between runs),
    unchanged files are neither read nor checked again."""
    documents, diagnostics = discover(settings.project, cache)
    return validate_documents(documents, diagnostics, settings, schemas or default_schemas(), local_cache)
