"""The docs page's view of the OpenAPI document: its operations in order with references resolved, and the
filter that turns the document's `code` spans into HTML."""

import re

from markupsafe import Markup, escape

CODE_SPAN_RE = re.compile(r"`([^`]+)`")


def code_spans(text) -> Markup:
    """Description text of the OpenAPI document as HTML: `code` spans become <code>, the rest is escaped."""
    escaped = str(escape(text or ""))
    return Markup(CODE_SPAN_RE.sub(lambda m: f"<code>{m.group(1)}</code>", escaped))


def resolve_ref(document: dict, value):
    """Follow a $ref inside the document."""
    while isinstance(value, dict) and "$ref" in value:
        node = document
        for part in value["$ref"].lstrip("#/").split("/"):
            node = node[part]
        value = node
    return value


def schema_name(schema: dict | None) -> str:
    """The component name a schema refers to, or ""."""
    return (schema or {}).get("$ref", "").rsplit("/", 1)[-1]


def operations(document: dict) -> list[dict]:
    """The operations in document order, with references resolved one level, for the docs page."""
    result = []
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            responses = []
            for code, response in sorted(op["responses"].items()):
                response = resolve_ref(document, response)
                content = response.get("content", {})
                media = next(iter(content), None)
                responses.append({"code": code, "description": response.get("description", ""), "media": media,
                                  "schema": schema_name(content[media].get("schema")) if media else "",
                                  "headers": list(response.get("headers", {}))})
            result.append({
                "method": method.upper(), "path": path, "id": op["operationId"], "summary": op.get("summary", ""),
                "description": op.get("description", ""), "public": op.get("security") == [],
                "parameters": op.get("parameters", []), "body": schema_name(body) or None, "responses": responses,
            })
    return result
