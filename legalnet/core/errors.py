"""Domain errors raised by services and turned into messages by views."""


class DomainError(Exception):
    """A business rule refused the operation; the message is safe to show to the user."""


class InvalidTransition(DomainError):
    """The object is not in a state that allows this change."""


class NotAllowed(DomainError):
    """The person asking may not do this."""


class ValidationFailed(DomainError):
    """Input was well-formed but breaks a rule (duplicate e-mail, weak password, ...)."""
