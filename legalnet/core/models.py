"""Declarative base with a constraint naming convention, and the time helper models use."""

import enum
from datetime import UTC, datetime

from sqlalchemy import Enum, MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """Return the current time in UTC, without tzinfo, as stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


def enum_column(enum_cls: type[enum.Enum], length: int = 20) -> Enum:
    """A portable enum column, stored as the members' values in a VARCHAR."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


def declared_for(obj, dialect_name: str) -> bool:
    """False for a schema object declared only for another database (`.ddl_if(dialect=...)`), so that
    comparing migrations with the models leaves it out where it is never created."""
    condition = getattr(obj, "_ddl_if", None)
    return condition is None or not condition.dialect or condition.dialect == dialect_name


# Tables that live beside the models without being models: the SQLite FTS5 index of firm names (firm_names
# and the shadow tables FTS5 keeps), created by migration 0009 and kept in step by triggers.
OUTSIDE_MODELS_PREFIX = "firm_names"


def compared(obj, name, type_: str, reflected: bool, dialect_name: str) -> bool:
    """Whether comparing the migrated schema with the models should look at this object."""
    if type_ == "table" and reflected and (name or "").startswith(OUTSIDE_MODELS_PREFIX):
        return False
    return declared_for(obj, dialect_name)
