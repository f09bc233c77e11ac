"""Every user-visible sentence, in one place, so it can be reviewed and translated.

Diagnostics are written for secretariat staff, not for developers: say what is wrong in the terms
of the record, and what to do about it. Keys are stable; templates use ``str.format`` fields.
A translation is another dictionary with the same keys; missing keys fall back to English.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

_EN: dict[str, str] = {
    # --- loading -----------------------------------------------------------------------------
    "load.alias": "uses an alias (*name); write the value out in full, anchors and aliases are not allowed",
    "load.merge_key": "uses a merge key (<<); write the fields out in full",
    "load.tag": "uses the YAML tag {tag}; remove it, records hold plain text, numbers, lists and fields",
    "load.bad_key": "a field name must be plain text (for example `title:`)",
    "load.duplicate_key": "the field `{key}` appears twice (first on line {first}); keep only one",
    "load.too_deep": "is nested more than {limit} levels deep; records are never that deep",
    "load.too_big": "is {size} bytes, over the limit of {limit} bytes for one record",
    "load.unreadable": "cannot be read: {reason}",
    "load.bom": "starts with an invisible byte-order mark; save the file as UTF-8 without BOM",
    "load.not_utf8": "is not valid UTF-8 text here; save the file as UTF-8",
    "load.control": "contains an invisible control character ({char}); delete it and type the text again",
    "load.yaml_syntax": "the file could not be read as YAML: {problem}. {hint}",
    "load.yaml_other": "the file could not be read as YAML: {problem}",
    "load.hint.colon": "A value contains a colon followed by a space: put the whole value in double quotes.",
    "load.hint.tab_or_char": "Indent with spaces, not tabs, and put values that start with a symbol in quotes.",
    "load.hint.missing_colon": "A line is missing its `:` or is indented differently from the lines around it.",
    "load.hint.indent": "Check the indentation: items of one list or fields of one entry line up exactly.",
    "load.hint.unclosed_quote": "A quoted value is not closed: add the closing quote.",
    "load.hint.escape": "Inside double quotes a backslash starts an escape: use single quotes or write \\\\.",
    "load.hint.single_document": "A record file holds one document: remove the extra `---` line.",
    "load.hint.alias": "A value starts with `*`: put it in quotes.",
    "load.hint.tag": "A value starts with `!`: put it in quotes.",
    "load.front_matter_missing": (
        "must start with a front matter block: a line `---`, the fields, and a closing line `---`"
    ),
    "load.front_matter_unclosed": "the front matter block that starts on line 1 is never closed with a `---` line",
    "load.not_mapping": "must contain fields (`name: value` lines), not {found}",
    # --- files and IDs ------------------------------------------------------------------------
    "file.unknown": "is not a record file and is not published; records live in the folders listed in the README",
    "file.yaml_ext": "record files end in .yml: rename it to {name}",
    "file.md_expected": "this kind of record is a Markdown file: rename it to {name}",
    "file.symlink": "is a symbolic link; records must be ordinary files",
    "file.no_site": "content/site.yml is missing: every records project has one (see the README)",
    "file.no_content": "no `content/` folder in {project}: is this a records project?",
    "id.invalid": (
        "the file name `{stem}` is not a valid ID: use lower-case letters, digits and single hyphens, "
        "for example `{suggestion}`"
    ),
    "id.duplicate": "the {kind} ID `{id}` is also used by {other}; IDs must be unique",
    "id.meeting_name": "a meeting file is named `YYYY-MM-DD-short-name.md`, for example `2025-03-14-ordinary.md`",
    # --- schema -------------------------------------------------------------------------------
    "schema.required": "the required field `{field}` is missing",
    "schema.unknown_field": "`{field}` is not a field of {kind}{suggestion}",
    "schema.did_you_mean": " (did you mean `{value}`?)",
    "schema.enum": "`{value}` is not allowed here; use one of: {allowed}{suggestion}",
    "schema.empty": "is empty: fill it in or delete the line",
    "schema.type": "must be {expected}, not {found}",
    "schema.format.date": "`{value}` is not a date: write it as YYYY-MM-DD, for example 2025-03-14",
    "schema.format.timezone": "`{value}` is not a time zone name: use one like America/Lima or Europe/Paris",
    "schema.format.email": "`{value}` is not an e-mail address",
    "schema.pattern": "`{value}` is not valid here: {hint}",
    "schema.min_length": "must not be empty",
    "schema.max_length": "is too long ({length} characters, at most {limit})",
    "schema.minimum": "must be at least {limit}",
    "schema.maximum": "must be at most {limit}",
    "schema.min_items": "must list at least {limit} item(s)",
    "schema.unique": "lists the same value twice",
    "schema.other": "is not valid: {detail}",
    "type.string": "text",
    "type.integer": "a whole number",
    "type.number": "a number",
    "type.boolean": "true or false",
    "type.array": "a list (lines starting with `- `)",
    "type.object": "a group of fields",
    "type.null": "empty",
    # --- cross-record rules -------------------------------------------------------------------
    "ref.missing": "no {kind} with the ID `{id}`{suggestion}",
    "ref.wrong_kind": "`{id}` is {found}, but {kind} is expected here",
    "ref.owner_missing": "no person or organization with the ID `{id}`{suggestion}",
    "ref.meeting_folder": "the folder `{body}` does not match any body in content/bodies/{suggestion}",
    "date.meeting_name": "the date {date} differs from the date in the file name ({name_date})",
    "date.end_before_start": "ends ({end}) before it starts ({start})",
    "date.held_in_future": "the meeting is on {date}, after today ({today}), so it cannot have been held yet: write `status: scheduled`",
    "date.scheduled_past": "is still `scheduled` although its date {date} has passed: was it held, cancelled or postponed?",
    "date.milestone_outside": "milestone dates ({start} to {end}) fall outside the {owner} period ({pstart} to {pend})",
    "date.membership_outside_body": "membership starts before the body was established ({established})",
    "date.update_future": "progress update is dated {date}, after today ({today})",
    "member.overlap": "{person} already has a membership of this body from {start} to {end} (entry {other}); "
    "end one before the next begins",
    "member.alternate_for_missing": "an alternate must say whom they stand in for: add `alternate_for: <person ID>`",
    "member.alternate_for_not_alternate": "`alternate_for` is only for members whose role is `alternate`",
    "member.alternate_for_self": "a member cannot be their own alternate",
    "member.seats_exceeded": "{count} current members hold {sector} seats, but the body has {seats} such seat(s)",
    "member.no_sector": "membership of {person} names no organization, so its seat cannot be counted",
    "attend.not_member": "{person} was not a member of {body} on {date}",
    "attend.stand_in_not_member": "{person} stands in for {member}, who was not a member of {body} on {date}",
    "attend.duplicate": "{person} is listed twice in the attendance",
    "attend.chair_absent": "the chair, {person}, is not listed as present or remote",
    "attend.missing": "the meeting is `held` but has no attendance list",
    "attend.stand_in_for_present": "{person} stands in for {member}, who is also listed as attending",
    "minutes.approved_without_meeting": "approved minutes must say where they were approved: add "
    "`approved_in: <meeting ID>`",
    "minutes.approved_before": "minutes cannot be approved at {meeting} ({date}), which took place before this meeting",
    "minutes.approved_in_without_approved": "`approved_in` is set but `minutes` is not `approved`",
    "vote.incomplete": "a vote needs `for`, `against` and `abstain` counts",
    # --- validation summary -------------------------------------------------------------------
    "summary.ok": "No problems found in {records} records.",
    "summary.counts": "{errors} error(s) and {warnings} warning(s) in {files} file(s); {records} records checked.",
    # --- CLI ----------------------------------------------------------------------------------
    "cli.bad_date": "`{value}` is not a date: write it as YYYY-MM-DD",
    "cli.not_project": "{path} is not a records project: it has no content/ folder",
    "cli.file_exists": "{path} already exists; nothing was written",
    "cli.written": "Wrote {path}",
    "cli.unknown_body": "no body with the ID `{id}` in content/bodies/{suggestion}",
    "ref.missing_org_cli": "no organization with the ID `{id}` in content/organizations/{suggestion}",
    "cli.unknown_plan": "no action plan with the ID `{id}` in content/action-plans/{suggestion}",
}

CATALOGS: Mapping[str, Mapping[str, str]] = MappingProxyType({"en": MappingProxyType(_EN)})


def t(key: str, /, language: str = "en", **fields: Any) -> str:
    """The message ``key`` in ``language`` (falling back to English), filled with ``fields``."""
    catalog = CATALOGS.get(language.split("-")[0], CATALOGS["en"])
    template = catalog.get(key) or CATALOGS["en"][key]
    return template.format(**fields) if fields else template
