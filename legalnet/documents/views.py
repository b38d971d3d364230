"""Uploading a document to a case and downloading one, for the parties only; downloads are served as
attachments that browsers must not sniff or render in the site's origin."""

import io

from flask import Blueprint, abort, flash, redirect, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from legalnet.core.errors import NotAllowed
from legalnet.core.loaders import visible_or_404
from legalnet.core.views import attempt, attempt_quietly
from legalnet.documents import permissions, services
from legalnet.documents.forms import UploadDocumentForm
from legalnet.intake.models import LegalRequest

bp = Blueprint("documents", __name__)


def load_request(request_id: int) -> LegalRequest:
    """The request if the user may read its documents; 404 otherwise."""
    return visible_or_404(LegalRequest, request_id, permissions.can_read)


def back_to(req: LegalRequest) -> str:
    """The page the documents of the request are shown on for the user."""
    if req.is_case:
        return url_for("referrals.case_detail", request_id=req.id) + "#documents"
    if current_user.is_staff:
        return url_for("referrals.staff_request", request_id=req.id) + "#documents"
    return url_for("intake.detail", request_id=req.id) + "#documents"


@bp.app_context_processor
def document_helpers() -> dict:
    """Templates list a request's documents for the current user and show the upload form where allowed."""

    def request_documents(req):
        return services.documents_of(current_user, req)

    def can_add_documents(req):
        return permissions.can_add(current_user, req)

    return {"request_documents": request_documents, "can_add_documents": can_add_documents,
            "document_form": UploadDocumentForm}


@bp.route("/requests/<int:request_id>/documents", methods=["POST"])
@login_required
def upload(request_id: int):
    """Add a file to the case."""
    req = load_request(request_id)
    form = UploadDocumentForm()
    if not form.validate_on_submit():
        abort(400)
    file = form.file.data
    outcome = attempt(services.upload, req, current_user, getattr(file, "filename", None),
                      getattr(file, "stream", io.BytesIO()))
    if outcome:
        document = outcome.value
        flash(_("“%(name)s” uploaded (version %(version)s).", name=document.name, version=document.version),
              "success")
    return redirect(back_to(req))


@bp.route("/requests/<int:request_id>/documents/<int:document_id>")
@login_required
def download(request_id: int, document_id: int):
    """Send a document as an attachment, with its stored type and no sniffing; the download is audited."""
    req = load_request(request_id)
    outcome = attempt_quietly(services.read, current_user, req, document_id)
    if not outcome:
        if isinstance(outcome.error, NotAllowed):
            abort(404)
        flash(str(outcome.error), "error")
        return redirect(back_to(req))
    document, data = outcome.value
    response = send_file(io.BytesIO(data), mimetype=document.content_type, as_attachment=True,
                         download_name=document.name, max_age=0, etag=False)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
