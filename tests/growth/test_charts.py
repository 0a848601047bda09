"""The SVG geometry drawn on the server: a radar for readiness, paired bars for progress.

The default radar is 420 units square: centre (210, 210), radius 420 / 2 − 62 = 148, with the
labels 12 units past the spokes' ends. Spokes start straight up and go clockwise (SVG's y grows
down). Labels are abbreviations at 15 units, drawn at 12 px or more on a 390 px phone.
"""

import math

import pytest

from growth.charts import (
    MIN_LABEL_PX,
    PHONE_CHART_PX,
    RINGS,
    abbreviate,
    label_size,
    paired_bars,
    radar,
)

COMPETENCIES = [
    "Technical craft",
    "Execution and independence",
    "Proactivity and ownership",
    "System design and architecture",
    "Reliability, security and operations",
    "Mentoring and code review",
    "Project leadership and technical direction",
    "Communication and collaboration",
    "Business and product understanding",
    "Learning and career growth",
]
# A generous width per character of a bold capital at the labels' size (Chromium measures
# 0.6 to 0.72 em for these letters in the system font).
EM_PER_LETTER = 0.75


def pairs(points: str) -> list[tuple[float, float]]:
    return [tuple(float(n) for n in p.split(",")) for p in points.split()]


class TestRadarGeometry:
    def test_size_centre_and_rings(self):
        chart = radar(["A", "B", "C", "D"], [])
        assert (chart.size, chart.center) == (420, 210.0)
        assert RINGS == (0.25, 0.5, 0.75, 1.0)
        assert chart.rings == [
            "210.0,173.0 247.0,210.0 210.0,247.0 173.0,210.0",
            "210.0,136.0 284.0,210.0 210.0,284.0 136.0,210.0",
            "210.0,99.0 321.0,210.0 210.0,321.0 99.0,210.0",
            "210.0,62.0 358.0,210.0 210.0,358.0 62.0,210.0",
        ]

    def test_first_spoke_points_straight_up_then_clockwise(self):
        chart = radar(["A", "B", "C", "D"], [])
        assert chart.axes == [(210.0, 62.0), (358.0, 210.0), (210.0, 358.0), (62.0, 210.0)]

    def test_ten_spokes_at_36_degrees(self):
        chart = radar(COMPETENCIES, [])
        assert len(chart.axes) == 10
        assert chart.axes[0] == (210.0, 62.0)
        # The second spoke: 36° clockwise from the top.
        assert chart.axes[1] == (
            round(210 + 148 * math.sin(math.radians(36)), 1),
            round(210 - 148 * math.cos(math.radians(36)), 1),
        )
        assert chart.axes[1] == (297.0, 90.3)
        assert chart.axes[5] == (210.0, 358.0)  # straight down
        for x, y in chart.axes:
            assert math.hypot(x - 210, y - 210) == pytest.approx(148, abs=0.1)

    def test_values_scale_the_radius(self):
        chart = radar(["A", "B", "C", "D"], [("Senior (target)", [1.0, 0.5, 0.0, 0.4])])
        [series] = chart.series
        assert series.name == "Senior (target)"
        assert series.dots == [(210.0, 62.0), (284.0, 210.0), (210.0, 210.0), (150.8, 210.0)]
        assert series.points == "210.0,62.0 284.0,210.0 210.0,210.0 150.8,210.0"

    def test_several_series_keep_their_order(self):
        chart = radar(["A", "B", "C"], [("target", [1, 1, 1]), ("now", [0.5, 0.5, 0.5])])
        assert [s.name for s in chart.series] == ["target", "now"]
        target, now = chart.series
        for (tx, ty), (nx, ny) in zip(target.dots, now.dots, strict=True):
            assert math.hypot(tx - 210, ty - 210) == pytest.approx(148, abs=0.1)
            assert math.hypot(nx - 210, ny - 210) == pytest.approx(74, abs=0.1)

    def test_a_different_size(self):
        chart = radar(["A", "B"], [("s", [1.0, 1.0])], size=300)
        assert chart.center == 150.0
        assert chart.axes == [(150.0, 62.0), (150.0, 238.0)]  # radius 300 / 2 − 62 = 88
        assert chart.view_box == "0 0 300 300"


class TestRadarLabelsOnAPhone:
    """Issue 13: the chart stays legible on a 390 px screen."""

    def test_the_chart_is_drawn_358_px_wide_on_a_390_px_phone(self):
        assert PHONE_CHART_PX == 390 - 2 * 16  # the page keeps 1 rem either side
        assert MIN_LABEL_PX == 12

    @pytest.mark.parametrize("size", [300, 420, 520, 600])
    def test_labels_are_at_least_12_px_when_the_chart_is_358_px_wide(self, size):
        chart = radar(COMPETENCIES, [], size=size)
        width = float(chart.view_box.split()[2])
        assert chart.label_size * PHONE_CHART_PX / width >= 12
        # …and not needlessly larger: one unit less would drop below 12 px.
        assert (chart.label_size - 1) * PHONE_CHART_PX / width < 12

    def test_the_default_chart_draws_them_at_15_units_that_is_12_8_px(self):
        chart = radar(COMPETENCIES, [])
        assert chart.view_box == "0 0 420 420"
        assert chart.label_size == label_size(420) == 15
        assert round(15 * PHONE_CHART_PX / 420, 1) == 12.8

    def test_every_label_fits_inside_the_chart(self):
        chart = radar(COMPETENCIES, [])
        left, top, width, height = (float(n) for n in chart.view_box.split())
        half_height = chart.label_size / 2
        for label in chart.labels:
            text_width = len(label.text) * chart.label_size * EM_PER_LETTER
            start = {"start": label.x, "middle": label.x - text_width / 2}.get(
                label.anchor, label.x - text_width
            )
            assert left <= start, label
            assert start + text_width <= left + width, label
            assert top <= label.y - half_height, label
            assert label.y + half_height <= top + height, label

    def test_labels_sit_past_the_spokes_ends(self):
        chart = radar(["A", "B", "C", "D"], [])
        # 148 + 12 = 160 from the centre; above and below, half a line (7.5) further.
        assert [(lb.x, lb.y, lb.anchor) for lb in chart.labels] == [
            (210.0, 42.5, "middle"),
            (370.0, 210.0, "start"),
            (210.0, 377.5, "middle"),
            (50.0, 210.0, "end"),
        ]

    def test_ten_competencies_abbreviated_each_with_its_name(self):
        chart = radar(COMPETENCIES, [])
        assert [(lb.text, lb.name) for lb in chart.labels] == list(
            zip(
                ["TC", "EI", "PO", "SDA", "RSO", "MCR", "PLTD", "CC", "BPU", "LCG"],
                COMPETENCIES,
                strict=True,
            )
        )
        assert [lb.anchor for lb in chart.labels] == (
            ["middle"] + ["start"] * 4 + ["middle"] + ["end"] * 4
        )


class TestAbbreviate:
    @pytest.mark.parametrize(
        ("name", "abbreviation"),
        [
            ("Technical craft", "TC"),
            ("System design and architecture", "SDA"),
            ("Reliability, security and operations", "RSO"),  # punctuation is not a word
            ("Project leadership and technical direction", "PLTD"),
            ("Learning", "L"),
            ("and", "A"),  # only small words: they count after all
            ("", "?"),
        ],
    )
    def test_initials_of_the_words_that_carry_meaning(self, name, abbreviation):
        assert abbreviate([name]) == [abbreviation]

    def test_clashing_initials_take_more_letters_of_the_last_word(self):
        assert abbreviate(["Communication and collaboration", "Customer care", "Code craft"]) == [
            "CCo",
            "CCa",
            "CCr",
        ]

    def test_the_ladders_competencies_are_all_different(self):
        found = abbreviate(COMPETENCIES)
        assert len(set(found)) == len(found) == 10

    def test_identical_names_cannot_be_told_apart_but_do_not_loop(self):
        assert abbreviate(["Design", "Design"]) == ["Design", "Design"]


class TestPairedBars:
    def test_widths_and_rows(self):
        chart = paired_bars([("A", 0.5, 0.75), ("B", 0.25, 1.0), ("C", 0.8, 0.6)])
        assert (chart.width, chart.plot_x, chart.plot_width) == (720, 300.0, 370.0)
        assert chart.height == 20 + 3 * 34 == 122
        assert chart.label_x == 290.0
        assert [
            (b.label, b.y, b.before_width, b.after_width, b.label_y, b.after_y, b.change)
            for b in chart.bars
        ] == [
            ("A", 10.0, 185.0, 277.5, 25.0, 22.0, 25),
            ("B", 44.0, 92.5, 370.0, 59.0, 56.0, 75),
            ("C", 78.0, 296.0, 222.0, 93.0, 90.0, -20),
        ]

    def test_full_and_empty(self):
        chart = paired_bars([("Zero to full", 0.0, 1.0)], width=500)
        [bar] = chart.bars
        assert chart.plot_width == 500 - 300 - 50 == 150
        assert (bar.before_width, bar.after_width, bar.change) == (0.0, 150.0, 100)

    def test_the_longest_competency_label_fits_left_of_the_bars(self):
        chart = paired_bars([(name, 0.5, 0.5) for name in COMPETENCIES])
        left = float(getattr(chart, "view_box", "0 0 0 0").split()[0])
        # 5.5 px per character is below what Chromium measures for these names (5.8 to 6.7).
        for bar in chart.bars:
            assert chart.label_x - len(bar.label) * 5.5 >= left, bar.label

    def test_no_rows(self):
        chart = paired_bars([])
        assert chart.bars == []
        assert chart.height == 20
