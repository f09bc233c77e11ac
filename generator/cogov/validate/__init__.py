"""Validation: schema checks, then cross-record rules; every problem collected, reported once."""

from __future__ import annotations

from dataclasses import dataclass

from cogov.config import Settings
from cogov.errors import Diagnostic, Severity, sort_key
from cogov.messages import t
from cogov.records import ID_RE, Document, discover, slugify
from cogov.schemas import SchemaSet, default_schemas
from cogov.validate.index import KIND_LABEL, RecordIndex
from cogov.validate.rules import RULES, Context
from cogov.validate.schema_check import check_document

__all__ = ["ValidationResult", "validate_documents", "validate_project"]


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
        key = (doc.kind, doc.id)
        if key in first:
            message = t("id.duplicate", kind=KIND_LABEL[doc.kind], id=doc.id, other=first[key].path)
            out.append(Diagnostic(doc.path, 1, 1, "ID002", Severity.ERROR, message))
        else:
            first[key] = doc
    return out


def validate_documents(
    documents: list[Document], diagnostics: list[Diagnostic], settings: Settings, schemas: SchemaSet
) -> ValidationResult:
    """Check loaded documents. Cross-record rules run only on records whose schema passed, so one
    typo gives one message rather than a cascade."""
    found = list(diagnostics)
    found.extend(_identity_checks(documents))
    clean: list[Document] = []
    for doc in documents:
        if doc.broken:
            continue
        if schemas.is_valid_fast(doc.kind, doc.data):
            clean.append(doc)
            continue
        problems = check_document(doc, schemas.validator(doc.kind))
        found.extend(problems)
        if not problems:
            clean.append(doc)
    index = RecordIndex.build(documents, clean)
    ctx = Context(index=index, as_of=settings.as_of.isoformat())
    for doc in clean:
        for rule in RULES:
            found.extend(rule(doc, ctx))
    found.sort(key=sort_key)
    return ValidationResult(documents, found, index)


def validate_project(settings: Settings, schemas: SchemaSet | None = None) -> ValidationResult:
    documents, diagnostics = discover(settings.project)
    return validate_documents(documents, diagnostics, settings, schemas or default_schemas())
