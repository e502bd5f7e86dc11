"""The report charts as PNG (Pillow), for Word: a DOCX cannot hold SVG.

Draws the same horizontal stacked bars as `web.charts.stacked_bar_chart`, from the same
`Bar` data, at print resolution.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from samenspel.web.charts import Bar
from samenspel.web.templatetags.samenspel import format_number

FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]
SCALE = 3  # pixels per SVG unit: sharp when printed at 16 cm


def _font(size: int) -> ImageFont.ImageFont:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size * SCALE)
    return ImageFont.load_default()


def _legend_height(bars: list[Bar], width: int, label_width: int, font) -> int:
    x, rows = label_width, 1
    for segment in bars[0].segments if bars else []:
        step = 24 + font.getlength(segment.label) / SCALE
        if x + step > width:
            x, rows = label_width, rows + 1
        x += step
    return rows * 18


def bar_chart_png(bars: list[Bar], *, width: int = 560, label_width: int = 80) -> bytes:
    """A PNG of horizontal stacked bars with the totals and a legend."""
    font, small = _font(12), _font(11)
    bar_height, gap, top = 20, 9, 8
    plot = width - label_width - 60
    biggest = max((b.total for b in bars), default=0) or 1
    height = top + len(bars) * (bar_height + gap) + 12
    height += _legend_height(bars, width, label_width, small) + 8
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    y = top
    for bar in bars:
        label_w = font.getlength(bar.label) / SCALE
        draw.text(((label_width - 8 - label_w) * SCALE, (y + 3) * SCALE), bar.label, "black", font)
        x = float(label_width)
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            w = plot * segment.value / biggest
            box = [x * SCALE, y * SCALE, (x + w) * SCALE, (y + bar_height) * SCALE]
            draw.rectangle(box, fill=segment.colour)
            x += w
        draw.text(((x + 6) * SCALE, (y + 3) * SCALE), format_number(bar.total), "black", font)
        y += bar_height + gap
    x, y = float(label_width), y + 8
    for segment in bars[0].segments if bars else []:
        step = 24 + small.getlength(segment.label) / SCALE
        if x + step > width:
            x, y = float(label_width), y + 18
        draw.rectangle([x * SCALE, y * SCALE, (x + 12) * SCALE, (y + 12) * SCALE], segment.colour)
        draw.text(((x + 16) * SCALE, (y - 1) * SCALE), segment.label, "black", small)
        x += step
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(300, 300))
    return buffer.getvalue()
