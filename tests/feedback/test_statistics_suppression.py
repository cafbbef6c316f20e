"""Small-count suppression for the open statistics: no hidden count can be worked out from the
shown total and the shown counts (a pure function, no database)."""

from itertools import product

import pytest

from feedback.reports import suppress


def splits(total: int, parts: int):
    """Every way to write ``total`` as ``parts`` non-negative integers, in order."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in splits(total - first, parts - 1):
            yield (first, *rest)


def possible_values(published: dict, total: int) -> dict:
    """For each hidden cell, every value it can have given the shown total and shown cells:
    what a reader who does the sums can know (brute force)."""
    hidden = [key for key, n in published.items() if n is None]
    left = total - sum(n for n in published.values() if n is not None)
    values = {key: set() for key in hidden}
    if hidden:
        for split in splits(left, len(hidden)):
            for key, value in zip(hidden, split, strict=True):
                values[key].add(value)
    return values


def assert_nothing_can_be_worked_out(cells: dict, minimum: int):
    published = suppress(cells, minimum)
    total = sum(cells.values())
    assert list(published) == list(cells)  # every cell listed, in the given order
    for key, n in published.items():
        assert n is None or n == cells[key]
        if minimum > 1 and cells[key] < minimum:
            assert n is None, key
    # At most one count at or above the minimum is hidden to protect the others.
    assert sum(1 for k, n in published.items() if n is None and cells[k] >= minimum) <= 1
    for key, values in possible_values(published, total).items():
        assert len(values) >= 2, (cells, published, key, values)
    return published


def test_a_lone_small_count_takes_the_smallest_shown_count_with_it():
    # Before: 10 and 4 shown, "fewer than 3" beside them, total 15: it could only be 1.
    published = assert_nothing_can_be_worked_out({"a": 10, "b": 4, "c": 1}, 3)
    assert published == {"a": 10, "b": None, "c": None}


def test_a_hidden_count_that_is_the_difference_of_two_shown_figures():
    # Total 12 shown and 10 shown: a lone hidden 2 would be 12 - 10.
    published = assert_nothing_can_be_worked_out({"a": 10, "b": 2}, 3)
    assert published == {"a": None, "b": None}
    published = assert_nothing_can_be_worked_out({"a": 7, "b": 5, "c": 1, "d": 9}, 3)
    assert published == {"a": 7, "b": None, "c": None, "d": 9}


def test_ties_hide_the_first_in_order():
    assert suppress({"a": 4, "b": 4, "c": 1}, 3) == {"a": None, "b": 4, "c": None}


def test_zeros_are_hidden_too_so_a_listed_row_says_nothing():
    # Shown zeros would tell that the hidden cell is at least 1.
    published = assert_nothing_can_be_worked_out({"a": 6, "b": 0, "c": 1, "d": 0}, 3)
    assert published == {"a": 6, "b": None, "c": None, "d": None}


def test_hidden_cells_that_are_all_zero_take_a_shown_count_with_them():
    published = assert_nothing_can_be_worked_out({"a": 6, "b": 0, "c": 0, "d": 5}, 3)
    assert published == {"a": 6, "b": None, "c": None, "d": None}


def test_all_hidden():
    assert assert_nothing_can_be_worked_out({"a": 1, "b": 2}, 3) == {"a": None, "b": None}
    assert assert_nothing_can_be_worked_out({"a": 1, "b": 1, "c": 1}, 3) == dict.fromkeys("abc")
    # A total of 0 cannot be protected: the page then shows no breakdown at all (the total is
    # below the minimum).
    assert suppress({"a": 0, "b": 0}, 3) == {"a": None, "b": None}


def test_nothing_hidden_when_no_count_is_small():
    assert suppress({"a": 3, "b": 40}, 3) == {"a": 3, "b": 40}


def test_a_minimum_of_one_hides_nothing():
    assert suppress({"a": 5, "b": 1, "c": 0}, 1) == {"a": 5, "b": 1, "c": 0}
    assert suppress({"a": 5, "b": 0}, 0) == {"a": 5, "b": 0}


@pytest.mark.parametrize("minimum", [2, 3, 4])
@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_no_hidden_count_can_be_worked_out_in_any_small_table(minimum, size):
    """Every table of up to four cells with counts 0-5 whose total can be shown."""
    for counts in product(range(6), repeat=size):
        if sum(counts) >= minimum:
            assert_nothing_can_be_worked_out(dict(zip("abcd", counts, strict=False)), minimum)
