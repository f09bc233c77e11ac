"""Records by kind and ID, built once, for reference checks and cross-record rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from cogov.kinds import BY_NAME
from cogov.records import Document


class _KindWords(Mapping[str, str]):
    """A kind's name in one form, in the language of the diagnostics being written."""

    def __init__(self, form: str) -> None:
        self.form = form

    def __getitem__(self, name: str) -> str:
        return BY_NAME[name].words(self.form)

    def __iter__(self) -> Iterator[str]:
        return iter(BY_NAME)

    def __len__(self) -> int:
        return len(BY_NAME)


KIND_ARTICLE: Mapping[str, str] = _KindWords("article")
KIND_LABEL: Mapping[str, str] = _KindWords("noun")


@dataclass
class RecordIndex:
    """Every record that exists (even broken ones, so references to them resolve), and which of
    them passed their schema (``clean``): only those are read by rules about other records."""

    by_kind: dict[str, dict[str, Document]] = field(default_factory=dict)
    clean: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def build(cls, documents: Iterable[Document], clean: Iterable[Document] = ()) -> RecordIndex:
        index = cls({kind: {} for kind in KIND_LABEL})
        for doc in documents:
            index.by_kind[doc.kind].setdefault(doc.id, doc)
        index.clean = {(doc.kind, doc.id) for doc in clean}
        return index

    def get(self, kind: str, record_id: str) -> Document | None:
        return self.by_kind[kind].get(record_id)

    def valid(self, kind: str, record_id: object) -> Document | None:
        """The record if it exists and passed its schema, so its fields can be trusted."""
        if not isinstance(record_id, str) or (kind, record_id) not in self.clean:
            return None
        return self.by_kind[kind].get(record_id)

    def kinds_of(self, record_id: str) -> list[str]:
        return [kind for kind, records in self.by_kind.items() if record_id in records and kind != "site"]

    def closest(self, kinds: Iterable[str], record_id: str) -> str | None:
        names = [name for kind in kinds for name in self.by_kind[kind]]
        close = difflib.get_close_matches(record_id, names, n=1, cutoff=0.75)
        return close[0] if close else None
