"""Records by kind and ID, built once, for reference checks and cross-record rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from cogov.records import Document

KIND_LABEL = {
    "site": "site",
    "organization": "organization",
    "person": "person",
    "body": "body",
    "plan": "action plan",
    "commitment": "commitment",
    "meeting": "meeting",
    "page": "page",
}


@dataclass
class RecordIndex:
    by_kind: dict[str, dict[str, Document]] = field(default_factory=dict)

    @classmethod
    def build(cls, documents: Iterable[Document]) -> RecordIndex:
        index = cls({kind: {} for kind in KIND_LABEL})
        for doc in documents:
            index.by_kind[doc.kind].setdefault(doc.id, doc)
        return index

    def get(self, kind: str, record_id: str) -> Document | None:
        return self.by_kind[kind].get(record_id)

    def kinds_of(self, record_id: str) -> list[str]:
        return [kind for kind, records in self.by_kind.items() if record_id in records and kind != "site"]

    def closest(self, kinds: Iterable[str], record_id: str) -> str | None:
        names = [name for kind in kinds for name in self.by_kind[kind]]
        close = difflib.get_close_matches(record_id, names, n=1, cutoff=0.75)
        return close[0] if close else None
