"""CSV cells that are safe to open in a spreadsheet: text a spreadsheet would run as a formula (a cell
starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe. Every CSV file the
app offers for download writes its cells through `csv_cell`."""

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in FORMULA_STARTS and not _is_number(text) else text


def _is_number(text: str) -> bool:
    # A negative number ("-3") is data, not a formula.
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_text(header: Iterable, rows: Iterable[Iterable]) -> str:
    """A header and rows as CSV text, every cell passed through csv_cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_cell(value) for value in header])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return out.getvalue()
