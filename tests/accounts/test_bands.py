import pytest
from hypothesis import given
from hypothesis import strategies as st

from accounts.bands import Band, band_for_level_code, describe_level_code


@pytest.mark.parametrize(
    ("code", "band"),
    [
        # Seniority words come first, whatever numbers follow.
        ("Junior", Band.JUNIOR),
        ("Associate Engineer", Band.JUNIOR),
        ("Senior", Band.SENIOR),
        ("Sr. Software Engineer", Band.SENIOR),
        ("Senior Engineer II", Band.SENIOR),
        ("Staff", Band.STAFF),
        ("Senior Staff Engineer", Band.STAFF),
        ("Principal Engineer", Band.STAFF),
        ("Mid-level", Band.MID),
        ("Intermediate Developer", Band.MID),
        # Numbered scales.
        ("L3", Band.JUNIOR),
        ("L4", Band.MID),
        ("l5", Band.SENIOR),
        ("L6", Band.STAFF),
        ("L7", Band.STAFF),
        ("E3", Band.JUNIOR),
        ("E4", Band.MID),
        ("E5", Band.SENIOR),
        ("E6", Band.STAFF),
        ("IC1", Band.JUNIOR),
        ("IC2", Band.MID),
        ("IC3", Band.SENIOR),
        ("IC4", Band.STAFF),
        ("L-4", Band.MID),
        ("SDE 1", Band.JUNIOR),
        ("SDE2", Band.MID),
        # Roman numerals.
        ("Engineer I", Band.JUNIOR),
        ("SDE II", Band.MID),
        ("Software Engineer III", Band.SENIOR),
        ("SWE IV", Band.STAFF),
        # Bare numbers read as the common L scale.
        ("4", Band.MID),
        ("Level 5", Band.SENIOR),
    ],
)
def test_level_codes_map_to_bands(code, band):
    assert band_for_level_code(code) == band


@pytest.mark.parametrize("code", ["", "   ", "Wizard", "P", "Engineer", "42x"])
def test_unknown_codes_map_to_nothing(code):
    assert band_for_level_code(code) is None


@given(st.text(max_size=40))
def test_any_text_maps_to_a_band_or_nothing(code):
    assert band_for_level_code(code) in {None, *Band}


def test_short_labels_read_well_after_a_code():
    assert [band.short for band in Band] == ["junior", "mid", "senior", "staff+"]


def test_a_band_description_names_the_band():
    assert describe_level_code(" L4 ") == "“L4” is in the Mid-level band."
    assert describe_level_code("E5") == "“E5” is in the Senior band."


def test_staff_says_the_ladder_stops_at_senior():
    text = describe_level_code("Principal Engineer")
    assert text.startswith("“Principal Engineer” is in the Staff+ band.")
    assert "junior to senior" in text
    assert Band.STAFF.note
    assert not Band.SENIOR.note


def test_an_unmapped_code_names_codes_that_work():
    text = describe_level_code("Grade 7B")
    assert "cannot tell the band from “Grade 7B”" in text
    for example in ("L4", "E5", "SDE II", "Senior"):
        assert example in text
    assert "level code" in describe_level_code("")
