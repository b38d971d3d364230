"""What a file is, read from its bytes rather than its name: the allow-list of document types (PDF, images,
Office documents, plain text and CSV), detection with the `filetype` library, the check of an Office Open XML
file's [Content_Types].xml, and the rule for text, which has no signature (UTF-8 without NUL bytes)."""

import io
import zipfile

import filetype

# Allowed extensions and the type their content must be.
ALLOWED = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "heic": "image/heic",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "txt": "text/plain",
    "csv": "text/csv",
}
TEXT_TYPES = {"text/plain", "text/csv"}
# The content type an Office Open XML package declares for its main part, by extension.
OOXML_MAIN_PARTS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
# [Content_Types].xml is a few kilobytes; a larger one is not read (it could be a compression bomb).
CONTENT_TYPES_MAX = 1_000_000


class ContentRefused(ValueError):
    """The bytes are not an allowed document of the type the name says; `reason` is 'type' or 'mismatch'."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def extension(name: str) -> str:
    """The file name's extension, lower case, without the dot ('' when it has none)."""
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def is_text(data: bytes) -> bool:
    """Plain text: UTF-8 (a byte-order mark allowed) with no NUL byte."""
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def ooxml_declares(data: bytes, main_part: str) -> bool:
    """The zip holds a [Content_Types].xml that declares `main_part`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > CONTENT_TYPES_MAX:
                return False
            declared = archive.read(info)
    except (zipfile.BadZipFile, KeyError, RuntimeError, NotImplementedError, OSError, EOFError):
        return False
    return main_part.encode() in declared


def content_type(name: str, data: bytes) -> str:
    """The allowed type of a file named `name` with these bytes; ContentRefused('type') when its extension is
    not allowed, ContentRefused('mismatch') when the bytes are not what the extension says."""
    ext = extension(name)
    expected = ALLOWED.get(ext)
    if expected is None:
        raise ContentRefused("type")
    guessed = filetype.guess_mime(data)
    if expected in TEXT_TYPES:
        # Text has no signature: it is text when no binary format is recognised and it reads as UTF-8.
        if guessed is None and is_text(data):
            return expected
        raise ContentRefused("mismatch")
    if guessed != expected:
        raise ContentRefused("mismatch")
    if ext in OOXML_MAIN_PARTS and not ooxml_declares(data, OOXML_MAIN_PARTS[ext]):
        raise ContentRefused("mismatch")
    return expected
