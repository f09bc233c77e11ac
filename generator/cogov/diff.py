"""`cogov diff`: what changed in the records between two git revisions, in human terms.

Reviewers (a forum's co-chairs) need to see "Ana Quispe leaves the forum on 2025-03-31", not a
YAML diff. Changes to minutes that were already approved are flagged for their attention.
The comparison reads raw records, so it also works when a revision does not validate.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cogov.errors import UsageError, format_field
from cogov.i18n import format_date
from cogov.kinds import BY_NAME, NAMES
from cogov.markup import escape_text
from cogov.messages import READER_LANGUAGE, t
from cogov.records import Document, discover
from cogov.reporters import visible
from cogov.translations import Languages, language_name, localize, plain, translatable_fields, values_at

Key = tuple[str, str]


@dataclass(frozen=True)
class Change:
    message: str
    attention: bool = False  # reviewers should look at this one closely


# --- reading a revision ---------------------------------------------------------------------


def _git(project: Path, *args: str) -> bytes:
    proc = subprocess.run(["git", "-C", str(project), *args], capture_output=True, check=False)
    if proc.returncode != 0:
        raise UsageError(
            t("diff.git_failed", command=" ".join(args), error=proc.stderr.decode(errors="replace").strip())
        )
    return proc.stdout


def load_revision(project: Path, revision: str | None) -> dict[Key, Document]:
    """The records of ``revision`` (None: the working tree), keyed by (kind, ID)."""
    if revision is None:
        documents, _ = discover(project)
        return {(d.kind, d.id): d for d in documents}
    prefix = _git(project, "rev-parse", "--show-prefix").decode().strip()
    listing = _git(project, "ls-tree", "-d", "--name-only", revision, "--", f"{prefix}content")
    with tempfile.TemporaryDirectory(prefix="cogov-diff-") as tmp:
        root = Path(tmp)
        if listing.strip():
            archive = _git(project, "archive", "--format=tar", revision, "--", f"{prefix}content")
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(root, filter="data")
        target = root / prefix
        (target / "content").mkdir(parents=True, exist_ok=True)
        documents, _ = discover(target)
    return {(d.kind, d.id): d for d in documents}


# --- describing changes ---------------------------------------------------------------------


class Describer:
    def __init__(self, before: dict[Key, Document], after: dict[Key, Document], default: str = "en") -> None:
        self.before, self.after = before, after
        self.default = default  # the site's language, which a translatable text's plain value is in

    def person(self, person_id: object) -> str:
        for records in (self.after, self.before):
            doc = records.get(("person", str(person_id)))
            if doc and isinstance(doc.data.get("name"), str):
                withheld = doc.data.get("withdrawn") is True
                return t("ui.withheld", READER_LANGUAGE.get()) if withheld else str(doc.data["name"])
        return str(person_id)

    def name(self, kind: str, record_id: str, field: str = "name") -> str:
        for records in (self.after, self.before):
            doc = records.get((kind, record_id))
            if doc and isinstance(doc.data.get(field), str):
                return str(doc.data[field])
        return record_id

    def changes(self) -> Iterator[Change]:
        for key in sorted(set(self.before) | set(self.after), key=lambda k: (_ORDER.index(k[0]), k[1])):
            old, new = self.before.get(key), self.after.get(key)
            kind = key[0]
            handler = getattr(self, f"_{kind}", None)
            if handler is None:
                if old is None or new is None or old.data != new.data or old.markdown != new.markdown:
                    yield from self._generic(kind, old, new)
                continue
            yield from handler(old, new)
            if old is not None and new is not None:
                # What the handler's sentences do not fully describe is still listed by field, so no
                # change to a record goes unseen.
                rest = sorted(_changed_fields(old, new) - _described(kind, old, new))
                if rest:
                    yield Change(t("diff.changed", kind=kind_heading(kind), path=new.path, fields=", ".join(rest)))

    # each handler receives the old and new document (either may be None)

    def _generic(self, kind: str, old: Document | None, new: Document | None) -> Iterator[Change]:
        doc = new or old
        assert doc is not None
        if old is None:
            yield Change(t("diff.added", kind=kind_heading(kind), path=doc.path))
        elif new is None:
            yield Change(t("diff.removed", kind=kind_heading(kind), path=doc.path), attention=True)
        else:
            fields = sorted(k for k in set(old.data) | set(new.data) if old.data.get(k) != new.data.get(k))
            if old.markdown != new.markdown:
                fields.append(t("diff.text"))
            yield Change(t("diff.changed", kind=kind_heading(kind), path=doc.path, fields=", ".join(fields)))

    def _person(self, old: Document | None, new: Document | None) -> Iterator[Change]:
        if old is None and new is not None:
            yield Change(t("diff.person_added", name=self.person(new.id)))
        elif new is None and old is not None:
            yield Change(t("diff.person_removed", id=old.id), attention=True)
        elif old and new and old.data != new.data:
            if new.data.get("withdrawn") is True and old.data.get("withdrawn") is not True:
                yield Change(t("diff.person_withdrawn", id=new.id), attention=True)
            elif old.data.get("name") != new.data.get("name"):
                yield Change(t("diff.person_renamed", old=old.data.get("name"), new=new.data.get("name")))
            else:
                yield from self._generic("person", old, new)

    def _body(self, old: Document | None, new: Document | None) -> Iterator[Change]:
        if old is None or new is None:
            yield from self._generic("body", old, new)
            if new is None:
                return
        body = self.name("body", (new or old).id)  # type: ignore[union-attr]
        before = _memberships(old)
        after = _memberships(new)
        for key, m in after.items():
            person = self.person(m.get("person"))
            role = t(f"ui.role.{m.get('role')}", READER_LANGUAGE.get()) if m.get("role") else ""
            prior = before.get(key)
            if prior is None:
                yield Change(t("diff.joins", person=person, body=body, role=role.lower(), start=m.get("start")))
                if m.get("end"):
                    yield Change(t("diff.leaves", person=person, body=body, end=m.get("end")))
            elif prior.get("end") != m.get("end"):
                if m.get("end"):
                    yield Change(t("diff.leaves", person=person, body=body, end=m.get("end")))
                else:
                    yield Change(t("diff.end_removed", person=person, body=body), attention=True)
            elif prior != m:
                yield Change(t("diff.membership_changed", person=person, body=body))
        for key, m in before.items():
            if key not in after:
                yield Change(
                    t("diff.membership_deleted", person=self.person(m.get("person")), body=body), attention=True
                )
        if old and new:
            rest_old = {k: v for k, v in old.data.items() if k != "members"}
            rest_new = {k: v for k, v in new.data.items() if k != "members"}
            if rest_old != rest_new:
                fields = sorted(k for k in set(rest_old) | set(rest_new) if rest_old.get(k) != rest_new.get(k))
                yield Change(t("diff.changed", kind=kind_heading("body"), path=new.path, fields=", ".join(fields)))

    def _commitment(self, old: Document | None, new: Document | None) -> Iterator[Change]:
        doc = new or old
        assert doc is not None
        label = str(doc.data.get("ogp_id") or doc.id)
        if old is None:
            yield Change(t("diff.commitment_added", label=label, title=doc.data.get("title")))
            return
        if new is None:
            yield Change(t("diff.commitment_removed", label=label), attention=True)
            return
        if old.data.get("status") != new.data.get("status"):
            yield Change(t("diff.status", label=label, old=old.data.get("status"), new=new.data.get("status")))
        olds, news = _list(old.data, "milestones"), _list(new.data, "milestones")
        for i, m in enumerate(news, start=1):
            prior = olds[i - 1] if i <= len(olds) else None
            if prior is None:
                yield Change(t("diff.milestone_added", label=label, n=i, title=m.get("title")))
            elif prior.get("status") != m.get("status"):
                if m.get("status") == "completed":
                    yield Change(t("diff.milestone_completed", label=label, n=i))
                else:
                    yield Change(
                        t("diff.milestone_status", label=label, n=i, old=prior.get("status"), new=m.get("status"))
                    )
        if len(olds) > len(news):
            yield Change(t("diff.milestones_removed", label=label, count=len(olds) - len(news)), attention=True)
        old_updates = {(u.get("date"), u.get("summary")) for u in _list(old.data, "updates")}
        for u in _list(new.data, "updates"):
            if (u.get("date"), u.get("summary")) not in old_updates:
                yield Change(t("diff.update_added", label=label, date=u.get("date"), status=u.get("status")))
        if old.markdown != new.markdown:
            yield Change(t("diff.description_changed", label=label))

    def _meeting(self, old: Document | None, new: Document | None) -> Iterator[Change]:
        doc = new or old
        assert doc is not None
        body = self.name("body", doc.parent)
        date = format_date(str(doc.data.get("date") or doc.id[:10]), READER_LANGUAGE.get())
        if old is None:
            status = doc.data.get("status", "held")
            if status == "held":
                minutes = doc.data.get("minutes") or t("diff.no_status")
                yield Change(t("diff.new_minutes", body=body, date=date, minutes=minutes))
            else:
                yield Change(t("diff.new_meeting", body=body, date=date, status=status, title=doc.data.get("title")))
            return
        was_approved = old.data.get("minutes") == "approved"
        if new is None:
            yield Change(t("diff.meeting_removed", body=body, date=date), attention=True)
            return
        if old.data.get("status", "held") != new.data.get("status", "held"):
            yield Change(
                t(
                    "diff.meeting_status",
                    body=body,
                    date=date,
                    old=old.data.get("status", "held"),
                    new=new.data.get("status", "held"),
                )
            )
        if old.data.get("minutes") != new.data.get("minutes"):
            if new.data.get("minutes") == "approved":
                yield Change(t("diff.minutes_approved", body=body, date=date, where=new.data.get("approved_in") or "?"))
            else:
                yield Change(
                    t(
                        "diff.minutes_status",
                        body=body,
                        date=date,
                        old=old.data.get("minutes"),
                        new=new.data.get("minutes"),
                    ),
                    attention=was_approved,
                )
        for what, changed in (
            ("decisions", _list(old.data, "decisions") != _list(new.data, "decisions")),
            ("attendance", _list(old.data, "attendance") != _list(new.data, "attendance")),
            ("minutes", old.markdown != new.markdown),
        ):
            if changed and was_approved:
                yield Change(t(f"diff.approved_{what}_changed", date=date, body=body), attention=True)
            elif changed:
                yield Change(t(f"diff.{what}_changed", date=date, body=body))
        old_actions = {str(a.get("text")): a for a in _list(old.data, "actions")}
        for a in _list(new.data, "actions"):
            prior = old_actions.get(str(a.get("text")))
            if prior is None:
                yield Change(t("diff.action_added", date=date, text=_short(a.get("text"))))
            elif prior.get("status", "open") != a.get("status", "open"):
                yield Change(
                    t(
                        "diff.action_status",
                        date=date,
                        text=_short(a.get("text")),
                        old=prior.get("status", "open"),
                        new=a.get("status", "open"),
                    )
                )

    def _plan(self, old: Document | None, new: Document | None) -> Iterator[Change]:
        if old and new and old.data.get("status") != new.data.get("status"):
            title = new.data.get("title") or new.id
            yield Change(t("diff.plan_status", title=title, old=old.data.get("status"), new=new.data.get("status")))
        elif old is None or new is None or old.data != new.data:
            yield from self._generic("plan", old, new)


_ORDER = list(NAMES)


def kind_heading(name: str) -> str:
    return BY_NAME[name].words("heading")


def _changed_fields(old: Document, new: Document) -> set[str]:
    return {k for k in set(old.data) | set(new.data) if old.data.get(k) != new.data.get(k)}


def _differ_only_in(old: list[dict[str, Any]], new: list[dict[str, Any]], field: str) -> bool:
    """Whether each item kept its place and changed at most ``field`` (items may be added at the end)."""
    return len(new) >= len(old) and all(
        {k: v for k, v in a.items() if k != field} == {k: v for k, v in b.items() if k != field}
        for a, b in zip(old, new, strict=False)
    )


def _described(kind: str, old: Document, new: Document) -> set[str]:
    """The fields whose every change the kind's handler puts in words."""
    match kind:
        case "person":
            return {"withdrawn"} if new.data.get("withdrawn") is True else {"name"}
        case "body":
            return _changed_fields(old, new)  # memberships in words, the rest by field
        case "plan":
            return {"status"}
        case "commitment":
            described = {"status"}
            if _differ_only_in(_list(old.data, "milestones"), _list(new.data, "milestones"), "status"):
                described.add("milestones")
            if all(u in _list(new.data, "updates") for u in _list(old.data, "updates")):
                described.add("updates")
            return described
        case "meeting":
            described = {"status", "minutes", "decisions", "attendance", "approved_in"}
            olds = {str(a.get("text")): a for a in _list(old.data, "actions")}
            news = {str(a.get("text")): a for a in _list(new.data, "actions")}
            if all(text in news and _differ_only_in([a], [news[text]], "status") for text, a in olds.items()):
                described.add("actions")
            return described
    return set()


def _memberships(doc: Document | None) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Memberships keyed by (person, role, start): the identity a secretariat does not edit."""
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for m in _list(doc.data if doc else {}, "members"):
        out[(str(m.get("person")), str(m.get("role")), str(m.get("start")))] = m
    return out


def _list(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _short(text: object, limit: int = 70) -> str:
    value = " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def diff_revisions(project: Path, base: str, head: str | None, as_of: str | None = None) -> list[Change]:
    raw_before = load_revision(project, base)
    raw_after = load_revision(project, head)
    # The records as the site's own language reads them; translations are described on their own.
    languages = _languages(raw_after) or _languages(raw_before)
    before = {k: localize(d, languages.default, languages.default) for k, d in raw_before.items()}
    after = {k: localize(d, languages.default, languages.default) for k, d in raw_after.items()}
    describer = Describer(before, after, languages.default)
    changes = list(describer.changes())
    changes += translation_changes(raw_before, raw_after, languages, describer)
    if as_of:
        changes += standards_changes(before, after, as_of)
    return [c for c in changes if c.attention] + [c for c in changes if not c.attention]


def _languages(documents: dict[Key, Document]) -> Languages:
    site = next((d for d in documents.values() if d.kind == "site"), None)
    return Languages.of(site.data if site else None)


def _label(describer: Describer, doc: Document) -> str:
    """How a change names a record: a meeting by its body and date, others by their name."""
    if doc.kind == "meeting":
        return t("diff.meeting_label", body=describer.name("body", doc.parent), date=str(doc.data.get("date", doc.id)))
    for field in ("title", "name"):
        value = plain(doc.data.get(field), describer.default) if field in doc.data else None
        if value:
            return t("diff.record_label", kind=BY_NAME[doc.kind].words("noun"), name=value)
    return t("diff.record_label", kind=BY_NAME[doc.kind].words("noun"), name=doc.id)


def translation_changes(
    before: dict[Key, Document], after: dict[Key, Document], languages: Languages, describer: Describer
) -> list[Change]:
    """Translations added, changed or removed: "French added for the meeting of 2026-11-17 (Forum): the text"."""
    out: list[Change] = []
    reader = READER_LANGUAGE.get()
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        doc = new or old
        assert doc is not None
        for lang in languages.others:
            added: list[str] = []
            changed: list[str] = []
            removed: list[str] = []
            for path in translatable_fields(doc.kind):
                olds = _in_language(old, path, lang)
                news = _in_language(new, path, lang)
                for where in sorted(set(olds) | set(news)):
                    bucket = added if where not in olds else removed if where not in news else None
                    if bucket is None and olds[where] != news[where]:
                        bucket = changed
                    if bucket is not None:
                        bucket.append(where)
            old_text = old.translations.get(lang) if old else None
            new_text = new.translations.get(lang) if new else None
            text = t("diff.the_text")
            if new_text and not old_text:
                added.append(text)
            elif old_text and not new_text:
                removed.append(text)
            elif old_text and new_text and old_text.markdown != new_text.markdown:
                changed.append(text)
            name = language_name(lang, reader)
            for bucket, message, attention in (
                (added, "diff.translation_added", False),
                (changed, "diff.translation_changed", False),
                (removed, "diff.translation_removed", True),
            ):
                if bucket:
                    label = _label(describer, doc)
                    out.append(Change(t(message, name=name, label=label, fields=", ".join(bucket)), attention))
    return out


def _in_language(doc: Document | None, path: tuple[str, ...], lang: str) -> dict[str, str]:
    if doc is None:
        return {}
    found: dict[str, str] = {}
    for where, value in values_at(doc.data, path):
        if isinstance(value, dict) and isinstance(value.get(lang), str):
            found[format_field(where)] = value[lang]
    return found


def _assessed(documents: dict[Key, Document], as_of: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    from cogov import standards
    from cogov.model_build import build_records

    languages = _languages(documents)
    readable = [localize(d, languages.default, languages.default) for d in documents.values() if not d.broken]
    records = build_records(readable, as_of)
    found = standards.of_records(records)
    return {(a.plan, a.requirement, a.period): (a.status, records.plans[a.plan].title) for a in found}


def standards_changes(before: dict[Key, Document], after: dict[Key, Document], as_of: str) -> list[Change]:
    """How a change moves the OGP standards: "5.1 for 2026 (plan): not yet due → met". A
    requirement that gets worse is for reviewers' attention."""
    from cogov.standards import STATUSES

    try:
        old, new = _assessed(before, as_of), _assessed(after, as_of)
    except (KeyError, TypeError, ValueError, AttributeError):
        # Records that do not pass the check cannot be assessed; the check reports them.
        return []
    out = []
    for key, (status, title) in new.items():
        previous = old.get(key, (None, title))[0]
        if previous == status:
            continue
        _plan, requirement, period = key
        message = t(
            "diff.standard",
            requirement=t("diff.next_plan") if requirement == "next-plan" else requirement,
            period=period.replace("/", " – "),
            plan=title,
            before=t(f"ui.standard_status.{previous}") if previous else "—",
            after=t(f"ui.standard_status.{status}"),
        )
        worse = previous is not None and STATUSES.index(status) > STATUSES.index(previous) and status != "not-due"
        out.append(Change(message, attention=worse))
    return out


def _text(changes: list[Change]) -> str:
    if not changes:
        return t("diff.none") + "\n"
    return "\n".join(("! " if c.attention else "- ") + c.message for c in changes) + "\n"


def _markdown(changes: list[Change]) -> str:
    out = [f"### {t('diff.title')}", ""]
    if not changes:
        return "\n".join([*out, t("diff.none"), ""])
    attention = [c for c in changes if c.attention]
    if attention:
        out += [f"**{t('diff.attention')}**", ""]
        out += [f"- :warning: {_md(c.message)}" for c in attention] + [""]
    out += [f"- {_md(c.message)}" for c in changes if not c.attention]
    return "\n".join(out) + "\n"


def _json(changes: list[Change]) -> str:
    payload = {"changes": [{"message": c.message, "attention": c.attention} for c in changes]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


# Output formats, by name: the same strategy registry as validation's reporters.
FORMATS: dict[str, Callable[[list[Change]], str]] = {"text": _text, "markdown": _markdown, "json": _json}


def format_changes(changes: list[Change], fmt: str) -> str:
    # Text from records reaches a terminal or a pull-request page: invisible characters that
    # reorder or hide text are shown as <U+202E>.
    return FORMATS[fmt]([Change(visible(c.message), c.attention) for c in changes])


def _md(text: str) -> str:
    """One list item of plain text: no links, images, emphasis, HTML or block markup."""
    return escape_text(text, minimal=True)
