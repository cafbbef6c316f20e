"""The migration to several days per row keeps every opening hour: one row per weekday and
interval becomes one row per interval naming its days, in pages and in their revisions."""

import importlib

MIGRATION = importlib.import_module("portal.migrations.0007_several_days_at_once")


def row(value, id_):
    return {"type": "item", "value": value, "id": id_}


def test_rows_with_the_same_times_become_one_row_with_their_days():
    old = [
        row({"weekday": "0", "opens": "08:30:00", "closes": "12:00:00"}, "a"),
        row({"weekday": "1", "opens": "08:30:00", "closes": "12:00:00"}, "b"),
        row({"weekday": "0", "opens": "13:00:00", "closes": "16:00:00"}, "c"),
        row({"weekday": "4", "opens": "08:30:00", "closes": "12:00:00"}, "d"),
    ]
    assert MIGRATION.WeekdayRowsToSeveralDays().apply(old) == [
        row({"weekdays": ["0", "1", "4"], "opens": "08:30:00", "closes": "12:00:00"}, "a"),
        row({"weekdays": ["0"], "opens": "13:00:00", "closes": "16:00:00"}, "c"),
    ]


def test_an_empty_row_and_rows_already_converted_are_kept():
    rows = [
        row({"weekdays": ["2"], "opens": "09:00:00", "closes": "11:00:00"}, "a"),
        row({"weekday": "3", "opens": None, "closes": None}, "b"),
    ]
    assert MIGRATION.WeekdayRowsToSeveralDays().apply(rows) == [
        row({"weekdays": ["2"], "opens": "09:00:00", "closes": "11:00:00"}, "a"),
        row({"weekdays": ["3"], "opens": None, "closes": None}, "b"),
    ]
