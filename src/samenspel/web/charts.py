"""Server-rendered SVG charts: the same markup in pages and (later) in PDF reports.

Each chart carries a title and a text description for screen readers; pages show the
chart's data as a table next to it, so nothing is only in the picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Segment:
    label: str
    value: float
    colour: str


@dataclass(frozen=True)
class Bar:
    label: str
    segments: list[Segment]

    @property
    def total(self) -> float:
        return sum(s.value for s in self.segments)


def stacked_bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: list[Bar],
    width: int = 520,
    label_width: int = 70,
    format_value: Callable[[float], str] = lambda v: f"{v:g}",
) -> SafeString:
    """Horizontal stacked bars, one per row, with a legend underneath."""
    bar_height, gap, top = 22, 10, 8
    plot_width = width - label_width - 50
    biggest = max((bar.total for bar in bars), default=0) or 1
    parts = []
    y = top
    for bar in bars:
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.72:.1f}" text-anchor="end" '
            f'font-size="13">{escape(bar.label)}</text>'
        )
        x = float(label_width)
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            w = plot_width * segment.value / biggest
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_height}" '
                f'fill="{segment.colour}"><title>{escape(bar.label)}: {escape(segment.label)}'
                f" {segment.value:g}</title></rect>"
            )
            x += w
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + bar_height * 0.72:.1f}" font-size="13">'
            f"{escape(format_value(bar.total))}</text>"
        )
        y += bar_height + gap
    legend_y = y + 8
    legend_x = float(label_width)
    for segment in bars[0].segments if bars else []:
        parts.append(
            f'<rect x="{legend_x:.1f}" y="{legend_y}" width="12" height="12" '
            f'fill="{segment.colour}"/><text x="{legend_x + 16:.1f}" y="{legend_y + 11}" '
            f'font-size="12">{escape(segment.label)}</text>'
        )
        legend_x += 24 + 7.2 * len(segment.label)
        if legend_x > width - 110:
            legend_x = float(label_width)
            legend_y += 18
    height = legend_y + 24
    svg = (
        f'<svg class="samenspel-chart" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{''.join(parts)}</svg>"
    )
    return mark_safe(svg)


def progress_bar(*, segments: list[Segment], label: str) -> SafeString:
    """A thin one-line status bar (e.g. per portfolio on the agenda overview)."""
    total = sum(s.value for s in segments) or 1
    x = 0.0
    parts = []
    for segment in segments:
        if segment.value <= 0:
            continue
        w = 100 * segment.value / total
        parts.append(
            f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="10" fill="{segment.colour}">'
            f"<title>{escape(segment.label)}: {segment.value:g}</title></rect>"
        )
        x += w
    return mark_safe(
        f'<svg class="samenspel-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
        f'width="100%" height="12" role="img" aria-label="{escape(label)}">{"".join(parts)}</svg>'
    )
