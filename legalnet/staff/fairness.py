"""How evenly the centre spreads referrals over its member firms: the Gini coefficient of referrals per active
firm, and bunching alerts when one firm receives several referrals in a row within a few minutes.

Plain Python over numbers and (firm, time) pairs, so that the rules are tested on known values."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# Three referrals in a row to one firm within this many minutes raise an alert.
BUNCH_SIZE = 3
BUNCH_MINUTES = 10


def gini(values: Iterable[float]) -> float | None:
    """The Gini coefficient of non-negative amounts: 0 when every firm got as many referrals, approaching 1
    when one firm got them all; None when there is nothing to compare (no firm or no referral)."""
    ordered = sorted(float(v) for v in values)
    n, total = len(ordered), sum(ordered)
    if n == 0 or total <= 0:
        return None
    # G = sum_i (2i - n - 1) x_i / (n * sum x), with x sorted ascending and i from 1.
    weighted = sum((2 * i - n - 1) * x for i, x in enumerate(ordered, start=1))
    return weighted / (n * total)


@dataclass
class Bunch:
    """A run of consecutive referrals to one firm inside the alert window."""

    firm_id: int
    firm_name: str
    count: int
    first_at: datetime
    last_at: datetime

    @property
    def minutes(self) -> float:
        """Minutes from the first referral of the run to the last."""
        return (self.last_at - self.first_at).total_seconds() / 60


def bunches(referrals: Sequence[tuple[int, str, datetime]], size: int = BUNCH_SIZE,
            minutes: int = BUNCH_MINUTES) -> list[Bunch]:
    """Runs of at least `size` consecutive referrals (in time order, across the whole network) to the same firm
    whose first and last lie within `minutes`; runs do not overlap; newest first.

    `referrals` are (firm id, firm name, offered at) in any order."""
    window = timedelta(minutes=minutes)
    found: list[Bunch] = []
    run: list[tuple[int, str, datetime]] = []

    def close_run() -> None:
        if len(run) >= size:
            found.append(Bunch(run[0][0], run[0][1], len(run), run[0][2], run[-1][2]))

    for item in sorted(referrals, key=lambda r: r[2]):
        # A run continues while the same firm gets the next referral and the run still fits in the window;
        # anything else ends it (runs do not overlap, so one burst raises one alert).
        if run and run[-1][0] == item[0] and item[2] - run[0][2] <= window:
            run.append(item)
            continue
        close_run()
        run = [item]
    close_run()
    return sorted(found, key=lambda b: b.last_at, reverse=True)
