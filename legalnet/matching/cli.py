"""`flask match`: match one request (a JSON object) or many (JSON Lines) without writing to the database."""

import codecs
import json
import sys

import click
from flask.cli import with_appcontext

from legalnet.extensions import db
from legalnet.intake.forms import DESCRIPTION_MAX
from legalnet.matching.services import find_matches, resolve_request

TEXT_FIELDS = ("title", "description")
LIST_FIELDS = ("jurisdictions", "practice_areas", "languages", "counterparties")


def _parse_line(text: str) -> dict | str:
    """One JSON Lines line as a request, or why it is not one."""
    try:
        item = json.loads(text)
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg} at column {error.colno})"
    return item if isinstance(item, dict) else "expected a JSON object"


def read_requests(data: bytes | str) -> list[tuple[int, dict | str]]:
    """Parse one JSON object (or array of objects) or JSON Lines; returns (line, request or error message) pairs.

    Lines are split on the newline byte alone, so a line that is not UTF-8 is reported on its own and a JSON
    string holding a Unicode line separator stays one line."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        whole = json.loads(data.decode("utf-8")) if data.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        whole = None
    if isinstance(whole, dict):
        return [(1, whole)]
    if isinstance(whole, list):
        return [(i, item if isinstance(item, dict) else "expected a JSON object") for i, item in enumerate(whole, 1)]
    out: list[tuple[int, dict | str]] = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            out.append((number, f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1})"))
            continue
        if line.strip():
            out.append((number, _parse_line(line)))
    return out


def _kind_of(value) -> str:
    """How a JSON value is named in messages."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "text"


def _printable(value: str) -> bool:
    """False when the text holds a lone surrogate (a JSON escape such as \\ud800), which no output can carry."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_request(item: dict) -> list[str]:
    """What is wrong with the shape of one request: fields of the wrong type, unprintable text, too long."""
    problems = []
    if isinstance(item.get("id"), list | dict):
        problems.append(f"id: expected text or a number, got {_kind_of(item['id'])}")
    for key in (*TEXT_FIELDS, "urgency"):
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(f"{key}: expected text, got {_kind_of(value)}")
        elif value is not None and not _printable(value):
            problems.append(f"{key}: contains an invalid character (a lone surrogate)")
    for key in LIST_FIELDS:
        value = item.get(key)
        if value is None or isinstance(value, str):
            if value is not None and not _printable(value):
                problems.append(f"{key}: contains an invalid character (a lone surrogate)")
            continue
        if not isinstance(value, list):
            problems.append(f"{key}: expected a list of strings, got {_kind_of(value)}")
            continue
        wrong = [v for v in value if v is not None and not isinstance(v, str)]
        if wrong:
            problems.append(f"{key}: expected a list of strings, got {_kind_of(wrong[0])} in it")
        elif not all(_printable(v) for v in value if v):
            problems.append(f"{key}: contains an invalid character (a lone surrogate)")
    description = item.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_MAX:
        problems.append(f"description: at most {DESCRIPTION_MAX:,} characters (this one has {len(description):,})")
    return problems


def as_list(value) -> list[str]:
    """A list field given as a list or as one string."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [v for v in value if isinstance(v, str) and v.strip()]


def firm_ref(firm) -> dict:
    """How a firm appears in the output."""
    return {"name": firm.name, "email": firm.email}


def match_one(item: dict, limit: int) -> dict:
    """Resolve and match one request into the output shape of the contract."""
    lists = {key: as_list(item.get(key)) for key in LIST_FIELDS}
    texts = {key: str(item.get(key) or "").strip() for key in TEXT_FIELDS}
    if not any(texts.values()) and not any(lists[k] for k in ("jurisdictions", "practice_areas", "languages")):
        return {"id": item.get("id"), "error": "the request is empty: give a description or at least one "
                "jurisdiction, practice area or language"}
    resolution = resolve_request(texts["title"], texts["description"], lists["jurisdictions"],
                                 lists["practice_areas"], lists["languages"], counterparties=lists["counterparties"])
    result = find_matches(resolution, resolution.screened_counterparties, limit=limit)
    return {
        "id": item.get("id"),
        "resolved": resolution.as_dict(),
        "unresolved": resolution.unresolved,
        "matches": [
            {"firm": firm_ref(m.firm), "score": round(m.score, 4), "conflict": m.conflict, "reasons": m.reasons,
             **({"conflict_with": m.conflict_with} if m.conflict else {})}
            for m in result.matches
        ],
        "team": [{"jurisdiction": t.jurisdiction, "firm": firm_ref(t.firm)} for t in result.team],
    }


def print_table(result: dict) -> None:
    """A readable rendering of one result."""
    if "error" in result:
        click.echo(f"{result.get('id') or '-'}: {result['error']}")
        return
    resolved = result["resolved"]
    click.echo(f"Request {result.get('id') or '-'}: jurisdictions {', '.join(resolved['jurisdictions']) or '-'}; "
               f"areas {', '.join(resolved['practice_areas']) or '-'}; "
               f"languages {', '.join(resolved['languages']) or '-'}")
    if result["unresolved"]:
        click.echo(f"  not understood: {'; '.join(result['unresolved'])}")
    if not result["matches"]:
        click.echo("  no suitable firm")
    for rank, match in enumerate(result["matches"], 1):
        flag = "  CONFLICT" if match["conflict"] else ""
        click.echo(f"  {rank:>2}. {match['score']:.2f}  {match['firm']['name']} <{match['firm']['email']}>{flag}")
        click.echo(f"       {'; '.join(match['reasons'])}")
    for member in result["team"]:
        click.echo(f"  team: {member['jurisdiction']}: {member['firm']['name']}")
    click.echo("")


@click.command("match")
@click.argument("source", type=click.File("rb"), default="-")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines instead of a table.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="Firms per request.")
@with_appcontext
def match_command(source, as_json: bool, limit: int):
    """Match requests read from FILE (or standard input) against the active member firms.

    A line that cannot be read (not UTF-8, not JSON, fields of the wrong type) is reported on standard error
    with its line number and the others still run; the exit status is 1 only when no line could be matched."""
    items = read_requests(source.read())
    if not items:
        raise click.ClickException("no request given: pass a JSON object or JSON Lines")
    failures = 0
    for number, item in items:
        problems = [item] if isinstance(item, str) else check_request(item)
        if problems:
            failures += 1
            click.echo(f"line {number}: {'; '.join(problems)}", err=True)
            continue
        try:
            result = match_one(item, limit)
        except Exception as error:  # one request must not stop the file; say which line failed and why
            db.session.rollback()
            result = {"error": f"could not be matched ({type(error).__name__}: {error})"}
        if "error" in result:
            failures += 1
            click.echo(f"line {number}: {result['error']}", err=True)
            continue
        if as_json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            print_table(result)
    if failures and failures == len(items):
        raise SystemExit(1)
