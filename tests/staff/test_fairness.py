"""The fairness index and the bunching rule on known values."""

from datetime import datetime, timedelta

import pytest

from legalnet.staff.fairness import bunches, gini

T0 = datetime(2026, 8, 24, 9, 0)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.mark.parametrize(("values", "expected"), [
    ([5, 5, 5, 5], 0.0),            # perfectly even
    ([0, 0, 0, 10], 0.75),          # all to one of four: (n - 1) / n
    ([1, 2, 3, 4], 0.25),           # sum (2i-n-1) x_i = -3 -2 +3 +12 = 10; 10 / (4 * 10)
    ([3, 1], 0.25),                 # order does not matter: (-1*1 + 1*3) / (2 * 4)
    ([0, 0, 1], 2 / 3),
])
def test_gini_of_known_distributions(values, expected):
    assert gini(values) == pytest.approx(expected)


def test_gini_is_unknown_without_firms_or_referrals():
    assert gini([]) is None
    assert gini([0, 0, 0]) is None


def test_three_in_a_row_to_one_firm_within_the_window_is_an_alert():
    found = bunches([(1, "Alpha", at(0)), (1, "Alpha", at(4)), (1, "Alpha", at(9))], size=3, minutes=10)
    assert len(found) == 1
    assert (found[0].firm_id, found[0].count, found[0].first_at, found[0].last_at) == (1, 3, at(0), at(9))
    assert found[0].minutes == 9


def test_another_firm_in_between_breaks_the_run():
    referrals = [(1, "Alpha", at(0)), (1, "Alpha", at(1)), (2, "Beta", at(2)), (1, "Alpha", at(3))]
    assert bunches(referrals, size=3, minutes=10) == []


def test_a_run_slower_than_the_window_is_no_alert():
    referrals = [(1, "Alpha", at(0)), (1, "Alpha", at(6)), (1, "Alpha", at(12))]
    assert bunches(referrals, size=3, minutes=10) == []


def test_two_in_a_row_is_no_alert_and_input_order_does_not_matter():
    assert bunches([(1, "Alpha", at(1)), (1, "Alpha", at(0))], size=3, minutes=10) == []
    shuffled = [(1, "Alpha", at(2)), (1, "Alpha", at(0)), (1, "Alpha", at(1))]
    assert [b.count for b in bunches(shuffled, size=3, minutes=10)] == [3]


def test_a_long_burst_is_one_alert_and_separate_bursts_are_listed_newest_first():
    referrals = [(1, "Alpha", at(m)) for m in (0, 1, 2, 3, 4)]
    referrals += [(2, "Beta", at(30)), (2, "Beta", at(31)), (2, "Beta", at(35))]
    found = bunches(referrals, size=3, minutes=10)
    assert [(b.firm_name, b.count) for b in found] == [("Beta", 3), ("Alpha", 5)]
