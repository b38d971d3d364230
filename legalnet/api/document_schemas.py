"""The shapes of the case document operations: the upload form and a document as listed."""

from flask import url_for
from marshmallow import EXCLUDE, Schema, fields

from legalnet.api.fields import DerivedString, Timestamp


class UploadInput(Schema):
    """A file to add to the case, sent as multipart/form-data in the field `file`."""

    class Meta:
        unknown = EXCLUDE

    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class Document(Schema):
    """A document of the request: its name and version, size, type by content, SHA-256, who added it and
    where to download it."""

    id = fields.Integer(required=True)
    name = fields.String()
    version = fields.Integer()
    size = fields.Integer()
    content_type = fields.String()
    sha256 = fields.String()
    side = fields.String()
    at_intake = fields.Boolean()
    created_at = Timestamp()
    download_url = DerivedString(value_of=lambda d: url_for("api.download_document", request_id=d.request_id,
                                                            document_id=d.id))


class DocumentList(Schema):
    """The request's documents the caller may read."""

    items = fields.List(fields.Nested(Document))
