"""Charts drawn on the server as SVG geometry: the template only places numbers, so the pages
need no JavaScript and no inline styles (the CSP allows neither)."""

import math
from dataclasses import dataclass

RINGS = (0.25, 0.5, 0.75, 1.0)
# Labels are abbreviations ("SDA"), with a key below the chart naming each one in full, and
# sized so that they are drawn at MIN_LABEL_PX or more even where the chart is narrowest: the
# full width of a 390 px phone less the page's 1 rem margin on either side.
MIN_LABEL_PX = 12
PHONE_CHART_PX = 390 - 2 * 16
LABEL_ROOM = 62  # between the outer ring and the edge: a four-letter label and its gap
LABEL_GAP = 12  # between a spoke's end and its label
SMALL_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"})


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the middle of the text (the template sets dominant-baseline="central")
    anchor: str  # SVG text-anchor
    text: str  # the abbreviation drawn on the chart
    name: str  # what it stands for, in the key below the chart


@dataclass(frozen=True)
class Series:
    name: str
    points: str  # "x,y x,y …" for <polygon points>
    dots: list[tuple[float, float]]


@dataclass(frozen=True)
class Radar:
    size: int
    center: float
    rings: list[str]  # polygon points per ring
    axes: list[tuple[float, float]]  # outer end of each spoke
    labels: list[Label]
    series: list[Series]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.size} {self.size}"

    @property
    def label_size(self) -> int:
        return label_size(self.size)


def label_size(size: int) -> int:
    """The labels' font size in the chart's own units. The SVG scales text with the chart, so
    this is at least MIN_LABEL_PX once a chart `size` units wide is drawn PHONE_CHART_PX wide."""
    return math.ceil(MIN_LABEL_PX * size / PHONE_CHART_PX)


def _words(name: str) -> list[str]:
    words = [w.strip(",.;:()/&-") for w in name.split()]
    return [w for w in words if w and w.lower() not in SMALL_WORDS] or [w for w in words if w]


def abbreviate(names: list[str]) -> list[str]:
    """Initials of the words that carry the meaning ("System design and architecture" → "SDA").

    Two names with the same initials get more letters of their last word ("CCo", "CCu"), so
    every abbreviation stands for one name."""
    words = [_words(name) for name in names]
    extra = [0] * len(names)

    def abbreviation(i: int) -> str:
        if not words[i]:
            return "?"
        initials = "".join(w[0].upper() for w in words[i])
        return initials + words[i][-1][1 : 1 + extra[i]]

    while True:
        found = [abbreviation(i) for i in range(len(names))]
        clashing = {a for a in found if found.count(a) > 1}
        grown = False
        for i, a in enumerate(found):
            if a in clashing and words[i] and extra[i] < len(words[i][-1]) - 1:
                extra[i] += 1
                grown = True
        if not clashing or not grown:
            return found


def radar(labels: list[str], series: list[tuple[str, list[float]]], size: int = 420) -> Radar:
    """A spider chart: one spoke per label, one polygon per series of values in 0..1."""
    center, radius = size / 2, size / 2 - LABEL_ROOM
    count = len(labels)

    def direction(index: int) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return math.cos(angle), math.sin(angle)

    def at(index: int, value: float) -> tuple[float, float]:
        dx, dy = direction(index)
        return round(center + radius * value * dx, 1), round(center + radius * value * dy, 1)

    def polygon(values: list[float]) -> str:
        return " ".join(f"{x},{y}" for x, y in (at(i, v) for i, v in enumerate(values)))

    font = label_size(size)
    placed = []
    for index, (name, text) in enumerate(zip(labels, abbreviate(labels), strict=True)):
        dx, dy = direction(index)
        # Out past the spoke's end; labels above and below move a further half line away.
        x = center + (radius + LABEL_GAP) * dx
        y = center + (radius + LABEL_GAP) * dy + dy * font / 2
        anchor = "middle" if abs(dx) < 0.01 else ("start" if dx > 0 else "end")
        placed.append(Label(round(x, 1), round(y, 1), anchor, text, name))
    return Radar(
        size=size,
        center=center,
        rings=[polygon([ring] * count) for ring in RINGS],
        axes=[at(i, 1.0) for i in range(count)],
        labels=placed,
        series=[
            Series(name, polygon(values), [at(i, v) for i, v in enumerate(values)])
            for name, values in series
        ],
    )


@dataclass(frozen=True)
class Bar:
    label: str
    before: float
    after: float
    y: float
    before_width: float
    after_width: float

    @property
    def label_y(self) -> float:
        return self.y + 15

    @property
    def after_y(self) -> float:
        return self.y + 12

    @property
    def change(self) -> int:
        return round((self.after - self.before) * 100)


@dataclass(frozen=True)
class Bars:
    width: int
    height: int
    plot_x: float
    plot_width: float
    bars: list[Bar]

    @property
    def label_x(self) -> float:
        return self.plot_x - 10


def paired_bars(rows: list[tuple[str, float, float]], width: int = 720) -> Bars:
    """Two bars per row (before and after, values in 0..1), for progress between assessments.

    Labels sit right-aligned left of the bars; 300 pixels hold the longest competency name
    ("Project leadership and technical direction", about 250 pixels at 12px)."""
    plot_x, row_height = 300.0, 34.0
    plot_width = width - plot_x - 50
    bars = [
        Bar(label, before, after, 10 + i * row_height, before * plot_width, after * plot_width)
        for i, (label, before, after) in enumerate(rows)
    ]
    return Bars(width, int(20 + len(rows) * row_height), plot_x, plot_width, bars)
