"""The settings pages where people create and revoke their personal API tokens (/account/tokens); a new
token is shown once."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from legalnet.api import services
from legalnet.api.forms import NewTokenForm, RevokeTokenForm
from legalnet.core.errors import DomainError
from legalnet.extensions import csrf, db


def tokens_page():
    """Create, list and revoke one's personal API tokens; a new token is shown once."""
    if request.method == "POST":
        # The API blueprint is exempt from the app-wide check, this page is not.
        csrf.protect()
    form = NewTokenForm()
    new_value = None
    if form.validate_on_submit():
        try:
            created = services.create_token(current_user, form.name.data)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            new_value = created.value
            flash(_("Token “%(name)s” created. Copy it now: it is not shown again.", name=created.token.name),
                  "success")
            form = NewTokenForm(formdata=None)
    return render_template("api/tokens.html", form=form, revoke_form=RevokeTokenForm(), new_value=new_value,
                           tokens=services.user_tokens(current_user))


def revoke_token_view(token_id: int):
    """Revoke one of one's own tokens."""
    csrf.protect()
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    try:
        token = services.revoke_token(current_user, token_id)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("Token “%(name)s” revoked.", name=token.name), "success")
    return redirect(url_for("api.tokens"))
