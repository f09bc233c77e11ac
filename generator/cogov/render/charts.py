"""Small inline SVG charts drawn at build time: no charting JavaScript, a text alternative always.

Colours come from CSS classes (site_theme/assets/cogov.css), so they follow the light and dark
schemes and can be restyled without touching the generator.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from cogov.render.escape import h


def stacked_bar(parts: Sequence[tuple[str, int, str]], description: str, width: int = 600) -> Markup:
    """One horizontal bar split into ``(label, count, css_class)`` parts."""
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
            f'<rect class="cogov-fill-{h(css)}" x="{x:.1f}" y="0" width="{w:.1f}" height="24">'
            f"<title>{h(label)}: {count}</title></rect>"
        )
        x += w
    return Markup(
        f'<svg class="cogov-chart cogov-chart--bar" viewBox="0 0 {width} 24" preserveAspectRatio="none" role="img" '
        f'aria-label="{h(description)}" width="100%" height="24">{"".join(rects)}</svg>'
    )


def seats_chart(rows: Sequence[tuple[str, str, int, int]], description: str) -> Markup:
    """Per sector ``(label, css_class, seats, members)``: a bar for members over an outline for seats."""
    if not rows:
        return Markup("")
    top = max(max(seats, members) for _, _, seats, members in rows) or 1
    row_h, label_w, bar_w = 28, 150, 400
    parts = []
    for i, (label, css, seats, members) in enumerate(rows):
        y = i * row_h
        parts.append(f'<text class="cogov-label" x="0" y="{y + 18}">{h(label)}</text>')
        parts.append(
            f'<rect class="cogov-seats" x="{label_w}" y="{y + 4}" width="{bar_w * seats / top:.1f}" height="20"/>'
        )
        parts.append(
            f'<rect class="cogov-fill-{h(css)}" x="{label_w}" y="{y + 8}" width="{bar_w * members / top:.1f}" '
            f'height="12"/>'
        )
        parts.append(f'<text class="cogov-label" x="{label_w + bar_w + 10}" y="{y + 18}">{members} / {seats}</text>')
    height = row_h * len(rows)
    return Markup(
        f'<svg class="cogov-chart" viewBox="0 0 620 {height}" role="img" aria-label="{h(description)}" '
        f'width="620" height="{height}">{"".join(parts)}</svg>'
    )


def column_chart(points: Sequence[tuple[str, float]], description: str) -> Markup:
    """Columns for values between 0 and 1 (attendance rates), oldest on the left."""
    if not points:
        return Markup("")
    col_w, gap, height = 18, 6, 80
    width = len(points) * (col_w + gap)
    cols = []
    for i, (label, value) in enumerate(points):
        ch = max(1.0, height * value)
        cols.append(
            f'<rect class="cogov-fill-attendance" x="{i * (col_w + gap)}" y="{height - ch:.1f}" width="{col_w}" '
            f'height="{ch:.1f}"><title>{h(label)}: {round(value * 100)}%</title></rect>'
        )
    return Markup(
        f'<svg class="cogov-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{h(description)}" '
        f'width="{width}" height="{height}">{"".join(cols)}</svg>'
    )
