"""Every user-visible sentence, in one place, so it can be reviewed and translated.

Diagnostics are written for secretariat staff, not for developers: say what is wrong in the terms
of the record, and what to do about it. Keys are stable; templates use ``str.format`` fields.
A translation is another dictionary with the same keys; missing keys fall back to English.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any

from cogov.i18n import domain_of, translations

_EN: dict[str, str] = {
    # --- loading -----------------------------------------------------------------------------
    "load.alias": "uses an alias (*name); write the value out in full, anchors and aliases are not allowed",
    "load.anchor": "defines an anchor (&{name}); write values out in full, anchors and aliases are not allowed",
    "load.escaped_character": "contains an escaped control or invalid character; write the text without it",
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
    "id.invalid": (
        "the file name `{stem}` is not a valid ID: use lower-case letters, digits and single hyphens, "
        "for example `{suggestion}`"
    ),
    "id.reserved": "`{stem}` is reserved for the list page of this section: choose another file name",
    "cli.positional_project": "note: give the project as `cogov {command} --project {path}`; the project as a plain argument still works but will be removed",
    "cli.two_projects": "two projects given ({first} and {second}): give one, with --project",
    "cli.no_url": "note: content/site.yml has no `url`, so the site is published without a sitemap and its feed and calendars cannot link to its pages; add the address the site is published at, for example `url: https://your-org.github.io/records/`",
    "build.withheld_key_missing": "note: names are withheld, but {variable} is not set, so anyone who guesses a withheld person's ID can compute their public ID; set it as a secret of the publishing workflow (see SECURITY.md)",
    "id.reserved_prefix": "IDs starting with `{prefix}` are reserved for people whose names are withheld: choose another file name than `{stem}`",
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
    "ref.meeting_folder": "the folder `{body}` does not match any body in content/bodies/{suggestion}",
    "site.member_unknown": "the plan names the member `{member}`, which the `members` of content/site.yml do not list{suggestion}",
    "site.member_missing": "this site covers several OGP members ({members}): say whose plan this is with `member:`",
    "site.logo_missing": "the logo `{path}` is not in content/: put the image file there, or correct its name (the path is read from the content folder, for example `logo.png` for content/logo.png)",
    "site.logo_not_image": "the logo `{path}` is not a PNG, JPEG or WebP image; save it in one of those formats (SVG is not accepted, because an SVG file can carry scripts)",
    "site.language_untranslated": "the site's own headings, labels and values are not yet translated into `{code}`, so they will be in English (available: {available}); record content and the theme's menus are not affected. To add a translation, see docs/development.md",
    "date.meeting_name": "the date {date} differs from the date in the file name ({name_date})",
    "date.end_before_start": "ends ({end}) before it starts ({start})",
    "date.response_before": "the response is dated {date}, before the proposal was received on {received}: check both dates",
    "proposal.no_commitments": "the response says `{status}` but names no commitment: add `commitments:` under `response` with the IDs of the commitments that took the proposal up",
    "proposal.other_plan": "`{commitment}` is a commitment of the plan `{plan}`, but this proposal was made for the plan `{own}`: name a commitment of `{own}`, or move the proposal to content/action-plans/{plan}/proposals/",
    "proposal.no_reasons": "the response says `{status}` but gives no reasons: the OGP standards ask for a reasoned response (why the proposal was or was not included), so add `text:` under `response`; if there is none yet, the site says so",
    "proposal.meeting_date": "was received on {received}, but the meeting `{meeting}` where it was made took place on {date}: check the date",
    "date.announced_after": "was announced on {announced}, after it took place on {date}: the notice date comes before the meeting",
    "date.held_in_future": "the meeting is on {date}, after today ({today}), so it cannot have been held yet: write `status: scheduled`",
    "date.scheduled_past": "is still `scheduled` although its date {date} has passed: was it held, cancelled or postponed?",
    "date.milestone_outside": "milestone dates ({start} to {end}) fall outside the {owner} period ({pstart} to {pend})",
    "member.membership_outside_body": "membership starts before the body was established ({established})",
    "date.update_future": "progress update is dated {date}, after today ({today})",
    "member.overlap": "{person} already has a membership of this body from {start} to {end} (entry {other}); "
    "end one before the next begins",
    "member.alternate_for_missing": "an alternate must say whom they stand in for: add `alternate_for: <person ID>`",
    "member.alternate_for_not_alternate": "`alternate_for` is only for members whose role is `alternate`",
    "member.alternate_for_self": "a member cannot be their own alternate",
    "member.seats_exceeded": "{count} current members hold {sector} seats, but the body has {seats} such seat(s)",
    "member.no_sector": "membership of {person} names no organization, so its seat cannot be counted: add `organization:`, or, for someone who sits in a personal capacity, `personal: true` and the seat's `sector:`",
    "member.alternate_without_principal": "{person} is an alternate for {principal}, who no longer sits on the body: end the alternate's membership (`end:`) or record whom they stand in for now",
    "seat.duplicate": "two seats of this body have the ID `{seat}`: give each seat its own ID",
    "seat.unknown": "this body has no seat `{seat}` in its `seats`{suggestion}",
    "seat.no_named_seats": "names the seat `{seat}`, but this body's `seats` are counts per sector, not a list of named seats: list the seats by name, or remove `seat:`",
    "seat.double": "{person} and {other} (entry {entry}) hold the seat `{seat}` at the same time: a seat has one holder at a time (end the earlier membership, or correct the seat)",
    "seat.term_over": "the {years}-year term of {person} on the seat `{seat}`, from {start}, ended on {ended}: record when they left (`end:`), and a renewal as a new membership",
    "seat.vacant_since": "the seat `{seat}` has had no holder since {date}",
    "seat.never_filled": "the seat `{seat}` has never had a holder",
    "seat.holder_of": "the holder of the seat `{seat}`",
    "member.personal_no_sector": "{person} sits in a personal capacity, so the seat is counted in the `sector` the membership gives, and it gives none: add `sector:` (for example `sector: civil-society`)",
    "member.personal_with_organization": "{person} sits in a personal capacity, for no organization, but the membership names `organization: {organization}`: remove one of the two",
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
    "markdown.html": "contains HTML (`{snippet}`); records are written in Markdown only: remove the HTML",
    "markdown.comment": "contains an HTML comment (`<!--`), which would be hidden from readers: remove it",
    "markdown.link": "contains a link to `{snippet}`, which could run code in a reader's browser: only web (https://, http://) and e-mail (mailto:) links are published",
    "markdown.brackets": "contains {snippet} square brackets `[`, more than the {limit} a text may hold to be published quickly: split the text or remove brackets that are not links",
    "markdown.nesting": "nests lists or quotes {snippet} levels deep, more than the {limit} levels a page can show: flatten the list",
    # --- validation summary -------------------------------------------------------------------
    "summary.ok": "No problems found in {records} records.",
    "summary.counts": "{errors} error(s) and {warnings} warning(s) in {files} file(s); {records} records checked.",
    # --- build ----------------------------------------------------------------------------------
    "build.builder_failed": "the site builder failed; the previous site was left in place:\n{detail}",
    "cms.invalid": "the editor's configuration was not written; the records above need fixing first.",
    "standards.invalid": "the standards were not computed; the records above need fixing first.",
    "standards.evidence": "{count} record(s) or document(s) as evidence",
    "standards.gaps": "no meeting: {gaps}",
    "build.search_failed": "the search index could not be made (Pagefind); the previous site was left in place:\n{detail}",
    "build.old_theme": "the theme folder has no search page (site_theme/search-page.html), so the site keeps the theme's own search, which sends every visitor the whole index: copy the site_theme folder of a project made by `cogov init` into this project to use cogov's search",
    "build.indexed": "Indexed {pages} pages for search in {seconds:.1f} s",
    "build.unsafe": "the built site was not published: {count} finding(s) that must not reach the public:\n{listing}",
    "build.unsafe_personal": "Remove personal contact details from the records, or list an office contact in `allowed_contacts` in content/site.yml.",
    "build.unsafe_executable": "Something in the records would run in a visitor's browser although the checks accepted it: remove it from the record that the page shows, and report it to the maintainers (see SECURITY.md).",
    "build.invalid": "the site was not built; the records above need fixing first.",
    "generate.done": "Wrote {files} files ({changed} changed) into {folder}; any MkDocs-compatible builder can build it",
    "build.done": "Built {pages} pages and {data} data files ({changed} changed) from {records} records into {site}",
    # --- diff -------------------------------------------------------------------------------------
    "diff.git_failed": "git {command} failed: {error}",
    "diff.standard": "OGP standards, {requirement} for {period} ({plan}): {before} → {after}",
    "diff.next_plan": "a new plan on time",
    "diff.title": "What changed in the records",
    "diff.attention": "For reviewers' attention",
    "diff.none": "No record changed.",
    "diff.text": "text",
    "diff.no_status": "minutes status not given",
    "diff.added": "{kind} added: {path}",
    "diff.removed": "{kind} deleted: {path}",
    "diff.changed": "{kind} changed ({fields}): {path}",
    "diff.person_added": "New person: {name}",
    "diff.person_removed": "Person deleted: {id} (meetings and memberships that name them will no longer resolve)",
    "diff.person_withdrawn": "The name of {id} is now withheld on the site",
    "diff.person_renamed": "Name changed: {old} → {new}",
    "diff.joins": "{person} joins the {body} as {role} on {start}",
    "diff.leaves": "{person} leaves the {body} on {end}",
    "diff.end_removed": "{person}: the end date of their membership of the {body} was removed",
    "diff.membership_changed": "{person}: membership of the {body} changed",
    "diff.membership_deleted": "{person}: a membership of the {body} was deleted from the record (to record a departure, add `end:` instead)",
    "diff.commitment_added": "New commitment {label}: {title}",
    "diff.commitment_removed": "Commitment {label} deleted",
    "diff.status": "Commitment {label}: status {old} → {new}",
    "diff.milestone_added": "Commitment {label}: milestone {n} added ({title})",
    "diff.milestone_completed": "Commitment {label}: milestone {n} completed",
    "diff.milestone_status": "Commitment {label}: milestone {n} {old} → {new}",
    "diff.milestones_removed": "Commitment {label}: {count} milestone(s) deleted",
    "diff.update_added": "Commitment {label}: progress update of {date} ({status})",
    "diff.description_changed": "Commitment {label}: description changed",
    "diff.new_minutes": "New minutes: {body}, {date} ({minutes})",
    "diff.new_meeting": "New meeting ({status}): {body}, {date}: {title}",
    "diff.meeting_removed": "Meeting deleted: {body}, {date}",
    "diff.meeting_status": "Meeting of {date} ({body}): {old} → {new}",
    "diff.minutes_approved": "Minutes of {date} ({body}) approved at {where}",
    "diff.minutes_status": "Minutes of {date} ({body}): {old} → {new}",
    "diff.decisions_changed": "Decisions changed in the minutes of {date} ({body})",
    "diff.attendance_changed": "Attendance changed for the meeting of {date} ({body})",
    "diff.minutes_changed": "Minutes text changed for the meeting of {date} ({body})",
    "diff.approved_decisions_changed": "Decision text changed in approved minutes of {date} ({body})",
    "diff.approved_attendance_changed": "Attendance changed in approved minutes of {date} ({body})",
    "diff.approved_minutes_changed": "Text changed in approved minutes of {date} ({body})",
    "diff.action_added": "New action from the meeting of {date}: {text}",
    "diff.action_status": "Action from the meeting of {date}: {text}: {old} → {new}",
    "diff.plan_status": "Action plan {title}: {old} → {new}",
    # --- links ------------------------------------------------------------------------------------
    "links.title": "External links in the records",
    "links.summary": "{checked} addresses checked, {broken} not answering.",
    "links.broken": "{url} does not answer ({answer})",
    # --- feed -------------------------------------------------------------------------------------
    "feed.title": "{site}: minutes, progress and membership changes",
    "feed.calendar": "{name}: meetings",
    "ui.minutes.draft": "draft",
    "ui.minutes.approved": "approved",
    "feed.minutes": "Minutes ({status}): {body}, {date}",
    "feed.update": "Progress update on {title}: {status}",
    "feed.joins": "{person} joins the {body} as {role}",
    "feed.leaves": "{person} leaves the {body}",
    # --- import -----------------------------------------------------------------------------------
    "import.unreadable": "cannot read {path}: {reason}",
    "import.not_ogp": "{path} is not the OGP commitments dataset: it has no column `{column}`",
    "import.none": "no commitments of {country} (OGP plan: {plan}) in the file",
    "import.many_plans": "the file holds commitments of {country} from several action plans ({plans}); choose one with --ogp-plan",
    "import.done": "Imported {commitments} commitments and {organizations} new organizations into {plan}{created}. Next: cogov validate",
    "import.plan_created": " (a new action plan: check its title and dates)",
    "import.redacted": "(contact details removed)",
    "import.date_ambiguous": "{id}: {column} `{text}` can be read two ways; it was read as {value} (month first, as the dataset documents): check it",
    "import.date_unreadable": "{id}: {column} `{text}` is not a date; it was left out",
    "import.notes": "Check these {count} date(s):",
    "import.redacted_count": "Removed {count} e-mail address(es) and phone number(s) of people from the imported text.",
    # --- preview ----------------------------------------------------------------------------------
    "serve.invalid": "records have errors; the preview keeps the last valid pages.",
    "serve.regenerated": "cogov: regenerated in {seconds:.2f}s ({written} file(s) rewritten, {removed} removed)",
    # --- CLI ----------------------------------------------------------------------------------
    "cli.bad_date": "`{value}` is not a date: write it as YYYY-MM-DD",
    "cli.not_project": "{path} is not a records project: it has no content/ folder",
    "cli.file_exists": "{path} already exists; nothing was written",
    "cli.init_done": "Created a records project in {path} ({count} files). Next: cogov build --project {path}",
    "cli.unknown_body": "no body with the ID `{id}` in content/bodies/{suggestion}",
    "ref.missing_org_cli": "no organization with the ID `{id}` in content/organizations/{suggestion}",
    "cli.unknown_plan": "no action plan with the ID `{id}` in content/action-plans/{suggestion}",
}

# Words and labels on the public site.
_EN.update(
    {
        # OGP's policy areas, for the themes of commitments (other themes: their ID in words).
        "ui.theme.access-to-information": "Access to information",
        "ui.theme.anti-corruption": "Anti-corruption",
        "ui.theme.beneficial-ownership": "Beneficial ownership",
        "ui.theme.civic-space": "Civic space",
        "ui.theme.climate-and-environment": "Climate and environment",
        "ui.theme.digital-governance": "Digital governance",
        "ui.theme.fiscal-openness": "Fiscal openness",
        "ui.theme.gender-and-inclusion": "Gender and inclusion",
        "ui.theme.justice": "Justice",
        "ui.theme.lobbying": "Lobbying",
        "ui.theme.open-contracting": "Open contracting",
        "ui.theme.open-data": "Open data",
        "ui.theme.open-parliament": "Open parliament",
        "ui.theme.public-participation": "Public participation",
        "ui.theme.public-service-delivery": "Public service delivery",
        "ui.theme.right-to-information": "Right to information",
        "ui.theme.youth": "Youth",
        "ui.status.not-started": "Not started",
        "ui.status.in-progress": "In progress",
        "ui.status.completed": "Completed",
        "ui.status.delayed": "Delayed",
        "ui.status.withdrawn": "Withdrawn",
        "ui.status.none": "No status",
        "ui.plan_status.co-creation": "Co-creation",
        "ui.plan_status.implementation": "Implementation",
        "ui.plan_status.completed": "Completed",
        "ui.meeting_status.scheduled": "Scheduled",
        "ui.meeting_status.held": "Held",
        "ui.meeting_status.cancelled": "Cancelled",
        "ui.meeting_status.postponed": "Postponed",
        "ui.kind.ordinary": "Ordinary session",
        "ui.kind.extraordinary": "Extraordinary session",
        "ui.kind.public-consultation": "Public consultation",
        "ui.kind.working-group": "Working group",
        "ui.kind.out-of-session": "Out-of-session",
        "ui.attendance.present": "Present",
        "ui.attendance.remote": "Online",
        "ui.attendance.absent": "Absent",
        "ui.attendance.excused": "Excused",
        "ui.action_status.open": "Open",
        "ui.action_status.done": "Done",
        "ui.action_status.dropped": "Dropped",
        "ui.proposal_status.adopted": "Adopted",
        "ui.proposal_status.merged": "Merged",
        "ui.proposal_status.partly-adopted": "Partly adopted",
        "ui.proposal_status.not-adopted": "Not adopted",
        "ui.proposal_status.pending": "No response yet",
        "ui.standard_status.met": "Met",
        "ui.standard_status.partly": "Evidence of action",
        "ui.standard_status.not-met": "Not met",
        "ui.standard_status.no-evidence": "No evidence yet",
        "ui.standard_status.not-due": "Not yet due",
        "ui.proposal_channel.meeting": "at a meeting",
        "ui.proposal_channel.online-form": "through the online form",
        "ui.proposal_channel.written": "in writing",
        "ui.proposal_channel.email": "by e-mail",
        "ui.proposal_channel.other": "another way",
        "ui.role.chair": "Chair",
        "ui.audience.members": "Members of the body",
        "ui.audience.invited": "Invited participants",
        "ui.audience.public": "The public",
        "ui.channel.in-person": "In person",
        "ui.channel.online": "Online",
        "ui.channel.hybrid": "In person and online",
        "ui.channel.written": "In writing",
        "ui.role.co-chair": "Co-chair",
        "ui.role.vice-chair": "Vice-chair",
        "ui.role.member": "Member",
        "ui.role.alternate": "Alternate",
        "ui.role.observer": "Observer",
        "ui.role.secretariat": "Secretariat",
        "ui.sector.government": "Government",
        "ui.sector.civil-society": "Civil society",
        "ui.sector.private-sector": "Private sector",
        "ui.sector.academia": "Academia",
        "ui.sector.parliament": "Parliament",
        "ui.sector.oversight-body": "Oversight body",
        "ui.sector.multilateral": "Multilateral",
        "ui.sector.other": "Other",
        "ui.body_type.multi-stakeholder-forum": "Multi-stakeholder forum",
        "ui.body_type.advisory-board": "Advisory board",
        "ui.body_type.steering-committee": "Steering committee",
        "ui.body_type.technical-secretariat": "Technical secretariat",
        "ui.body_type.commitment-team": "Commitment team",
        "ui.body_type.working-group": "Working group",
        "ui.body_type.other": "Body",
        "ui.chair.rotating": "Rotating chair",
        "ui.chair.fixed": "Fixed chair",
        "ui.chair.co-chairs": "Co-chairs",
        "ui.value.access-to-information": "Access to information",
        "ui.value.civic-participation": "Civic participation",
        "ui.value.public-accountability": "Public accountability",
        "ui.value.technology-and-innovation": "Technology and innovation",
        "ui.irm.potential_impact": "Potential impact",
        "ui.irm.completion": "Completion",
        "ui.irm.did_it_open_government": "Did it open government?",
        "ui.irm.value.none": "None",
        "ui.irm.value.minor": "Minor",
        "ui.irm.value.moderate": "Moderate",
        "ui.irm.value.transformative": "Transformative",
        "ui.irm.value.not-started": "Not started",
        "ui.irm.value.limited": "Limited",
        "ui.irm.value.substantial": "Substantial",
        "ui.irm.value.complete": "Complete",
        "ui.irm.value.worsened": "Worsened",
        "ui.irm.value.did-not-change": "Did not change",
        "ui.irm.value.marginal": "Marginal",
        "ui.irm.value.major": "Major",
        "ui.irm.value.outstanding": "Outstanding",
        "ui.withheld": "Former member (name withheld)",
        "ui.fictional": "Fictional sample: the country, people and organizations on this site are invented.",
        "ui.as_of": "Records as of {date}.",
        "ui.source": "Source",
        "ui.edit": "Edit",
        "ui.open_data": "Open data",
        "ui.history": "History",
    }
)

CATALOGS: Mapping[str, Mapping[str, str]] = MappingProxyType({"en": MappingProxyType(_EN)})


# The language diagnostics are written in for the command being run (the project's, or --lang):
# context-local, so that concurrent runs (tests, a preview server) do not share it.
READER_LANGUAGE: ContextVar[str] = ContextVar("reader_language", default="en")


@contextmanager
def reading_in(language: str) -> Iterator[None]:
    """Diagnostics made inside this block are written in ``language``."""
    token = READER_LANGUAGE.set(language)
    try:
        yield
    finally:
        READER_LANGUAGE.reset(token)


def t(key: str, /, language: str | None = None, **fields: Any) -> str:
    """The message ``key`` in ``language`` (page text: the site's; diagnostics: the reader's,
    see :func:`reading_in`), filled with ``fields``. Translations come from the gettext catalogue
    of the key's domain (cogov.i18n); English is the fallback."""
    template = CATALOGS["en"][key]
    domain = domain_of(key)
    language = language or (READER_LANGUAGE.get() if domain in ("diagnostics", "cli") else "en")
    if domain and not language.startswith("en"):
        template = translations(language, domain).pgettext(key, template)
    return template.format(**fields) if fields else template


def t_or(key: str, english: str, /, language: str | None = None) -> str:
    """A word whose English lives beside what it names (the record kinds' names in kinds.py),
    in ``language`` (default: the reader's, as for diagnostics) from the diagnostics catalogue."""
    language = language or READER_LANGUAGE.get()
    if language.startswith("en"):
        return english
    return translations(language, "diagnostics").pgettext(key, english)
