"""The geometry of the report charts: scaling to the plot, empty and zero data, a single value, labels."""

import pytest

from legalnet.staff import charts
from legalnet.staff.metrics import Chart, Series

# The plotting area of the period charts: 472 wide, 206 high, its bottom at y = 226.
BOTTOM, HEIGHT = 226, 206


def chart(categories, *series, unit=""):
    return Chart("k", "Title", "", list(categories),
                 [Series(f"s{i}", f"Series {i}", list(values)) for i, values in enumerate(series)], unit=unit)


def test_stacked_bars_scale_to_the_round_top_of_the_highest_stack():
    plot = charts.stacked_bars(chart(["Jan", "Feb"], [2, 5], [3, 0]))  # stacks 5 and 5: the scale tops at 5
    first, second = plot.columns
    assert [round(b.height, 6) for b in first.bars] == [round(2 / 5 * HEIGHT, 6), round(3 / 5 * HEIGHT, 6)]
    # Stacked bottom first: the second series sits on the first; the stack reaches the top of the plot.
    assert first.bars[0].y + first.bars[0].height == pytest.approx(BOTTOM)
    assert first.bars[1].y + first.bars[1].height == pytest.approx(first.bars[0].y)
    assert first.bars[1].y == pytest.approx(BOTTOM - HEIGHT)
    # A zero draws no rectangle; the total is written 4 units above the stack.
    assert [b.series for b in second.bars] == [0]
    assert (second.total.value, second.total.y) == (5, pytest.approx(BOTTOM - HEIGHT - 4))
    # Each bar fills 70 % of its period's slot, centred in it.
    slot = 472 / 2
    assert first.bars[0].width == pytest.approx(slot * 0.7)
    assert first.bars[0].x == pytest.approx(40 + slot * 0.15)
    assert second.bars[0].x == pytest.approx(40 + slot * 1.15)


def test_gridlines_are_whole_steps_from_zero_to_the_top():
    plot = charts.stacked_bars(chart(["A"], [7]))  # the scale of 7 tops at 10
    assert [t.value for t in plot.ticks] == [0, 2, 4, 6, 8, 10]
    assert [t.line.y1 for t in plot.ticks] == pytest.approx([BOTTOM - HEIGHT * i / 5 for i in range(6)])
    assert all(t.line.x1 == 40 and t.line.x2 == 512 and t.label_x == 34 for t in plot.ticks)
    assert plot.ticks[0].label_y == pytest.approx(BOTTOM + 4)


def test_empty_and_all_zero_charts_draw_nothing_and_never_divide_by_zero():
    for drawing in (charts.stacked_bars, charts.line_chart, charts.bar_chart):
        empty = drawing(chart([]))
        assert (empty.columns, empty.lines, empty.groups, empty.period_labels) == ([], [], [], [])
    zeros = charts.stacked_bars(chart(["A", "B"], [0, 0]))
    assert [c.bars for c in zeros.columns] == [[], []] and [c.total for c in zeros.columns] == [None, None]
    assert [t.value for t in zeros.ticks] == [0, 1]  # the scale of nothing is 0 to 1
    flat = charts.line_chart(chart(["A", "B"], [0, 0]))
    assert [p.y for p in flat.lines[0].points] == [BOTTOM, BOTTOM]
    bars = charts.bar_chart(chart(["Firm"], [0]))
    assert bars.groups[0].bars[0].width == 0


def test_a_single_value_fills_its_slot_and_reaches_the_top():
    stacked = charts.stacked_bars(chart(["Only"], [3]))
    (bar,) = stacked.columns[0].bars
    assert (bar.height, bar.y) == (pytest.approx(3 / 5 * HEIGHT), pytest.approx(BOTTOM - 3 / 5 * HEIGHT))
    assert bar.width == pytest.approx(472 * 0.7)
    line = charts.line_chart(chart(["Only"], [1]))
    (point,) = line.lines[0].points
    assert (point.x, point.y) == (pytest.approx(40 + 236), pytest.approx(BOTTOM - HEIGHT))
    assert line.lines[0].path == "276.0,20.0"
    horizontal = charts.bar_chart(chart(["Solo LLP"], [7]))
    (group,) = horizontal.groups
    assert group.bars[0].width == pytest.approx(7 / 10 * 298)
    assert group.values[0].x == pytest.approx(170 + 7 / 10 * 298 + 4)
    assert horizontal.height == 8 + (16 + 12) + 8


def test_percentages_scale_to_a_hundred():
    plot = charts.bar_chart(chart(["A", "B"], [50, 12.5], unit="%"))
    assert [g.bars[0].width for g in plot.groups] == pytest.approx([149, 37.25])


def test_period_labels_are_thinned_to_at_most_seven_under_their_slots():
    categories = [f"W{i}" for i in range(15)]
    plot = charts.line_chart(chart(categories, [1] * 15))
    assert [label.text for label in plot.period_labels] == ["W0", "W3", "W6", "W9", "W12"]
    slot = 472 / 15
    assert plot.period_labels[1].x == pytest.approx(40 + slot * 3.5)
    assert {label.y for label in plot.period_labels} == {244}
    assert len(charts.stacked_bars(chart(["a", "b", "c"], [1, 1, 1])).period_labels) == 3


def test_horizontal_bars_group_the_series_of_each_category_with_its_label():
    plot = charts.bar_chart(chart(["Alpha", "Beta"], [1, 2], [3, 4]))
    alpha, beta = plot.groups
    assert (alpha.category, alpha.label_x, alpha.label_y) == ("Alpha", 162, 8 + 16 * 2 / 2 + 5)
    assert [b.y for b in alpha.bars] == [8, 24] and [b.y for b in beta.bars] == [52, 68]
    assert [b.series_label for b in beta.bars] == ["Series 0", "Series 1"]
    assert [m.y for m in beta.values] == [64, 80]
    assert (plot.axis.x1, plot.axis.y1, plot.axis.y2) == (170, 4, plot.height - 6)


def test_the_dashboard_gets_a_plot_for_every_drawn_chart():
    drawn = charts.plots({"status": chart(["A"], [1]), "practice-areas": chart(["A"], [1]),
                          "firms": chart(["F"], [1]), "fees": chart(["A"], [1])})
    assert set(drawn) == {"status", "practice-areas", "firms"}
    assert drawn["practice-areas"].lines and drawn["firms"].groups and drawn["status"].columns
