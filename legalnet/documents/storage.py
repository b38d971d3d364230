"""Where the bytes of documents live, behind a small interface: a local folder outside the web root by default
(instance/documents), or S3-compatible object storage (legalnet.documents.s3, loaded only when configured).
Keys are random names chosen by the services; nothing the uploader typed reaches a path."""

import importlib
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from flask import Flask, current_app

# Keys are hexadecimal tokens; anything else is refused before it can name a path.
KEY_RE = re.compile(r"^[0-9a-f]{32,64}$")


class Storage(Protocol):
    """What the document services need of a store."""

    def save(self, key: str, data: bytes) -> None:
        """Store `data` under `key`."""

    def load(self, key: str) -> bytes:
        """The bytes stored under `key`."""

    def delete(self, key: str) -> None:
        """Remove what is stored under `key`, if anything."""


def checked_key(key: str) -> str:
    """The key itself when it is a token the services made; ValueError otherwise."""
    if not KEY_RE.match(key or ""):
        raise ValueError("invalid storage key")
    return key


class LocalStorage:
    """Files in a folder, two levels deep by the key's first characters, written atomically and readable by the
    application's user only."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path(self, key: str) -> Path:
        """Where the file of `key` is kept."""
        key = checked_key(key)
        return self.root / key[:2] / key

    def save(self, key: str, data: bytes) -> None:
        """Write the file through a temporary one, so that a reader never sees half of it."""
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def load(self, key: str) -> bytes:
        """The file's bytes."""
        return self.path(key).read_bytes()

    def delete(self, key: str) -> None:
        """Remove the file; a missing one is not an error."""
        self.path(key).unlink(missing_ok=True)


def create_storage(app: Flask) -> Storage:
    """The store named by DOCUMENT_STORAGE: 'local' (DOCUMENT_ROOT, instance/documents by default) or 's3'."""
    kind = app.config.get("DOCUMENT_STORAGE", "local")
    if kind == "local":
        return LocalStorage(app.config.get("DOCUMENT_ROOT") or os.path.join(app.instance_path, "documents"))
    if kind == "s3":
        # boto3 is an optional extra (pip install legalnet[s3]): its module is loaded only when configured.
        s3 = importlib.import_module("legalnet.documents.s3")
        return s3.S3Storage.from_config(app.config)
    raise RuntimeError(f"DOCUMENT_STORAGE must be 'local' or 's3', not {kind!r}")


def init_app(app: Flask) -> None:
    """Create the application's document store."""
    app.extensions["document_storage"] = create_storage(app)


def storage() -> Storage:
    """The current application's document store."""
    return current_app.extensions["document_storage"]
