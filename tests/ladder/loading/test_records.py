"""Reading one record of the ladder file field by field (ladder/loading/records.py)."""

import pytest

from ladder.loading.records import Record, records_of, unique
from ladder.loading.specs import LadderDataError


def test_text_is_one_line_and_required_fields_must_be_there():
    record = Record({"name": "  Senior \n engineer "}, "levels[2] (senior)")
    assert record.text("name") == "Senior engineer"
    with pytest.raises(
        LadderDataError, match=r"levels\[2\] \(senior\), field 'summary': is missing"
    ):
        record.text("summary")
    assert record.text("note", required=False) == ""


@pytest.mark.parametrize("value", ["Mid", "mid level", "mid--level", "-mid", 4])
def test_a_slug_is_lowercase_words_and_single_hyphens(value):
    with pytest.raises(LadderDataError, match="is not a lowercase-hyphen slug"):
        Record({"slug": value}, "levels[0]").slug("slug")


def test_unknown_fields_are_errors_once_the_record_is_read():
    record = Record({"slug": "mid", "nmae": "Mid"}, "levels[1]")
    record.slug("slug")
    with pytest.raises(LadderDataError, match=r"levels\[1\]: unknown field\(s\): nmae"):
        record.done()


def test_lists_hold_non_empty_text_and_positive_numbers_are_whole():
    record = Record({"codes": ["L4", " E4 ", 4], "order": 2, "tags": []}, "levels[1]")
    assert record.text_list("codes") == ["L4", "E4", "4"]
    assert record.integer("order") == 2
    with pytest.raises(LadderDataError, match="must be a non-empty list"):
        record.text_list("tags", required=True)


def test_records_are_labelled_by_position_and_key_and_keys_are_unique():
    found = records_of({"levels": [{"slug": "junior"}, {"name": "Mid"}]}, "levels", "slug")
    assert [record.where for record in found] == ["levels[0] (junior)", "levels[1]"]
    with pytest.raises(LadderDataError, match="levels: 'mid' appears twice"):
        unique(["junior", "mid", "mid"], "levels")
    with pytest.raises(LadderDataError, match="expected a mapping of fields"):
        records_of({"levels": ["oops"]}, "levels", "slug")
