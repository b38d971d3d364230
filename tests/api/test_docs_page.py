"""The API reference page: markdown code spans become <code>, everything else is escaped, and the page's
own headings are translated."""

import re

from legalnet.accounts.models import Role
from legalnet.api.reference import code_spans
from tests.conftest import submit


def test_code_spans_become_code_and_the_rest_is_escaped():
    assert str(code_spans("Send `Authorization: Bearer <token>` & wait")) == \
        "Send <code>Authorization: Bearer &lt;token&gt;</code> &amp; wait"
    assert str(code_spans("<script>alert(1)</script> `x`")) == "&lt;script&gt;alert(1)&lt;/script&gt; <code>x</code>"
    assert str(code_spans("an odd ` backtick")) == "an odd ` backtick"
    assert str(code_spans(None)) == ""


def test_docs_page_shows_no_markdown_backticks(client, db):
    html = client.get("/api/v1/docs").get_data(as_text=True)
    main = html.split("<main", 1)[1]
    assert "`" not in main
    assert "<code>errors</code>" in main and "<code>Authorization: Bearer &lt;token&gt;</code>" in main
    assert re.search(r"<h1>API reference</h1>", main)


def test_docs_page_chrome_is_translated(client, db):
    submit(client, "/language", {"locale": "zh_Hant", "next": "/api/v1/docs"}, form_url="/api/v1/docs")
    html = client.get("/api/v1/docs").get_data(as_text=True)
    assert "<h1>API reference</h1>" not in html
    assert "<h2>Operations</h2>" not in html


def test_tokens_table_stacks_on_phones_with_labels_and_names_the_time_zone(client, db, auth):
    auth.login(Role.CLIENT)
    submit(client, "/account/tokens", {"name": "intake portal"})
    html = client.get("/account/tokens").get_data(as_text=True)
    assert re.search(r'<div class="table-wrap"[^>]*>\s*<table class="stack-on-phone">', html)
    for label in ("Name", "Starts with", "Created", "Last used", "Status"):
        assert f'<td data-label="{label}">' in html, label
    assert "Times are in Hong Kong Time." in html
