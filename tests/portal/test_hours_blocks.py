"""The hours editor's blocks: an empty row is "no hours" (as the help text says), a half-filled
one and overlapping hours, seasons or dates are refused with a message at the field; none of
them is a crash."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from portal.blocks import ExceptionBlock, ServiceBlock

EMPTY_ROW = {"opens": None, "closes": None}


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted in English, whichever language an earlier test left active."""
    with translation.override("en"):
        yield


def service(**overrides):
    value = {
        "name": "Reception",
        "description": "",
        "regular_hours": [{"weekdays": ["0"], "opens": time(8, 30), "closes": time(12)}],
        "seasons": [],
        "exceptions": [],
    }
    value.update(overrides)
    block = ServiceBlock()
    return block, block.to_python(
        {
            **value,
            "regular_hours": [
                {**row, "opens": fmt(row["opens"]), "closes": fmt(row["closes"])}
                for row in value["regular_hours"]
            ],
            "seasons": [
                {
                    **season,
                    "starts": season["starts"].isoformat(),
                    "ends": season["ends"].isoformat(),
                    "hours": [],
                }
                for season in value["seasons"]
            ],
            "exceptions": [
                {
                    "date": e["date"].isoformat() if e["date"] else None,
                    "note": "",
                    "hours": [
                        {"opens": fmt(h["opens"]), "closes": fmt(h["closes"])} for h in e["hours"]
                    ],
                }
                for e in value["exceptions"]
            ],
        }
    )


def fmt(moment):
    return moment.isoformat() if moment else None


def messages_of(error: ValidationError) -> str:
    return str(error.as_json_data() if hasattr(error, "as_json_data") else error)


def test_an_exception_left_empty_means_closed_all_day():
    block, value = service(exceptions=[{"date": date(2026, 12, 9), "hours": [EMPTY_ROW]}])
    cleaned = block.clean(value)
    hours = cleaned.schedule().hours_on(date(2026, 12, 9))
    assert (hours.intervals, hours.kind, hours.is_open) == ((), "exception", False)


@pytest.mark.parametrize(
    "row", [{"opens": time(9), "closes": None}, {"opens": None, "closes": time(12)}]
)
def test_a_half_filled_row_is_refused_with_a_message_not_a_crash(row):
    block = ExceptionBlock()
    value = block.to_python(
        {"date": "2026-12-09", "note": "", "hours": [{k: fmt(v) for k, v in row.items()}]}
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert "Give both the opening and the closing time" in messages_of(refused.value)


def test_overlapping_hours_on_one_day_are_refused():
    block, value = service(
        regular_hours=[
            {"weekdays": ["0"], "opens": time(8, 30), "closes": time(12)},
            {"weekdays": ["0"], "opens": time(11), "closes": time(15)},
            {"weekdays": ["1"], "opens": time(11), "closes": time(15)},
        ]
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    listed = refused.value.block_errors["regular_hours"]
    assert isinstance(listed, ListBlockValidationError)
    assert set(listed.block_errors) == {1}
    assert "overlap" in messages_of(refused.value)


def test_one_row_gives_the_same_hours_on_several_days():
    _block, value = service(
        regular_hours=[
            {"weekdays": ["0", "1", "2", "3"], "opens": time(8, 30), "closes": time(12)},
            {"weekdays": ["0", "1", "2", "3"], "opens": time(13), "closes": time(16)},
            {"weekdays": ["4"], "opens": time(8, 30), "closes": time(12)},
        ]
    )
    schedule = value.schedule()
    thursday, friday = date(2026, 11, 26), date(2026, 11, 27)
    assert [(i.opens, i.closes) for i in schedule.hours_on(thursday).intervals] == [
        (time(8, 30), time(12)),
        (time(13), time(16)),
    ]
    assert [(i.opens, i.closes) for i in schedule.hours_on(friday).intervals] == [
        (time(8, 30), time(12))
    ]


def test_a_several_day_row_overlapping_hours_on_one_of_its_days_is_refused():
    block, value = service(
        regular_hours=[
            {"weekdays": ["4"], "opens": time(13), "closes": time(15)},
            {"weekdays": ["0", "1", "2", "3", "4"], "opens": time(13), "closes": time(16)},
        ]
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert set(refused.value.block_errors["regular_hours"].block_errors) == {1}


def test_a_row_without_days_is_refused():
    block, value = service(regular_hours=[{"weekdays": [], "opens": time(13), "closes": time(15)}])
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_two_exceptions_for_one_date_are_refused():
    day = date(2026, 12, 9)
    block, value = service(
        exceptions=[
            {"date": day, "hours": [EMPTY_ROW]},
            {"date": day, "hours": [{"opens": time(9), "closes": time(11)}]},
        ]
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert set(refused.value.block_errors["exceptions"].block_errors) == {1}


def test_overlapping_seasons_are_refused():
    block, value = service(
        seasons=[
            {"name": "Sommar", "starts": date(2027, 6, 21), "ends": date(2027, 8, 15)},
            {"name": "Högsommar", "starts": date(2027, 7, 1), "ends": date(2027, 7, 31)},
        ]
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert "This period overlaps Sommar." in messages_of(refused.value)
