"""Charts write numbers the Dutch way and never cut a label or a total off."""

import re

from samenspel.web.charts import Bar, Segment, stacked_bar_chart
from samenspel.web.templatetags.samenspel import format_euro, format_number


def test_numbers_are_dutch():
    assert format_number(19862.2) == "19.862,2"
    assert format_number(84019) == "84.019"
    assert format_number("-1234.56", 2) == "-1.234,56"
    assert format_euro(84019.37) == "€ 84.019,37"


def test_totals_fit_and_long_labels_keep_their_full_text():
    long = "Gemeente Midden-Drenthe en omstreken"
    bars = [
        Bar(long, [Segment("agenda", 84019.37, "#1d4e6b")]),
        Bar("Assen", [Segment("agenda", 53541.9, "#1d4e6b")]),
    ]
    svg = str(
        stacked_bar_chart(
            chart_id="c", title="t", description="d", bars=bars, format_value=format_euro
        )
    )
    assert "€ 84.019,37" in svg and "€ 53.541,90" in svg
    assert "84019" not in svg
    width = float(re.search(r'viewBox="0 0 (\d+)', svg)[1])
    for x, text in re.findall(r'<text x="([\d.]+)"[^>]*font-size="13">(€[^<]+)</text>', svg):
        assert float(x) + len(text) * 13 * 0.6 <= width  # room for the whole total
    assert f"<title>{long}</title>" in svg  # shortened on the chart, whole as its tooltip
    assert "…" in svg
