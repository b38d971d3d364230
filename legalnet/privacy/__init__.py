"""Personal-data duties of a legal platform (PIPL, PDPO, PDPA and their neighbours): versioned consent notices,
a person's export of everything held about them, erasure under a pseudonym, and the retention sweep."""

from flask import Flask

from legalnet.core.i18n import current_locale_name
from legalnet.privacy.cli import privacy_cli
from legalnet.privacy.consent import notice_text
from legalnet.privacy.views import bp


def init_app(app: Flask) -> None:
    """Register the pages, the `privacy` commands and the consent notice helper for templates."""

    app.register_blueprint(bp)
    app.cli.add_command(privacy_cli)

    @app.template_global()
    def consent_notice_text(version: str | None = None) -> str:
        """The intake sharing notice in the page's language."""
        return notice_text(version=version, locale=current_locale_name())
