"""An Atom feed of minutes, progress updates and membership changes, dated from the records (never
from the build), so the same records always give the same feed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from feedgen.feed import FeedGenerator

from cogov.i18n import format_date
from cogov.messages import t
from cogov.model import Records
from cogov.render.paths import FEED, record_page, url_path

MAX_ENTRIES = 100


@dataclass(frozen=True)
class Entry:
    date: str
    key: str  # stable identity, also the sort tie-breaker
    title: str
    path: str  # site path of the page it is about
    summary: str


def _entries(r: Records) -> list[Entry]:
    lang = r.site.language
    withheld = t("ui.withheld", lang)
    out: list[Entry] = []
    for m in r.meetings.values():
        if m.status != "held" or not (m.minutes.strip() or m.minutes_status):
            continue
        body = r.bodies[m.body].name
        date = m.date
        status = m.minutes_status or "draft"
        if m.minutes_status == "approved" and m.approved_in in r.meetings:
            date = max(date, r.meetings[m.approved_in].date)
        status_text = t(f"ui.minutes.{status}", lang)
        title = t("feed.minutes", lang, body=body, date=format_date(m.date, lang), status=status_text)
        out.append(Entry(date, f"meeting/{m.id}/{status}", title, _page(r, "meeting", m.id), m.title))
    for c in r.commitments.values():
        for u in c.updates:
            title = t("feed.update", lang, title=c.title, status=t(f"ui.status.{u.status}", lang))
            key = f"commitment/{c.id}/update/{u.date}"
            out.append(Entry(u.date, key, title, _page(r, "commitment", c.id), u.summary))
    for b in r.bodies.values():
        for ms in b.members:
            name = r.person_name(ms.person, withheld)
            role = t(f"ui.role.{ms.role}", lang).lower()
            path = _page(r, "body", b.id)
            key = f"body/{b.id}/membership/{ms.index}"
            out.append(
                Entry(ms.start, key + "/start", t("feed.joins", lang, person=name, body=b.name, role=role), path, "")
            )
            if ms.end:
                out.append(Entry(ms.end, key + "/end", t("feed.leaves", lang, person=name, body=b.name), path, ""))
    current = [e for e in out if e.date <= r.as_of]
    current.sort(key=lambda e: (e.date, e.key), reverse=True)
    return current[:MAX_ENTRIES]


def _page(r: Records, kind: str, record_id: str) -> str:
    return url_path(record_page(r, kind, record_id))


def _stamp(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=dt.UTC)


def atom_feed(r: Records, normalized: dict[str, Any]) -> bytes:
    base = r.site.url.rstrip("/") + "/" if r.site.url else None

    def identifier(key: str) -> str:
        # RFC 4287 4.2.6: an absolute IRI that never changes. The page's address and the entry's
        # key when the site has one; otherwise a name-based UUID URN (RFC 4122).
        return f"{base}{key}" if base else r.site.urn(key)

    fg = FeedGenerator()
    fg.id(base or identifier("feed"))  # the site's address, as since the first release
    fg.title(t("feed.title", r.site.language, site=r.site.title))
    # RFC 4287 4.1.1: a feed names its author; entries inherit it.
    fg.author(
        {"name": r.site.member_name or r.site.title, **({"uri": r.site.contact_url} if r.site.contact_url else {})}
    )
    fg.language(r.site.language)
    fg.generator("cogov")
    if base:
        fg.link(href=base, rel="alternate")
        fg.link(href=base + FEED, rel="self")
    if r.site.data_license:
        fg.rights(r.site.data_license)
    entries = _entries(r)
    fg.updated(_stamp(entries[0].date if entries else r.as_of))
    for e in reversed(entries):  # feedgen prepends: add oldest first so the newest comes first
        fe = fg.add_entry()
        fe.id(identifier(f"{e.path}#{e.key}"))
        fe.title(e.title)
        fe.updated(_stamp(e.date))
        fe.published(_stamp(e.date))
        if base:
            fe.link(href=base + e.path)
        # Atom asks for a link or a content element; a site without an address gives content.
        fe.content(e.summary or e.title, type="text")
    result: bytes = fg.atom_str(pretty=True)
    return result
