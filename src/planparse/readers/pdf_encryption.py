"""An encrypted PDF's streams decrypted a chunk at a time, so that what they inflate to can be counted.

A plan given only an owner password (one that may be read but not edited)
opens for anyone: its streams are encrypted with a key the file itself yields
to the empty user password, and PDFium decrypts and inflates them. Counted as
written they are no zip data, and a bomb among them went uncounted.

pdfminer's security handlers find the key (the standard handler, revisions 2
to 6); each stream is decrypted here with its object's key (RC4, AES of 128 or
256 bits, as the PDF reference's algorithm 1 derives it), with ``cryptography``
(pdfminer's own RC4 copies its output once for every byte).
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import regex

from ..errors import PlanparseError

if TYPE_CHECKING:
    from pdfminer.pdfdocument import PDFStandardSecurityHandler

StreamDecrypter = Callable[[int, int, Iterable[bytes]], Iterator[bytes]]
"""A stream's data decrypted, given its object's number and generation."""

_ENCRYPTED = regex.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R\b|<<)")  # a trailer's (or a cross-reference stream's) entry
_AES_BLOCK = 16


def stream_decrypter(path: Path, data: bytes) -> StreamDecrypter | None:
    """How the PDF ``data``'s streams are decrypted; None when they are not encrypted, or not to the empty
    password (PDFium then asks for one, and the PDF reader says so)."""
    if not _ENCRYPTED.search(data):
        return None
    handler = _security_handler(path, data)
    if handler is None:
        return None
    method = _stream_method(handler)
    key = handler.key
    assert key is not None  # a handler is made only once a password opened the file
    if method == "decrypt_rc4":
        return lambda number, generation, chunks: _rc4_decrypted(_object_key(key, number, generation), chunks)
    if method == "decrypt_aes128":
        return lambda number, generation, chunks: _aes_decrypted(_object_key(key, number, generation, b"sAlT"), chunks)
    if method == "decrypt_aes256":  # one key for every object
        return lambda _number, _generation, chunks: _aes_decrypted(key, chunks)
    return None  # the Identity filter: streams written as they are


def _security_handler(path: Path, data: bytes) -> PDFStandardSecurityHandler | None:
    """The handler that opens the document to the empty password, or None when that opens nothing. A file
    pdfminer cannot parse is left to PDFium, whose refusal names what is wrong with it; one encrypted in a
    way pdfminer does not know is refused, its streams uncountable."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        return None
    except PDFEncryptionError:
        raise PlanparseError(path, "the PDF is encrypted in a way planparse cannot read; remove the encryption first") from None
    except Exception:  # pdfminer raises its own kinds, and Python's, on a damaged file
        return None
    if document.decipher is None:
        return None
    return document.decipher.__self__  # type: ignore[attr-defined]  (the handler's bound method)


def _stream_method(handler: PDFStandardSecurityHandler) -> str:
    """The name of the handler's method that decrypts streams: RC4 before revision 4, else the one its
    stream filter (``/StmF``) names."""
    from pdfminer.pdfdocument import PDFStandardSecurityHandlerV4

    if isinstance(handler, PDFStandardSecurityHandlerV4):
        return handler.cfm[handler.stmf].__name__
    return "decrypt_rc4"


def _object_key(key: bytes, number: int, generation: int, salt: bytes = b"") -> bytes:
    """Algorithm 1: the document's key with the object's number and generation (and AES's salt), hashed."""
    digest = hashlib.md5(key + number.to_bytes(4, "little")[:3] + generation.to_bytes(4, "little")[:2] + salt).digest()
    return digest[:min(len(key) + 5, 16)]


def _rc4_decrypted(key: bytes, chunks: Iterable[bytes]) -> Iterator[bytes]:
    from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
    from cryptography.hazmat.primitives.ciphers import Cipher

    decryptor = Cipher(ARC4(key), mode=None).decryptor()
    for chunk in chunks:
        yield decryptor.update(chunk)


def _aes_decrypted(key: bytes, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """AES in CBC mode, the first block of the data its initialisation vector; the padding at the end is
    left (zip data ends before it)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    vector = b""
    decryptor = None
    for chunk in chunks:
        if decryptor is None:
            taken = _AES_BLOCK - len(vector)
            vector, chunk = vector + bytes(chunk[:taken]), chunk[taken:]
            if len(vector) < _AES_BLOCK:
                continue
            decryptor = Cipher(algorithms.AES(key), modes.CBC(vector)).decryptor()
        yield decryptor.update(chunk)
