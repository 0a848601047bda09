"""Charts drawn on the server as SVG geometry: the template only places numbers, so the pages
need no JavaScript and no inline styles (the CSP allows neither)."""

import math
from dataclasses import dataclass

RINGS = (0.25, 0.5, 0.75, 1.0)
LINE_HEIGHT = 14  # pixels between the lines of a wrapped label


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str  # SVG text-anchor
    lines: list[str]


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
        """Wider than the chart, so that long labels left and right are not cut off."""
        margin = 70
        return f"{-margin} 0 {self.size + 2 * margin} {self.size}"


def _wrap(text: str, width: int = 16) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def radar(labels: list[str], series: list[tuple[str, list[float]]], size: int = 420) -> Radar:
    """A spider chart: one spoke per label, one polygon per series of values in 0..1."""
    center, radius = size / 2, size / 2 - 95
    count = len(labels)

    def at(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return (
            round(center + radius * value * math.cos(angle), 1),
            round(center + radius * value * math.sin(angle), 1),
        )

    def polygon(values: list[float]) -> str:
        return " ".join(f"{x},{y}" for x, y in (at(i, v) for i, v in enumerate(values)))

    placed = []
    for index, text in enumerate(labels):
        x, y = at(index, 1.16)
        anchor = "middle" if abs(x - center) < 20 else ("start" if x > center else "end")
        lines = _wrap(text)
        if y < center - 20:  # above the middle: grow upwards, away from the chart
            y -= (len(lines) - 1) * LINE_HEIGHT
        elif abs(y - center) <= 20:
            y -= (len(lines) - 1) * LINE_HEIGHT / 2
        placed.append(Label(x, round(y, 1), anchor, lines))
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
