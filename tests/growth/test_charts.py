"""The SVG geometry drawn on the server: a radar for readiness, paired bars for progress.

The default radar is 420 px square: centre (210, 210), radius 420 / 2 − 95 = 115, labels on a
circle of 1.16 × 115 = 133.4. Spokes start straight up and go clockwise (SVG's y grows down).
"""

import math

import pytest

from growth.charts import LINE_HEIGHT, RINGS, _wrap, paired_bars, radar

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


def pairs(points: str) -> list[tuple[float, float]]:
    return [tuple(float(n) for n in p.split(",")) for p in points.split()]


class TestRadarGeometry:
    def test_size_centre_and_rings(self):
        chart = radar(["A", "B", "C", "D"], [])
        assert (chart.size, chart.center) == (420, 210.0)
        assert RINGS == (0.25, 0.5, 0.75, 1.0)
        assert chart.rings == [
            "210.0,181.2 238.8,210.0 210.0,238.8 181.2,210.0",
            "210.0,152.5 267.5,210.0 210.0,267.5 152.5,210.0",
            "210.0,123.8 296.2,210.0 210.0,296.2 123.8,210.0",
            "210.0,95.0 325.0,210.0 210.0,325.0 95.0,210.0",
        ]

    def test_first_spoke_points_straight_up_then_clockwise(self):
        chart = radar(["A", "B", "C", "D"], [])
        assert chart.axes == [(210.0, 95.0), (325.0, 210.0), (210.0, 325.0), (95.0, 210.0)]

    def test_ten_spokes_at_36_degrees(self):
        chart = radar(COMPETENCIES, [])
        assert len(chart.axes) == 10
        assert chart.axes[0] == (210.0, 95.0)
        # The second spoke: 36° clockwise from the top.
        assert chart.axes[1] == (
            round(210 + 115 * math.sin(math.radians(36)), 1),
            round(210 - 115 * math.cos(math.radians(36)), 1),
        )
        assert chart.axes[1] == (277.6, 117.0)
        assert chart.axes[5] == (210.0, 325.0)  # straight down
        for x, y in chart.axes:
            assert math.hypot(x - 210, y - 210) == pytest.approx(115, abs=0.1)

    def test_values_scale_the_radius(self):
        chart = radar(["A", "B", "C", "D"], [("Senior (target)", [1.0, 0.5, 0.0, 0.4])])
        [series] = chart.series
        assert series.name == "Senior (target)"
        assert series.dots == [(210.0, 95.0), (267.5, 210.0), (210.0, 210.0), (164.0, 210.0)]
        assert series.points == "210.0,95.0 267.5,210.0 210.0,210.0 164.0,210.0"

    def test_several_series_keep_their_order(self):
        chart = radar(["A", "B", "C"], [("target", [1, 1, 1]), ("now", [0.5, 0.5, 0.5])])
        assert [s.name for s in chart.series] == ["target", "now"]
        target, now = chart.series
        for (tx, ty), (nx, ny) in zip(target.dots, now.dots, strict=True):
            assert math.hypot(tx - 210, ty - 210) == pytest.approx(115, abs=0.1)
            assert math.hypot(nx - 210, ny - 210) == pytest.approx(57.5, abs=0.1)

    def test_a_different_size(self):
        chart = radar(["A", "B"], [("s", [1.0, 1.0])], size=300)
        assert chart.center == 150.0
        assert chart.axes == [(150.0, 95.0), (150.0, 205.0)]  # radius 300 / 2 − 95 = 55


class TestRadarLabels:
    def test_the_view_box_leaves_room_for_labels_left_and_right(self):
        chart = radar(COMPETENCIES, [])
        assert chart.view_box == "-70 0 560 420"
        left, _, width, _ = (float(n) for n in chart.view_box.split())
        # The longest label on the left ("Communication", anchored at its end) fits, at the
        # 12 px of .radar__label and a generous 7 px per character.
        assert (
            min(lb.x - max(map(len, lb.lines)) * 7 for lb in chart.labels if lb.anchor == "end")
            > left
        )
        assert (
            max(lb.x + max(map(len, lb.lines)) * 7 for lb in chart.labels if lb.anchor == "start")
            < left + width
        )

    def test_anchors_follow_the_side(self):
        chart = radar(["A", "B", "C", "D"], [])
        assert [(lb.x, lb.y, lb.anchor) for lb in chart.labels] == [
            (210.0, 76.6, "middle"),  # top: 210 − 133.4
            (343.4, 210.0, "start"),  # right
            (210.0, 343.4, "middle"),  # bottom
            (76.6, 210.0, "end"),  # left
        ]

    def test_ten_competencies(self):
        chart = radar(COMPETENCIES, [])
        assert [(lb.x, lb.y, lb.anchor, len(lb.lines)) for lb in chart.labels] == [
            (210.0, 76.6, "middle", 1),
            (288.4, 88.1, "start", 2),  # y 102.1, above the middle: up one line (14)
            (336.9, 154.8, "start", 2),  # y 168.8, above: up 14
            (336.9, 251.2, "start", 2),  # below the middle: stays
            (288.4, 317.9, "start", 3),
            (210.0, 343.4, "middle", 2),
            (131.6, 317.9, "end", 4),
            (83.1, 251.2, "end", 3),
            (83.1, 140.8, "end", 3),  # y 168.8, above: up two lines (28)
            (131.6, 88.1, "end", 2),
        ]

    def test_a_wrapped_label_at_the_middle_height_is_centred_on_its_spoke(self):
        chart = radar(["A", "Reliability, security and operations", "C", "D"], [])
        label = chart.labels[1]
        assert label.lines == ["Reliability,", "security and", "operations"]
        assert label.y == 210.0 - (3 - 1) * LINE_HEIGHT / 2 == 196.0
        assert label.anchor == "start"

    def test_a_wrapped_label_at_the_top_grows_upwards(self):
        chart = radar(["Project leadership and technical direction", "B", "C"], [])
        label = chart.labels[0]
        assert label.lines == ["Project", "leadership and", "technical", "direction"]
        assert label.y == round(76.6 - 3 * LINE_HEIGHT, 1) == 34.6
        assert label.anchor == "middle"


class TestWrap:
    @pytest.mark.parametrize(
        ("text", "lines"),
        [
            ("Technical craft", ["Technical craft"]),  # 15 characters: fits in 16
            ("Execution and independence", ["Execution and", "independence"]),
            (
                "Reliability, security and operations",
                ["Reliability,", "security and", "operations"],
            ),
            ("Communication and collaboration", ["Communication", "and", "collaboration"]),
            ("Supercalifragilisticexpialidocious", ["Supercalifragilisticexpialidocious"]),
            ("", []),
            ("   ", []),
            ("sixteen chars ok", ["sixteen chars ok"]),  # exactly 16
            ("seventeen chars x", ["seventeen chars", "x"]),
        ],
    )
    def test_wraps_at_16_characters(self, text, lines):
        assert _wrap(text) == lines

    def test_a_narrower_width(self):
        assert _wrap("a bb ccc dddd", width=4) == ["a bb", "ccc", "dddd"]


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
