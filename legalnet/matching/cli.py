"""`flask match`: match one request (a JSON object) or many (JSON Lines) without writing to the database."""

import json
import sys

import click
from flask.cli import with_appcontext

from legalnet.matching.services import find_matches, resolve_request

TEXT_FIELDS = ("title", "description")
LIST_FIELDS = ("jurisdictions", "practice_areas", "languages", "counterparties")


def read_requests(text: str) -> list[tuple[int, dict | str]]:
    """Parse one JSON object or JSON Lines; returns (line, request or error message) pairs."""
    stripped = text.strip()
    if not stripped:
        return []
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        return [(1, whole)]
    if isinstance(whole, list):
        return [(i, item if isinstance(item, dict) else "expected a JSON object") for i, item in enumerate(whole, 1)]
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            out.append((number, f"not valid JSON ({error.msg})"))
            continue
        out.append((number, item if isinstance(item, dict) else "expected a JSON object"))
    return out


def as_list(value) -> list[str]:
    """A list field given as a list or as one string."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [str(v) for v in value if v is not None and str(v).strip()]


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
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines instead of a table.")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="Firms per request.")
@with_appcontext
def match_command(source, as_json: bool, limit: int):
    """Match requests read from FILE (or standard input) against the active member firms."""
    items = read_requests(source.read())
    if not items:
        raise click.ClickException("no request given: pass a JSON object or JSON Lines")
    failures = 0
    for number, item in items:
        if isinstance(item, str):
            failures += 1
            click.echo(f"line {number}: {item}", err=True)
            continue
        result = match_one(item, limit)
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
