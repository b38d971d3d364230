"""Case document operations of the API, over the same services as the pages: list the request's documents the
caller may read, upload one (multipart/form-data, field `file`; checked by size and by content), and download
one as an attachment. Every upload and download is audited; a firm reads a request's documents only once its
offer was accepted, and anyone else gets 404."""

import io

from flask import send_file
from flask_login import current_user

from legalnet.api import document_schemas
from legalnet.api.blueprint import allowed, bp, commit, perform, refused, with_request
from legalnet.api.problems import fail
from legalnet.core.errors import DomainError, NotAllowed
from legalnet.documents import permissions, services
from legalnet.intake.models import LegalRequest

FILE_RESPONSE = {"200": {"description": "The file, as an attachment", "content": {
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}


def readable(req: LegalRequest) -> LegalRequest:
    """The request when the caller may read its documents; 404 otherwise, so ids reveal nothing."""
    if not permissions.can_read(current_user, req):
        fail(404)
    return req


@bp.route("/requests/<int:request_id>/documents")
@allowed()
@bp.doc(operationId="listDocuments", summary="The request's documents, by name, newest version first",
        description="Who: the client, the accepting firm, staff.")
@bp.errors(404)
@with_request
@bp.response(200, document_schemas.DocumentList)
def list_documents(req: LegalRequest):
    """The documents of the request the caller may read."""
    return {"items": services.documents_of(current_user, readable(req))}


@bp.route("/requests/<int:request_id>/documents", methods=["POST"])
@allowed()
@bp.doc(operationId="uploadDocument", summary="Add a file to the case (a file of the same name is a new version)",
        description="Who: the client, the accepting firm, staff, while the case is open. PDF, images, Office "
                    "documents, plain text or CSV, checked by content; DOCUMENT_MAX_BYTES at most.")
@bp.errors(403, 404, 413, 422)
@with_request
@bp.arguments(document_schemas.UploadInput, location="files")
@bp.response(201, document_schemas.Document)
def upload_document(files: dict, req: LegalRequest):
    """Upload a file to the case."""
    file = files["file"]
    return perform(services.upload, readable(req), current_user, file.filename, file.stream, field="file")


@bp.route("/requests/<int:request_id>/documents/<int:document_id>")
@allowed()
@bp.doc(operationId="downloadDocument", summary="Download a document as an attachment",
        description="Who: the client, the accepting firm, staff.", responses=FILE_RESPONSE)
@bp.errors(404, 409)
@with_request
def download_document(req: LegalRequest, document_id: int):
    """The document's bytes as an attachment, with no sniffing; the download is audited."""
    try:
        document, data = services.read(current_user, readable(req), document_id)
    except NotAllowed:
        fail(404)  # no such document on this request
    except DomainError as error:
        refused(error, "document_id")
    commit()
    response = send_file(io.BytesIO(data), mimetype="application/octet-stream", as_attachment=True,
                         download_name=document.name, max_age=0, etag=False)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
