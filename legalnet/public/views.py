"""Pages anyone can read without signing in."""

from flask import Blueprint, render_template

bp = Blueprint("public", __name__)


@bp.route("/")
def home():
    """The centre's front page."""
    return render_template("public/home.html")


@bp.route("/how-it-works")
def how_it_works():
    """How requests are matched and referred."""
    return render_template("public/how_it_works.html")
