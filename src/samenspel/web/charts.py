"""Server-rendered SVG charts: the same markup in pages and (later) in PDF reports.

Each chart carries a title and a text description for screen readers; pages show the
chart's data as a table next to it, so nothing is only in the picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from samenspel.web.templatetags.samenspel import format_number


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


# Average character widths, as a share of the font size: generous for the room a total
# needs, and the 7 px at 13 px that the report charts size their label column by.
CHARACTER_WIDTH = 0.6
LABEL_CHARACTER_WIDTH = 0.54


def _text_width(text: str, font_size: int) -> float:
    return len(text) * font_size * CHARACTER_WIDTH


def _fitted(text: str, width: float, font_size: int) -> str:
    """`text`, shortened with an ellipsis when it is wider than `width`."""
    fits = max(int(width / (font_size * LABEL_CHARACTER_WIDTH)), 1)
    return text if len(text) <= fits else text[: fits - 1].rstrip() + "…"


def stacked_bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: list[Bar],
    width: int = 520,
    label_width: int = 70,
    format_value: Callable[[float], str] = format_number,
) -> SafeString:
    """Horizontal stacked bars, one per row, with a legend underneath.

    Numbers are written the Dutch way (`format_value`, e.g. `format_euro`); the plot leaves
    room for the longest total, so no total is cut off. A label too long for its column
    is shortened with an ellipsis and keeps its full text as a tooltip (`<title>`); the
    page's data table has the full values.
    """
    bar_height, gap, top, font_size = 22, 10, 8, 13
    totals = [format_value(bar.total) for bar in bars]
    value_width = max((_text_width(t, font_size) for t in totals), default=0) + 12
    plot_width = width - label_width - value_width
    biggest = max((bar.total for bar in bars), default=0) or 1
    parts = []
    y = top
    for bar, total in zip(bars, totals, strict=True):
        label = _fitted(bar.label, label_width - 8, font_size)
        tooltip = f"<title>{escape(bar.label)}</title>" if label != bar.label else ""
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.72:.1f}" text-anchor="end" '
            f'font-size="{font_size}">{tooltip}{escape(label)}</text>'
        )
        x = float(label_width)
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            w = plot_width * segment.value / biggest
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_height}" '
                f'fill="{segment.colour}"><title>{escape(bar.label)}: {escape(segment.label)}'
                f" {escape(format_value(segment.value))}</title></rect>"
            )
            x += w
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + bar_height * 0.72:.1f}" font-size="{font_size}">'
            f"{escape(total)}</text>"
        )
        y += bar_height + gap
    legend_y = y + 8
    legend_x = float(label_width)
    for segment in bars[0].segments if bars else []:
        step = 24 + _text_width(segment.label, 12)
        if legend_x + step > width and legend_x > label_width:
            legend_x = float(label_width)
            legend_y += 18
        parts.append(
            f'<rect x="{legend_x:.1f}" y="{legend_y}" width="12" height="12" '
            f'fill="{segment.colour}"/><text x="{legend_x + 16:.1f}" y="{legend_y + 11}" '
            f'font-size="12">{escape(segment.label)}</text>'
        )
        legend_x += step
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
            f"<title>{escape(segment.label)}: {escape(format_number(segment.value))}</title></rect>"
        )
        x += w
    return mark_safe(
        f'<svg class="samenspel-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
        f'width="100%" height="12" role="img" aria-label="{escape(label)}">{"".join(parts)}</svg>'
    )
