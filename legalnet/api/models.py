"""Personal API tokens: only a hash of the secret is stored, found by a short public prefix."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legalnet.core.models import utcnow
from legalnet.extensions import db


class ApiToken(db.Model):
    """A named bearer token that acts as its user; revoked tokens stay for the record."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # The public part of the token, shown in lists and used to find the row without scanning hashes.
    prefix: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    # sha256 of the secret part, hex; the secret itself is shown once and never stored.
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped["User"] = relationship()  # noqa: F821

    @property
    def is_active(self) -> bool:
        """Not revoked (the user's own state is checked separately)."""
        return self.revoked_at is None
