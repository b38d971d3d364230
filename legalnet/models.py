"""Imports every model so that SQLAlchemy metadata and Alembic see the whole schema."""

from legalnet.accounts.models import Organisation, RecoveryCode, User, UserSession  # noqa: F401
from legalnet.api.models import ApiToken  # noqa: F401
from legalnet.core.audit import AuditLog  # noqa: F401
from legalnet.core.versions import ContentVersion  # noqa: F401
from legalnet.documents.models import Document  # noqa: F401
from legalnet.firms.models import (  # noqa: F401
    BarAdmission,
    ConflictParty,
    Firm,
    FirmJurisdiction,
    FirmLanguage,
    FirmPracticeArea,
    Lawyer,
    Office,
)
from legalnet.intake.models import LegalRequest  # noqa: F401
from legalnet.matching.models import Match, TaughtAlias, UnresolvedTerm  # noqa: F401
from legalnet.notifications.models import Notification, OutboxEmail  # noqa: F401
from legalnet.ops.models import JobRun  # noqa: F401
from legalnet.privacy.models import Consent, Erasure  # noqa: F401
from legalnet.referrals.models import CaseEvent, Feedback, Message, Offer  # noqa: F401
from legalnet.referrals.quote_models import Quote  # noqa: F401
