"""One report, one structure: sections of paragraphs, lists, tables and charts.

A report type builds a `Report`; `render_html`, `render_pdf` and `render_docx`
(render.py, docx.py) turn the same structure into a page, a PDF and a Word file, so
the three always say the same. `Report.figures` holds the key numbers as plain JSON,
stored with a generated report and compared when it is made again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.safestring import SafeString
from django.utils.text import slugify

from samenspel.web.charts import Bar, stacked_bar_chart
from samenspel.web.templatetags.samenspel import format_euro, format_number

DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def date_nl(date: dt.date | None) -> str:
    """30 september 2024."""
    if date is None:
        return "—"
    return f"{date.day} {DUTCH_MONTHS[date.month - 1]} {date.year}"


def euro(value: Decimal | int | None) -> str:
    return format_euro(value)


def number(value: int | Decimal | None) -> str:
    """1.234 (whole) or 12,5 (one decimal), Dutch style."""
    if value is None:
        return "—"
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{int(value):,}".replace(",", ".")


@dataclass
class Paragraph:
    text: str
    kind: str = "paragraph"
    muted: bool = False


@dataclass
class BulletList:
    items: list[str]
    kind: str = "list"


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()  # column indexes aligned right
    footer: list[str] | None = None
    empty: str = "Geen."
    kind: str = "table"

    def is_numeric(self, index: int) -> bool:
        return index in self.numeric


@dataclass
class Chart:
    """A stacked bar chart with its data table (never only a picture)."""

    chart_id: str
    title: str
    bars: list[Bar]
    table: Table
    unit: str = ""
    kind: str = "chart"

    @property
    def description(self) -> str:
        return "; ".join(
            f"{bar.label}: "
            + ", ".join(f"{s.label} {format_number(s.value)}" for s in bar.segments if s.value)
            for bar in self.bars
        )

    def svg(self) -> SafeString:
        return stacked_bar_chart(
            chart_id=self.chart_id,
            title=self.title,
            description=self.description,
            bars=self.bars,
            label_width=max(70, 7 * max((len(b.label) for b in self.bars), default=0) + 12),
        )


Block = Paragraph | BulletList | Table | Chart


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    new_page: bool = False
    anchor: str = ""  # set by Report.finish(), unique within the report

    def add(self, *blocks: Block) -> Section:
        self.blocks.extend(blocks)
        return self

    def sub(self, heading: str) -> Section:
        section = Section(heading)
        self.subsections.append(section)
        return section


@dataclass
class Report:
    kind: str
    title: str
    subtitle: str
    as_of: dt.date
    association: str
    sections: list[Section] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    has_demo: bool = False

    @property
    def has_contents(self) -> bool:
        """Longer reports get a table of contents."""
        return len(self.sections) >= 4

    @property
    def contents_on_own_page(self) -> bool:
        return sum(1 for _ in self.all_sections()) > 10

    @property
    def filename(self) -> str:
        return f"{slugify(self.title)}-{self.as_of.isoformat()}"

    def section(self, heading: str, *, new_page: bool = False) -> Section:
        section = Section(heading, new_page=new_page)
        self.sections.append(section)
        return section

    def finish(self) -> Report:
        """Give every section an anchor, unique even when headings repeat."""
        seen: set[str] = set()
        for section in self.all_sections():
            base = "s-" + (slugify(section.heading)[:60] or "sectie")
            anchor, n = base, 1
            while anchor in seen:
                n += 1
                anchor = f"{base}-{n}"
            seen.add(anchor)
            section.anchor = anchor
        return self

    def all_sections(self):
        for section in self.sections:
            yield section
            yield from section.subsections
