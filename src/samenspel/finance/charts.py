from samenspel.web.charts import Bar, Segment, stacked_bar_chart

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
        f"{m.organisation.display_name}: € {float(total):,.2f}".replace(",", "_")
        .replace(".", ",")
        .replace("_", ".")
        for m, _a, total, _d in table
    )
    return stacked_bar_chart(
        chart_id="contributions-chart",
        title=f"Bijdrage per gemeente in {year}",
        description=description,
        bars=bars,
        label_width=120,
    )
