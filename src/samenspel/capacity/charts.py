"""The staff chart: hours per portfolio column of Table 2.1, all members together."""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from samenspel.capacity.selectors import HoursTable
from samenspel.capacity.templatetags.capacity import hours
from samenspel.web.charts import Bar, Segment, stacked_bar_chart

COLOUR = "#1d4e6b"  # the theme's petrol blue: 8.6:1 on white


def hours_per_portfolio_chart(table: HoursTable, *, chart_id: str = "hours-chart") -> SafeString:
    label = _("Uren per jaar")
    bars = [
        Bar(column.label, [Segment(label, total, COLOUR)])
        for column, total in zip(table.columns, table.column_totals, strict=True)
    ]
    description = "; ".join(
        f"{column.title}: {hours(total)} {_('uur')}"
        for column, total in zip(table.columns, table.column_totals, strict=True)
    )
    return stacked_bar_chart(
        chart_id=chart_id,
        title=_("Uren per portefeuille in %(year)s") % {"year": table.year},
        description=description,
        bars=bars,
        format_value=hours,
    )
