from django.utils.translation import gettext as _

from samenspel.web.charts import Bar, Segment, stacked_bar_chart
from samenspel.web.templatetags.samenspel import format_euro

COLOURS = ["#1d4e6b", "#a35f00", "#2f7d46", "#6b3fa0", "#b3261e", "#5b5b5b"]


def contributions_chart(table, *, sources: list[str], year: int):
    """Each member's contribution in `year`, one bar per member, one segment per source."""
    bars = []
    for member, amounts, _total, _difference in table:
        segments = [
            Segment(str(sources[i]), float(a), COLOURS[i % len(COLOURS)])
            for i, a in enumerate(amounts)
        ]
        bars.append(Bar(member.organisation.display_name, segments))
    description = "; ".join(
        f"{m.organisation.display_name}: {format_euro(total)}" for m, _a, total, _d in table
    )
    return stacked_bar_chart(
        chart_id="contributions-chart",
        title=_("Bijdrage per gemeente in %(year)s") % {"year": year},
        description=description,
        bars=bars,
        width=640,
        label_width=130,
        format_value=format_euro,
    )
