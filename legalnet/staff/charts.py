"""Geometry of the report charts: where every bar, point, gridline and label of the server-drawn SVG goes.

The templates print these coordinates as they are; the numbers and labels are formatted there (in the reader's
language). Every function here takes a legalnet.staff.metrics.Chart and knows nothing of Flask."""

import math
from dataclasses import dataclass, field

# The box of the period charts (stacked bars and lines), in SVG units; the margins hold the axis labels.
PERIOD_WIDTH, PERIOD_HEIGHT = 520, 260
PERIOD_LEFT, PERIOD_RIGHT, PERIOD_TOP, PERIOD_BOTTOM = 40, 8, 20, 34
# Share of a period's slot that its bar fills; the rest is the gap between bars.
BAR_SHARE = 0.7
# At most this many period labels along the bottom, so that they never overlap.
MAX_PERIOD_LABELS = 7
POINT_RADIUS = 3.5

# The horizontal bar chart: a label column on the left, room for the value on the right.
BARS_WIDTH, BARS_LEFT, BARS_RIGHT, BARS_TOP = 520, 170, 52, 8
BAR_THICKNESS, GROUP_GAP = 16, 12


@dataclass(frozen=True)
class Segment:
    """A straight line from (x1, y1) to (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Tick:
    """A gridline across the plot at height `y`, labelled with `value` at (label_x, label_y)."""

    value: float
    line: Segment
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Label:
    """A text placed at (x, y)."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Bar:
    """One rectangle: the value of one series in one category, in the colour of series `series`."""

    x: float
    y: float
    width: float
    height: float
    series: int
    series_label: str
    category: str
    value: float


@dataclass(frozen=True)
class ValueMark:
    """A number written at (x, y), e.g. the total above a stacked bar."""

    x: float
    y: float
    value: float


@dataclass(frozen=True)
class Column:
    """The stacked bars of one period, bottom first, and its total written above them (None when zero)."""

    bars: list[Bar]
    total: ValueMark | None


@dataclass(frozen=True)
class Point:
    """One value of a line, drawn as a dot."""

    x: float
    y: float
    category: str
    value: float


@dataclass(frozen=True)
class Line:
    """One series of a line chart."""

    series: int
    label: str
    total: float
    points: list[Point]

    @property
    def path(self) -> str:
        """The points as an SVG polyline's `points` attribute."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class BarGroup:
    """The bars of one category of a horizontal bar chart, with the category's label."""

    category: str
    label_x: float
    label_y: float
    bars: list[Bar]
    values: list[ValueMark]


@dataclass(frozen=True)
class Plot:
    """Everything a chart's SVG draws, in the units of its viewBox (0 0 width height)."""

    width: float
    height: float
    axis: Segment
    ticks: list[Tick] = field(default_factory=list)
    period_labels: list[Label] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    groups: list[BarGroup] = field(default_factory=list)
    point_radius: float = POINT_RADIUS


def _plot_box() -> tuple[float, float]:
    """Width and height of the plotting area inside the margins of a period chart."""
    return (PERIOD_WIDTH - PERIOD_LEFT - PERIOD_RIGHT, PERIOD_HEIGHT - PERIOD_TOP - PERIOD_BOTTOM)


def _ticks(chart, top_value: float) -> list[Tick]:
    """Gridlines of the chart's scale from 0 to `top_value`, with their labels left of the plot."""
    width, height = _plot_box()
    ticks = []
    for value in chart.ticks(top_value):
        y = PERIOD_TOP + height - value / top_value * height
        ticks.append(Tick(value, Segment(PERIOD_LEFT, y, PERIOD_LEFT + width, y), PERIOD_LEFT - 6, y + 4))
    return ticks


def _period_labels(categories: list[str], slot: float) -> list[Label]:
    """Period names under the centre of their slots, every n-th one so that at most seven are written."""
    every = math.ceil(len(categories) / MAX_PERIOD_LABELS) or 1
    y = PERIOD_HEIGHT - PERIOD_BOTTOM + 18
    return [Label(PERIOD_LEFT + slot * (i + 0.5), y, category)
            for i, category in enumerate(categories) if i % every == 0]


def _baseline() -> Segment:
    """The horizontal axis under a period chart."""
    width, height = _plot_box()
    return Segment(PERIOD_LEFT, PERIOD_TOP + height, PERIOD_LEFT + width, PERIOD_TOP + height)


def stacked_bars(chart) -> Plot:
    """Vertical bars, one per period, stacked by series, with the period's total above each bar."""
    width, height = _plot_box()
    top_value = chart.max_total
    slot = width / (len(chart.categories) or 1)
    bar_width = slot * BAR_SHARE
    columns = []
    for i, category in enumerate(chart.categories):
        x = PERIOD_LEFT + slot * i + (slot - bar_width) / 2
        stacked, bars, total = 0, [], None
        for index, series in enumerate(chart.series):
            value = series.values[i]
            if not value:
                continue  # a zero would be an invisible rectangle with a tooltip
            bar_height = value / top_value * height
            bars.append(Bar(x, PERIOD_TOP + height - stacked - bar_height, bar_width, bar_height, index,
                            series.label, category, value))
            stacked += bar_height
        if chart.totals[i]:
            total = ValueMark(x + bar_width / 2, PERIOD_TOP + height - stacked - 4, chart.totals[i])
        columns.append(Column(bars, total))
    return Plot(PERIOD_WIDTH, PERIOD_HEIGHT, _baseline(), ticks=_ticks(chart, top_value),
                period_labels=_period_labels(chart.categories, slot), columns=columns)


def line_chart(chart) -> Plot:
    """One line per series across the periods, with a dot at every value."""
    width, height = _plot_box()
    top_value = chart.max_value
    slot = width / (len(chart.categories) or 1)
    lines = []
    for index, series in enumerate(chart.series):
        points = [Point(PERIOD_LEFT + slot * (i + 0.5), PERIOD_TOP + height - value / top_value * height,
                        chart.categories[i], value) for i, value in enumerate(series.values)]
        lines.append(Line(index, series.label, series.total, points))
    return Plot(PERIOD_WIDTH, PERIOD_HEIGHT, _baseline(), ticks=_ticks(chart, top_value),
                period_labels=_period_labels(chart.categories, slot), lines=lines)


def bar_chart(chart) -> Plot:
    """Horizontal bars, one group per category (e.g. a firm) and one bar per series, the value at the end."""
    series_count = len(chart.series) or 1
    group_height = BAR_THICKNESS * series_count + GROUP_GAP
    width = BARS_WIDTH - BARS_LEFT - BARS_RIGHT
    height = BARS_TOP + group_height * len(chart.categories) + 8
    top_value = chart.max_value
    groups = []
    for i, category in enumerate(chart.categories):
        y0 = BARS_TOP + group_height * i
        bars, values = [], []
        for index, series in enumerate(chart.series):
            value = series.values[i]
            bar_width = value / top_value * width
            y = y0 + BAR_THICKNESS * index
            bars.append(Bar(BARS_LEFT, y, bar_width, BAR_THICKNESS - 2, index, series.label, category, value))
            values.append(ValueMark(BARS_LEFT + bar_width + 4, y + BAR_THICKNESS - 4, value))
        groups.append(BarGroup(category, BARS_LEFT - 8, y0 + BAR_THICKNESS * series_count / 2 + 5, bars, values))
    return Plot(BARS_WIDTH, height, Segment(BARS_LEFT, BARS_TOP - 4, BARS_LEFT, height - 6), groups=groups)


# Which drawing each chart of the report dashboard uses.
DRAWINGS = {"status": stacked_bars, "jurisdictions": stacked_bars, "practice-areas": line_chart,
            "firms": bar_chart}


def plots(charts: dict) -> dict[str, Plot]:
    """The geometry of every dashboard chart that has a drawing, by chart key."""
    return {key: DRAWINGS[key](chart) for key, chart in charts.items() if key in DRAWINGS}
