"""The baseline of the page benchmark: a minimal Flask app that runs one query against the same database
and renders a small template, served by gunicorn with the same settings as legalnet."""

import os

from flask import Flask, render_template_string
from sqlalchemy import create_engine, text

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ name }}</title></head>
<body><h1>{{ name }}</h1><p>{{ email }}</p><ul>{% for i in range(5) %}<li>{{ name }} {{ i }}</li>{% endfor %}</ul>
</body></html>"""


def create_app() -> Flask:
    """The one-query page at /."""
    app = Flask(__name__)
    engine = create_engine(os.environ["DATABASE_URL"])

    @app.route("/")
    def page():
        with engine.connect() as conn:
            name, email = conn.execute(text("SELECT name, email FROM firms ORDER BY id LIMIT 1")).one()
        return render_template_string(PAGE, name=name, email=email)

    return app
