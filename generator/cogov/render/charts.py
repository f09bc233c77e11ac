"""Small inline SVG charts drawn at build time: no charting JavaScript.

Each chart is a figure with a visible title (its caption), a short text alternative, and the full
figures in a table the page shows next to it. Colours come from CSS classes
(site_theme/assets/cogov.css), so they follow the light and dark schemes (each fill at least 3:1
against the page) and can be restyled without touching the generator; parts of a chart are also
told apart without colour, by gaps, outlines and labels. Charts with text have a fixed drawing
width, so that their text stays legible when a phone shrinks them (14 units in a 360-unit
drawing: 11 px on a 320 px screen).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from cogov.render.escape import h

WIDTH = 360  # the drawing width of the charts with text
FONT = 14


def figure(title: str, svg: Markup) -> Markup:
    """A chart with its visible title. The drawing is named by its own ``aria-label``."""
    if not svg:
        return Markup("")
    return Markup(f'<figure class="cogov-figure"><figcaption>{h(title)}</figcaption>{svg}</figure>')


def stacked_bar(parts: Sequence[tuple[str, int, str]], description: str, width: int = 600) -> Markup:
    """One horizontal bar split into ``(label, count, css_class)`` parts, in the order of the
    legend the page shows under it, separated by gaps."""
    total = sum(count for _, count, _ in parts)
    if total == 0:
        return Markup("")
    x = 0.0
    rects = []
    for label, count, css in parts:
        if count == 0:
            continue
        w = width * count / total
        rects.append(
            f'<rect class="cogov-fill-{h(css)} cogov-part" x="{x:.1f}" y="0" width="{w:.1f}" height="24">'
            f"<title>{h(label)}: {count}</title></rect>"
        )
        x += w
    return Markup(
        f'<svg class="cogov-chart cogov-chart--bar" viewBox="0 0 {width} 24" preserveAspectRatio="none" role="img" '
        f'aria-label="{h(description)}" width="100%" height="24">{"".join(rects)}</svg>'
    )


def seats_chart(
    rows: Sequence[tuple[str, str, int, int]], description: str, legend: tuple[str, str] = ("Members", "Seats")
) -> Markup:
    """Per sector ``(label, css_class, seats, members)``: a filled bar for the members inside a
    dashed outline for the seats, each sector's name and figures above its bar, and a legend."""
    if not rows:
        return Markup("")
    top = max(max(seats, members) for _, _, seats, members in rows) or 1
    row_h = 46
    parts = []
    for i, (label, css, seats, members) in enumerate(rows):
        y = i * row_h
        parts.append(f'<text class="cogov-label" x="0" y="{y + 15}">{h(label)}</text>')
        parts.append(f'<text class="cogov-label" x="{WIDTH}" y="{y + 15}" text-anchor="end">{members} / {seats}</text>')
        parts.append(
            f'<rect class="cogov-seats" x="1" y="{y + 22}" width="{(WIDTH - 2) * seats / top:.1f}" height="18"/>'
        )
        parts.append(
            f'<rect class="cogov-fill-{h(css)}" x="1" y="{y + 26}" width="{(WIDTH - 2) * members / top:.1f}" '
            f'height="10"/>'
        )
    y = row_h * len(rows) + 4
    members_label, seats_label = legend
    parts.append(f'<rect class="cogov-fill-legend" x="0" y="{y + 3}" width="20" height="10"/>')
    parts.append(f'<text class="cogov-label" x="26" y="{y + 13}">{h(members_label)}</text>')
    parts.append(f'<rect class="cogov-seats" x="{WIDTH / 2:.0f}" y="{y + 1}" width="20" height="14"/>')
    parts.append(f'<text class="cogov-label" x="{WIDTH / 2 + 26:.0f}" y="{y + 13}">{h(seats_label)}</text>')
    height = y + 20
    return Markup(
        f'<svg class="cogov-chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{h(description)}" '
        f'width="{WIDTH}" height="{height}">{"".join(parts)}</svg>'
    )


def column_chart(points: Sequence[tuple[str, float]], description: str, ends: tuple[str, str] = ("", "")) -> Markup:
    """Columns for values between 0 and 1 (attendance rates), oldest on the left, over lines at
    0, 50 and 100 % with their labels; ``ends`` names the first and the last column under the axis."""
    if not points:
        return Markup("")
    axis_w, plot_h, top = 44, 100, 8
    plot_w = WIDTH - axis_w
    step = plot_w / len(points)
    col_w = max(1.0, step * 0.7)
    parts = []
    for share in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - share)
        parts.append(f'<line class="cogov-grid" x1="{axis_w}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(
            f'<text class="cogov-label" x="{axis_w - 6}" y="{y + 5:.1f}" text-anchor="end">{round(share * 100)}%</text>'
        )
    for i, (label, value) in enumerate(points):
        ch = max(1.0, plot_h * value)
        parts.append(
            f'<rect class="cogov-fill-attendance" x="{axis_w + i * step + (step - col_w) / 2:.1f}" '
            f'y="{top + plot_h - ch:.1f}" width="{col_w:.1f}" height="{ch:.1f}"><title>{h(label)}: '
            f"{round(value * 100)}%</title></rect>"
        )
    first, last = ends
    base = top + plot_h + FONT + 6
    parts.append(f'<text class="cogov-label" x="{axis_w}" y="{base}">{h(first)}</text>')
    if len(points) > 1:
        parts.append(f'<text class="cogov-label" x="{WIDTH}" y="{base}" text-anchor="end">{h(last)}</text>')
    height = base + 6
    return Markup(
        f'<svg class="cogov-chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{h(description)}" '
        f'width="{WIDTH}" height="{height}">{"".join(parts)}</svg>'
    )
