"""A file shared on a request: its name as uploaded, its version, where the bytes are stored and their SHA-256."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legalnet.core.models import utcnow
from legalnet.extensions import db


class Document(db.Model):
    """One uploaded file; a later upload of the same name on the same request is its next version."""

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("request_id", "name", "version", name="uq_documents_request_name_version"),
        Index("ix_documents_request_created", "request_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("legal_requests.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(255))
    version: Mapped[int] = mapped_column(default=1)
    # A random name in the storage, never derived from what the uploader typed.
    storage_key: Mapped[str] = mapped_column(String(64), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    content_type: Mapped[str] = mapped_column(String(100))
    # 'client', 'firm' or 'staff': the side that uploaded it; 'intake' files came with the request.
    side: Mapped[str] = mapped_column(String(10))
    at_intake: Mapped[bool] = mapped_column(default=False)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    uploaded_by: Mapped["User | None"] = relationship()  # noqa: F821
